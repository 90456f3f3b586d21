package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;
import org.redteam4j.app.Cli;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;

/**
 * 60 script-injection payloads — tags, attributes, event handlers, URLs, broken-out-of contexts,
 * template syntax, encodings, ends of inlined script data — placed in every field people and models write (campaign name,
 * instructions and warning, task descriptions, messages, model replies, imported tags and
 * transcripts) and rendered in real Chromium on every page that shows them, the report's explorer too. Each payload, if it
 * ran, would set {@code window.__xss} or open an alert; neither may happen.
 */
@Tag("security")
public class XssCorpusTest {

    /** The corpus; {@code N} is replaced by each payload's number. */
    public static List<String> corpus() {
        String set = "window.__xss=N";
        List<String> shapes = List.of(
                "<script>" + set + "</script>",
                "<script src=\"data:text/javascript," + set + "\"></script>",
                "<img src=x onerror=\"" + set + "\">",
                "<img src=x onerror=" + set + ">",
                "<svg onload=" + set + ">",
                "<svg><script>" + set + "</script></svg>",
                "<body onload=" + set + ">",
                "<iframe srcdoc=\"<script>parent." + set + "</script>\"></iframe>",
                "<iframe src=\"javascript:parent." + set + "\"></iframe>",
                "<a href=\"javascript:" + set + "\" id=xssN>click</a>",
                "<details open ontoggle=" + set + ">",
                "<video><source onerror=\"" + set + "\"></video>",
                "<audio src=x onerror=" + set + ">",
                "<input autofocus onfocus=" + set + ">",
                "<select autofocus onfocus=" + set + "></select>",
                "<textarea autofocus onfocus=" + set + "></textarea>",
                "<marquee onstart=" + set + ">",
                "<object data=\"javascript:" + set + "\"></object>",
                "<embed src=\"javascript:" + set + "\">",
                "<form><button formaction=\"javascript:" + set + "\">x</button></form>",
                "<math><mtext><table><mglyph><style><img src=x onerror=" + set + ">",
                "<noscript><p title=\"</noscript><img src=x onerror=" + set + ">\">",
                "\"><script>" + set + "</script>",
                "'><img src=x onerror=" + set + ">",
                "\" onmouseover=\"" + set + "\" x=\"",
                "' onfocus='" + set + "' autofocus='",
                "</textarea><script>" + set + "</script>",
                "</title><script>" + set + "</script>",
                "</script><script>" + set + "</script>",
                "</style><script>" + set + "</script>",
                "<!--<img src=\"--><img src=x onerror=" + set + "//\">",
                "<![CDATA[<script>" + set + "</script>]]>",
                "{{constructor.constructor('" + set + "')()}}",
                "[[${T(java.lang.Runtime).getRuntime()}]]<script>" + set + "</script>",
                "[(${'<script>" + set + "</script>'})]",
                "${" + set + "}",
                "#{" + set + "}",
                "javascript:" + set,
                "data:text/html,<script>" + set + "</script>",
                "\\u003cscript\\u003e" + set + "\\u003c/script\\u003e",
                "&lt;script&gt;" + set + "&lt;/script&gt;",
                "%3Cscript%3E" + set + "%3C/script%3E",
                "<scr<script>ipt>" + set + "</scr</script>ipt>",
                "<SCRIPT>" + set + "</SCRIPT>",
                "<ScRiPt>" + set + "</sCrIpT>",
                "<img src=\"x\" onerror=\"&#119;indow.__xss=N\">",
                "<img src=x o\u0000nerror=" + set + ">",
                "<img\tsrc=x\tonerror=" + set + ">",
                "<img/src=x/onerror=" + set + ">",
                "<style>@import 'javascript:" + set + "';</style>",
                "<div style=\"background:url(javascript:" + set + ")\">x</div>",
                "<base href=\"javascript:" + set + "//\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + set + "\">",
                "<link rel=import href=\"data:text/html,<script>" + set + "</script>\">",
                "\u2028<script>" + set + "</script>\u2029",
                "<script>alert(N)</script><img src=x onerror=alert(N)>",
                // what would end or swallow a script element that inlines data (the report's JSON): </script>, <!--, ]]>
                "<!--<script>" + set + "</script>-->",
                "</script><!--<script>" + set + "</script>",
                "]]></script><script>" + set + "</script>",
                "</SCRIPT ><script>" + set + "</script>");
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            corpus.add(shapes.get(i).replace("N", String.valueOf(i + 1)));
        }
        return corpus;
    }

    @TempDir
    Path dir;

    WorkbenchServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = new WorkbenchServer(dir);
        browser = new Browser(dir.resolve("profile"));
    }

    @AfterEach
    void stop() {
        if (browser != null) { // null when the browser test was skipped: there is no Chromium
            browser.close();
        }
        server.close();
    }

    @Test
    void theCorpusHasFiftyPayloadsOrMore() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(50).doesNotHaveDuplicates();
    }

    @Test
    void theTrapCatchesAPayloadThatRuns() throws Exception {
        browser.open("data:text/html," + java.net.URLEncoder.encode("<p>unescaped</p>" + corpus().get(2),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        Thread.sleep(300);
        assertThat(browser.script("return window.__xss")).as("a page that does not escape is caught").isEqualTo(3L);
    }

    @Test
    void everyWorkbenchPageShowsThePayloadsAsText() throws Exception {
        List<String> corpus = corpus();
        try (LoopbackServer model = new LoopbackServer()) {
            model.answering(request -> {
                String reply = Json.mapper().createObjectNode().put("content", String.join(" ", corpus)).toString();
                return Script.json("{\"choices\": [{\"message\": " + reply + "}, {\"message\": " + reply + "}]}");
            });
            ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            String targets = "targets:\n  - name: hostile\n    model: openai:m\n    base_url: " + model.url("/v1") + "\n";
            JsonNode created = admin.post("/api/admin/campaigns", Json.mapper().createObjectNode()
                    .put("name", "Campaign " + corpus.get(2)).put("instructions", String.join("\n", corpus))
                    .put("content_warning", String.join(" ", corpus.subList(0, 20))).put("targets_yaml", targets)).body();
            long campaign = created.get("campaign_id").asLong();
            assertThat(invite(admin, "member", "<script>x</script>")).as("member names cannot carry markup").isEqualTo(400);
            ApiClient member = join(admin, "member", "mallory");
            member.post("/api/warning", Json.mapper().createObjectNode());
            member.post("/api/campaigns/" + campaign + "/warning", Json.mapper().createObjectNode());
            long attempt = member.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                    .put("task_description", String.join(" ", corpus))).body().get("id").asLong();
            for (int from = 0; from < corpus.size(); from += 14) {
                member.post("/api/attempts/" + attempt + "/messages", Json.mapper().createObjectNode()
                        .put("text", String.join("\n", corpus.subList(from, Math.min(corpus.size(), from + 14)))));
                member.post("/api/attempts/" + attempt + "/choice", Json.mapper().createObjectNode().put("label", "A"));
            }

            logIn("mallory");
            visitAndCheck("/tasks", corpus.get(0).substring(0, 8));
            visitAndCheck("/attempts/" + attempt, corpus.get(30));
            member.post("/api/attempts/" + attempt + "/finish", Json.mapper().createObjectNode().put("rating", 4));
            join(admin, "reviewer", "rita").post("/api/campaigns/" + campaign + "/warning", Json.mapper().createObjectNode());
            logIn("rita");
            visitAndCheck("/review", corpus.get(40));
            logIn(WorkbenchServer.ADMIN);
            visitAndCheck("/admin", "Campaign");
            visitAndCheck("/admin/campaigns/" + campaign, "Campaign");
            visitAndCheck("/admin/members", "mallory");
        }
    }

    @Test
    void theReportShowsImportedPayloadsAsText() throws Exception {
        List<String> corpus = corpus();
        var records = Json.mapper().createArrayNode();
        for (int i = 0; i < corpus.size(); i++) { // every payload in a human turn, and in replies, descriptions and tags
            String payload = corpus.get(i);
            var record = records.addObject();
            record.put("transcript", "\n\nHuman: " + payload + "\n\nAssistant: " + corpus.get((i + 7) % corpus.size()));
            record.put("min_harmlessness_score_transcript", -1.0 + i / 20.0);
            record.put("num_params", i % 2 == 0 ? "52B" : payload.length() > 10 ? "13B" : "2.7B");
            record.put("model_type", "rlhf");
            record.put("rating", i % 5);
            record.put("task_description", payload + " " + corpus.get((i + 13) % corpus.size()));
            record.put("task_descripton_harmlessness_score", 0.5);
            record.put("red_team_member_id", i % 4);
            record.put("is_upworker", false);
            record.putArray("tags").add(corpus.get((i + 21) % corpus.size())).add(corpus.get((i + 33) % corpus.size()));
        }
        Path file = Files.writeString(dir.resolve("hostile.json"), records.toString());
        Path report = dir.resolve("report");
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Cli.run(new String[] {"analyze", "--input", file.toString(), "--out", report.toString(), "--resamples", "100"},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();

        browser.open(report.resolve("index.html").toUri().toString());
        Thread.sleep(1_500); // charts and any injected handler get their chance to run
        assertNoScriptRan("report");
        assertThat(browser.text()).as("a tag, shown as text").contains(corpus.get(21).substring(0, 20));
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).as("no payload breaks out of the inlined chart data").doesNotContain("</script><script>window.__xss");
        assertThat(browser.script("return window.__explorerReady === true")).as("no payload ended the explorer's data early")
                .isEqualTo(true);
        // every transcript opened in the explorer: each payload shown as the text it is
        int opened = 0;
        while (true) {
            for (var item : browser.driver.findElements(org.openqa.selenium.By.cssSelector("#explorer-list button"))) {
                item.click();
                String shown = (String) browser.script(
                        "return document.querySelector('#explorer-detail .explorer-turn.human .explorer-turn-text').textContent");
                int n = Integer.parseInt(browser.find("#explorer-detail h3").getText().replace("Attempt ", ""));
                assertThat(shown).as("attempt " + n + "'s message").isEqualTo(corpus.get(n - 1));
                opened++;
            }
            Thread.sleep(100);
            assertNoScriptRan("the explorer's transcripts");
            if (!browser.find("#explorer-next").isEnabled()) {
                break;
            }
            browser.click("#explorer-next");
        }
        assertThat(opened).isEqualTo(corpus.size());
    }

    private void visitAndCheck(String path, String expectedText) throws InterruptedException {
        browser.open(server.url(path));
        Thread.sleep(300); // onerror and onload handlers fire after the page has loaded
        assertNoScriptRan(path);
        assertThat(browser.text()).as(path).contains(expectedText);
    }

    private void assertNoScriptRan(String where) {
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).as(where).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.script("return window.__xss === undefined")).as(where + ": window.__xss = "
                + browser.script("return String(window.__xss)")).isEqualTo(true);
    }

    private void logIn(String name) {
        browser.logIn(server.url("/login"), name, WorkbenchServer.PASSWORD);
    }

    private int invite(ApiClient admin, String role, String name) throws Exception {
        String path = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", role)
                .put("recruitment_source", "upwork")).body().get("invite_path").asText();
        java.net.http.HttpResponse<String> joined = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=" + java.net.URLEncoder.encode(name,
                                java.nio.charset.StandardCharsets.UTF_8) + "&password=" + WorkbenchServer.PASSWORD)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return joined.statusCode();
    }

    private ApiClient join(ApiClient admin, String role, String name) throws Exception {
        assertThat(invite(admin, role, name)).isIn(302, 303);
        return new ApiClient(server).login(name, WorkbenchServer.PASSWORD);
    }
}
