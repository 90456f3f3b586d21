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
     * in three set-ups where one of the three binomials dominates the uncertainty (few labelled
     * hits, few labelled passes, a small campaign), so an interval that left any one out would cover
     * far less often in its set-up; so would a wrong formula.
     */
    @ParameterizedTest(name = "{0} labelled hits, {1} labelled passes, {2} attacks")
    @CsvSource({"30, 1000, 1000", "1000, 30, 1000", "1000, 1000, 150"})
    void itsIntervalCoversThePlantedTruthAboutNinetyFivePercentOfTheTime(int labelledHits, int labelledPasses, int attacks) {
        double truth = 0.30;
        int repeats = 150;
        int covered = 0;
        int campaignOnlyCovered = 0;
        for (int r = 0; r < repeats; r++) {
            PlantedJudge judge = new PlantedJudge(0.85, 0.75, new SplittableRandom(1000 + r));
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
        }
        assertThat((double) covered / repeats).as("bootstrap covered %d of %d", covered, repeats).isBetween(0.90, 0.99);
        if (attacks > labelledHits || attacks > labelledPasses) {
            assertThat((double) campaignOnlyCovered / repeats).as("campaign-only covered %d of %d", campaignOnlyCovered, repeats)
                    .isLessThan(0.85);
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
    void binomialDrawsHaveTheBinomialMeanAndVariance() {
        SplittableRandom random = new SplittableRandom(3);
        for (double p : new double[] {0.02, 0.3, 0.5, 0.9}) {
            int n = 400;
            int draws = 20_000;
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < draws; i++) {
                long x = Binomial.draw(random, n, p);
                assertThat(x).isBetween(0L, (long) n);
                sum += x;
                squares += (double) x * x;
            }
            double mean = sum / draws;
            double variance = squares / draws - mean * mean;
            assertThat(mean).as("mean at p=%s", p).isCloseTo(n * p, org.assertj.core.data.Offset.offset(0.05 * Math.sqrt(n * p * (1 - p)) * 3));
            assertThat(variance).as("variance at p=%s", p).isCloseTo(n * p * (1 - p), org.assertj.core.data.Percentage.withPercentage(5));
        }
    }
}
