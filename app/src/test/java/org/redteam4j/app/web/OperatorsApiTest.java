package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.workbench.AccountRepository;

/** The operators' rules (issue 18) through the JSON API on a real server and SQLite file. */
class OperatorsApiTest {

    @TempDir
    Path dir;

    WorkbenchServer server;
    OperatorData data;
    ApiClient admin;
    long campaign;

    @BeforeEach
    void start() {
        server = new WorkbenchServer(dir);
        data = new OperatorData(server);
        admin = data.admin;
        campaign = data.campaign("first");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theDashboardCountsAttemptsByStatusTheReviewQueueAndEachMember() {
        ApiClient alice = data.join("member", "alice");
        ApiClient bob = data.join("member", "bob");
        ApiClient rita = data.join("reviewer", "rita");
        long first = data.finished(alice, campaign, "asks how to pick a lock", 2);
        data.finished(alice, campaign, "asks how to pick a lock, politely", 4);
        long dropped = data.started(alice, campaign, "asks how to hotwire a car", 1);
        data.abandon(alice, dropped);
        data.started(bob, campaign, "asks how to pick a lock", 1);
        data.acceptWarning(rita, campaign);
        JsonNode review = rita.get("/api/reviews/next").body();
        assertThat(review.get("attempt").get("task_description").asText()).isEqualTo("asks how to pick a lock"); // the first
        assertThat(rita.post("/api/reviews/" + review.get("review_id").asLong(),
                Json.mapper().createObjectNode().put("rating", 3)).status()).isEqualTo(200);
        assertThat(rita.get("/api/reviews/next").status()).isEqualTo(200); // assigned, not done

        JsonNode dashboard = admin.get("/api/admin/campaigns/" + campaign + "/dashboard").body();

        assertThat(dashboard.get("attempts").toString()).isEqualTo("{\"finished\":2,\"in_progress\":1,\"abandoned\":1}");
        // 3 reviews per attempt: each finished attempt has one review (done or assigned), so 2 + 2 are still to assign
        assertThat(dashboard.get("review_queue").toString()).isEqualTo("{\"done\":1,\"assigned\":1,\"outstanding\":4}");
        JsonNode members = dashboard.get("members");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).get("name").asText()).isEqualTo("alice");
        assertThat(members.get(0).get("finished").asLong()).isEqualTo(2);
        assertThat(members.get(0).get("abandoned").asLong()).isEqualTo(1);
        assertThat(members.get(0).get("in_progress").asLong()).isZero();
        assertThat(members.get(0).get("mean_rating").asDouble()).as("the abandoned attempt's 0 is not in the mean").isEqualTo(3.0);
        assertThat(members.get(0).get("last_activity").isTextual()).isTrue();
        assertThat(members.get(0).get("opted_out").asBoolean()).isFalse();
        assertThat(members.get(1).get("name").asText()).isEqualTo("bob");
        assertThat(members.get(1).get("in_progress").asLong()).isEqualTo(1);
        assertThat(members.get(1).get("mean_rating").isNull()).isTrue();
        double weighted = 0;
        long attempts = 0;
        for (JsonNode target : dashboard.get("targets")) {
            attempts += target.get("attempts").asLong();
            weighted += target.get("attempts").asLong() * (target.get("mean_rating").isNull() ? 0 : target.get("mean_rating").asDouble());
        }
        assertThat(attempts).as("targets count finished attempts only").isEqualTo(2);
        assertThat(weighted / attempts).isEqualTo(3.0);
    }

    @Test
    void aClosedCampaignTakesNoNewAttemptsButOneInProgressMayFinish() {
        ApiClient alice = data.join("member", "alice");
        ApiClient bob = data.join("member", "bob");
        long running = data.started(alice, campaign, "asks how to pick a lock", 1);
        data.acceptWarning(bob, campaign); // so that only the closing can refuse bob's attempt

        assertThat(admin.post("/api/admin/campaigns/" + campaign + "/close", Json.mapper().createObjectNode()).status()).isEqualTo(200);

        assertThat(bob.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                .put("task_description", "asks how to pick a lock")).status()).as("no new attempt").isEqualTo(409);
        assertThat(bob.get("/api/campaigns").body().toString()).doesNotContain("first");
        assertThat(alice.post("/api/attempts/" + running + "/messages", Json.mapper().createObjectNode().put("text", "and then?"))
                .status()).isEqualTo(200);
        alice.post("/api/attempts/" + running + "/choice", Json.mapper().createObjectNode().put("label", "B"));
        assertThat(alice.post("/api/attempts/" + running + "/finish", Json.mapper().createObjectNode().put("rating", 1))
                .body().get("status").asText()).isEqualTo("complete");
        assertThat(admin.get("/api/admin/campaigns/" + campaign + "/dashboard").body().get("open").asBoolean()).isFalse();

        assertThat(admin.post("/api/admin/campaigns/" + campaign + "/reopen", Json.mapper().createObjectNode()).status()).isEqualTo(200);
        assertThat(bob.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                .put("task_description", "asks how to pick a lock")).status()).isEqualTo(200);
    }

    @Test
    void anArchivedCampaignIsHiddenUnlessAskedForAndReopeningBringsItBack() {
        long second = data.campaign("second");
        ApiClient bob = data.join("member", "bob");

        assertThat(admin.post("/api/admin/campaigns/" + second + "/archive", Json.mapper().createObjectNode()).status()).isEqualTo(200);

        assertThat(names(admin.get("/api/admin/campaigns").body())).containsExactly("first");
        assertThat(names(admin.get("/api/admin/campaigns?archived=true").body())).containsExactly("first", "second");
        assertThat(admin.get("/api/admin/campaigns?archived=true").body().get(1).get("archived").asBoolean()).isTrue();
        assertThat(bob.get("/api/campaigns").body().toString()).as("archived is closed too").doesNotContain("second");
        assertThat(bob.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", second)
                .put("task_description", "asks how to pick a lock")).status()).isIn(404, 409);
        assertThat(admin.post("/api/admin/campaigns/99999/archive", Json.mapper().createObjectNode()).status()).isEqualTo(404);
        assertThat(bob.post("/api/admin/campaigns/" + campaign + "/close", Json.mapper().createObjectNode()).status()).isEqualTo(403);

        assertThat(admin.post("/api/admin/campaigns/" + second + "/reopen", Json.mapper().createObjectNode()).status()).isEqualTo(200);
        assertThat(names(admin.get("/api/admin/campaigns").body())).containsExactly("first", "second");
        assertThat(bob.get("/api/campaigns").body().toString()).contains("second");
    }

    @Test
    void deactivatingEndsEverySessionAtOnceKeepsTheDataAndReactivatingLetsThemBackIn() {
        ApiClient alice = data.join("member", "alice");
        ApiClient aliceElsewhere = new ApiClient(server).login("alice", WorkbenchServer.PASSWORD);
        data.finished(alice, campaign, "asks how to pick a lock", 2);
        long id = memberId("alice");

        assertThat(admin.post("/api/admin/members/" + id + "/deactivate", Json.mapper().createObjectNode()).status()).isEqualTo(200);

        assertThat(alice.get("/api/session").status()).as("signed out at once").isEqualTo(401);
        assertThat(aliceElsewhere.get("/api/campaigns").status()).isEqualTo(401);
        ApiClient.Response again = new ApiClient(server).postWithToken("/api/login", Json.mapper().createObjectNode()
                .put("name", "alice").put("password", WorkbenchServer.PASSWORD), null);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body().get("error").asText()).contains("deactivated");
        ApiClient.Response wrong = new ApiClient(server).postWithToken("/api/login", Json.mapper().createObjectNode()
                .put("name", "alice").put("password", "not-her-password-at-all"), null);
        assertThat(wrong.status()).as("a wrong password learns nothing of the account").isEqualTo(401);
        assertThat(admin.get("/api/admin/campaigns/" + campaign + "/dashboard").body().get("attempts").get("finished").asLong())
                .as("their data stays").isEqualTo(1);
        assertThat(admin.get("/api/admin/members").body().toString()).contains("\"name\":\"alice\"");
        assertThat(activeOf("alice")).isFalse();

        assertThat(admin.post("/api/admin/members/" + id + "/reactivate", Json.mapper().createObjectNode()).status()).isEqualTo(200);
        assertThat(new ApiClient(server).login("alice", WorkbenchServer.PASSWORD).get("/api/session").status()).isEqualTo(200);
        assertThat(activeOf("alice")).isTrue();
    }

    @Test
    void anAdminCannotDeactivateThemselfNorTheLastActiveAdmin() {
        long self = memberId(WorkbenchServer.ADMIN);
        ApiClient.Response refused = admin.post("/api/admin/members/" + self + "/deactivate", Json.mapper().createObjectNode());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("error").asText()).contains("your own account");
        ApiClient second = data.join("admin", "second-admin");
        long secondId = memberId("second-admin");
        assertThat(second.post("/api/admin/members/" + self + "/deactivate", Json.mapper().createObjectNode()).status())
                .as("another admin remains").isEqualTo(200);

        // a request signed in just before its admin was deactivated, against the one active admin left
        Principal stale = new Principal(server.database.inTransaction(handle -> new AccountRepository(handle).byId(self)).orElseThrow(),
                "csrf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.workbench.accounts().deactivate(stale, secondId))
                .isInstanceOf(WorkbenchFailure.class).hasMessageContaining("last active admin");
        assertThat(second.get("/api/session").status()).isEqualTo(200);
    }

    @Test
    void theTranscriptBrowserListsFiltersAndShowsBothCandidatesReviewsAndTags() {
        ApiClient alice = data.join("member", "alice");
        ApiClient bob = data.join("member", "bob");
        ApiClient rita = data.join("reviewer", "rita");
        long aliceAttempt = data.finished(alice, campaign, "asks how to pick a lock <script>alert(1)</script>", 3);
        long bobAttempt = data.finished(bob, campaign, "asks how to pick a lock", 1);
        data.acceptWarning(rita, campaign);
        long review = rita.get("/api/reviews/next").body().get("review_id").asLong();
        rita.post("/api/reviews/" + review, Json.mapper().createObjectNode().put("rating", 2)
                .set("tags", Json.mapper().createArrayNode().add("Theft")));

        assertThat(ids(admin.get("/api/admin/campaigns/" + campaign + "/attempts").body())).containsExactly(bobAttempt, aliceAttempt);
        assertThat(ids(admin.get("/api/admin/campaigns/" + campaign + "/attempts?member=" + memberId("bob")).body()))
                .containsExactly(bobAttempt);
        assertThat(ids(admin.get("/api/admin/campaigns/" + campaign + "/attempts?min_rating=2").body())).containsExactly(aliceAttempt);
        assertThat(ids(admin.get("/api/admin/campaigns/" + campaign + "/attempts?status=in_progress").body())).isEmpty();
        assertThat(admin.get("/api/admin/campaigns/" + campaign + "/attempts?status=lost").status()).isEqualTo(400);

        JsonNode transcript = admin.get("/api/admin/attempts/" + aliceAttempt).body();
        assertThat(transcript.get("campaign_id").asLong()).isEqualTo(campaign);
        assertThat(transcript.get("task_description").asText()).contains("<script>");
        assertThat(transcript.get("member").asText()).isEqualTo("alice");
        JsonNode assistant = transcript.get("turns").get(1);
        assertThat(assistant.get("candidates")).hasSize(2);
        assertThat(assistant.get("candidates").get(0).get("picked").asBoolean()).isTrue();
        assertThat(assistant.get("candidates").get(1).get("picked").asBoolean()).isFalse();
        assertThat(transcript.get("reviews").get(0).get("reviewer").asText()).isEqualTo("rita");
        assertThat(transcript.get("reviews").get(0).get("tags").get(0).asText()).isEqualTo("Theft");
        assertThat(transcript.get("tags").get(0).asText()).isEqualTo("Theft");
        assertThat(alice.get("/api/admin/attempts/" + aliceAttempt).status()).isEqualTo(403);
        assertThat(admin.get("/api/admin/attempts/99999").status()).isEqualTo(404);
    }

    @Test
    void theExportIsTheCampaignsOnlyAndAbandonedAttemptsOnlyWhenAskedFor() throws Exception {
        long second = data.campaign("second");
        ApiClient alice = data.join("member", "alice");
        long kept = data.finished(alice, campaign, "asks how to pick a lock", 3);
        long dropped = data.started(alice, campaign, "asks how to hotwire a car", 1);
        data.abandon(alice, dropped);
        data.finished(alice, second, "asks how to pick a lock in the other campaign", 1);

        JsonNode attempts = Json.mapper().readTree(download("/api/admin/campaigns/" + campaign + "/export?kind=attempts"));
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).get("task_description").asText()).isEqualTo("asks how to pick a lock");
        assertThat(attempts.get(0).has("abandoned")).isFalse();
        assertThat(attempts.get(0).get("simulated").asBoolean()).as("a sim target's attempt, as the CLI export marks it").isTrue();

        JsonNode withAbandoned = Json.mapper().readTree(download("/api/admin/campaigns/" + campaign
                + "/export?kind=attempts&include_abandoned=true"));
        assertThat(withAbandoned).hasSize(2);
        assertThat(withAbandoned.get(1).get("abandoned").asBoolean()).isTrue();
        assertThat(withAbandoned.get(1).get("rating").isNull()).as("never rated").isTrue();
        assertThat(withAbandoned.get(1).get("task_description").asText()).isEqualTo("asks how to hotwire a car");

        List<String> lines = download("/api/admin/campaigns/" + campaign + "/export?kind=pairs").lines().toList();
        assertThat(lines).as("one choice between two candidates in the kept attempt").hasSize(1);
        List<String> allPairs = download("/api/admin/campaigns/" + campaign + "/export?kind=pairs&include_abandoned=true").lines().toList();
        assertThat(allPairs).hasSize(2);
        assertThat(allPairs.get(1)).contains("\"abandoned\":true");
        assertThat(download("/api/admin/campaigns/" + campaign + "/export?kind=attempts-lines").lines().count()).isEqualTo(1);
        assertThat(kept).isPositive();
    }

    /** The export's text as downloaded (JSON Lines is not one JSON document, so not through ApiClient). */
    private String download(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        http.send(HttpRequest.newBuilder(URI.create(server.url("/api/login"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("name", WorkbenchServer.ADMIN)
                        .put("password", WorkbenchServer.PASSWORD).toString())).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private long memberId(String name) {
        for (JsonNode account : admin.get("/api/admin/members").body()) {
            if (account.get("name").asText().equals(name)) {
                return account.get("id").asLong();
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    private boolean activeOf(String name) {
        for (JsonNode account : admin.get("/api/admin/members").body()) {
            if (account.get("name").asText().equals(name)) {
                return account.get("active").asBoolean();
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    private static List<String> names(JsonNode campaigns) {
        List<String> names = new ArrayList<>();
        campaigns.forEach(c -> names.add(c.get("name").asText()));
        return names;
    }

    private static List<Long> ids(JsonNode rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.get("attempt_id").asLong()));
        return ids;
    }
}
