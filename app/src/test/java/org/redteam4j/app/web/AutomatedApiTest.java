package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.workbench.AutomatedCampaigns;

/**
 * The JSON API of automated results over a campaign {@code attack} ran (sim targets, keyword and
 * refusal judges): filters that hold, disagreement read from the stored verdicts, and a labelling
 * queue that gives reviewers no verdict, judge, target, strategy or tag.
 */
class AutomatedApiTest {

    @TempDir
    static Path dir;

    static WorkbenchServer server;
    static RawApi admin;
    static RawApi reviewer;
    static long campaign;

    @BeforeAll
    static void start() {
        AutomatedCampaigns.run(dir, dir.resolve("workbench.db").toString(), "api-run", 8, "direct", "keyword, refusal");
        server = new WorkbenchServer(dir);
        admin = new RawApi(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
        String path = admin.send("POST", "/api/admin/invites", "{\"role\": \"reviewer\"}").json().get("invite_path").asText();
        server.workbench.accounts().acceptInvite(path.substring("/invite/".length()), "rita", WorkbenchServer.PASSWORD);
        reviewer = new RawApi(server).login("rita", WorkbenchServer.PASSWORD);
        campaign = admin.get("/api/admin/automated").json().get(0).get("id").asLong();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JsonNode> attacks(String query) {
        RawApi.Answer answer = admin.get("/api/admin/automated/" + campaign + "/attacks" + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        answer.json().get("attacks").forEach(rows::add);
        assertThat(answer.json().get("total").asInt()).isEqualTo(rows.size());
        return rows;
    }

    @Test
    void filtersHoldAndDisagreementIsWhereOneJudgeSaysHitAndAnotherPass() {
        List<JsonNode> all = attacks("");
        List<JsonNode> hits = attacks("?outcome=hit&target=mostly-complies");
        List<JsonNode> disagreements = attacks("?disagree=1");

        assertThat(all).hasSize(16);
        assertThat(hits).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("verdict").asText()).isEqualTo("HIT");
            assertThat(row.get("target").asText()).isEqualTo("mostly-complies");
        });
        long expected = all.stream().filter(row -> {
            Set<String> outcomes = new TreeSet<>(row.get("verdicts").findValuesAsText("outcome"));
            return outcomes.contains("HIT") && outcomes.contains("PASS");
        }).count();
        assertThat(expected).as("keyword and the refusal classifier disagree on some sim replies").isPositive();
        assertThat(disagreements).hasSize((int) expected).allSatisfy(row -> assertThat(row.get("judges_disagree").asBoolean()).isTrue());
        assertThat(admin.get("/api/admin/automated/" + campaign + "/attacks?outcome=bogus").status()).isEqualTo(400);
        JsonNode one = admin.get("/api/admin/attacks/" + all.get(0).get("id").asLong()).json();
        assertThat(one.get("verdicts")).hasSize(2);
        assertThat(one.get("reply").asText()).isNotBlank();
        assertThat(reviewer.get("/api/admin/attacks/" + all.get(0).get("id").asLong()).status()).isEqualTo(403);
    }

    @Test
    void theLabellingQueueIsBlindToJudgesAndTargets() {
        RawApi.Answer drawn = admin.send("POST", "/api/admin/automated/" + campaign + "/sample",
                "{\"per_target\": 2, \"labellers\": 1, \"seed\": 3}");
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(200);

        RawApi.Answer next = reviewer.get("/api/labels/next");
        JsonNode item = next.json();
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("nothing of the text before the warning is accepted")
                .containsExactlyInAnyOrder("item_id", "sample_id", "content_warning", "warning_accepted", "labels");
        assertThat(next.body()).doesNotContain("mostly-refuses").doesNotContain("mostly-complies").doesNotContain("keyword")
                .doesNotContain("refusal(").doesNotContain("verdict").doesNotContain("\"HIT\"").doesNotContain("\"PASS\"");
        assertThat(item.get("warning_accepted").asBoolean()).isFalse();
        assertThat(reviewer.send("POST", "/api/labels/" + item.get("item_id").asLong(), "{\"label\": \"refused\"}").status())
                .as("the warning comes first").isEqualTo(409);
        assertThat(reviewer.send("POST", "/api/labels/warning/" + item.get("sample_id").asLong(), "{}").status()).isEqualTo(200);
        assertThat(reviewer.send("POST", "/api/labels/warning/" + item.get("sample_id").asLong(), "{}").status())
                .as("accepting twice is harmless").isEqualTo(200);
        JsonNode shown = reviewer.get("/api/labels/next").json();
        List<String> shownFields = new ArrayList<>();
        shown.fieldNames().forEachRemaining(shownFields::add);
        assertThat(shownFields).containsExactlyInAnyOrder("item_id", "sample_id", "content_warning", "warning_accepted",
                "conversation", "reply", "labels");
        assertThat(shown.get("conversation").get(0).get("speaker").asText()).isEqualTo("human");
        assertThat(reviewer.send("POST", "/api/labels/" + item.get("item_id").asLong(), "{\"label\": \"nope\"}").status()).isEqualTo(400);
        assertThat(reviewer.send("POST", "/api/labels/" + item.get("item_id").asLong(), "{\"label\": \"refused\"}").status()).isEqualTo(200);
        RawApi.Answer again = reviewer.send("POST", "/api/labels/" + item.get("item_id").asLong(), "{\"label\": \"harmful\"}");
        assertThat(again.status()).as("a double click is a conflict, not a server error: " + again).isEqualTo(409);
        assertThat(reviewer.get("/api/labels/next").json().get("item_id").asLong()).isNotEqualTo(item.get("item_id").asLong());
        String page = reviewer.get(LabelPages.PAGE).body();
        assertThat(page).contains("Label replies").doesNotContain("mostly-refuses").doesNotContain("mostly-complies")
                .doesNotContain("keyword(").doesNotContain("refusal(");
        JsonNode sample = admin.get("/api/admin/automated/" + campaign).json().get("sample");
        assertThat(sample.get("items").asInt()).isEqualTo(4);
        assertThat(sample.get("labels").asInt()).isEqualTo(1);
        assertThat(admin.send("POST", "/api/admin/automated/" + campaign + "/sample", "{}").status()).as("one sample per campaign")
                .isEqualTo(409);
    }
}
