package org.redteam4j.core.chat;

/**
 * A model that continues conversations: what every runtime implements. Implementations are
 * thread-safe. Failures are {@link ChatModelException}s; a refusal is a reply, never an error.
 */
public interface ChatModel extends AutoCloseable {

    ChatResponse chat(ChatRequest request);

    /**
     * Like {@link #chat}, for one sample, telling {@code onText} each piece of the reply as the
     * runtime produces it; the pieces joined are the first reply's text. Runtimes that cannot
     * stream (and models that must see every sample before answering, such as rejection sampling)
     * keep this default: the whole reply, as one piece, when it is ready.
     */
    default ChatResponse stream(ChatRequest request, java.util.function.Consumer<String> onText) {
        ChatResponse response = chat(request);
        onText.accept(response.first().text());
        return response;
    }

    /** Whether {@link #stream} delivers a reply piece by piece rather than whole. */
    default boolean streams() {
        return false;
    }

    /**
     * Whether this model reads {@link ChatRequest#document()} from a field of its own (an
     * application whose request template has a document slot). Strategies that inject through a
     * document put it inside the human's message for every other model.
     */
    default boolean takesDocuments() {
        return false;
    }

    /**
     * Requests one call may take at most when its conversation has {@code humanTurns} human turns:
     * 1, or more for a runtime that replays a conversation (a stateful application) or a wrapper
     * that adds turns or draws samples singly. What {@code --dry-run}'s request bound multiplies by.
     */
    default int maxRequestsPerCall(int humanTurns) {
        return 1;
    }

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
