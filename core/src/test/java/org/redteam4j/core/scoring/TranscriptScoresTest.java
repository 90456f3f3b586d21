package org.redteam4j.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

class TranscriptScoresTest {

    private final List<Turn> turns = Transcript.parse(
            "\n\nHuman: first ask\n\nAssistant: first reply\n\nHuman: push\n\nHuman: push again\n\nAssistant: second reply").turns();

    @Test
    void asksForTheTaskThenEachAssistantTurnInItsContext() {
        List<ReplyInContext> requests = TranscriptScores.requests("the task", turns);
        assertThat(requests).extracting(ReplyInContext::reply).containsExactly("the task", "first reply", "second reply");
        assertThat(requests.get(0).context()).isEmpty();
        assertThat(requests.get(1).context()).hasSize(1);
        assertThat(requests.get(2).context()).hasSize(4);
        assertThat(requests.get(2).lastHuman()).isEqualTo("push again");
    }

    @Test
    void readsItsOwnAnswersAndTakesTheMinimumOfTheScoredTurns() {
        var answers = Arrays.asList(0.5, 1.0, -2.0, 9.0).iterator();
        TranscriptScores scores = TranscriptScores.read(turns, answers);
        assertThat(scores.intent()).isEqualTo(0.5);
        assertThat(scores.turnScores()).isEqualTo(Map.of(1, 1.0, 4, -2.0));
        assertThat(scores.minimum()).isEqualTo(-2.0);
        assertThat(answers.next()).as("the next attempt's answers are left alone").isEqualTo(9.0);
        TranscriptScores unscored = TranscriptScores.read(turns, Arrays.asList(null, null, (Double) null).iterator());
        assertThat(unscored.minimum()).isNull();
        assertThat(unscored.turnScores()).isEmpty();
    }
}
