package org.redteam4j.core.catalogue;

import java.util.Map;
import java.util.Optional;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * What each catalogue judge decides, in the calibration's terms: refusal-type judges say whether a
 * reply refused, harm-type judges whether it gave the harmful help asked for. A calibration
 * measured on the other task measures a different question, so a corrected rate built on it is
 * flagged. The one place this fact lives; {@code canary} decides neither (a leaked marker).
 */
public final class JudgeTasks {

    private static final Map<String, JudgeCalibration.Task> TASKS = Map.of(
            "refusal", JudgeCalibration.Task.REFUSAL,
            "keyword", JudgeCalibration.Task.REFUSAL,
            "harm", JudgeCalibration.Task.HARM,
            "llm", JudgeCalibration.Task.HARM,
            "guard", JudgeCalibration.Task.HARM,
            "pm", JudgeCalibration.Task.HARM);

    /** Judges that decide neither task; listed so the catalogue test can tell them from a forgotten judge. */
    static final java.util.Set<String> NEITHER = java.util.Set.of("canary");

    private JudgeTasks() {
    }

    /** The task of the judge with this catalogue id; empty for a judge that decides neither. */
    public static Optional<JudgeCalibration.Task> of(String catalogueId) {
        return Optional.ofNullable(TASKS.get(catalogueId));
    }

    /**
     * Whether the judge's verdicts say if a reply refused. A safety classifier ({@code guard}) says
     * safe or unsafe only, so it cannot be measured on the refusal task.
     */
    public static boolean saysWhetherRefused(String catalogueId) {
        return of(catalogueId).isPresent() && !catalogueId.equals("guard");
    }

    /** Every catalogue id this class classifies, for the catalogue's completeness test. */
    static java.util.Set<String> known() {
        java.util.Set<String> known = new java.util.HashSet<>(TASKS.keySet());
        known.addAll(NEITHER);
        return known;
    }
}
