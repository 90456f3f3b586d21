package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redteam4j.app.Cli;

/** The analysis report in real headless Chromium: every chart must render (a canvas with pixels), offline. */
class ReportBrowserTest {

    @TempDir
    Path dir;

    @Test
    void everyChartRendersInChromium() {
        try (Browser browser = new Browser(dir.resolve("profile"))) { // first: without Chromium, skip before the work
            StringWriter err = new StringWriter();
            Cli.run(new String[] {"demo", "--dir", dir.resolve("demo").toString(), "--attempts", "80"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            int code = Cli.run(new String[] {"analyze", "--db", dir.resolve("demo/redteam4j-demo.db").toString(), "--out",
                    dir.resolve("report").toString(), "--resamples", "200"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(code).as(err.toString()).isZero();

            browser.open(dir.resolve("report/index.html").toUri().toString());
            int charts = browser.driver.findElements(By.cssSelector(".chart")).size();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(d -> Long.valueOf(charts).equals(browser.script("return window.__chartsRendered")));

            assertThat(charts).isGreaterThanOrEqualTo(7);
            assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).hasSize(charts);
            Object painted = browser.script("""
                    return Array.from(document.querySelectorAll('.chart canvas')).every(function (c) {
                      var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                      for (var i = 3; i < data.length; i += 4) { if (data[i] !== 0) { return true; } }
                      return false;
                    });""");
            assertThat(painted).isEqualTo(true);
            assertThat(browser.text()).contains("Table 1").contains("Fig. 5").contains("Fig. 11").contains("Fig. 2");
            assertThat(browser.driver.findElements(By.cssSelector("#chart-fig2 canvas"))).hasSize(1);
            browser.screenshot(Path.of("target", "screenshots", "8-report.png"));
            browser.script("document.getElementById('fig2').scrollIntoView()");
            browser.screenshot(Path.of("target", "screenshots", "9-report-attack-map.png"));
        }
    }
}
