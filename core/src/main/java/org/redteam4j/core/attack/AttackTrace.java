package org.redteam4j.core.attack;

import java.io.Serializable;
import java.util.List;

/**
 * The attacker's view of one attack, beside the conversation the target saw: every exchange it
 * tried in order, those dropped by backtracking or pruning included, the techniques each used,
 * and which try hit. Single-turn strategies leave it empty.
 *
 * @param steps every try, in the order made
 * @param hitAt the 1-based index of the try a judge called a hit (best-of-N's sample, TAP's node), or null
 */
public record AttackTrace(List<Step> steps, Integer hitAt) implements Serializable {

    public static final AttackTrace NONE = new AttackTrace(List.of(), null);

    /**
     * One try.
     *
     * @param index      1-based, in the order tried
     * @param branch     where it sits in the search ({@code 1.2.1}: TAP's path; {@code stream 2}), or null
     * @param techniques what the attacker used (a template id, a persuasion technique, an augmentation), possibly empty
     * @param prompt     what was sent to the target (or would have been, for a pruned try: then {@code reply} is null)
     * @param reply      what the target answered, or null when the try was never sent
     * @param kept       whether the exchange is part of the conversation the target saw at the end
     * @param note       why it was dropped or what the judge said ({@code refused: backtracked}, {@code off-topic: pruned}), or null
     */
    public record Step(int index, String branch, List<String> techniques, String prompt, String reply, boolean kept,
                       String note) implements Serializable {

        public Step {
            techniques = List.copyOf(techniques);
        }
    }

    public AttackTrace {
        steps = List.copyOf(steps);
        if (hitAt != null && (hitAt < 1 || hitAt > steps.size())) {
            throw new IllegalArgumentException("hitAt " + hitAt + " names no step of " + steps.size());
        }
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }
}
