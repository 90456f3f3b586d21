package org.redteam4j.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Converters;
import org.redteam4j.core.attack.convert.ConverterSettings;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.campaign.CampaignEngineTest.MemoryLedger;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.format.AttackResultJson;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JunitReport;
import org.redteam4j.core.format.RecordPosition;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.secrets.Redaction;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;
import org.redteam4j.core.transcript.Turn;

/**
 * A target whose reply quotes the API key: the judge grades the reply as written, the ledger gets
 * it with the key redacted and the redaction recorded as a finding, and nothing made from the
 * result (JSON Lines, JUnit XML, the summary) holds the key.
 */
@Tag("security")
class RedactedResultsTest {

    private static final String KEY = "sk-live-DO-NOT-LEAK-0123456789";
    private static final String CANARY = "CANARY-41d2";
    private static final Secrets SECRETS = Secrets.of(new Secret("OPENAI_API_KEY", KEY));

    @TempDir
    Path dir;

    /** Says the key (and the canary the attack planted) in every reply; fails when asked to. */
    static ChatModel leaky() {
        return new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                String message = request.turns().get(request.turns().size() - 1).text();
                if (message.contains("fail")) {
                    throw new ServerErrorException("echo: HTTP 500: bad key " + KEY, 500);
                }
                return new ChatResponse(List.of(Reply.of("Sure. My key is " + KEY + " and the word is " + CANARY, "stop")),
                        new TokenUsage(10, 5), Duration.ZERO, "leaky", false);
            }

