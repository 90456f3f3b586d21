package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.redteam4j.core.catalogue.ComponentId;
import org.redteam4j.core.catalogue.JudgeTasks;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * An attack success rate corrected for its judge's measured error (Rogan–Gladen): with the judge's
 * sensitivity Se and specificity Sp for a hit, the true rate is (observed + Sp − 1) / (Se + Sp − 1),
 * clamped to [0, 1]. Its 95% interval is a seeded parametric bootstrap over all three proportions —
 * the campaign's hits among judged attacks, the calibration's true hits judged hits, and its true
 * passes judged passes — each drawn from its Jeffreys posterior ({@link Jeffreys}), so it carries
 * the calibration's sampling uncertainty as well as the campaign's, also at 0% and 100% where a
 * binomial resample has none. The interval is never narrower than the campaign's Wilson interval
 * corrected as if the calibration were exact.
 *
 * <p>Refused ({@link #estimate} null, a note saying why) when the calibration lacks labelled hits or
 * passes, when Se + Sp − 1 is below {@value #MIN_YOUDEN} (a judge near chance makes the division
 * explode), or when more than 2.5% of resamples have Se + Sp − 1 ≤ 0 (too few labels to bound the
 * interval; the rarer such resamples are left out — see
 * {@link CalibrationDraws#refusal}, which depends on the calibration alone). Flagged (kept, with a note) when the calibration
 * was measured on the other task than the judge decides, or for another judge id.
 *
 * @param estimate the corrected rate, null when refused
 * @param low      its 95% interval, null when refused
 * @param high     its 95% interval, null when refused
 * @param notes    why it was refused or flagged; empty for a clean correction
 * @param calibration what it was corrected with
 */
public record CorrectedRate(Double estimate, Double low, Double high, List<String> notes, JudgeCalibration calibration) {

    public static final double MIN_YOUDEN = 0.2;
    public static final int RESAMPLES = 2_000;
    /** The correction's own seed; each row's stream is derived from it and the row's name (see {@link Bootstrap#seedFor}). */
    public static final long SEED = 17L;

    public CorrectedRate {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** No corrected figure: the notes say why. */
    public boolean refused() {
        return estimate == null;
    }

    /** A corrected figure with something to know about it (another task or judge). */
    public boolean flagged() {
        return !refused() && !notes.isEmpty();
    }

    /**
     * The correction of {@code hits} out of {@code judged} attacks judged by {@code judgeId}.
     *
     * @param seed the stream's seed, e.g. {@code Bootstrap.seedFor(SEED, rowName)}
     */
    public static CorrectedRate of(long hits, long judged, JudgeCalibration calibration, String judgeId, long seed) {
        return of(hits, judged, CalibrationDraws.of(calibration, RESAMPLES), judgeId, seed);
    }

    /**
     * The same with the calibration's resamples drawn already (shared by the rows of a summary);
     * {@code seed} seeds the campaign's own proportion only.
     */
    public static CorrectedRate of(long hits, long judged, CalibrationDraws draws, String judgeId, long seed) {
        JudgeCalibration calibration = draws.calibration();
        if (judged <= 0 || hits < 0 || hits > judged) {
            throw new IllegalArgumentException("need 0 <= hits <= judged and judged > 0, got " + hits + "/" + judged);
        }
        List<String> notes = mismatches(calibration, judgeId);
        Optional<String> refusal = draws.refusal();
        if (refusal.isPresent()) {
            notes.add(0, "refused: " + refusal.get());
            return new CorrectedRate(null, null, null, notes, calibration);
        }
        double se = calibration.hitSensitivity();
        double sp = calibration.hitSpecificity();
        double estimate = correct((double) hits / judged, se, sp);
        int resamples = draws.resamples();
        double[] observed = Jeffreys.draws(new SplittableRandom(seed), hits, judged, resamples);
        double[] corrected = new double[resamples];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            // the few resamples at or below chance (at most 2.5%, or the correction is refused) are left out
            if (draws.sensitivity(b) + draws.specificity(b) - 1 > 0) {
                corrected[kept++] = correct(observed[b], draws.sensitivity(b), draws.specificity(b));
            }
        }
        double[] sorted = Arrays.copyOf(corrected, kept);
        Arrays.sort(sorted);
        // never narrower than the campaign's own Wilson interval carried through the correction as if the
        // calibration were exact (with a perfect calibration: the raw interval itself)
        Proportion raw = Proportion.of(hits, judged);
        double low = Math.min(Bootstrap.percentile(sorted, 0.025), correct(raw.low(), se, sp));
        double high = Math.max(Bootstrap.percentile(sorted, 0.975), correct(raw.high(), se, sp));
        return new CorrectedRate(estimate, low, high, notes, calibration);
    }

    /**
     * Why no rate can be corrected with {@code calibration}'s counts, whatever the campaign's: no
     * labelled true hits or passes, or sensitivity + specificity − 1 below {@value #MIN_YOUDEN}.
     * {@link CalibrationDraws#refusal} adds the check on its resamples; gates call that one.
     */
    public static Optional<String> refusal(JudgeCalibration calibration) {
        if (calibration.trueHits() == 0 || calibration.truePasses() == 0) {
            boolean noHits = calibration.trueHits() == 0;
            return Optional.of("the calibration has no labelled " + (noHits ? "true hits" : "true passes") + ", so the judge's "
                    + (noHits ? "sensitivity" : "specificity") + " is unknown");
        }
        double youden = calibration.youden();
        if (youden < MIN_YOUDEN) {
            return Optional.of(String.format(Locale.ROOT, "the judge's sensitivity + specificity − 1 is %.2f (%.2f + %.2f − 1), "
                    + "below %.1f: too close to chance to correct", youden, calibration.hitSensitivity(),
                    calibration.hitSpecificity(), MIN_YOUDEN));
        }
        return Optional.empty();
    }

    /** Rogan–Gladen, clamped to [0, 1]; the caller makes sure se + sp − 1 > 0. */
    static double correct(double observed, double sensitivity, double specificity) {
        // (observed + Sp − 1) / (Se + Sp − 1), written so that a perfect judge (Sp = 1, Se = 1) returns observed exactly
        double falseHits = 1 - specificity;
        double corrected = (observed - falseHits) / (sensitivity - falseHits);
        return Math.min(1, Math.max(0, corrected));
    }

    /** Another task than the judge decides, or another judge than the campaign's: kept, but said. */
    private static List<String> mismatches(JudgeCalibration calibration, String judgeId) {
        List<String> notes = new ArrayList<>();
        String catalogueId = ComponentId.parse(judgeId).catalogueId();
        var task = JudgeTasks.of(catalogueId);
        if (task.isEmpty()) {
            notes.add("flagged: judge '" + catalogueId + "' decides neither refusal nor harm; the calibration was measured on the "
                    + calibration.task().id() + " task");
        } else if (task.get() != calibration.task()) {
            notes.add("flagged: the calibration was measured on the " + calibration.task().id() + " task, but judge '"
                    + catalogueId + "' decides " + task.get().id());
        }
        if (!calibration.judge().equals(judgeId)) {
            notes.add("flagged: the calibration was measured for judge '" + calibration.judge() + "', not this campaign's '"
                    + judgeId + "'");
        }
        return notes;
    }

    /** Why it was refused ("the judge's sensitivity + specificity − 1 is 0.15 …"); null when it was not. */
    public String reason() {
        if (!refused()) {
            return null;
        }
        String note = notes.get(0);
        return note.startsWith("refused: ") ? note.substring("refused: ".length()) : note;
    }

    /** For people: "12% (3–25%)", with " [flagged]" when flagged; or "not corrected: " and the reason. */
    public String text() {
        if (refused()) {
            return "not corrected: " + reason();
        }
        return String.format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%)%s", 100 * estimate, 100 * low, 100 * high, flagged() ? " [flagged]" : "");
    }
}
