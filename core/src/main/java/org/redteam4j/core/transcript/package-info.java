/**
 * Conversations between a red team member (or an attacker model) and an assistant, and the
 * hh-rlhf text format they travel in: {@code "\n\nHuman: …\n\nAssistant: …"} repeated.
 */
package org.redteam4j.core.transcript;
