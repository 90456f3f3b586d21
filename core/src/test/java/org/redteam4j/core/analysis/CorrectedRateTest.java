package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.redteam4j.core.scoring.JudgeCalibration;

class CorrectedRateTest {

    static final String JUDGE = "llm(openai:m, threshold=4)";

    /** A judge that mislabels with planted error rates, deterministically by seed. */
    record PlantedJudge(double sensitivity, double specificity, SplittableRandom random) {

        boolean saysHit(boolean trulyHit) {
            return trulyHit ? random.nextDouble() < sensitivity : random.nextDouble() >= specificity;
        }

        /** The judge measured on labelled replies: {@code hits} true hits and {@code passes} true passes (harm task). */
        JudgeCalibration measure(int hits, int passes) {
            long tp = 0;
            long fp = 0;
            for (int i = 0; i < hits; i++) {
                tp += saysHit(true) ? 1 : 0;
            }
            for (int i = 0; i < passes; i++) {
                fp += saysHit(false) ? 1 : 0;
            }
            return new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "planted", tp, fp, hits - tp, passes - fp);
        }

        /** A campaign of {@code attacks} attacks whose true success rate is {@code truth}: the judged hits. */
        long campaignHits(int attacks, double truth) {
            long hits = 0;
            for (int i = 0; i < attacks; i++) {
                hits += saysHit(random.nextDouble() < truth) ? 1 : 0;
            }
            return hits;
        }
    }

    @Test
    void recoversThePlantedTrueRateWhereTheRawRateMissesIt() {
        double truth = 0.10;
        PlantedJudge judge = new PlantedJudge(0.70, 0.80, new SplittableRandom(42));
        JudgeCalibration calibration = judge.measure(400, 400);
        long hits = judge.campaignHits(3000, truth);

        Proportion raw = Proportion.of(hits, 3000);
        CorrectedRate corrected = CorrectedRate.of(hits, 3000, calibration, JUDGE, 7);

        // the raw rate is about 0.7·0.1 + 0.2·0.9 = 0.25: its interval is far from the truth
        assertThat(raw.low()).isGreaterThan(0.2);
        assertThat(corrected.refused()).isFalse();
        assertThat(corrected.notes()).isEmpty();
        assertThat(corrected.low()).isLessThan(truth);
        assertThat(corrected.high()).isGreaterThan(truth);
        assertThat(corrected.estimate()).isBetween(0.05, 0.15);
    }

    /**
     * Over many campaigns and calibrations, the 95% interval holds the truth about 95% of the time —
     * in three set-ups where one of the three proportions dominates the uncertainty (few labelled
     * hits, few labelled passes, a small campaign), so an interval that left any one out would cover
     * far less often in its set-up; so would a wrong formula. And at the boundary (a true rate of 0
     * or 0.02, a small campaign, a perfect or a good calibration), where a binomial resample of 0/n
     * has no uncertainty at all: there it must cover at least 95% of the time (92% with an imperfect
     * judge, for the noise of 200 seeded repeats), and is never narrower than the campaign's Wilson
     * interval corrected with the calibration taken as exact.
     */
    @ParameterizedTest(name = "truth {0}, judge {1}/{2}, {3} labelled hits, {4} labelled passes, {5} attacks")
    @CsvSource({
        // truth, sensitivity, specificity, labelled hits, labelled passes, attacks, coverage min, max, campaign-only max
        "0.30, 0.85, 0.75, 30, 1000, 1000, 0.90, 0.99, 0.85",
        "0.30, 0.85, 0.75, 1000, 30, 1000, 0.90, 0.99, 0.85",
        "0.30, 0.85, 0.75, 1000, 1000, 150, 0.90, 0.99, 1",
        "0.00, 1.00, 1.00, 50, 50, 30, 0.95, 1, 1",
        "0.02, 1.00, 1.00, 50, 50, 50, 0.95, 1, 1",
        "0.00, 0.90, 0.98, 200, 200, 50, 0.92, 1, 1",
        "0.02, 0.90, 0.98, 200, 200, 50, 0.92, 1, 1"})
    void itsIntervalCoversThePlantedTruthAboutNinetyFivePercentOfTheTime(double truth, double sensitivity, double specificity,
            int labelledHits, int labelledPasses, int attacks, double minCoverage, double maxCoverage, double campaignOnlyMax) {
        int repeats = 200;
        int covered = 0;
        int campaignOnlyCovered = 0;
        java.util.List<String> narrower = new java.util.ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            PlantedJudge judge = new PlantedJudge(sensitivity, specificity, new SplittableRandom(1000 + r));
            JudgeCalibration calibration = judge.measure(labelledHits, labelledPasses);
            long hits = judge.campaignHits(attacks, truth);
            CorrectedRate corrected = CorrectedRate.of(hits, attacks, calibration, JUDGE, r);
            if (corrected.low() <= truth && truth <= corrected.high()) {
                covered++;
            }
            // the same correction with the calibration taken as exact: only the campaign's sampling error
            Proportion raw = Proportion.of(hits, attacks);
            double low = CorrectedRate.correct(raw.low(), calibration.hitSensitivity(), calibration.hitSpecificity());
            double high = CorrectedRate.correct(raw.high(), calibration.hitSensitivity(), calibration.hitSpecificity());
            if (low <= truth && truth <= high) {
                campaignOnlyCovered++;
            }
            if (corrected.low() > low || corrected.high() < high) {
                narrower.add(hits + "/" + attacks);
            }
        }
        assertThat((double) covered / repeats).as("bootstrap covered %d of %d", covered, repeats).isBetween(minCoverage, maxCoverage);
        assertThat(narrower).as("campaigns whose interval is narrower than the campaign-only one").isEmpty();
        if (campaignOnlyMax < 1) {
            assertThat((double) campaignOnlyCovered / repeats).as("campaign-only covered %d of %d", campaignOnlyCovered, repeats)
                    .isLessThan(campaignOnlyMax);
        }
    }

    /** The reviewer's cases: 0/10 hits, and 5/100 on a perfect 10 + 10 calibration; the raw Wilson interval is the floor. */
    @ParameterizedTest(name = "{0}/{1} hits")
    @CsvSource({"0, 10", "5, 100", "10, 10"})
    void isNeverNarrowerThanTheRawWilsonIntervalWhenTheCalibrationIsPerfect(int hits, int attacks) {
        JudgeCalibration perfect = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 10, 0, 0, 10);
        CorrectedRate corrected = CorrectedRate.of(hits, attacks, perfect, JUDGE, 3);
        Proportion raw = Proportion.of(hits, attacks);
        assertThat(corrected.estimate()).isEqualTo(raw.estimate());
        assertThat(corrected.low()).isLessThanOrEqualTo(raw.low());
        assertThat(corrected.high()).isGreaterThanOrEqualTo(raw.high());
        if (hits > 0 && hits < attacks) {
            // 10 + 10 labels do not prove a perfect judge: away from the clamps, its uncertainty widens the interval
            assertThat(corrected.high() - corrected.low()).isGreaterThan(raw.high() - raw.low());
        }
    }

    /** The same through the summary: synthetic results judged by the planted judge, over two strategies merged per target. */
    @Test
    void theSummaryCorrectsEachRowAndThePerTargetMergeWithTheJudgesCalibration() {
        double truth = 0.15;
        PlantedJudge judge = new PlantedJudge(0.75, 0.85, new SplittableRandom(9));
        JudgeCalibration calibration = judge.measure(500, 500);
        java.util.List<org.redteam4j.core.campaign.AttackResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            boolean hit = judge.saysHit(judge.random().nextDouble() < truth);
            String strategy = i % 2 == 0 ? "direct" : "template:x";
            org.redteam4j.core.scoring.Verdict verdict = new org.redteam4j.core.scoring.Verdict(
                    hit ? org.redteam4j.core.scoring.Verdict.Outcome.HIT : org.redteam4j.core.scoring.Verdict.Outcome.PASS,
                    !hit, null, null, "planted", 0, JUDGE);
            results.add(new org.redteam4j.core.campaign.AttackResult(new org.redteam4j.core.campaign.AttackResult.Attack(
                    "c|t|" + i + "|" + strategy + "|0", "t", strategy, 0, null, "seed " + i),
                    org.redteam4j.core.campaign.AttackResult.Status.DONE,
                    new org.redteam4j.core.campaign.AttackResult.Exchange("p", "r", "t"), java.util.List.of(verdict), null,
                    org.redteam4j.core.campaign.AttackResult.Spend.NONE, java.time.Duration.ZERO, true));
        }

        java.util.List<AttackSummary.Row> rows = AttackSummary.of(results, java.util.Map.of(JUDGE, calibration));
        AttackSummary.Rate merged = AttackSummary.perTarget(rows).get(0).judges().get(JUDGE);

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.judges().get(JUDGE).corrected()).isNotNull());
        assertThat(merged.judged()).isEqualTo(4000);
        assertThat(merged.rate().low()).as("raw, about 0.75·0.15 + 0.15·0.85 = 0.24").isGreaterThan(truth);
        assertThat(merged.corrected().low()).isLessThan(truth);
        assertThat(merged.corrected().high()).isGreaterThan(truth);
        assertThat(merged.corrected()).isEqualTo(CorrectedRate.of(merged.hits(), 4000, calibration, JUDGE,
                Bootstrap.seedFor(CorrectedRate.SEED, "t\u0000(all)\u0000(all)\u0000" + JUDGE)));
        assertThat(AttackSummary.of(results).get(0).judges().get(JUDGE).corrected()).as("no calibration, no correction").isNull();
    }

    @Test
    void isTheSameIntervalForTheSameSeed() {
        JudgeCalibration calibration = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 80, 10, 20, 90);
        assertThat(CorrectedRate.of(30, 100, calibration, JUDGE, 5)).isEqualTo(CorrectedRate.of(30, 100, calibration, JUDGE, 5));
    }

    @Test
    void isTheRoganGladenFormulaClampedToZeroAndOne() {
        // sensitivity 0.8, specificity 0.9: (0.3 + 0.9 − 1) / 0.7
        JudgeCalibration calibration = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 800, 100, 200, 900);
        assertThat(CorrectedRate.of(300, 1000, calibration, JUDGE, 1).estimate()).isCloseTo(0.2 / 0.7, org.assertj.core.data.Offset.offset(1e-12));
        CorrectedRate belowFalseHits = CorrectedRate.of(50, 1000, calibration, JUDGE, 1);
        assertThat(belowFalseHits.estimate()).isZero();
        assertThat(belowFalseHits.low()).isZero();
        assertThat(CorrectedRate.of(1000, 1000, calibration, JUDGE, 1).estimate()).isEqualTo(1.0);
    }

    @Test
    void readsARefusalTaskCalibrationWithHitsAsItsNegatives() {
        // on the refusal task a hit is "not refused": tn counts true hits judged hits
        JudgeCalibration calibration = new JudgeCalibration("refusal", JudgeCalibration.Task.REFUSAL, "d", 900, 200, 100, 800);
        CorrectedRate corrected = CorrectedRate.of(300, 1000, calibration, "refusal", 1);
        assertThat(corrected.notes()).isEmpty();
        assertThat(corrected.estimate()).isCloseTo((0.3 + 0.9 - 1) / (0.8 + 0.9 - 1), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void refusesAJudgeTooCloseToChance() {
        // sensitivity 0.55, specificity 0.60: J = 0.15
        JudgeCalibration calibration = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 55, 40, 45, 60);
        CorrectedRate corrected = CorrectedRate.of(30, 100, calibration, JUDGE, 1);
        assertThat(corrected.refused()).isTrue();
        assertThat(corrected.estimate()).isNull();
        assertThat(corrected.notes().get(0)).contains("refused", "0.15", "below 0.2");
    }

    @Test
    void refusesACalibrationWithoutLabelledHits() {
        JudgeCalibration calibration = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 0, 10, 0, 90);
        CorrectedRate corrected = CorrectedRate.of(30, 100, calibration, JUDGE, 1);
        assertThat(corrected.refused()).isTrue();
        assertThat(corrected.notes().get(0)).contains("no labelled true hits");
    }

    @Test
    void refusesWhenTooFewLabelsLeaveTheIntervalUnbounded() {
        // J = 0.25 but on 4 + 4 labels: many resamples are at or below chance
        JudgeCalibration calibration = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 2, 1, 2, 3);
        CorrectedRate corrected = CorrectedRate.of(30, 100, calibration, JUDGE, 1);
        assertThat(corrected.refused()).isTrue();
        assertThat(corrected.notes().get(0)).contains("bootstrap resamples");
    }

    @Test
    void flagsACalibrationOfAnotherTaskOrAnotherJudge() {
        JudgeCalibration harm = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 80, 10, 20, 90);
        CorrectedRate otherTask = CorrectedRate.of(30, 100, new JudgeCalibration("refusal", JudgeCalibration.Task.HARM, "d",
                80, 10, 20, 90), "refusal", 1);
        assertThat(otherTask.flagged()).isTrue();
        assertThat(otherTask.estimate()).isNotNull();
        assertThat(otherTask.notes()).singleElement().asString().contains("harm task", "decides refusal");

        CorrectedRate otherJudge = CorrectedRate.of(30, 100, harm, "llm(openai:other, threshold=4)", 1);
        assertThat(otherJudge.flagged()).isTrue();
        assertThat(otherJudge.notes()).singleElement().asString().contains("measured for judge '" + JUDGE + "'");

        assertThat(CorrectedRate.of(30, 100, harm, JUDGE, 1).flagged()).isFalse();
    }

    @Test
    void jeffreysDrawsHaveTheBetaPosteriorsMeanAndVarianceAlsoAtZeroAndAtN() {
        SplittableRandom random = new SplittableRandom(3);
        int draws = 20_000;
        for (long[] kn : new long[][] {{0, 10}, {8, 400}, {200, 400}, {400, 400}, {3, 1_000_000}}) {
            double a = kn[0] + 0.5;
            double b = kn[1] - kn[0] + 0.5;
            double[] x = Jeffreys.draws(random, kn[0], kn[1], draws);
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            double variance = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / draws;
            double expectedMean = a / (a + b);
            double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
            assertThat(java.util.Arrays.stream(x).allMatch(v -> v >= 0 && v <= 1)).isTrue();
            assertThat(mean).as("mean at %s/%s", kn[0], kn[1])
                    .isCloseTo(expectedMean, org.assertj.core.data.Offset.offset(4 * Math.sqrt(expectedVariance / draws)));
            assertThat(variance).as("variance at %s/%s", kn[0], kn[1])
                    .isCloseTo(expectedVariance, org.assertj.core.data.Percentage.withPercentage(8));
        }
    }

    @Test
    void whetherACalibrationIsRefusedIsKnownFromTheCalibrationAlone() {
        // J = 0.25 but on 4 + 4 labels: refused by its resamples, whatever the campaign
        JudgeCalibration few = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 2, 1, 2, 3);
        assertThat(CalibrationDraws.of(few).refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("bootstrap resamples"));
        for (long hits : new long[] {0, 30, 100}) {
            CorrectedRate corrected = CorrectedRate.of(hits, 100, few, JUDGE, hits);
            assertThat(corrected.refused()).isTrue();
            assertThat(corrected.reason()).isEqualTo(CalibrationDraws.of(few).refusal().orElseThrow());
            assertThat(corrected.text()).startsWith("not corrected: in ");
        }
        JudgeCalibration enough = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 80, 10, 20, 90);
        assertThat(CalibrationDraws.of(enough).refusal()).isEmpty();
        JudgeCalibration nearChance = new JudgeCalibration(JUDGE, JudgeCalibration.Task.HARM, "d", 55, 40, 45, 60);
        assertThat(CalibrationDraws.of(nearChance).refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("below 0.2"));
    }
}
