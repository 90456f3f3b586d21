package org.redteam4j.core.attack;

import java.util.List;
import java.util.Objects;

/**
 * A harmful request to start an attack from, described at the level of a red-team task.
 *
 * @param text               the request
 * @param behaviorId         a stable id from the source (HarmBench's {@code BehaviorID}), or null
 * @param functionalCategory HarmBench's functional category ({@code standard}, {@code contextual}, …), or null
 * @param semanticCategory   HarmBench's semantic category ({@code chemical_biological}, …), or null
 * @param tags               free-form tags from the source, possibly empty
 * @param context            context the request refers to (HarmBench's {@code ContextString}), or null
 */
public record Seed(String text, String behaviorId, String functionalCategory, String semanticCategory,
                   List<String> tags, String context) implements java.io.Serializable {

    public Seed {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a seed needs text");
        }
        tags = List.copyOf(tags);
    }

    public static Seed of(String text) {
        return new Seed(text, null, null, null, List.of(), null);
    }
}
