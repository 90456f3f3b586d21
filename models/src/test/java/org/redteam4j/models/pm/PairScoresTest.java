package org.redteam4j.models.pm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attempt.PreferencePair;

class PairScoresTest {

    private static TrainingPair pair(String chosen, String rejected) {
        String request = "\n\nHuman: Help?\n\nAssistant: ";
        return TrainingPair.of(new PreferencePair(request + chosen, request + rejected));
    }

    @Test
    void aTieInScoreIsWrongAndATieInLengthCountsAsShorter() {
        List<TrainingPair> pairs = List.of(pair("No.", "Sure, here."), pair("Sure.", "Okay."), pair("I won't do that.", "Yes."));
        PairScores scores = new PairScores(pairs, new double[] {1, 0, 2}, new double[] {0, 0, 1});

        assertThat(scores.right(0)).isTrue();
        assertThat(scores.right(1)).isFalse(); // equal scores
        assertThat(scores.chosenChars(0)).isEqualTo(3);
        assertThat(scores.rejectedChars(0)).isEqualTo(11);
        assertThat(scores.chosenShorterOrEqual(1)).isTrue(); // 5 and 5 characters
        assertThat(scores.chosenShorterOrEqual(2)).isFalse();
        assertThat(scores.accuracy().successes()).isEqualTo(2);
        assertThat(scores.accuracy(scores::chosenShorterOrEqual).trials()).isEqualTo(2);
        assertThat(scores.accuracy(scores::chosenShorterOrEqual).successes()).isEqualTo(1);
        assertThat(scores.accuracy(i -> false)).isNull();
    }
}
