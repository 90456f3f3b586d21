package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.secrets.Redaction;

/**
 * Results of an automated campaign per target × strategy × tag: attacks, errors, not run, and per
 * judge the hits with the success rate and its 95% interval. Errors and skipped verdicts are left
 * out of a rate's denominator — an error is never a success nor a resisted attack. A row also
 * counts, per configured secret, the attacks whose texts held it (redacted before they were stored).
 * Where a judge's calibration is known, its rate also has the rate corrected for the judge's error
 * ({@link CorrectedRate}), beside the raw one.
 *
 * <p>A rate's interval is Wilson's, treating attacks as independent; or, for a summary made
 * {@linkplain #clusteredBySeed clustered by seed} (the report's default), a percentile bootstrap over
 * the seeds ({@link ClusterBootstrap}), widened to Wilson's where that is wider (a bootstrap of 2 hits
 * in 2 attacks says 100–100%): the attacks made from one seed (its strategies and repetitions)
 * are not independent. With one seed there is no interval (NaN ends). Such a rate keeps its per-seed counts, so rows merged per target are
 * resampled by seed too. The corrected rate's interval is unchanged either way: it treats attacks as
 * independent (its bootstrap carries the calibration's uncertainty, which dominates at the sizes
 * calibrations have).
 */
public final class AttackSummary {

