package org.redteam4j.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TacticMemoryTest {

    @Test
    void concurrentAttacksRecordWithoutLosingTheBoundAndPromptsShowTheLastFew() throws Exception {
        TacticMemory memory = new TacticMemory();
        assertThat(memory.prompt(3)).isEmpty();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 800; i++) {
            int n = i;
            pool.submit(() -> memory.record("adaptive:5,memory", List.of("role-play"), List.of("opening " + n, "second turn")));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(memory.recent(1000)).hasSize(TacticMemory.KEPT);
        assertThat(memory.recent(3)).hasSize(3);
        assertThat(memory.prompt(3).lines().filter(line -> line.startsWith("- [role-play] opening "))).hasSize(3);
    }

    @Test
    void anOpeningIsAbbreviatedToOneLine() {
        TacticMemory memory = new TacticMemory();
        memory.record("multi-turn:4,memory", List.of(), List.of("line one\nline two " + "x".repeat(300)));

        String opening = memory.recent(1).get(0).opening();
        assertThat(opening).doesNotContain("\n").endsWith("…").hasSize(201);
    }
}
