/**
 * Runtimes that implement core's SPIs against real models: OpenAI-compatible HTTP, Anthropic,
 * Ollama, llama.cpp in-process, the embedded preference model and the simulated assistant.
 * Each provider gets its own package with one entry class and a builder.
 */
package org.redteam4j.models;
