package org.redteam4j.core.attack;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.redteam4j.core.failure.BadInput;

/**
 * The augmentations Best-of-N samples, with the probabilities of Hughes et al. (2024): words
 * scrambled with p 0.6, letters' case flipped with p 0.6, characters nudged with p 0.06. Applied
 * in this order, which is the paper's.
 */
public enum Augmentation {
    SCRAMBLE("scramble") {
        @Override
        String apply(String text, Random random) {
            return Augmentations.scrambleWords(text, random, 0.6);
        }
    },
    CAPITALISE("capitalise") {
        @Override
        String apply(String text, Random random) {
            return Augmentations.randomCapitalisation(text, random, 0.6);
        }
    },
    NOISE("noise") {
        @Override
        String apply(String text, Random random) {
            return Augmentations.asciiNoise(text, random, 0.06);
        }
    };

    private final String id;

    Augmentation(String id) {
        this.id = id;
    }

    abstract String apply(String text, Random random);

    /** {@code scramble}, {@code capitalise}, {@code noise}: what a campaign file's {@code augmentations} lists. */
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Augmentation::id).toList();
    }

    public static Augmentation byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst()
                .orElseThrow(() -> new BadInput("unknown augmentation '" + id + "'; expected one of " + ids()));
    }
}
