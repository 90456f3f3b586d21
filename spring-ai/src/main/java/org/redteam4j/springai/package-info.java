/**
 * An application's own Spring AI models and clients as redteam4j targets, in this JVM:
 * {@link org.redteam4j.springai.SpringAiTargets#of(org.springframework.ai.chat.client.ChatClient)}, or
 * {@code Targets.from(client)} with this jar on the class path. A {@code ChatClient} keeps what the
 * application gave it (its default system prompt, tools, advisors for memory, RAG or guardrails) in the
 * loop, so the campaign attacks the application, not the bare model. Only this package is API;
 * {@code org.redteam4j.springai.internal} may change in any release.
 */
package org.redteam4j.springai;
