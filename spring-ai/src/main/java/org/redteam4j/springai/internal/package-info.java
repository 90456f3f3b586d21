/** How Spring AI models and clients answer as redteam4j targets; not API: it may change in any release. */
package org.redteam4j.springai.internal;
