/** Anthropic's Messages API. */
package org.redteam4j.models.anthropic;
