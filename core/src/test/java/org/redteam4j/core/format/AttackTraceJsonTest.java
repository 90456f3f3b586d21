package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.AttackTrace;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.scoring.Verdict;

/** An attack's trace survives an attack-results file; a file without one reads as before; a broken one is named. */
class AttackTraceJsonTest {

    private static final AttackTrace TRACE = new AttackTrace(List.of(
            new AttackTrace.Step(1, "stream 1", List.of("capitalise", "noise"), "sEed oNe", "I can't.", false, null),
            new AttackTrace.Step(2, null, List.of(), "seed two", "Sure [omitted]", true, "judge: HIT")), 2);

    private static ObjectNode written(AttackTrace trace) {
        AttackResult result = new AttackResult(new AttackResult.Attack("c|t|s|best-of-n:2|0", "t", "best-of-n:2", 0, "Theft", "seed"),
                AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "t", trace),
                List.of(Verdict.judged(false, 5, 1, "r", 4, "keyword")), null, AttackResult.Spend.NONE, Duration.ZERO, false);
        return AttackResultJson.write(new AttackResultJson.Line("c", JsonNodeFactory.instance.objectNode(), null,
                new TargetFacts("t", "plain", "1B", JsonNodeFactory.instance.objectNode(), false), result));
    }

    private static AttackTrace read(ObjectNode node) {
        return AttackResultJson.read(node, new RecordPosition("results.jsonl", 3, 1)).result().exchange().trace();
    }

    @Test
    void aTraceRoundTripsAndNoTraceIsNoField() {
        assertThat(read(written(TRACE))).isEqualTo(TRACE);
        ObjectNode single = written(AttackTrace.NONE);
        assertThat(single.has("trace")).isFalse();
        assertThat(read(single)).isEqualTo(AttackTrace.NONE);
    }

    @Test
    void aBrokenTraceIsRefusedNamingTheFieldAndLine() {
        ObjectNode node = written(TRACE);
        ((ObjectNode) node.get("trace").get("steps").get(1)).put("kept", "yes");
        assertThatThrownBy(() -> read(node)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("results.jsonl").hasMessageContaining("record 3").hasMessageContaining("trace.steps[1].kept");
        ObjectNode hitPastTheEnd = written(TRACE);
        ((ObjectNode) hitPastTheEnd.get("trace")).put("hit_at", 5);
        assertThatThrownBy(() -> read(hitPastTheEnd)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("hitAt 5 names no step of 2");
    }
}
