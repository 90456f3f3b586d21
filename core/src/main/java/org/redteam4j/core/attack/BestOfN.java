package org.redteam4j.core.attack;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;

/**
 * Best-of-N jailbreaking (Hughes et al., 2024): up to n random augmentations of the seed, each
 * sent alone and judged, until the judge calls one a hit. Which sample hit is the trace's
 * {@code hitAt}, what the report's success-against-N curve is drawn from.
 */
public final class BestOfN implements Strategy {

    private final int n;
    private final Set<Augmentation> augmentations;

    /** {@code augmentationIds} null means all of them; they are applied in the paper's order whatever order is given. */
    public BestOfN(int n, List<String> augmentationIds) {
        if (n < 1) {
            throw new BadInput("best_of_n needs n of 1 or more, got " + n);
        }
        this.n = n;
        if (augmentationIds == null) {
            this.augmentations = EnumSet.allOf(Augmentation.class);
        } else {
            if (augmentationIds.isEmpty()) {
                throw new BadInput("best_of_n needs at least one augmentation of " + Augmentation.ids());
            }
            EnumSet<Augmentation> chosen = EnumSet.noneOf(Augmentation.class);
            for (String id : augmentationIds) {
                if (!chosen.add(Augmentation.byId(id))) {
                    throw new BadInput("augmentations lists '" + id + "' twice; list each augmentation once");
                }
            }
            this.augmentations = chosen;
        }
    }

    @Override
    public AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools) {
        JudgedTries tries = new JudgedTries("best_of_n", target, sampling, tools);
        Random random = AttackRandom.of(sampling, seed, tools.repetition());
        List<String> applied = augmentations.stream().map(Augmentation::id).toList();
        for (int sample = 0; sample < n; sample++) {
            String prompt = seed.text();
            for (Augmentation augmentation : augmentations) {
                prompt = augmentation.apply(prompt, random);
            }
            if (tries.send(prompt, applied)) {
                break;
            }
        }
        return tries.run();
    }

    /** {@code best-of-n:10}, or {@code best-of-n:10:scramble+noise} with only some augmentations. */
    @Override
    public String id() {
        return "best-of-n:" + n + (augmentations.size() == Augmentation.values().length ? ""
                : ":" + String.join("+", augmentations.stream().map(Augmentation::id).toList()));
    }

    @Override
    public int maxTargetRequests() {
        return n;
    }

    @Override
    public Set<Need> needs() {
        return org.redteam4j.core.catalogue.Catalogue.require(org.redteam4j.core.catalogue.Kind.STRATEGY, "best_of_n", "").needs();
    }
}
