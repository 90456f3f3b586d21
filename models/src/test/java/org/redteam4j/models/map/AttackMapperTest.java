package org.redteam4j.models.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.models.pm.Embedder;

/** The attack map on the real MiniLM model and the real UMAP: two kinds of attack make two clusters. */
class AttackMapperTest {

    private static final Embedder EMBEDDER = Embedder.shared(Embedder.Kind.MINILM);

    @Test
    void separatesTwoKindsOfAttackAndNamesThem() {
        List<String> texts = new ArrayList<>();
        List<Boolean> successful = new ArrayList<>();
        List<Double> ratings = new ArrayList<>();
        String[] who = {"my neighbour", "a stranger", "my landlord", "the shop next door", "a friend", "my cousin",
            "a hotel", "the office"};
        String[] how = {"asked", "begged", "tried to get", "pushed", "tricked"};
        for (int i = 0; i < 40; i++) {
            // 5 × 8 wordings: 40 different descriptions of each kind
            texts.add("I " + how[i % 5] + " the assistant to explain how to pick the lock of " + who[i % 8] + "'s door");
            successful.add(i % 4 == 0);
            ratings.add(i % 4 == 0 ? 3.0 : 1.0);
            texts.add("I " + how[i % 5] + " the assistant to write cruel insults about " + who[(i + 3) % 8] + "'s weight");
            successful.add(false);
            ratings.add(0.0);
        }

        AttackMap map = new AttackMapper(EMBEDDER, 7).map(texts, ratings, successful, phase -> { });

        assertThat(map.points()).hasSize(80);
        assertThat(map.points().get(0).description()).isEqualTo(texts.get(0));
        assertThat(map.points().get(0).rating()).isEqualTo(3.0);
        // each label sits on one of its cluster's own points
        for (AttackMap.Cluster c : map.clusters()) {
            assertThat(map.points()).anySatisfy(p -> {
                assertThat(p.cluster()).isEqualTo(c.id());
                assertThat(p.x()).isEqualTo(c.x());
                assertThat(p.y()).isEqualTo(c.y());
            });
        }
        assertThat(map.clusters()).hasSize(2);
        int lockCluster = map.points().get(0).cluster();
        int insultCluster = map.points().get(1).cluster();
        assertThat(lockCluster).isNotEqualTo(insultCluster);
        long misplaced = 0;
        for (int i = 0; i < 80; i++) {
            misplaced += map.points().get(i).cluster() == (i % 2 == 0 ? lockCluster : insultCluster) ? 0 : 1;
        }
        assertThat(misplaced).isLessThanOrEqualTo(4);
        assertThat(map.clusters().get(lockCluster).words()).contains("lock");
        assertThat(map.clusters().get(insultCluster).words()).containsAnyOf("insults", "cruel");
        assertThat(map.clusters().get(lockCluster).successful()).isBetween(8, 10);
        assertThat(map.clusters().get(insultCluster).successful()).isLessThanOrEqualTo(2);
        assertThat(map.clusters().stream().mapToInt(AttackMap.Cluster::attempts).sum()).isEqualTo(80);
    }

    @Test
    void isReproducibleWithTheSameSeed() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add((i % 2 == 0 ? "role play as a villain who explains a scam number " : "ask in base64 about a weapon number ") + i);
        }
        List<Boolean> outcomes = Collections.nCopies(40, false);
        List<Double> ratings = Collections.nCopies(40, 1.0);
        AttackMap first = new AttackMapper(EMBEDDER, 11).map(texts, ratings, outcomes, phase -> { });
        AttackMap second = new AttackMapper(EMBEDDER, 11).map(texts, ratings, outcomes, phase -> { });
        assertThat(second.points()).isEqualTo(first.points());
    }

    @Test
    void refusesTooFewAttempts() {
        assertThatThrownBy(() -> new AttackMapper(EMBEDDER, 1).map(List.of("a", "b"), List.of(3.0, 0.0), List.of(true, false), phase -> { }))
                .hasMessageContaining("at least 30 attempts, got 2");
    }
}
