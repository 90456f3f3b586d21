package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redteam4j.app.CliRun;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.SyntheticAttemptsFile;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.testing.TestFiles;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.CampaignResults;
import org.redteam4j.store.scoring.AttemptScoring;

/**
 * The report's explorer in real headless Chromium: a click on a Table 1 row or an attack-map cluster
 * (or Enter on it) lists exactly that cell's attempts, one opens with each turn's stored score, and a
 * campaign's target and verdict filter its attacks. Small data: 80 imported attempts scored by a
 * length scorer (the shipped model would take a minute) and a 16-attack campaign against sim.
 */
class ReportExplorerBrowserTest {

    private static final int ATTEMPTS = 80;

    @TempDir
    Path dir;

    @Test
    void aClickOnTheReportListsItsAttemptsAndOpensATranscriptWithItsScores() throws Exception {
        try (Browser browser = new Browser(dir.resolve("profile"))) { // first: without Chromium, skip before the work
            Path report = report();
            browser.open(report.resolve("index.html").toUri().toString());
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(
                    browser.script("return window.__explorerReady === true")));
            assertThat(count(browser)).isEqualTo(ATTEMPTS + 16);

            // a Table 1 row: exactly that model type and size, as many as the row counts
            WebElement row = largest(browser, "tr.filterable[data-filter*='model_type']");
            String type = row.findElements(By.tagName("td")).get(0).getText();
            String size = row.findElements(By.tagName("td")).get(1).getText();
            row.click();
            waitForCount(browser, attemptsOf(row));
            assertThat(new Select(browser.find("select[data-field='model_type']")).getFirstSelectedOption().getText()).isEqualTo(type);
            assertThat(new Select(browser.find("select[data-field='size']")).getFirstSelectedOption().getText()).isEqualTo(size);
            assertThat(metas(browser)).isNotEmpty().allSatisfy(meta -> assertThat(meta).contains(type + " " + size));
            assertThat((Double) browser.script("return document.getElementById('explore').getBoundingClientRect().top / 1.0"))
                    .as("the explorer scrolled into view").isBetween(-5.0, 300.0);

            browser.click("#explorer-list li:first-child button");
            assertThat(browser.find("#explorer-detail h3").getText()).startsWith("Attempt ");
            List<WebElement> assistant = browser.driver.findElements(By.cssSelector("#explorer-detail .explorer-turn.assistant"));
            assertThat(assistant).isNotEmpty().allSatisfy(turn -> {
                String text = turn.findElement(By.cssSelector(".explorer-turn-text")).getAttribute("textContent");
                assertThat(turn.findElement(By.cssSelector(".explorer-turn-score")).getText()).as("the stored score of: " + text)
                        .startsWith("harmlessness " + String.format(Locale.ROOT, "%.3f", score(text)));
            });
            assertThat(browser.find("#explorer-detail .explorer-facts").getText()).contains("model type").contains(type)
                    .contains("min harmlessness").contains("member");
            browser.screenshot(Path.of("target", "screenshots", "10-report-explorer.png"));

            // an attack-map cluster, by keyboard: Enter on its row replaces the Table 1 filter
            WebElement cluster = browser.find("tr.filterable[data-filter*='cluster']");
            String number = cluster.findElements(By.tagName("td")).get(0).getText();
            cluster.sendKeys(Keys.ENTER);
            waitForCount(browser, attemptsOf(cluster));
            assertThat(browser.find("select[data-field='model_type']").getAttribute("value")).as("the filter was replaced").isEmpty();
            assertThat(metas(browser)).isNotEmpty().allSatisfy(meta -> assertThat(meta).contains("cluster " + number));
            browser.screenshot(Path.of("target", "screenshots", "11-report-explorer-cluster.png"));

            // a campaign's target, then its hits: the controls add to the filter
            browser.click("#explorer-clear");
            waitForCount(browser, ATTEMPTS + 16);
            new Select(browser.find("select[data-field='target']")).selectByValue("rlhf-52B");
            waitForCount(browser, 8);
            new Select(browser.find("select[data-field='verdict']")).selectByValue("hit");
            waitForCount(browser, hits("rlhf-52B"));
            if (hits("rlhf-52B") == 0) { // the sim's seed decides; the misses are there then
                new Select(browser.find("select[data-field='verdict']")).selectByValue("miss");
                waitForCount(browser, 8);
            }
            browser.click("#explorer-list li:first-child button");
            assertThat(browser.find("#explorer-detail .explorer-facts").getText()).contains("rlhf-52B").contains("explore");
            assertThat(browser.driver.findElements(By.cssSelector("#explorer-detail .explorer-verdict"))).hasSize(2);
            assertThat(browser.driver.findElements(By.cssSelector("#explorer-detail .explorer-turn"))).hasSizeGreaterThanOrEqualTo(2);
            browser.screenshot(Path.of("target", "screenshots", "12-report-explorer-campaign.png"));
            // a wider filter still holds the open attack: it stays open
            new Select(browser.find("select[data-field='target']")).selectByValue("");
            assertThat(browser.find("#explorer-detail h3").getText()).startsWith("Attack ");

            // a campaign summary's row (target × strategy × tag), where the page's campaign tables carry filters
            List<WebElement> campaignRows = browser.driver.findElements(
                    By.cssSelector("table[id^='campaign-rows'] tr.filterable[data-filter*='campaign']"));
            if (!campaignRows.isEmpty()) {
                WebElement campaignRow = campaignRows.get(campaignRows.size() - 1);
                int attacks = Integer.parseInt(campaignRow.findElements(By.tagName("td")).get(3).getAttribute("textContent").trim());
                campaignRow.click();
                waitForCount(browser, attacks);
                assertThat(metas(browser)).allSatisfy(meta -> assertThat(meta).startsWith("attack "));
            }

            // a "Findings by framework" row: the attacks that land under that OWASP or ATLAS id
            List<WebElement> frameworkRows = browser.driver.findElements(By.cssSelector("tr.filterable[data-filter*='framework']"));
            if (!frameworkRows.isEmpty()) {
                WebElement frameworkRow = frameworkRows.get(0);
                int attacks = Integer.parseInt(frameworkRow.findElements(By.tagName("td")).get(2).getAttribute("textContent").trim());
                frameworkRow.click();
                waitForCount(browser, attacks);
                assertThat(browser.find("select[data-field='framework']").getAttribute("value"))
                        .isEqualTo(frameworkRow.findElements(By.tagName("td")).get(0).getAttribute("textContent").trim());
            }

            // a chart's click arrives as an event (report.js dispatches it for a data item with a filter)
            browser.script("document.dispatchEvent(new CustomEvent('redteam4j:filter', {detail: {rating: 4}}))");
            waitForCount(browser, (int) attempts().stream().filter(a -> a.rating() == 4).count());
            assertThat(browser.find("select[data-field='target']").getAttribute("value")).isEmpty();
            // ... and a filter that excludes the open attack closes it: the transcript shown must be one of the results
            assertThat(browser.driver.findElements(By.cssSelector("#explorer-detail h3"))).isEmpty();
            assertThat(browser.find("#explorer-detail .explorer-hint").getText()).startsWith("Choose an attempt");
        }
    }

    /** 80 attempts imported and scored, a short campaign against sim, and the report of both. */
    private Path report() throws Exception {
        Path file = dir.resolve("attempts.json");
        SyntheticAttemptsFile.main(new String[] {String.valueOf(ATTEMPTS), file.toString(), "2022"});
        String db = dir.resolve("explore.db").toString();
        CliRun imported = CliRun.of("import", file.toString(), "--db", db, "--quiet");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        new AttemptScoring(Database.open(db), new LengthScorer(), 40).run(true, (done, total, turns) -> { });
        Path campaign = Files.writeString(dir.resolve("campaign.yaml"), """
                name: explore
                attacker: sim
                seeds: {builtin: true, limit: 4}
                strategies: [direct, {template: role-play}]
                judges: [refusal, keyword]
                targets:
                  - {name: plain-13B, model: sim, intervention: plain, size: 13B, sim: {refusal: 0.3, evasion: 0.2, compliance: 0.5, seed: 1}}
                  - {name: rlhf-52B, model: sim, size: 52B, rlhf: true, sim: {refusal: 0.6, evasion: 0.1, compliance: 0.3, seed: 2}}
                """);
        CliRun attacked = CliRun.of("attack", "--campaign", campaign.toString(), "--db", db, "--quiet");
        assertThat(attacked.exitCode()).as(attacked.err()).isZero();
        Path report = dir.resolve("report");
        CliRun analysed = CliRun.of("analyze", "--db", db, "--out", report.toString(), "--resamples", "200");
        assertThat(analysed.exitCode()).as(analysed.err()).isZero();
        return report;
    }

    private List<RedTeamAttempt> attempts() {
        return TestFiles.readAll(Datasets.redTeamAttempts(dir.resolve("attempts.json")));
    }

    private int hits(String target) {
        CampaignResults results = new CampaignResults(Database.open(dir.resolve("explore.db").toString()));
        return (int) results.results(results.campaigns().get("explore")).stream()
                .filter(r -> r.attack().target().equals(target) && r.hit()).count();
    }

    /** The filterable row with the most attempts (its third cell). */
    private static WebElement largest(Browser browser, String css) {
        return browser.driver.findElements(By.cssSelector(css)).stream()
                .max(java.util.Comparator.comparingInt(ReportExplorerBrowserTest::attemptsOf)).orElseThrow();
    }

    private static int attemptsOf(WebElement row) {
        return Integer.parseInt(row.findElements(By.tagName("td")).get(2).getAttribute("textContent").trim());
    }

    private static int count(Browser browser) {
        return Integer.parseInt(browser.find("#explorer-count").getText().replace(" matching", ""));
    }

    private static void waitForCount(Browser browser, int expected) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> count(browser) == expected);
    }

    private static List<String> metas(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#explorer-list .explorer-item-meta")).stream().map(WebElement::getText).toList();
    }

    private static double score(String reply) {
        return -reply.length() / 100.0;
    }

    /** A real scorer of the simplest kind, so the test needs no model: longer replies are less harmless. */
    private static final class LengthScorer implements HarmlessnessScorer {

        @Override
        public double score(List<Turn> context, String reply) {
            return ReportExplorerBrowserTest.score(reply);
        }

        @Override
        public String id() {
            return "length";
        }
    }
}
