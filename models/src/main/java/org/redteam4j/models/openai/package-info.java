/**
 * The OpenAI-compatible chat-completions protocol, spoken also by vLLM, llama.cpp's server,
 * LM Studio and Ollama's {@code /v1} endpoint. Written on the JDK HTTP client rather than
 * LangChain4j's client because we need {@code n} samples in one request and the server's
 * {@code Retry-After}, neither of which LangChain4j's ChatModel API exposes.
 */
package org.redteam4j.models.openai;
