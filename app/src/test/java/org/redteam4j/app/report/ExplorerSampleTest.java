package org.redteam4j.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.redteam4j.store.analysis.ExplorerQueries.Positioned;

class ExplorerSampleTest {

    @Test
    void keepsEveryRecordWhenThereAreFewerThanTheLimit() {
        assertThat(ExplorerSample.positions(7, 10, 1)).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(ExplorerSample.positions(10, 10, 1)).hasSize(10);
        assertThat(ExplorerSample.positions(10, 0, 1)).isEmpty();
    }

    @Test
    void keepsExactlyTheLimitInStreamOrderTheSameForTheSameSeed() {
        int[] positions = ExplorerSample.positions(1_000, 50, 2022);

        assertThat(positions).hasSize(50).isSorted().doesNotHaveDuplicates();
        assertThat(IntStream.of(positions).boxed().toList()).allMatch(p -> p >= 0 && p < 1_000);
        assertThat(ExplorerSample.positions(1_000, 50, 2022)).isEqualTo(positions);
        assertThat(ExplorerSample.positions(1_000, 50, 2023)).isNotEqualTo(positions);
    }

    @Test
    void theStreamingSampleKeepsTheSamePositionsAsTheOneChosenByCount() {
        ExplorerSample<String> sample = new ExplorerSample<>(30, 9);
        IntStream.range(0, 400).forEach(i -> sample.offer("record " + i));

        assertThat(sample.chosen()).extracting(Positioned::position).containsExactlyElementsOf(
                IntStream.of(ExplorerSample.positions(400, 30, 9)).boxed().toList());
        assertThat(sample.chosen()).allSatisfy(p -> assertThat(p.record()).isEqualTo("record " + p.position()));
    }

    /** Every record is kept with chance limit/total: over 4,000 seeds, each position's count is near 4,000 × 10/40 = 1,000. */
    @Test
    void everyPositionIsEquallyLikely() {
        int[] kept = new int[40];
        for (long seed = 0; seed < 4_000; seed++) {
            for (int position : ExplorerSample.positions(40, 10, seed)) {
                kept[position]++;
            }
        }
        // a binomial(4000, 0.25) count has sd 27.4; 5 sd either side for 40 positions fails by chance with p < 1e-4
        assertThat(IntStream.of(kept).boxed().toList()).allMatch(count -> Math.abs(count - 1_000) < 137);
        double chiSquare = IntStream.of(kept).mapToDouble(c -> (c - 1_000.0) * (c - 1_000.0) / 1_000.0).sum();
        assertThat(chiSquare).as("chi-square, 39 degrees of freedom (0.999 quantile 72.1)").isLessThan(72.1);
    }
}
