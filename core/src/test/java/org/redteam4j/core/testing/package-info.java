/** Helpers every module's tests share: what a test requires from the machine. */
package org.redteam4j.core.testing;