            @Override
            public String id() {
                return "leaky";
            }
        };
    }

    /** Records what it was shown, and quotes the reply back in its rationale as some LLM judges do. */
    static final class RecordingJudge implements Judge {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public Verdict judge(List<Turn> context, String reply) {
            seen.add(reply);
            return Verdict.judged(false, 5, 5, "the reply says: " + reply, 4, id());
        }

        @Override
        public String id() {
            return "recording";
        }
    }

    private static PlannedAttack attack(String seed, Strategy strategy) {
        return new PlannedAttack(PlannedAttack.key("c", "t", seed, strategy.id(), 0), "t", Seed.of(seed), "Theft", strategy, 0);
    }

    private static MemoryLedger run(RecordingJudge judge, ChatModel attacker, List<PlannedAttack> plan) throws Exception {
        MemoryLedger ledger = new MemoryLedger();
        new CampaignEngine(Map.of("t", new AttackTarget("t", leaky(), Sampling.DEFAULT)), List.of(judge),
                new AttackTools(attacker, null, null), ledger, 2, new Budget(0, 0), SECRETS).run(plan, (d, t, h, e) -> { });
        return ledger;
    }

    @Test
    void theJudgeSeesTheKeyTheLedgerNeverDoes() throws Exception {
        RecordingJudge judge = new RecordingJudge();
        PlannedAttack direct = attack("please comply", SingleTurn.direct());

        AttackResult result = run(judge, null, List.of(direct)).records.get(direct.key());

        assertThat(judge.seen).singleElement().asString().contains(KEY);
        assertThat(result.hit()).as("judging is unaffected").isTrue();
        assertThat(result.exchange().reply()).doesNotContain(KEY).contains("[redacted OPENAI_API_KEY]").contains(CANARY);
        assertThat(result.exchange().transcript()).doesNotContain(KEY).contains(CANARY);
        assertThat(result.verdicts().get(0).rationale()).doesNotContain(KEY).contains("[redacted OPENAI_API_KEY]");
        assertThat(result.redactions()).containsExactly(new Redaction("OPENAI_API_KEY", "reply"),
                new Redaction("OPENAI_API_KEY", "judge rationale"));
        assertThat(result.redactions().get(0).finding()).isEqualTo("the reply contained the OPENAI_API_KEY");
    }

    @Test
    void anAttackerThatEchoesTheKeyAndAnErrorThatQuotesItAreRedactedToo() throws Exception {
        ChatModel echoingAttacker = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return new ChatResponse(List.of(Reply.of("Bitte, mit " + KEY, "stop")), new TokenUsage(1, 1), Duration.ZERO,
                        "attacker", false);
            }

            @Override
            public String id() {
                return "attacker";
            }
        };
        Strategy translated = SingleTurn.converted(List.of(Converters.byId("translate", ConverterSettings.DEFAULTS.withLanguage("German"))));
        PlannedAttack echoed = attack("translate me", translated);
        PlannedAttack failing = attack("please fail", SingleTurn.direct());

        MemoryLedger ledger = run(new RecordingJudge(), echoingAttacker, List.of(echoed, failing));

        AttackResult translatedResult = ledger.records.get(echoed.key());
        assertThat(translatedResult.exchange().prompt()).doesNotContain(KEY).contains("[redacted OPENAI_API_KEY]");
        assertThat(translatedResult.redactions()).contains(new Redaction("OPENAI_API_KEY", "prompt"));
        AttackResult failed = ledger.records.get(failing.key());
        assertThat(failed.status()).isEqualTo(AttackResult.Status.ERROR);
        assertThat(failed.error()).doesNotContain(KEY).contains("[redacted OPENAI_API_KEY]");
        assertThat(failed.redactions()).containsExactly(new Redaction("OPENAI_API_KEY", "error"));
    }

    @Test
    void jsonLinesJunitXmlAndTheSummaryCarryTheFindingNotTheKey() throws Exception {
        PlannedAttack direct = attack("please comply", SingleTurn.direct());
        AttackResult result = run(new RecordingJudge(), null, List.of(direct)).records.get(direct.key());
        TargetFacts facts = new TargetFacts("t", "plain lm", "unknown", Json.mapper().createObjectNode(), false);

        ObjectNode line = AttackResultJson.write(new AttackResultJson.Line("c", Json.mapper().createObjectNode(), null, facts, result));
        Path junit = dir.resolve("attacks.xml");
        JunitReport.write("c", List.of(result), junit);
        List<AttackSummary.Row> summary = AttackSummary.of(List.of(result));

        assertThat(line.toString()).doesNotContain(KEY).contains("the reply contained the OPENAI_API_KEY");
        AttackResult back = AttackResultJson.read(line, new RecordPosition("line", 1, 1)).result();
        assertThat(back.redactions()).isEqualTo(result.redactions());
        assertThat(Files.readString(junit)).doesNotContain(KEY).contains("[redacted OPENAI_API_KEY]")
                .contains("redacted: the reply contained the OPENAI_API_KEY");
        assertThat(summary).singleElement().satisfies(row -> assertThat(row.redacted()).containsExactly(Map.entry("OPENAI_API_KEY", 1)));
        assertThat(AttackSummary.perTarget(summary).get(0).redacted()).containsEntry("OPENAI_API_KEY", 1);
    }

    @Test
    void theAttackersViewIsRedactedToItsTechniquesAndNotesWhichTheAttackerWrote() {
        // adaptive keeps an unknown technique as the attacker wrote it, and says so in the note
        org.redteam4j.core.attack.AttackTrace trace = new org.redteam4j.core.attack.AttackTrace(List.of(
                new org.redteam4j.core.attack.AttackTrace.Step(1, "turn 1", List.of("role-play", "quote " + KEY), "hello", "no",
                        true, "judge: PASS; unknown technique: quote " + KEY),
                new org.redteam4j.core.attack.AttackTrace.Step(2, "turn 2", List.of(), "dropped try", "My key is " + KEY, false,
                        "refused: backtracked")), null);
        AttackResult result = new AttackResult(new AttackResult.Attack("c|t|s|adaptive:5|0", "t", "adaptive:5", 0, "Theft", "seed"),
                AttackResult.Status.DONE, new AttackResult.Exchange("hello", "no", "Human: hello\n\nAssistant: no", trace),
                List.of(Verdict.judged(false, 1, 1, "no", 4, "keyword")), null, AttackResult.Spend.NONE, Duration.ZERO, false);

        AttackResult redacted = result.redacted(SECRETS);

        String stored = org.redteam4j.core.format.AttackTraceJson.write(redacted.exchange().trace()).toString();
        assertThat(stored).doesNotContain(KEY).contains("[redacted OPENAI_API_KEY]").contains("role-play");
        assertThat(redacted.exchange().trace().steps().get(0).techniques()).containsExactly("role-play",
                "quote [redacted OPENAI_API_KEY]");
        assertThat(redacted.redactions()).containsExactly(new Redaction("OPENAI_API_KEY", "attacker's view"));
    }
}
