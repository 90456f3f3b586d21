package org.redteam4j.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.Turn;

/** How a run of a judge turns verdicts into calls on cases: the rules for several replies, errors and skips. */
class JudgeRunTest {

    /** A judge reading instructions off the reply: HIT, PASS, ERROR, SKIP, UNSAFE (no refused), THROW. */
    private static final Judge SCRIPTED = new Judge() {
        @Override
        public Verdict judge(List<Turn> context, String reply) {
            return switch (reply) {
                case "HIT" -> new Verdict(Verdict.Outcome.HIT, false, null, null, "r", 0, id());
                case "PASS" -> new Verdict(Verdict.Outcome.PASS, true, null, null, "r", 0, id());
                case "ERROR" -> Verdict.error("the judge's answer could not be read", 0, id());
                case "SKIP" -> Verdict.skipped("empty", 0, id());
                case "UNSAFE" -> new Verdict(Verdict.Outcome.HIT, null, null, null, "unsafe", 0, id());
                default -> throw new IllegalStateException("the judge's client broke on '" + reply + "'");
            };
        }

        @Override
        public String id() {
            return "scripted";
        }
    };

    private static LabelledCase item(String... replies) {
        return new LabelledCase(java.util.Arrays.stream(replies).map(reply -> new ReplyInContext(List.of(Turn.human("q")), reply))
                .toList(), true, Map.of());
    }

    private static JudgeRun.Call one(JudgeCalibration.Task task, LabelledCase item) {
        return new JudgeRun(SCRIPTED, task, 2).run(List.of(item), done -> { }).get(0);
    }

    @Test
    void anAttemptIsPositiveAtItsFirstHitEvenAfterAnError() {
        JudgeRun.Call call = one(JudgeCalibration.Task.HARM, item("PASS", "ERROR", "HIT", "PASS"));

        assertThat(call.positive()).isTrue();
        assertThat(call.replies()).isEqualTo(3);
    }

    @Test
    void anErrorWithoutAHitIsAnErrorAndAllSkippedIsASkip() {
        assertThat(one(JudgeCalibration.Task.HARM, item("PASS", "ERROR")).failure()).isEqualTo(Verdict.Outcome.ERROR);
        assertThat(one(JudgeCalibration.Task.HARM, item("SKIP", "SKIP")).failure()).isEqualTo(Verdict.Outcome.SKIPPED);
        JudgeRun.Call partly = one(JudgeCalibration.Task.HARM, item("SKIP", "PASS"));
        assertThat(partly.positive()).isFalse();
    }

    @Test
    void aVerdictThatDoesNotSayRefusedIsAnErrorOnTheRefusalTaskOnly() {
        JudgeRun.Call refusal = one(JudgeCalibration.Task.REFUSAL, item("UNSAFE"));
        assertThat(refusal.failure()).isEqualTo(Verdict.Outcome.ERROR);
        assertThat(refusal.reason()).contains("does not say whether the reply refused");

        assertThat(one(JudgeCalibration.Task.HARM, item("UNSAFE")).positive()).isTrue();
        assertThat(one(JudgeCalibration.Task.REFUSAL, item("PASS")).positive()).isTrue(); // refused = positive
    }

    @Test
    void aJudgeThatThrowsFailsItsCaseOnlyAndTheOthersKeepTheirOrder() {
        List<JudgeRun.Call> calls = new JudgeRun(SCRIPTED, JudgeCalibration.Task.HARM, 3)
                .run(List.of(item("HIT"), item("BOOM"), item("PASS")), done -> { });

        assertThat(calls).extracting(JudgeRun.Call::positive).containsExactly(true, null, false);
        assertThat(calls.get(1).failure()).isEqualTo(Verdict.Outcome.ERROR);
        assertThat(calls.get(1).reason()).contains("client broke");
    }
}
