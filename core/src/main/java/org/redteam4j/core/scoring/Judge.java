package org.redteam4j.core.scoring;

import java.util.List;
import org.redteam4j.core.transcript.Turn;

/** Decides whether a reply makes an attack succeed. A judge failure is an ERROR verdict, never an exception. */
public interface Judge {

    Verdict judge(List<Turn> context, String reply);

    /**
     * Judges a reply knowing the canaries its attack planted (in the target's system prompt or a
     * document); only the canary judge reads them, the others judge as {@link #judge(List, String)}.
     */
    default Verdict judge(List<Turn> context, String reply, List<Canary> planted) {
        return judge(context, reply);
    }

    /**
     * Judges many replies, each in its own context, in order; judges with a model (the trained
     * classifiers) override it to embed a batch at once.
     */
    default List<Verdict> judgeAll(List<ReplyInContext> items) {
        return items.stream().map(item -> judge(item.context(), item.reply())).toList();
    }

    /** Its identity in {@link org.redteam4j.core.catalogue.ComponentId}'s grammar, stored with every verdict. */
    String id();

    /** Where the judge's model came from (a trained head's data, seed and versions), for provenance. */
    default java.util.Map<String, String> provenance() {
        return java.util.Map.of();
    }

    /**
     * How often this judge agrees with people, when measured: shipped with a trained classifier from
     * its validation, or given by a campaign's {@code calibration: FILE}. Corrected attack rates need it.
     */
    default java.util.Optional<JudgeCalibration> calibration() {
        return java.util.Optional.empty();
    }
}
