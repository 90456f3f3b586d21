package org.redteam4j.core.chat;

import java.util.List;
import java.util.Objects;

/**
 * How to sample replies. Nulls mean "the runtime's default".
 *
 * @param temperature sampling temperature, 0 or more
 * @param topP        nucleus sampling mass, in (0, 1]
 * @param maxTokens   the longest reply in tokens
 * @param samples     how many replies to return (1 or more)
 * @param seed        a seed, for runtimes that support one
 * @param stop        strings that end a reply
 */
public record Sampling(Double temperature, Double topP, Integer maxTokens, int samples, Long seed, List<String> stop) {

    public static final Sampling DEFAULT = new Sampling(null, null, null, 1, null, List.of());

    public Sampling {
        if (temperature != null && !(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be 0 or more, was " + temperature);
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], was " + topP);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max tokens must be 1 or more, was " + maxTokens);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be 1 or more, was " + samples);
        }
        stop = List.copyOf(Objects.requireNonNullElse(stop, List.of()));
    }

    public Sampling withSamples(int n) {
        return new Sampling(temperature, topP, maxTokens, n, seed, stop);
    }

    public Sampling withSeed(Long newSeed) {
        return new Sampling(temperature, topP, maxTokens, samples, newSeed, stop);
    }
}
