package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Slopes need two sizes: among a resample's rows, and among the scored attempts of a min-harmlessness trend. */
class ScalingSpreadTest {

    private static AttemptFacts attempt(String size, double rating, Double min, long member) {
        return new AttemptFacts("plain lm", size, rating, min, null, member, List.of());
    }

    @Test
    void oneDistinctXHasNoSlopeEvenWhenItsRoundedSxxIsNotZero() {
        double x = Math.log10(52e9); // n copies of this give sxx ≈ 1e-30 for some n, not 0
        for (int n = 1; n <= 60; n++) {
            double[] xs = new double[n];
            double[] ys = new double[n];
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x;
                ys[i] = i % 5;
                rows[i] = i;
            }
            assertThat(RedTeamAnalysis.slope(xs, ys, rows)).as("n=%d", n).isNaN();
        }
        assertThat(RedTeamAnalysis.slope(new double[] {x, x, 1}, new double[] {0, 2, 1}, new int[] {0, 1})).isNaN();
        assertThat(RedTeamAnalysis.slope(new double[] {0, 1, 2}, new double[] {1, 3, 5}, new int[] {0, 2})).isEqualTo(2.0);
    }

    /** Replays the member bootstrap's stream: how many draws of {@code members} members all had one size. */
    private static int oneSizeDraws(long seed, String[] memberSizes, int resamples) {
        SplittableRandom random = new SplittableRandom(seed);
        int undefined = 0;
        for (int b = 0; b < resamples; b++) {
            String first = null;
            boolean same = true;
            for (int i = 0; i < memberSizes.length; i++) {
                String size = memberSizes[random.nextInt(memberSizes.length)];
                same &= first == null || first.equals(size);
                first = first == null ? size : first;
            }
            undefined += same ? 1 : 0;
        }
        return undefined;
    }

    private static List<AttemptFacts> oneSizePerMember(String[] memberSizes) {
        List<AttemptFacts> facts = new ArrayList<>();
        for (int m = 0; m < memberSizes.length; m++) {
            for (int k = 0; k < 10; k++) {
                facts.add(attempt(memberSizes[m], Math.min(4, m + k % 2), null, m + 1));
            }
        }
        return facts;
    }

    @Test
    void memberResamplesOfOneSizeAreCountedAndOverHalfMeansNoInterval() {
        RedTeamAnalysis analysis = new RedTeamAnalysis(2022, 1000, RedTeamAnalysis.Resampling.MEMBERS);
        long seed = Bootstrap.seedFor(2022, "plain lm|slope|rating");

        // three members, two at 52B: a draw is of one size with probability 1/27 + 8/27 = 1/3
        String[] three = {"13B", "52B", "52B"};
        RedTeamAnalysis.Trend t3 = analysis.scaling(oneSizePerMember(three)).get(0);
        assertThat(t3.undefinedResamples()).isEqualTo(oneSizeDraws(seed, three, 1000)).isBetween(280, 390);
        assertThat(t3.slope().low()).isNotNaN();
        assertThat(t3.slope().high()).isNotNaN();

        // two members of different sizes: half the draws (in expectation) are one member twice
        String[] two = {"13B", "52B"};
        RedTeamAnalysis.Trend t2 = analysis.scaling(oneSizePerMember(two)).get(0);
        int expected = oneSizeDraws(seed, two, 1000);
        assertThat(t2.undefinedResamples()).isEqualTo(expected).isBetween(440, 560);
        assertThat(Double.isNaN(t2.slope().low())).isEqualTo(2 * expected > 1000);
        assertThat(t2.slope().estimate()).isNotNaN();
    }

    @Test
    void overHalfUndefinedResamplesGiveNoInterval() {
        // the statistic is undefined unless row 0 is drawn first: 1 − 1/4 = 3/4 of resamples undefined
        Bootstrap.Result r = Bootstrap.draw(4, rows -> rows[0] == 0 ? 1.0 : Double.NaN, 5, 1000);
        assertThat(r.undefined()).isBetween(700, 800);
        assertThat(r.interval().low()).isNaN();
        assertThat(r.interval().high()).isNaN();
        Bootstrap.Result fine = Bootstrap.draw(4, rows -> rows[0] == 0 ? Double.NaN : 1.0, 5, 1000);
        assertThat(fine.undefined()).isBetween(200, 300);
        assertThat(fine.interval()).isEqualTo(new Interval(Double.NaN, 1.0, 1.0));
    }

    @Test
    void minHarmlessnessTrendNeedsTwoScoredSizes() {
        List<AttemptFacts> facts = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            for (int k = 0; k < 5; k++) {
                String size = k % 2 == 0 ? "2.7B" : "52B";
                facts.add(attempt(size, (m + k) % 5, size.equals("52B") ? Double.valueOf(m * 0.3 - k * 0.1) : null, m));
            }
        }
        for (RedTeamAnalysis.Resampling mode : RedTeamAnalysis.Resampling.values()) {
            List<RedTeamAnalysis.Trend> trends = new RedTeamAnalysis(2022, 200, mode).scaling(facts);
            assertThat(trends).extracting(RedTeamAnalysis.Trend::metric).as(mode.label()).containsExactly("rating");
        }
        facts.add(attempt("2.7B", 1, 0.5, 0));
        for (RedTeamAnalysis.Resampling mode : RedTeamAnalysis.Resampling.values()) {
            List<RedTeamAnalysis.Trend> trends = new RedTeamAnalysis(2022, 200, mode).scaling(facts);
            assertThat(trends).extracting(RedTeamAnalysis.Trend::metric).containsExactly("rating", "min_harmlessness");
            assertThat(trends.get(1).sizes()).containsExactly("2.7B", "52B");
            assertThat(trends.get(1).attempts()).isEqualTo(13);
        }
    }
}
