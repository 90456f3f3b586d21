package org.redteam4j.core.chat;

/**
 * A model that continues conversations: what every runtime implements. Implementations are
 * thread-safe. Failures are {@link ChatModelException}s; a refusal is a reply, never an error.
 */
public interface ChatModel extends AutoCloseable {

    ChatResponse chat(ChatRequest request);

    /** A stable identifier stored with every result, e.g. {@code openai:gpt-4o-mini}. */
    String id();

    /** Whether this model answers several samples in one call; otherwise callers fan out. */
    default boolean supportsSamples() {
        return false;
    }

    /** True for the simulated assistant, whose output is never a finding about a real model. */
    default boolean simulated() {
        return false;
    }

    @Override
    default void close() {
    }
}
