package org.redteam4j.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassTfIdfTest {

    @Test
    void ranksWordsByClassFrequencyTimesRarity() {
        // By hand: A = (3 + 2) / 2 = 2.5 words per class.
        // class 0: apple 2/3·ln(1 + 2.5/2) = 0.541, banana 1/3·ln(2.25) = 0.270
        // class 1: cherry 1/2·ln(1 + 2.5/1) = 0.626, banana 1/2·ln(2.25) = 0.405 — rarity puts cherry first
        Map<Integer, List<String>> top = ClassTfIdf.topWords(List.of("apple apple", "banana", "banana cherry"),
                new int[] {0, 0, 1}, 2);

        assertThat(top).containsExactly(Map.entry(0, List.of("apple", "banana")), Map.entry(1, List.of("cherry", "banana")));
    }

    @Test
    void dropsFunctionWordsShortWordsAndMarkup() {
        assertThat(ClassTfIdf.words("The <script>alert(1)</script> and I asked it how to pick a lock"))
                .containsExactly("script", "alert", "script", "pick", "lock");
    }

    @Test
    void refusesMismatchedInput() {
        assertThatThrownBy(() -> ClassTfIdf.topWords(List.of("a"), new int[] {0, 1}, 3))
                .hasMessageContaining("1 documents, 2 clusters");
    }
}
