/**
 * The configured secrets (API keys, database passwords) and the one rule that keeps them out of
 * text: every occurrence of a secret's value becomes {@code [redacted NAME]}, where NAME is what
 * the secret is known by (an environment variable such as {@code OPENAI_API_KEY}), never its
 * value. Model replies, attacker prompts, judge rationales and error messages all pass through
 * {@link org.redteam4j.core.secrets.Secrets#scan} before they are stored or shown; a secret found
 * is a {@link org.redteam4j.core.secrets.Redaction}, itself a finding about the target.
 */
package org.redteam4j.core.secrets;
