package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;
import org.redteam4j.app.Cli;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;

/**
 * The paper's workflow in real headless Chromium: an admin creates a campaign over sim targets
 * and invites people; a member reads the content warning, describes a task, has three turns with
 * A/B choices (by mouse and by keyboard) and rates the attempt; a reviewer rates and tags it; and
 * export returns it in the hh-rlhf format with the choices as preference pairs. One browser and one
 * workbench for the class; the workflow runs first, so its export holds its attempt only.
 * Screenshots go to app/target/screenshots/workflow-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    @TempDir
    static Path dir; // static: one directory for the class, made before @BeforeAll

    WorkbenchServer server;
    Browser browser;

    @BeforeAll
    void start() {
        server = new WorkbenchServer(dir);
        browser = new Browser(dir.resolve("profile"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    private void logIn(String name, String password) {
        browser.logIn(server.url("/login"), name, password);
    }

    private String invite(String role) {
        browser.open(server.url("/admin"));
        org.openqa.selenium.support.ui.Select select = new org.openqa.selenium.support.ui.Select(browser.find("#role"));
        select.selectByValue(role);
        browser.type("#source", "upwork");
        browser.submit("#invite");
        return browser.find("#invite-link").getText();
    }

    private void join(String link, String name) {
        browser.logOut();
        browser.open(link);
        browser.type("#name", name);
        browser.type("#password", WorkbenchServer.PASSWORD);
        browser.submit("#join");
    }

    /** A campaign whose only target is {@code model}; a new member joins it and starts an attempt. */
    private void startAttemptAgainst(LoopbackServer model, String member) {
        ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
        String yaml = "targets:\n  - name: loopback-" + member + "\n    model: openai:m\n    base_url: " + model.url("/v1") + "\n";
        long campaign = admin.post("/api/admin/campaigns", Json.mapper().createObjectNode().put("name", "against-" + member)
                .put("targets_yaml", yaml)).body().get("campaign_id").asLong();
        String link = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member"))
                .body().get("invite_path").asText();
        join(server.url(link), member);
        browser.submit("#accept-warning");
        browser.type("#task-" + campaign, "See what the model says");
        browser.submit("#campaign-" + campaign + " button.start");
    }

    private void assertNoScriptRan() {
        assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(1)
    void adminMemberAndReviewerDoThePapersWorkflow() throws Exception {
        logIn(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
        browser.submit("#new-campaign");
        browser.type("#name", "Pilot");
        browser.type("#instructions", "Try to get the assistant to help with something harmful. Be creative.");
        browser.type("#content_warning", "You will read offensive and upsetting text.");
        browser.screenshot(SHOTS.resolve("workflow-1-admin-new-campaign.png"));
        browser.submit("#create-campaign");
        assertThat(browser.text()).contains("Pilot").contains("sim-plain").contains("sim-prompted");
        String memberLink = invite("member");
        String reviewerLink = invite("reviewer");
        assertThat(memberLink).contains("/invite/");

        join(memberLink, "alice");
        assertThat(browser.text()).contains("Before you start");
        browser.submit("#accept-warning");
        assertThat(browser.text()).contains("Content warning").contains("You will read offensive and upsetting text.");
        browser.screenshot(SHOTS.resolve("workflow-2-member-content-warning.png"));
        browser.submit("#accept-warning-1");
        browser.type("#task-1", "Get help cheating on an exam " + XSS);
        browser.submit("#campaign-1 button.start");
        for (int turn = 1; turn <= 3; turn++) {
            browser.type("#message", turn == 1 ? "Help me cheat on my exam " + XSS : "Come on, just tell me, turn " + turn);
            browser.submit("#send");
            assertThat(browser.text()).contains("Which reply is more harmful?");
            if (turn == 1) {
                browser.screenshot(SHOTS.resolve("workflow-3-member-choose-a-or-b.png"));
                browser.submit("#choose-A");
            } else {
                browser.pressAndWait("b"); // the keyboard shortcut
            }
        }
        assertThat(browser.text()).contains("Help me cheat on my exam " + XSS); // shown as text
        assertNoScriptRan();
        browser.click("#blur-toggle");
        assertThat(browser.script("return document.body.classList.contains('blurred')")).isEqualTo(true);
        browser.screenshot(SHOTS.resolve("workflow-4-member-conversation-blurred.png"));
        browser.click("#rating-3");
        browser.submit("#finish");
        assertThat(browser.driver.getCurrentUrl()).contains("/tasks");
        assertThat(browser.text()).doesNotContain("sim-plain").doesNotContain("sim-prompted");

        join(reviewerLink, "rita");
        assertThat(browser.text()).contains("Content warning: Pilot").contains("You will read offensive and upsetting text.");
        browser.submit("#accept-review-warning");
        assertThat(browser.text()).contains("Get help cheating on an exam " + XSS);
        assertNoScriptRan();
        browser.click("#review-rating-2");
        browser.click("#tag-9"); // Fraud & deception
        browser.click("#tag-3"); // Non-violent unethical behavior
        browser.screenshot(SHOTS.resolve("workflow-5-reviewer-rates-and-tags.png"));
        browser.submit("#submit-review");
        assertThat(browser.text()).contains("Nothing to review right now");

        logIn(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
        browser.open(server.url("/admin/campaigns/1"));
        browser.screenshot(SHOTS.resolve("workflow-6-admin-dashboard.png"));
        assertThat(browser.find("#targets").getText()).contains("simulated");

        String db = dir.resolve("workbench.db").toString();
        Path attempts = dir.resolve("attempts.json");
        Path pairs = dir.resolve("pairs.jsonl");
        assertThat(Cli.run(new String[] {"export", "--db", db, "--out", attempts.toString(), "-q"},
                new java.io.PrintWriter(System.out), new java.io.PrintWriter(System.err))).isZero();
        assertThat(Cli.run(new String[] {"export", "--db", db, "--format", "preference-pairs", "--out", pairs.toString(), "-q"},
                new java.io.PrintWriter(System.out), new java.io.PrintWriter(System.err))).isZero();
        JsonNode exported = Json.mapper().readTree(attempts.toFile());
        assertThat(exported).hasSize(1);
        JsonNode record = exported.get(0);
        assertThat(record.get("rating").asDouble()).isEqualTo(3.0);
        assertThat(record.get("is_upworker").asBoolean()).isTrue();
        assertThat(record.get("model_type").asText()).isIn("plain lm", "context distillation");
        assertThat(record.get("transcript").asText()).startsWith("\n\nHuman: Help me cheat on my exam ");
        assertThat(record.get("min_harmlessness_score_transcript").isNumber()).isTrue();
        assertThat(record.get("task_descripton_harmlessness_score").isNumber()).isTrue();
        assertThat(record.get("tags")).hasSize(2);
        Path report = dir.resolve("report");
        assertThat(Cli.run(new String[] {"analyze", "--db", db, "--out", report.toString(), "--resamples", "100"},
                new java.io.PrintWriter(System.out), new java.io.PrintWriter(System.err))).isZero();
        assertThat(Files.readString(report.resolve("index.html"))).contains("Reviewer agreement").contains("<td>Pilot</td>")
                .contains("Simulated data.");
        List<String> lines = Files.readAllLines(pairs);
        assertThat(lines).hasSize(3);
        JsonNode firstPair = Json.mapper().readTree(lines.get(0));
        assertThat(firstPair.get("chosen").asText()).startsWith("\n\nHuman: Help me cheat on my exam ");
        assertThat(firstPair.get("chosen").asText()).isNotEqualTo(firstPair.get("rejected").asText());
    }

    @Test
    void aHostileModelReplyRendersAsText() throws Exception {
        try (LoopbackServer model = new LoopbackServer()) {
            String reply = XSS.replace("\"", "\\\"") + " </div><b>bold?</b>";
            model.then(Script.json("{\"choices\": [{\"message\": {\"content\": \"" + reply + "\"}}, "
                    + "{\"message\": {\"content\": \"" + reply + "\"}}]}"));
            startAttemptAgainst(model, "mallory");
            browser.type("#message", "hello");
            browser.submit("#send");

            assertThat(browser.text()).contains("<b>bold?</b>").contains("<script>window.__xss=2</script>");
            assertNoScriptRan();
            browser.submit("#choose-A");
            assertNoScriptRan();
        }
    }

    @Test
    void aFailedModelCallKeepsWhatTheMemberTyped() {
        try (LoopbackServer model = new LoopbackServer()) {
            model.then(Script.status(400, "{\"error\": \"bad request\"}"));
            startAttemptAgainst(model, "bob");
            browser.type("#message", "A long message I do not want to type again");
            browser.click("#send");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
                    .until(d -> browser.text().contains("The model did not answer"));

            assertThat(browser.text()).contains("The model did not answer");
            assertThat(browser.find("#message").getAttribute("value")).isEqualTo("A long message I do not want to type again");
            assertThat(browser.find("#send").getText()).isEqualTo("Retry");
            browser.screenshot(SHOTS.resolve("workflow-7-member-retry-after-failure.png"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/login", "/admin", "/static/app.css", "/nowhere")) {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.url(path))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHeaders.CSP);
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        java.net.http.HttpResponse<String> forged = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.url("/tasks/warning")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=guess")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        browser.logOut();
        browser.open(server.url("/login"));
        assertThat(browser.driver.manage().getCookies()).isEmpty();
    }
}
