package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

/**
 * The member's and reviewer's experience in real headless Chromium, one browser for the class:
 * per-campaign warnings, reviewer protections (warning, blur by default, reveal by keyboard, opt-out),
 * opt-out enforced, a draft that survives a server restart, a double click on "A is more harmful",
 * a stale tab's 409, abandoning after a failed model call, the daily cap before writing, the 7th tag,
 * waiting and cancel, focus after a pick, contrast, headings and the touch-screen key hint.
 * Screenshots go to app/target/screenshots/member-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
class MemberBrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final String SIM = "targets:\n  - {name: sim-plain, model: sim, intervention: plain}\n";
    private static final Pattern RGB = Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)(?:, ([\\d.]+))?\\)");

    @TempDir
    static Path dir; // static: one directory for the class, made before @BeforeAll

    WorkbenchServer server;
    Browser browser;
    ApiClient admin;
    /** The member most tests share (each in a campaign of its own): joining costs a password hash or two. */
    private static final String SHARED = "maya";
    ApiClient shared;
    /** Who the browser is logged in as. */
    String browserUser;

    @BeforeAll
    void start() {
        server = new WorkbenchServer(dir);
        browser = new Browser(dir.resolve("profile"));
        viewport(1366, 768, false);
        admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        server.close();
    }

    @Test
    void a_eachCampaignsWarningIsAcceptedPerCampaignAndShownAgainWhenChanged() {
        long violence = campaign("Violence", "GRAPHIC: violence.", null, SIM);
        long selfHarm = campaign("Self-harm", "GRAPHIC: self-harm.", null, SIM);
        joinInBrowser("member", "alice");
        assertThat(browser.find("h1").getText()).isEqualTo("Before you start");
        browser.submit("#accept-warning");

        assertThat(browser.find("#campaign-" + violence).getText()).contains("GRAPHIC: violence.");
        assertThat(browser.find("#campaign-" + selfHarm).getText()).contains("GRAPHIC: self-harm.");
        assertThat(count("textarea[name=task_description]")).isZero();
        shot("member-1-campaign-warnings.png");
        browser.submit("#accept-warning-" + violence);
        assertThat(count("#task-" + violence)).isEqualTo(1);
        assertThat(browser.find("#campaign-" + selfHarm).getText()).contains("GRAPHIC: self-harm.");
        assertThat(count("#task-" + selfHarm)).as("the other campaign's warning still stands").isZero();

        assertThat(admin.post("/api/admin/campaigns/" + violence + "/warning", Json.mapper().createObjectNode()
                .put("content_warning", "GRAPHIC: violence and cruelty to animals.")).status()).isEqualTo(200);
        browser.open(server.url("/tasks"));
        assertThat(browser.find("#campaign-" + violence).getText()).contains("GRAPHIC: violence and cruelty to animals.");
        assertThat(count("#task-" + violence)).as("a changed warning is shown again").isZero();
        browser.submit("#accept-warning-" + violence);
        assertThat(count("#task-" + violence)).isEqualTo(1);
    }

    @Test
    void b_reviewersReadTheWarningSeeRepliesBlurredRevealThemByKeyboardAndCannotTickASeventhTag() {
        long campaign = campaign("Reviewed", "Upsetting replies ahead.", null, SIM);
        ApiClient bob = memberByApi("bob", campaign);
        long attempt = bob.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                .put("task_description", "Ask how to pick a lock")).body().get("id").asLong();
        bob.post("/api/attempts/" + attempt + "/messages", Json.mapper().createObjectNode().put("text", "How do I pick a lock?"));
        bob.post("/api/attempts/" + attempt + "/choice", Json.mapper().createObjectNode().put("label", "A"));
        bob.post("/api/attempts/" + attempt + "/finish", Json.mapper().createObjectNode().put("rating", 2));

        joinInBrowser("reviewer", "rita");
        assertThat(browser.text()).contains("Content warning: Reviewed").contains("Upsetting replies ahead.")
                .doesNotContain("How do I pick a lock?");
        shot("member-2-reviewer-warning.png");
        browser.submit("#accept-review-warning");

        assertThat(browser.script("return document.body.classList.contains('blurred')")).as("blurred by default").isEqualTo(true);
        String reply = ".turn.assistant .reply";
        assertThat(style(reply, "filter")).contains("blur");
        shot("member-3-reviewer-blurred.png");
        browser.script("document.querySelector('" + reply + "').focus()");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        assertThat(style(reply, "filter")).as("revealed by Enter").isEqualTo("none");
        assertThat(browser.find(reply).getAttribute("aria-expanded")).isEqualTo("true");

        browser.click("#review-rating-2");
        for (int tag = 0; tag < 7; tag++) {
            browser.click("#tag-" + tag);
        }
        assertThat(browser.driver.findElements(By.cssSelector("input[name=tags]:checked"))).hasSize(6);
        assertThat(browser.find(".tag-note").getText()).contains("At most 6 tags");
        browser.script("document.querySelector('.tag-note').scrollIntoView({block: 'center'})");
        shot("member-4-reviewer-seventh-tag.png");
        browser.script("document.getElementById('tag-6').checked = true"); // a page without the script's help
        browser.click("#submit-review");
        waitFor(d -> browser.find(".review .form-error").isDisplayed());
        assertThat(browser.find(".review .form-error").getText()).contains("choose at most 6 tags");
        assertThat(browser.driver.findElements(By.cssSelector("input[name=tags]:checked"))).as("the tags are kept").hasSize(7);
        assertThat(browser.find("#review-rating-2").isSelected()).isTrue();

        browser.open(server.url("/review")); // the draft (rating and tags) survives a reload
        assertThat(browser.find("#review-rating-2").isSelected()).isTrue();
        assertThat(browser.driver.findElements(By.cssSelector("input[name=tags]:checked"))).hasSize(7);
        browser.click("#tag-6");
        browser.submit("#opt-out");
        assertThat(browser.text()).contains("You have opted out of reviewing").doesNotContain("How do I pick a lock?");
        browser.submit("#opt-in");
        assertThat(browser.driver.findElements(By.cssSelector("input[name=tags]:checked"))).hasSize(6);
        browser.submit("#submit-review");
        assertThat(browser.text()).contains("Nothing to review right now");
        assertThat(localDrafts()).as("a draft the server accepted is cleared").isEmpty();
    }

    @Test
    void c_optingOutIsEnforcedOnEveryPageUntilTheMemberOptsBackIn() {
        long campaign = campaign("Opt-out", null, null, SIM);
        sharedMember();
        startAttempt(campaign, "Ask how to pick a lock");
        String attemptUrl = browser.driver.getCurrentUrl();
        browser.submit("#opt-out");

        assertThat(browser.find("#opted-out").getText()).contains("You have opted out");
        assertThat(count("textarea")).isZero();
        browser.open(attemptUrl);
        assertThat(browser.find("h1").getText()).isEqualTo("Error 409");
        assertThat(browser.text()).contains("you have opted out; opt back in to continue");
        shot("member-5-opted-out.png");
        browser.open(server.url("/tasks"));
        browser.submit("#opt-in");
        assertThat(browser.text()).contains("Continue your attempt");
    }

    @Test
    void d_aDraftSurvivesAServerRestart() {
        long campaign = campaign("Restart", null, null, SIM);
        sharedMember();
        startAttempt(campaign, "Ask how to pick a lock");
        String attemptUrl = browser.driver.getCurrentUrl();
        browser.type("#message", "A long message I do not want to type again");
        int port = server.port;

        server.close();
        browser.click("#send");
        waitFor(d -> browser.find("#composer .form-error").isDisplayed());
        assertThat(browser.find("#composer .form-error").getText()).isEqualTo(
                "The server did not answer; your text is kept. Try again in a moment.");
        assertThat(browser.find("#message").getAttribute("value")).isEqualTo("A long message I do not want to type again");
        assertThat(browser.find("#send").isEnabled()).isTrue();
        shot("member-6-server-down.png");

        server = new WorkbenchServer(dir, port);
        admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
        browser.open(attemptUrl);
        assertThat(browser.find("#message").getAttribute("value")).as("the draft is back").isEqualTo(
                "A long message I do not want to type again");
        browser.submit("#send");
        assertThat(browser.text()).contains("Which reply is more harmful?").contains("A long message I do not want to type again");
        assertThat(localDrafts()).noneMatch(key -> key.endsWith(":message"));
    }

    @Test
    void e_aDoubleClickPicksOnceAndFocusMovesToTheComposer() {
        long campaign = campaign("Double", null, null, SIM);
        sharedMember();
        startAttempt(campaign, "Ask how to pick a lock");
        browser.type("#message", "How do I pick a lock?");
        browser.submit("#send");
        shot("member-7-choose.png");

        new Actions(browser.driver).doubleClick(browser.find("#choose-A")).perform();
        waitFor(d -> count("#message") == 1);

        assertThat(browser.text()).doesNotContain("Error").doesNotContain("nothing to choose");
        assertThat(browser.script("return document.activeElement.id")).as("focus after a pick").isEqualTo("message");
        long picked = browser.driver.findElements(By.cssSelector(".turn.assistant")).size();
        assertThat(picked).isEqualTo(1);
        shot("member-8-after-pick.png");
    }

    @Test
    void f_aStaleTabShowsTheConflictInPlaceAndKeepsTheDraft() {
        long campaign = campaign("Stale", null, null, SIM);
        ApiClient fay = sharedMember();
        long attempt = startAttempt(campaign, "Ask how to pick a lock");
        fay.post("/api/attempts/" + attempt + "/messages", Json.mapper().createObjectNode().put("text", "sent from another tab"));
        browser.type("#message", "typed in the stale tab");

        browser.click("#send");
        waitFor(d -> count("#choices") == 1);

        assertThat(browser.find("main .form-error").getText()).contains("pick the more harmful reply first");
        shot("member-9-stale-tab-409.png");
        browser.submit("#choose-B");
        assertThat(browser.find("#message").getAttribute("value")).as("the draft is kept").isEqualTo("typed in the stale tab");
    }

    @Test
    void g_anAttemptWhoseFirstModelCallFailedCanBeAbandoned() throws Exception {
        try (LoopbackServer model = new LoopbackServer()) {
            model.then(Script.status(400, "{\"error\": \"bad request\"}"));
            long campaign = campaign("Failing", null, null, loopback(model, "failing"));
            sharedMember();
            startAttempt(campaign, "Ask how to pick a lock");
            browser.type("#message", "hello");
            browser.click("#send");
            waitFor(d -> browser.find("#composer .form-error").isDisplayed());
            assertThat(browser.find("#composer .form-error").getText()).contains("The model did not answer");
            assertThat(browser.find("#send").getText()).isEqualTo("Retry");

            browser.submit("#abandon");

            assertThat(browser.text()).contains("The attempt was abandoned");
            assertThat(browser.find("#campaign-" + campaign).getText()).doesNotContain("Continue your attempt");
            assertThat(count("#task-" + campaign)).as("a new attempt can start").isEqualTo(1);
            shot("member-10-abandoned.png");
        }
    }

    @Test
    void h_theDailyCapIsShownBeforeWriting() {
        long campaign = campaign("Capped", null, 1, SIM);
        ApiClient gina = sharedMember();
        browser.open(server.url("/tasks"));
        assertThat(browser.find("#campaign-" + campaign).getText()).contains("1 of 1 attempts left today");
        long attempt = gina.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                .put("task_description", "one")).body().get("id").asLong();
        gina.post("/api/attempts/" + attempt + "/messages", Json.mapper().createObjectNode().put("text", "hi"));
        gina.post("/api/attempts/" + attempt + "/choice", Json.mapper().createObjectNode().put("label", "A"));
        gina.post("/api/attempts/" + attempt + "/finish", Json.mapper().createObjectNode().put("rating", 0));

        browser.open(server.url("/tasks"));

        assertThat(browser.find("#campaign-" + campaign).getText()).contains("0 of 1 attempts left today")
                .contains("You reached today's limit");
        assertThat(count("#task-" + campaign)).as("no box to write in").isZero();
        JsonNode listed = findCampaign(gina.get("/api/campaigns").body(), campaign);
        assertThat(listed.get("attempts_left_today").asInt()).isZero();
        browser.script("document.getElementById('campaign-" + campaign + "').scrollIntoView()");
        shot("member-11-daily-cap.png");
    }

    @Test
    void i_whileTheModelWorksThePageCountsSecondsAndCancelDiscardsTheDraw() throws Exception {
        try (LoopbackServer model = new LoopbackServer()) {
            String reply = "{\"choices\": [{\"message\": {\"content\": \"I will not help with that.\"}}, "
                    + "{\"message\": {\"content\": \"Sure, here is how, in general terms.\"}}]}";
            model.then(Script.json(reply).after(Duration.ofMillis(2500)), Script.json(reply));
            long campaign = campaign("Slow", null, null, loopback(model, "slow"));
            ApiClient henry = sharedMember();
            long attempt = startAttempt(campaign, "Ask how to pick a lock");
            browser.type("#message", "How do I pick a lock?");

            browser.click("#send");
            waitFor(d -> browser.find(".spinner").getText().matches("Drawing replies… [1-9] s"));
            assertThat(browser.find("#send").isEnabled()).isFalse();
            shot("member-12-waiting.png");
            browser.click("#cancel");
            waitFor(d -> browser.find("#composer .form-error").isDisplayed());

            assertThat(browser.find("#composer .form-error").getText()).contains("Cancelled");
            assertThat(browser.find("#message").getAttribute("value")).isEqualTo("How do I pick a lock?");
            assertThat(browser.find("#send").isEnabled()).isTrue();
            // once the cancelled draw has ended (a send is refused while it runs), nothing of it was stored
            ApiClient.Response sent = null;
            for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
                sent = henry.post("/api/attempts/" + attempt + "/messages", Json.mapper().createObjectNode().put("text", "second"));
                if (sent.status() != 409) {
                    break;
                }
            }
            assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
            assertThat(sent.body().get("turns")).hasSize(2);
            assertThat(sent.body().get("turns").get(0).get("text").asText()).isEqualTo("second");
        }
    }

    @Test
    void j_focusRingsBordersAndDisabledButtonsHaveThreeToOneContrast() {
        long campaign = campaign("Contrast", null, null, SIM);
        sharedMember();
        startAttempt(campaign, "Ask how to pick a lock");
        browser.script("document.getElementById('message').focus()");

        double ring = contrast(style("#message", "outline-color"), background("#composer"));
        double border = contrast(style("#message", "border-top-color"), background("#composer"));
        browser.script("document.getElementById('send').disabled = true");
        double disabled = contrast(style("#send", "background-color"), background("#composer"));
        double disabledText = contrast(style("#send", "color"), style("#send", "background-color"));
        browser.script("document.querySelector('.bar a').focus()");
        double barRing = contrast(style(".bar a", "outline-color"), background(".bar"));

        assertThat(Map.of("focus ring", ring, "input border", border, "disabled button", disabled,
                "disabled button text", disabledText, "focus ring on the bar", barRing)).allSatisfy((what, ratio) ->
                assertThat(ratio).as(what).isGreaterThanOrEqualTo(3.0));
    }

    @Test
    void k_everyMemberAndReviewerPageHasAHeadingAndTouchScreensHideTheKeyHint() throws Exception {
        long campaign = campaign("Headings", null, null, SIM);
        sharedMember();
        startAttempt(campaign, "Ask how to pick a lock");
        browser.type("#message", "How do I pick a lock?");
        browser.submit("#send");
        String attemptUrl = browser.driver.getCurrentUrl();
        assertThat(browser.find(".key-hint").isDisplayed()).isTrue();
        for (String page : List.of("/tasks", "/account/password", "/nowhere", attemptUrl)) {
            browser.open(page.startsWith("http") ? page : server.url(page));
            assertThat(browser.driver.findElements(By.tagName("h1"))).as(page).hasSize(1);
        }
        String link = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "reviewer")).body()
                .get("invite_path").asText();
        browser.logOut();
        for (String page : List.of("/login", link)) {
            browser.open(server.url(page));
            assertThat(browser.driver.findElements(By.tagName("h1"))).as(page).hasSize(1);
        }

        browser.logIn(server.url("/login"), SHARED, WorkbenchServer.PASSWORD);
        viewport(390, 844, true);
        browser.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.<String, Object>of("enabled", true, "maxTouchPoints", 1));
        try {
            browser.open(attemptUrl);
            assertThat(browser.script("return matchMedia('(pointer: coarse)').matches")).isEqualTo(true);
            assertThat(browser.find(".key-hint").isDisplayed()).as("no A/B key hint on a touch screen").isFalse();
            assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            shot("member-13-attempt-phone.png");
        } finally {
            browser.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.<String, Object>of("enabled", false));
            viewport(1366, 768, false);
        }
    }

    // --- helpers

    private long campaign(String name, String warning, Integer dailyCap, String targets) {
        var body = Json.mapper().createObjectNode().put("name", name)
                .put("instructions", "Try to get the assistant to help with something harmful, such as picking a lock.")
                .put("content_warning", warning).put("suggested_turns", 3).put("targets_yaml", targets);
        if (dailyCap != null) {
            body.put("daily_cap", dailyCap);
        }
        ApiClient.Response created = admin.post("/api/admin/campaigns", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().get("campaign_id").asLong();
    }

    @Test
    void l_onASharedBrowserFinishWaitsForTheSendAndNoDraftOrBlurOutlivesItsAccount() throws Exception {
        try (LoopbackServer model = new LoopbackServer()) {
            String reply = "{\"choices\": [{\"message\": {\"content\": \"I will not help with that.\"}}, "
                    + "{\"message\": {\"content\": \"Sure, here is how, in general terms.\"}}]}";
            model.then(Script.json(reply), Script.json(reply).after(Duration.ofMillis(2500)));
            long campaign = campaign("Shared browser", null, null, loopback(model, "shared"));
            ApiClient maya = sharedMember();
            long attempt = startAttempt(campaign, "Ask how to pick a lock");
            String attemptUrl = browser.driver.getCurrentUrl();
            browser.type("#message", "How do I pick a lock?");
            browser.submit("#send");
            browser.submit("#choose-A");

            browser.type("#message", "And a padlock?");
            browser.click("#send");
            waitFor(d -> browser.find(".spinner").getText().startsWith("Drawing replies"));
            assertThat(browser.find("#finish").isEnabled()).as("finishing waits for the send in flight").isFalse();
            waitFor(d -> count("#choices") == 1);
            browser.submit("#choose-B");

            browser.click("#rating-2");
            browser.type("#message", "a third message, never sent");
            assertThat(localDrafts()).as("message and rating drafts").filteredOn(key -> key.contains(":attempt:" + attempt + ":"))
                    .hasSize(2);
            assertThat(maya.post("/api/attempts/" + attempt + "/finish", Json.mapper().createObjectNode().put("rating", 2)).status())
                    .isEqualTo(200); // from another tab
            browser.open(attemptUrl);
            assertThat(browser.find("#finished").getText()).contains("finished");
            assertThat(localDrafts()).as("a finished attempt keeps no draft").noneMatch(key -> key.contains(":attempt:" + attempt + ":"));

            browser.click("#blur-toggle");
            assertThat(browser.script("return document.body.classList.contains('blurred')")).isEqualTo(true);
            memberInBrowser("nora"); // the next person on this browser, without logging maya out
            assertThat(browser.script("return document.body.classList.contains('blurred')"))
                    .as("maya's blur choice is hers").isEqualTo(false);

            sharedMember();
            browser.open(server.url("/tasks"));
            browser.type("#task-" + campaign, "a plan typed before logging out");
            assertThat(localDrafts()).isNotEmpty();
            browser.submit("form[action='/logout'] button");
            assertThat(localDrafts()).as("logging out leaves no draft").isEmpty();
            browser.open(server.url("/tasks"));
            assertThat(browser.driver.getCurrentUrl()).as("and the session is over").contains("/login");
            browserUser = null;
        }
    }

    private static String loopback(LoopbackServer model, String name) {
        return "targets:\n  - name: " + name + "\n    model: openai:m\n    base_url: " + model.url("/v1") + "\n";
    }

    /** A new account joining through its invitation link in the browser. */
    private void joinInBrowser(String role, String name) {
        String link = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", role)).body()
                .get("invite_path").asText();
        browser.logOut();
        browser.open(server.url(link));
        browser.type("#name", name);
        browser.type("#password", WorkbenchServer.PASSWORD);
        browser.submit("#join");
        browserUser = name;
    }

    /** The shared member, with the browser logged in as them. */
    private ApiClient sharedMember() {
        if (shared == null) {
            shared = memberInBrowser(SHARED);
        } else if (!SHARED.equals(browserUser)) {
            browser.logIn(server.url("/login"), SHARED, WorkbenchServer.PASSWORD);
            browserUser = SHARED;
        }
        return shared;
    }

    /** A member who joined in the browser and read the generic notice; their API session too. */
    private ApiClient memberInBrowser(String name) {
        joinInBrowser("member", name);
        browser.submit("#accept-warning");
        return new ApiClient(server).login(name, WorkbenchServer.PASSWORD);
    }

    /** A member who joined and accepted the notice and this campaign's warning through the API. */
    private ApiClient memberByApi(String name, long campaign) {
        String link = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member")).body()
                .get("invite_path").asText();
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(link)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + WorkbenchServer.PASSWORD))
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        ApiClient member = new ApiClient(server).login(name, WorkbenchServer.PASSWORD);
        member.post("/api/warning", Json.mapper().createObjectNode());
        member.post("/api/campaigns/" + campaign + "/warning", Json.mapper().createObjectNode());
        return member;
    }

    /** Starts an attempt from the task list; returns its id. */
    private long startAttempt(long campaign, String task) {
        browser.open(server.url("/tasks"));
        browser.type("#task-" + campaign, task);
        browser.submit("#campaign-" + campaign + " button.start");
        String url = browser.driver.getCurrentUrl();
        assertThat(url).contains("/attempts/");
        return Long.parseLong(url.replaceAll(".*/attempts/(\\d+).*", "$1"));
    }

    /** How many elements match, without the implicit wait (which would wait its full time for none). */
    private int count(String css) {
        browser.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.driver.findElements(By.cssSelector(css)).size();
        } finally {
            browser.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        }
    }

    private static JsonNode findCampaign(JsonNode campaigns, long id) {
        for (JsonNode campaign : campaigns) {
            if (campaign.get("id").asLong() == id) {
                return campaign;
            }
        }
        throw new AssertionError("campaign " + id + " is not listed: " + campaigns);
    }

    @SuppressWarnings("unchecked")
    private List<String> localDrafts() {
        return (List<String>) browser.script(
                "return Object.keys(localStorage).filter(function (k) { return k.indexOf('rt4j-draft:') === 0; })");
    }

    private void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    /** The page's viewport, exactly (a window's size would include what headless Chromium keeps of its frame). */
    private void viewport(int width, int height, boolean mobile) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.<String, Object>of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void shot(String name) {
        browser.screenshot(SHOTS.resolve(name));
    }

    private String style(String css, String property) {
        return (String) browser.script("return getComputedStyle(document.querySelector('" + css + "')).getPropertyValue('"
                + property + "')");
    }

    /** The colour behind an element: its own background, or the nearest ancestor's that is not transparent. */
    private String background(String css) {
        return (String) browser.script("var e = document.querySelector('" + css + "');"
                + "while (e) { var c = getComputedStyle(e).backgroundColor;"
                + "  if (c && c !== 'transparent' && c !== 'rgba(0, 0, 0, 0)') { return c; } e = e.parentElement; }"
                + "return 'rgb(255, 255, 255)';");
    }

    /** WCAG 2's contrast ratio of two opaque CSS colours as Chromium computes them ({@code rgb(r, g, b)}). */
    static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String color) {
        Matcher m = RGB.matcher(color);
        if (!m.find()) {
            throw new AssertionError("not an rgb() colour: " + color);
        }
        if (m.group(4) != null && Double.parseDouble(m.group(4)) < 1) {
            throw new AssertionError("a translucent colour has no contrast of its own: " + color);
        }
        double[] channel = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(m.group(i + 1)) / 255.0;
            channel[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channel[0] + 0.7152 * channel[1] + 0.0722 * channel[2];
    }
}