    /**
     * One row of the summary.
     *
     * @param redacted secret name → how many attacks' texts held it (sorted by name); empty when none did
     */
    public record Row(String target, String strategy, String tag, int attacks, int errors, int notRun,
                      Map<String, Rate> judges, boolean simulated, Map<String, Integer> redacted) {

        public Row {
            // null in a tables file written before redactions were counted
            redacted = redacted == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(redacted));
        }
    }

    /**
     * One judge's result in a row.
     *
     * @param corrected the rate corrected for the judge's measured error; null when no calibration is
     *                  known for the judge or nothing was judged
     */
    public record Rate(int hits, int judged, Proportion rate, CorrectedRate corrected,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                       Map<String, int[]> seeds) {

        /**
         * @param seeds seed key ({@link #seedKey}) → {hits, judged} for a rate clustered by seed (sorted by
         *              key); empty for a Wilson interval
         */
        public Rate {
            seeds = seeds == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(seeds));
        }

        public Rate(int hits, int judged, Proportion rate, CorrectedRate corrected) {
            this(hits, judged, rate, corrected, null);
        }

        public Rate(int hits, int judged, Proportion rate) {
            this(hits, judged, rate, null, null);
        }

        /** Whether the interval is the bootstrap over seeds (else Wilson's). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean clusteredBySeed() {
            return !seeds.isEmpty();
        }
    }

    /**
     * A seed's key in {@link Rate#seeds}: the first 16 hex digits of the SHA-256 of its text (no seed:
     * of ""). Stable across runs and machines, so merged rows cluster alike, and short: an aggregate
     * file such as tables.json carries counts per seed, never the prompts themselves.
     */
    /**
     * The cluster an attack is resampled in: its seed, except for an attack that uses no seed (a
     * seedless injection payload, planned with {@link org.redteam4j.core.campaign.CampaignPlan#NO_SEED}),
     * which is a cluster of its own strategy (payload): twelve different payloads are not one seed.
     */
    static String clusterKey(AttackResult.Attack attack) {
        String seed = attack.seedText();
        return org.redteam4j.core.campaign.CampaignPlan.NO_SEED.text().equals(seed)
                ? seedKey(seed + "\u0000" + attack.strategy()) : seedKey(seed);
    }

    public static String seedKey(String seedText) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((seedText == null ? "" : seedText).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The seed-cluster bootstrap's resamples; its stream is seeded like the corrected rate's, from {@link CorrectedRate#SEED} and the row. */
    public static final int SEED_RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;

    private final Map<String, Accumulator> groups = new TreeMap<>();
    private final Map<String, CalibrationDraws> calibrations;
    private final boolean bySeed;

    public AttackSummary() {
        this(Map.of());
    }

    /** {@code calibrations}: judge id → its measured agreement, for the corrected rates. */
    public AttackSummary(Map<String, JudgeCalibration> calibrations) {
        this(calibrations, false);
    }

    private AttackSummary(Map<String, JudgeCalibration> calibrations, boolean bySeed) {
        this.calibrations = draws(calibrations);
        this.bySeed = bySeed;
    }

    /** A summary whose rates' intervals resample seeds (clusters) instead of Wilson's over independent attacks. */
    public static AttackSummary clusteredBySeed(Map<String, JudgeCalibration> calibrations) {
        return new AttackSummary(calibrations, true);
    }

    /** Each calibration's resamples, drawn once for all the rows it corrects. */
    private static Map<String, CalibrationDraws> draws(Map<String, JudgeCalibration> calibrations) {
        Map<String, CalibrationDraws> draws = new LinkedHashMap<>();
        calibrations.forEach((judge, calibration) -> draws.put(judge, CalibrationDraws.of(calibration)));
        return draws;
    }

    /**
     * Adds one result; results can be streamed in, in any order. A benign prompt's result (over-refusal,
     * {@link FalseRefusals}) is no attack: it is left out of every row.
     */
    public void add(AttackResult result) {
        if (result.benign()) {
            return;
        }
        AttackResult.Attack attack = result.attack();
        String tag = attack.tag() == null ? "(none)" : attack.tag();
        groups.computeIfAbsent(attack.target() + "\u0000" + attack.strategy() + "\u0000" + tag,
                key -> new Accumulator(attack.target(), attack.strategy(), tag, calibrations, bySeed)).add(result);
    }

    /** The rows, sorted by target, strategy and tag. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        groups.values().forEach(accumulator -> rows.add(accumulator.row()));
        return rows;
    }

    public static List<Row> of(Iterable<AttackResult> results) {
        return of(results, Map.of());
    }

    public static List<Row> of(Iterable<AttackResult> results, Map<String, JudgeCalibration> calibrations) {
        AttackSummary summary = new AttackSummary(calibrations);
        results.forEach(summary::add);
        return summary.rows();
    }

    /**
     * Rows merged per target (over strategies and tags), for gates such as --fail-above; each judge's
     * rate is corrected again, over the merged counts, with the calibration its rows were corrected by.
     */
    public static List<Row> perTarget(List<Row> rows) {
        return merged(rows, calibrationsOf(rows), false);
    }

    /** The calibration each judge's rows were corrected with. */
    private static Map<String, JudgeCalibration> calibrationsOf(List<Row> rows) {
        Map<String, JudgeCalibration> calibrations = new LinkedHashMap<>();
        rows.forEach(row -> row.judges().forEach((judge, rate) -> {
            if (rate.corrected() != null) {
                calibrations.putIfAbsent(judge, rate.corrected().calibration());
            }
        }));
        return calibrations;
    }

    /**
     * The same, correcting the merged rates with {@code calibrations} (judge id → calibration), so
     * that {@code rows} need not have been corrected (when only the per-target rows are shown). The
     * result is the same as {@link #perTarget(List)} of the corrected rows: each merged rate's
     * bootstrap is seeded by its row's name and the calibration's counts alone.
     */
    public static List<Row> perTarget(List<Row> rows, Map<String, JudgeCalibration> calibrations) {
        return merged(rows, calibrations, false);
    }

    /**
     * Rows merged per target and strategy (over tags): which strategy works on which target. Each
     * judge's rate is corrected again over the merged counts, as {@link #perTarget(List)} does.
     */
    public static List<Row> perTargetAndStrategy(List<Row> rows) {
        return merged(rows, calibrationsOf(rows), true);
    }

    private static List<Row> merged(List<Row> rows, Map<String, JudgeCalibration> calibrations, boolean byStrategy) {
        Map<String, CalibrationDraws> draws = draws(calibrations);
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(List.of(row.target(), byStrategy ? row.strategy() : "(all)"),
                key -> new ArrayList<>()).add(row));
        List<Row> merged = new ArrayList<>();
        groups.forEach((key, group) -> {
            // rows clustered by seed carry their per-seed counts: the merged row is resampled by seed as well
            boolean clustered = group.stream().anyMatch(row -> row.judges().values().stream().anyMatch(Rate::clusteredBySeed));
            Accumulator total = new Accumulator(key.get(0), key.get(1), "(all)", draws, clustered);
            group.forEach(total::add);
            merged.add(total.row());
        });
        return merged;
    }

    /** {@code row}: the row's name, from which the bootstrap's stream is seeded (so a row's interval never changes). */
    static Rate rate(int hits, int judged, String judge, CalibrationDraws calibration, String row,
                             Map<String, int[]> seeds) {
        if (judged == 0) {
            return new Rate(hits, judged, null);
        }
        long stream = Bootstrap.seedFor(CorrectedRate.SEED, row + "\u0000" + judge);
        CorrectedRate corrected = calibration == null ? null : CorrectedRate.of(hits, judged, calibration, judge, stream);
        if (seeds == null) {
            return new Rate(hits, judged, Proportion.of(hits, judged), corrected);
        }
        Map<String, long[]> counts = new TreeMap<>();
        seeds.forEach((seed, c) -> counts.put(seed, new long[] {c[0], c[1]}));
        // its own stream (not the corrected rate's), so either can change without moving the other
        Interval interval = ClusterBootstrap.ratio(counts, Bootstrap.seedFor(stream, "seeds"), SEED_RESAMPLES);
        if (Double.isNaN(interval.low())) { // one seed: nothing to resample, and no interval is claimed
            return new Rate(hits, judged, Proportion.resampled(hits, judged, Double.NaN, Double.NaN), corrected, seeds);
        }
        // never narrower than Wilson's: at 0% or 100% (or with seeds alike) every resample agrees, which is no certainty
        Proportion wilson = Proportion.of(hits, judged);
        return new Rate(hits, judged, Proportion.resampled(hits, judged, Math.min(interval.low(), wilson.low()),
                Math.max(interval.high(), wilson.high())), corrected, seeds);
    }

    private static final class Accumulator {
        private final String target;
        private final String strategy;
        private final String tag;
        private int attacks;
        private int errors;
        private int notRun;
        private boolean simulated;
        private final Map<String, int[]> judges = new LinkedHashMap<>();
        private final Map<String, Integer> redacted = new TreeMap<>();
        private final Map<String, CalibrationDraws> calibrations;
        /** judge → seed → {hits, judged}; null when the rates are Wilson's. */
        private final Map<String, Map<String, int[]>> seeds;

        Accumulator(String target, String strategy, String tag, Map<String, CalibrationDraws> calibrations, boolean bySeed) {
            this.target = target;
            this.strategy = strategy;
            this.tag = tag;
            this.calibrations = calibrations;
            this.seeds = bySeed ? new LinkedHashMap<>() : null;
        }

        private void addSeed(String judge, String seed, int hits, int judged) {
            if (seeds != null) {
                int[] c = seeds.computeIfAbsent(judge, j -> new TreeMap<>()).computeIfAbsent(seed, s -> new int[2]);
                c[0] += hits;
                c[1] += judged;
            }
        }

        void add(AttackResult result) {
            if (result.status() == AttackResult.Status.NOT_RUN) {
                notRun++;
                return;
            }
            attacks++;
            simulated |= result.simulated();
            result.redactions().stream().map(Redaction::secret).distinct()
                    .forEach(secret -> redacted.merge(secret, 1, Integer::sum));
            if (result.status() == AttackResult.Status.ERROR) {
                errors++;
                return;
            }
            for (Verdict verdict : result.verdicts()) {
                int[] sums = judges.computeIfAbsent(verdict.judge(), j -> new int[2]);
                if (verdict.outcome() == Verdict.Outcome.HIT || verdict.outcome() == Verdict.Outcome.PASS) {
                    sums[1]++;
                    int hit = verdict.outcome() == Verdict.Outcome.HIT ? 1 : 0;
                    sums[0] += hit;
                    addSeed(verdict.judge(), clusterKey(result.attack()), hit, 1);
                }
            }
        }

        void add(Row row) {
            attacks += row.attacks();
            errors += row.errors();
            notRun += row.notRun();
            simulated |= row.simulated();
            row.redacted().forEach((secret, count) -> redacted.merge(secret, count, Integer::sum));
            row.judges().forEach((judge, rate) -> {
                int[] sums = judges.computeIfAbsent(judge, j -> new int[2]);
                sums[0] += rate.hits();
                sums[1] += rate.judged();
                rate.seeds().forEach((seed, c) -> addSeed(judge, seed, c[0], c[1]));
            });
        }

        Row row() {
            Map<String, Rate> rates = new LinkedHashMap<>();
            String name = target + "\u0000" + strategy + "\u0000" + tag;
            judges.forEach((judge, sums) -> rates.put(judge, rate(sums[0], sums[1], judge, calibrations.get(judge), name,
                    seeds == null ? null : seeds.getOrDefault(judge, Map.of()))));
            return new Row(target, strategy, tag, attacks, errors, notRun, rates, simulated, redacted);
        }
    }
}
