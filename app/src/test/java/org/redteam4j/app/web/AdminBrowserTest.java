package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redteam4j.core.format.Json;

/**
 * The operators' pages in real headless Chromium, one browser for the class: the dashboard's
 * totals and members' table, no sideways scrolling of any admin page at phone width (390×844),
 * the transcript browser, an export downloaded, closing a campaign, an invitation copied and
 * revoked (a reload does not post again), and deactivating an account. Screenshots go to
 * app/target/screenshots/admin-*.png at 1366×768 and 390×844.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    @TempDir
    static Path dir;

    WorkbenchServer server;
    OperatorData data;
    Browser browser;
    ApiClient alice;
    ApiClient bob;
    long campaign;
    long aliceAttempt;
    long bobAttempt;
    Path downloads;

    @BeforeAll
    void start() throws Exception {
        server = new WorkbenchServer(dir);
        data = new OperatorData(server);
        campaign = data.campaign("Pilot");
        alice = data.join("member", "alice");
        bob = data.join("member", "bob");
        ApiClient rita = data.join("reviewer", "rita");
        aliceAttempt = data.finished(alice, campaign, "asks how to pick a lock " + XSS, 2);
        data.finished(alice, campaign, "asks how to pick a lock, politely", 4);
        data.abandon(alice, data.started(alice, campaign, "asks how to hotwire a car", 1));
        bobAttempt = data.started(bob, campaign, "asks how to open a safe", 1);
        data.acceptWarning(rita, campaign);
        long review = rita.get("/api/reviews/next").body().get("review_id").asLong();
        rita.post("/api/reviews/" + review, Json.mapper().createObjectNode().put("rating", 3)
                .set("tags", Json.mapper().createArrayNode().add("Theft")));
        // a long unbroken error text, as an endpoint's answer can be: the widest thing a dashboard shows
        server.database.useTransaction(handle -> new org.redteam4j.store.workbench.TargetFailureRepository(handle).record(campaign,
                handle.createQuery("SELECT target_id FROM attempts WHERE id = :id").bind("id", bobAttempt).mapTo(Long.class).one(),
                bobAttempt, "http://127.0.0.1:1/v1/chat/completions?" + "x".repeat(300) + " refused the connection",
                java.time.Instant.now()));
        browser = new Browser(dir.resolve("profile"));
        downloads = Files.createDirectories(dir.resolve("downloads"));
        browser.driver.executeCdpCommand("Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString()));
        browser.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", server.url(""),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        desktop();
        browser.logIn(server.url("/login"), WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theDashboardShowsTotalsTheReviewQueueAndEachMember() {
        browser.open(server.url("/admin/campaigns/" + campaign));
        browser.screenshot(SHOTS.resolve("admin-1-dashboard.png"));

        assertThat(browser.find("#total-finished").getText()).isEqualTo("2");
        assertThat(browser.find("#total-in-progress").getText()).isEqualTo("1");
        assertThat(browser.find("#total-abandoned").getText()).isEqualTo("1");
        assertThat(browser.find("#reviews-done").getText()).isEqualTo("1");
        assertThat(cells("#member-alice")).containsExactly("alice", "2", "1", "0", "3.00", cells("#member-alice").get(5), "no");
        assertThat(cells("#member-bob").subList(0, 5)).containsExactly("bob", "0", "0", "1", "—");
        assertThat(browser.driver.findElements(By.cssSelector("h1"))).hasSize(1);
    }

    @Test
    @Order(2)
    void noAdminPageScrollsSidewaysAtPhoneWidth() {
        phone();
        try {
            Map<String, String> pages = new java.util.LinkedHashMap<>();
            pages.put("/admin", "admin-2-phone-campaigns.png");
            pages.put("/admin/campaigns/" + campaign, "admin-3-phone-dashboard.png");
            pages.put("/admin/campaigns/" + campaign + "/transcripts", "admin-4-phone-transcripts.png");
            pages.put("/admin/attempts/" + aliceAttempt, "admin-5-phone-transcript.png");
            pages.put("/admin/invites", "admin-6-phone-invitations.png");
            pages.put("/admin/members", "admin-7-phone-people.png");
            pages.put("/admin/campaigns/new", "admin-8-phone-new-campaign.png");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.open(server.url(page.getKey()));
                // under a loaded CI machine the first layout after a resize can be a frame late (seen: 487 px, and
                // a screenshot taken a moment later fitting): measure once it settles, and fail if it never fits
                try {
                    new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> ((Number) browser.script(
                            "return document.documentElement.scrollWidth - window.innerWidth")).longValue() <= 0);
                } catch (org.openqa.selenium.TimeoutException stillTooWide) {
                    // the assertion below says by how much
                }
                long scrollWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
                long innerWidth = ((Number) browser.script("return window.innerWidth")).longValue();
                browser.screenshot(SHOTS.resolve(page.getValue()));
                assertThat(scrollWidth).as(page.getKey() + " at 390 px: the page must not scroll sideways").isLessThanOrEqualTo(innerWidth);
                assertThat(browser.driver.findElements(By.cssSelector("h1"))).as(page.getKey() + " has a heading").hasSize(1);
            }
            browser.open(server.url("/admin/campaigns/" + campaign));
            browser.script("document.getElementById('members').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("admin-3b-phone-dashboard-members.png"));
            // the wide table scrolls inside its own box, the page does not move sideways
            browser.script("document.getElementById('members').parentElement.scrollLeft = 1000");
            assertThat(((Number) browser.script("return window.scrollX")).longValue()).isZero();
            browser.screenshot(SHOTS.resolve("admin-3c-phone-dashboard-members-scrolled.png"));
            browser.script("document.getElementById('target-failures').scrollIntoView()");
            browser.screenshot(SHOTS.resolve("admin-3d-phone-dashboard-failures.png"));
        } finally {
            desktop();
        }
    }

    @Test
    @Order(3)
    void theTranscriptBrowserFiltersAndShowsBothCandidatesEscaped() {
        browser.open(server.url("/admin/campaigns/" + campaign + "/transcripts"));
        assertThat(browser.driver.findElements(By.cssSelector("#attempts tbody tr"))).hasSize(4);
        new org.openqa.selenium.support.ui.Select(browser.find("#member")).selectByVisibleText("bob");
        browser.submit("#filter");
        assertThat(browser.driver.findElements(By.cssSelector("#attempts tbody tr"))).hasSize(1);
        assertThat(browser.find("#attempt-" + bobAttempt).getText()).contains("in_progress");
        new org.openqa.selenium.support.ui.Select(browser.find("#member")).selectByVisibleText("anyone");
        new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByVisibleText("abandoned");
        browser.submit("#filter");
        assertThat(browser.driver.findElements(By.cssSelector("#attempts tbody tr"))).hasSize(1);
        browser.screenshot(SHOTS.resolve("admin-9-transcripts-filtered.png"));

        browser.open(server.url("/admin/campaigns/" + campaign + "/transcripts"));
        browser.submit("#attempt-" + aliceAttempt + " a");
        browser.screenshot(SHOTS.resolve("admin-10-transcript.png"));
        browser.script("document.querySelector('#conversation .candidates').scrollIntoView()");
        browser.screenshot(SHOTS.resolve("admin-10b-transcript-candidates.png"));
        assertThat(browser.find("#task").getText()).contains("<script>");
        assertThat(browser.script("return window.__xss === undefined")).isEqualTo(true);
        assertThat(browser.driver.findElements(By.cssSelector("#conversation .candidate"))).hasSize(2);
        assertThat(browser.driver.findElements(By.cssSelector("#conversation .candidate.picked"))).hasSize(1);
        assertThat(browser.find("#rating").getText()).isEqualTo("2.0");
        assertThat(browser.find("#tags").getText()).isEqualTo("Theft");
        assertThat(browser.find("#reviews").getText()).contains("rita").contains("3.0").contains("Theft");
    }

    @Test
    @Order(4)
    void theExportLinkDownloadsTheCampaignsAttempts() throws Exception {
        browser.open(server.url("/admin/campaigns/" + campaign));
        browser.click("#export-attempts");
        Path file = downloads.resolve("Pilot-red-team-attempts.json");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> Files.exists(file) && noPartialDownloads());
        JsonNode attempts = Json.mapper().readTree(file.toFile());
        assertThat(attempts).hasSize(2);
        assertThat(attempts.toString()).doesNotContain("\"abandoned\"");
    }

    @Test
    @Order(5)
    void aClosedCampaignTakesNoNewAttemptsUntilReopened() {
        browser.open(server.url("/admin/campaigns/" + campaign));
        browser.submit("#close-campaign");
        assertThat(browser.find("#campaign-status").getText()).isEqualTo("closed");
        browser.screenshot(SHOTS.resolve("admin-11-closed.png"));
        ApiClient carol = data.join("member", "carol");
        assertThat(carol.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                .put("task_description", "asks how to pick a lock")).status()).isIn(404, 409);
        browser.submit("#reopen-campaign");
        assertThat(browser.find("#campaign-status").getText()).isEqualTo("open");
    }

    @Test
    @Order(6)
    void anInvitationIsShownOnceCopiedAndRevokedAndAReloadPostsNothing() {
        browser.open(server.url("/admin/invites"));
        int before = browser.driver.findElements(By.cssSelector("#invite-list tbody tr")).size();
        new org.openqa.selenium.support.ui.Select(browser.find("#role")).selectByValue("reviewer");
        browser.type("#source", "staff");
        browser.submit("#invite");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/admin/invites");
        String link = browser.find("#invite-link").getText();
        assertThat(link).startsWith(server.url("/invite/"));
        browser.click("#copy-invite");
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> !browser.find("#copy-status").getText().isBlank());
        assertThat(browser.find("#copy-status").getText()).isEqualTo("Copied to the clipboard.");
        Object copied = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, function (e) { done('unreadable: ' + e); });");
        assertThat(copied).isEqualTo(link);
        browser.screenshot(SHOTS.resolve("admin-12-invitation-copied.png"));
        List<org.openqa.selenium.WebElement> rows = browser.driver.findElements(By.cssSelector("#invite-list tbody tr"));
        assertThat(rows).hasSize(before + 1);

        browser.driver.navigate().refresh();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> "complete".equals(browser.script("return document.readyState")));
        assertThat(absent("#invite-link")).as("shown once").isTrue();
        assertThat(browser.driver.findElements(By.cssSelector("#invite-list tbody tr"))).as("the reload posted nothing")
                .hasSize(before + 1);

        String newest = browser.find("#invite-list tbody tr").getAttribute("id");
        browser.submit("#" + newest + " button");
        assertThat(browser.find("#" + newest).getText()).contains("revoked");
        assertThat(browser.find("#" + newest).getAttribute("class")).contains("faded");
        assertThat(absent("#" + newest + " button")).isTrue();
        browser.screenshot(SHOTS.resolve("admin-13-invitation-revoked.png"));
    }

    @Test
    @Order(7)
    void deactivatingSignsThePersonOutAndReactivatingLetsThemBack() {
        browser.open(server.url("/admin/members"));
        assertThat(alice.get("/api/session").status()).isEqualTo(200);
        browser.submit("#deactivate-alice");
        assertThat(browser.find("#person-alice").getText()).contains("deactivated");
        browser.screenshot(SHOTS.resolve("admin-14-people-deactivated.png"));
        assertThat(alice.get("/api/session").status()).as("signed out at once").isEqualTo(401);
        assertThat(absent("#deactivate-admin")).as("not oneself").isTrue();

        browser.submit("#reactivate-alice");
        assertThat(browser.find("#person-alice").getText()).doesNotContain("deactivated");
        alice = new ApiClient(server).login("alice", WorkbenchServer.PASSWORD);
        assertThat(alice.get("/api/session").status()).isEqualTo(200);
    }

    /** Whether nothing matches, asked without the driver's implicit wait (which would wait its full 10 s for nothing). */
    private boolean absent(String css) {
        browser.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.driver.findElements(By.cssSelector(css)).isEmpty();
        } finally {
            browser.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        }
    }

    private List<String> cells(String row) {
        return browser.find(row).findElements(By.cssSelector("td")).stream().map(cell -> cell.getText().strip()).toList();
    }

    private boolean noPartialDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void phone() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
    }

    private void desktop() {
        browser.driver.manage().window().setSize(new Dimension(1366, 768));
    }
}
