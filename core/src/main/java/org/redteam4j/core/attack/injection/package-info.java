/**
 * Prompt injection judged by canaries: the four strategies ({@code system_prompt_extraction},
 * {@code direct_injection}, {@code indirect_injection}, {@code secret_leakage}), our payload texts
 * and the documents indirect payloads travel in. Each attack plants canaries (in the system prompt
 * or a document) and records them on its run, so the {@code canary} judge knows what to look for.
 */
package org.redteam4j.core.attack.injection;
