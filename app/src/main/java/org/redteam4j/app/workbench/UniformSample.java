package org.redteam4j.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A calibration sample: per target, {@code perTarget} replies drawn uniformly at random without
 * replacement (all of them when the target has fewer), then the whole queue shuffled so a run of
 * items does not give a target away. Never filtered by verdict or disagreement: an error rate
 * measured on replies chosen for what the judges said would be biased. Seeded, so the same seed
 * over the same attacks draws the same sample.
 */
final class UniformSample {

    private UniformSample() {
    }

    /** @param idsByTarget each target's candidate ids, in a stable order (the store gives them by target, then id) */
    static List<Long> draw(Map<String, List<Long>> idsByTarget, int perTarget, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> drawn = new ArrayList<>();
        idsByTarget.keySet().stream().sorted().forEach(target -> {
            List<Long> ids = new ArrayList<>(idsByTarget.get(target));
            int take = Math.min(perTarget, ids.size());
            for (int i = 0; i < take; i++) { // a partial Fisher–Yates shuffle: the first `take` are a uniform draw
                int j = i + random.nextInt(ids.size() - i);
                java.util.Collections.swap(ids, i, j);
            }
            drawn.addAll(ids.subList(0, take));
        });
        for (int i = drawn.size() - 1; i > 0; i--) {
            java.util.Collections.swap(drawn, i, random.nextInt(i + 1));
        }
        return drawn;
    }
}
