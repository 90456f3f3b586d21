/** Ollama's native chat API ({@code /api/chat}); its OpenAI-compatible {@code /v1} endpoint is served by {@code openai:}. */
package org.redteam4j.models.ollama;
