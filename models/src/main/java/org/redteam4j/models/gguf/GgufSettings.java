package org.redteam4j.models.gguf;

/**
 * How to run a GGUF model.
 *
 * @param contextSize     tokens of context to allocate
 * @param threads         CPU threads for inference
 * @param useChatTemplate format conversations with the chat template stored in the file (instruct
 *                        models have one); when false, the paper's {@code Human:}/{@code Assistant:} text
 */
public record GgufSettings(int contextSize, int threads, boolean useChatTemplate) {

    public static final GgufSettings DEFAULT = new GgufSettings(2048, Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    public GgufSettings {
        if (contextSize < 16) {
            throw new org.redteam4j.core.failure.BadInput("gguf context_size must be 16 tokens or more, was " + contextSize);
        }
        if (threads < 1) {
            throw new org.redteam4j.core.failure.BadInput("gguf threads must be 1 or more, was " + threads);
        }
    }
}
