package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attack.AttackTrace;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackStore;

/**
 * The attack page's "attacker's view" and {@code GET /api/admin/attacks/{id}}'s {@code trace}: every
 * try shown, the hit marked, and each text the attacker or the target wrote (prompt, reply, a
 * technique kept as written, a note) escaped; an attack without a trace shows no such section.
 */
class AttackTracePageTest {

    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMAGE = "<img src=x onerror=window.__xss=2>";

    @TempDir
    static Path dir;

    static WorkbenchServer server;
    static RawApi admin;

    @BeforeAll
    static void start() {
        server = new WorkbenchServer(dir);
        admin = new RawApi(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
        TargetFacts target = new TargetFacts("t", "plain lm", "unknown", Json.mapper().createObjectNode(), false);
        AttackTrace trace = new AttackTrace(List.of(
                new AttackTrace.Step(1, "turn 1", List.of("role-play", IMAGE), "first " + SCRIPT, "refused " + IMAGE, false,
                        "refused: backtracked; unknown technique: " + SCRIPT),
                new AttackTrace.Step(2, "turn 1", List.of(), "second try", "Sure, here it is.", true, "judge: HIT")), 2);
        Verdict verdict = Verdict.judged(true, 5, 1, "Sure, here it is.", 4, "keyword");
        try (AttackStore store = AttackStore.open(server.database, "traced", "{}", null, List.of(target), Map.of())) {
            store.record(new AttackResult(new AttackResult.Attack("traced|t|s|multi-turn:4|0", "t", "multi-turn:4", 0, "Theft", "seed"),
                    AttackResult.Status.DONE, new AttackResult.Exchange("second try", "Sure, here it is.",
                    "Human: second try\n\nAssistant: Sure, here it is.", trace), List.of(verdict), null, AttackResult.Spend.NONE,
                    Duration.ZERO, false));
            store.record(new AttackResult(new AttackResult.Attack("traced|t|s|direct|0", "t", "direct", 0, "Theft", "seed"),
                    AttackResult.Status.DONE, new AttackResult.Exchange("p", "r", "Human: p\n\nAssistant: r"), List.of(verdict), null,
                    AttackResult.Spend.NONE, Duration.ZERO, false));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long id(String strategy) {
        long campaign = admin.get("/api/admin/automated").json().get(0).get("id").asLong();
        for (JsonNode row : admin.get("/api/admin/automated/" + campaign + "/attacks").json().get("attacks")) {
            if (row.get("strategy").asText().equals(strategy)) {
                return row.get("id").asLong();
            }
        }
        throw new AssertionError("no attack " + strategy);
    }

    @Test
    void everyTryIsShownEscapedWithTheHitMarked() {
        RawApi.Answer page = admin.get("/admin/attacks/" + id("multi-turn:4"));

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("The attacker's view: every try").contains("class=\"hit-step\"")
                .doesNotContain(SCRIPT).doesNotContain(IMAGE)
                .contains("first &lt;script&gt;window.__xss=1&lt;/script&gt;")
                .contains("role-play, &lt;img src=x onerror=window.__xss=2&gt;")
                .contains("unknown technique: &lt;script&gt;").contains("dropped");
    }

    @Test
    void theApiGivesTheTraceAsStored() {
        JsonNode attack = admin.get("/api/admin/attacks/" + id("multi-turn:4")).json();

        assertThat(attack.get("trace").get("hit_at").asInt()).isEqualTo(2);
        assertThat(attack.get("trace").get("steps")).hasSize(2);
        assertThat(attack.get("trace").get("steps").get(0).get("techniques").get(1).asText()).isEqualTo(IMAGE);
        assertThat(attack.get("trace").get("steps").get(0).get("kept").asBoolean()).isFalse();
    }

    @Test
    void anAttackWithoutATraceHasNoAttackersView() {
        long direct = id("direct");

        assertThat(admin.get("/admin/attacks/" + direct).body()).doesNotContain("The attacker's view");
        assertThat(admin.get("/api/admin/attacks/" + direct).json().has("trace")).isFalse();
    }
}
