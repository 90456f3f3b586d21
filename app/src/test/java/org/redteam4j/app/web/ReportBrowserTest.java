package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.redteam4j.app.Cli;

/**
 * The analysis report of one small demo in real headless Chromium at 1440 px, offline: every chart
 * paints and titles its shown axes, Fig. 1 is the paper's (log size axis, a line and error bars per
 * model type), the attack map shows both classes interleaved, a table follows every chart, tooltips
 * hold formatted numbers, the campaign table filters, and a click on a bar dispatches its filter.
 */
class ReportBrowserTest {

    /** The first table after the section heading with this id (sections' elements are siblings in main). */
    private static final String TABLE_AFTER = """
            function tableAfter(id) {
              var next = document.getElementById(id).nextElementSibling;
              while (next && next.tagName !== 'TABLE') { next = next.nextElementSibling; }
              return next;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void everyChartRendersInChromiumAsThePaperDrawsIt() {
        try (Browser browser = new Browser(dir.resolve("profile"))) { // first: without Chromium, skip before the work
            StringWriter err = new StringWriter();
            Cli.run(new String[] {"demo", "--dir", dir.resolve("demo").toString(), "--attempts", "80"},
                    new PrintWriter(new StringWriter()), new PrintWriter(err));
            int code = Cli.run(new String[] {"analyze", "--db", dir.resolve("demo/redteam4j-demo.db").toString(), "--out",
                    dir.resolve("report").toString(), "--resamples", "200"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(code).as(err.toString()).isZero();

            browser.driver.manage().window().setSize(new Dimension(1440, 1000));
            browser.open(dir.resolve("report/index.html").toUri().toString());
            int charts = browser.driver.findElements(By.cssSelector(".chart")).size();
            new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                    .until(d -> Long.valueOf(charts).equals(browser.script("return window.__chartsRendered")));

            assertThat(charts).isGreaterThanOrEqualTo(9);
            assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).hasSize(charts);
            Object painted = browser.script("""
                    return Array.from(document.querySelectorAll('.chart canvas')).every(function (c) {
                      var data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                      for (var i = 3; i < data.length; i += 4) { if (data[i] !== 0) { return true; } }
                      return false;
                    });""");
            assertThat(painted).isEqualTo(true);
            assertThat(browser.text()).contains("Table 1").contains("Fig. 5").contains("Fig. 11").contains("Fig. 2");

            assertThat(chartsWithoutTable(browser)).as("chart figures not followed by a table").isEmpty();
            assertFig1IsThePapers(browser);
            assertTheMapShowsBothClasses(browser);
            assertTooltipsAreFormatted(browser);
            assertRowsCarryFilters(browser);
            assertACampaignTableFilters(browser);
            assertABarClickDispatchesItsFilter(browser);
            assertAMapPointClickOpensItsCluster(browser);

            browser.script("window.scrollTo(0, 0)");
            browser.screenshot(Path.of("target", "screenshots", "8-report.png"));
            browser.script("document.getElementById('fig1b').scrollIntoView()");
            browser.screenshot(Path.of("target", "screenshots", "8-report-by-type.png"));
            browser.script("document.getElementById('fig11').scrollIntoView()");
            browser.screenshot(Path.of("target", "screenshots", "8-report-fig11.png"));
            browser.script("document.getElementById('fig2').scrollIntoView()");
            browser.screenshot(Path.of("target", "screenshots", "9-report-attack-map.png"));
            browser.script("document.getElementById('campaigns').scrollIntoView()");
            browser.screenshot(Path.of("target", "screenshots", "9-report-campaigns.png"));
            assertThat(untitledAxes(browser)).as("charts with a shown axis that has no title").isEmpty();
        }
    }

    /** Per chart, its shown axes without a name (the attack map hides its axes: they have no units). */
    @SuppressWarnings("unchecked")
    private static List<String> untitledAxes(Browser browser) {
        return (List<String>) browser.script("""
                var bad = [];
                document.querySelectorAll('.chart').forEach(function (el) {
                  var option = echarts.getInstanceByDom(el).getOption();
                  ['xAxis', 'yAxis'].forEach(function (key) {
                    (option[key] || []).forEach(function (axis, i) {
                      if (axis.show !== false && !(axis.name && String(axis.name).trim())) { bad.push(el.id + ' ' + key + i); }
                    });
                  });
                });
                return bad;""");
    }

    @SuppressWarnings("unchecked")
    private static List<String> chartsWithoutTable(Browser browser) {
        return (List<String>) browser.script("""
                var bad = [];
                document.querySelectorAll('figure .chart').forEach(function (el) {
                  var next = el.closest('figure').nextElementSibling;
                  while (next && next.tagName !== 'TABLE' && !/^(FIGURE|H2|H3)$/.test(next.tagName)) { next = next.nextElementSibling; }
                  if (!next || next.tagName !== 'TABLE' || next.tBodies[0].rows.length === 0) { bad.push(el.id); }
                });
                return bad;""");
    }

    @SuppressWarnings("unchecked")
    private static void assertFig1IsThePapers(Browser browser) {
        Map<String, Object> fig1 = (Map<String, Object>) browser.script(TABLE_AFTER + """
                var option = echarts.getInstanceByDom(document.getElementById('chart-fig1')).getOption();
                var types = Array.from(new Set(Array.from(tableAfter('table1').tBodies[0].rows)
                    .map(function (tr) { return tr.cells[0].textContent; })));
                var lines = option.series.filter(function (s) { return s.type === 'line'; });
                var bars = option.series.filter(function (s) { return s.type === 'custom'; });
                return {
                  axes: option.xAxis.map(function (a) { return a.type; }),
                  types: types,
                  lineNames: lines.map(function (s) { return s.name; }),
                  barNames: bars.map(function (s) { return s.name; }),
                  barsDrawn: bars.every(function (s) { return typeof s.renderItem === 'function' && s.data.length > 0
                      && s.data.every(function (d) { return d.value[1] <= d.value[2]; }); }),
                  colours: lines.map(function (s) { return s.itemStyle.color; })
                };""");
        List<String> types = (List<String>) fig1.get("types");
        assertThat(types).hasSizeGreaterThanOrEqualTo(2);
        assertThat((List<String>) fig1.get("axes")).containsExactly("log", "log");
        // two panels, each with one line and one error-bar series per model type, in the table's (the paper's) order
        assertThat((List<String>) fig1.get("lineNames")).hasSize(2 * types.size()).containsSubsequence(types).containsAll(types);
        assertThat((List<String>) fig1.get("barNames")).hasSize(2 * types.size()).containsAll(types);
        assertThat(fig1.get("barsDrawn")).isEqualTo(true);
        assertThat(((List<String>) fig1.get("colours")).stream().distinct()).as("a colour per type, the same in both panels")
                .hasSize(types.size());
    }

    /**
     * The map's points: filled (successful) and hollow ones in every big cluster, drawn interleaved —
     * a class drawn wholly after the other would cover it — and in the proportions of the cluster table.
     */
    @SuppressWarnings("unchecked")
    private static void assertTheMapShowsBothClasses(Browser browser) {
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) browser.script("""
                var option = echarts.getInstanceByDom(document.getElementById('chart-fig2')).getOption();
                return option.series.filter(function (s) { return s.name !== 'cluster labels'; }).map(function (s) {
                  var order = s.data.map(function (d) { return d.itemStyle && d.itemStyle.color === 'rgba(255,255,255,0)' ? 'o' : 'x'; })
                      .join('');
                  return { name: s.name, order: order, colour: s.itemStyle.color };
                });""");
        List<String> shown = (List<String>) browser.script(TABLE_AFTER + """
                return Array.from(tableAfter('fig2').tBodies[0].rows).map(function (tr) { return tr.cells[3].textContent; });""");
        assertThat(clusters).hasSize(shown.size());
        assertThat(clusters.stream().map(c -> c.get("colour")).distinct()).hasSize(clusters.size());
        long hits = 0;
        long misses = 0;
        for (int i = 0; i < clusters.size(); i++) {
            String order = (String) clusters.get(i).get("order");
            long x = order.chars().filter(ch -> ch == 'x').count();
            hits += x;
            misses += order.length() - x;
            assertThat(x).as("filled points of cluster " + (i + 1)).isEqualTo(Long.parseLong(shown.get(i)));
            if (x >= 3 && order.length() - x >= 3) {
                assertThat(order).as("cluster " + (i + 1) + " draws hits and misses interleaved").contains("xo").contains("ox")
                        .doesNotMatch("o+x+|x+o+");
            }
        }
        assertThat(hits).isPositive();
        assertThat(misses).isPositive();
    }

    /** Every tooltip line of every chart: numbers already formatted (no 2.1538461538461537), intervals as "a (b to c)". */
    @SuppressWarnings("unchecked")
    private static void assertTooltipsAreFormatted(Browser browser) {
        List<String> tips = (List<String>) browser.script("""
                var tips = [];
                document.querySelectorAll('.chart').forEach(function (el) {
                  echarts.getInstanceByDom(el).getOption().series.forEach(function (s) {
                    (s.data || []).forEach(function (d) { if (d && d.tip) { tips.push.apply(tips, d.tip); } });
                  });
                });
                return tips;""");
        assertThat(tips).isNotEmpty().noneMatch(t -> t.matches(".*\\d\\.\\d{4,}.*"));
        assertThat(tips).anyMatch(t -> t.matches("mean self-rating \\d\\.\\d\\d \\(\\d\\.\\d\\d to \\d\\.\\d\\d\\)"))
                .anyMatch(t -> t.startsWith("n = "));
        // and the formatter that shows them escapes them: ECharts renders a tooltip as HTML
        Object escaped = browser.script("""
                var option = echarts.getInstanceByDom(document.getElementById('chart-fig1')).getOption();
                return option.tooltip[0].formatter({ data: { tip: ['<img src=x onerror=alert(1)> & "q"'] } });""");
        assertThat(escaped).isEqualTo("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;");
    }

    @SuppressWarnings("unchecked")
    private static void assertRowsCarryFilters(Browser browser) {
        Map<String, List<String>> keys = (Map<String, List<String>>) browser.script(TABLE_AFTER + """
                function keys(id) { // a table's id, or a heading's: its first table
                  var el = document.getElementById(id);
                  var rows = Array.from((el.tagName === 'TABLE' ? el : tableAfter(id)).tBodies[0].rows);
                  if (!rows.length) { return ['no rows']; }
                  return Array.from(new Set(rows.map(function (r) {
                    return r.classList.contains('filterable') && r.tabIndex === 0 ? Object.keys(JSON.parse(r.dataset.filter)).join(',')
                        : 'not filterable';
                  })));
                }
                return { table1: keys('table1'), tags: keys('fig9'), rating: keys('fig11'), clusters: keys('fig2'),
                         campaignTargets: keys('campaigns'),
                         campaign: keys(document.querySelector('input[data-table]').dataset.table) };""");
        assertThat(keys.get("table1")).containsExactly("model_type,size");
        assertThat(keys.get("tags")).containsExactly("tag");
        assertThat(keys.get("rating")).containsExactly("rating");
        assertThat(keys.get("clusters")).containsExactly("cluster");
        assertThat(keys.get("campaignTargets")).containsExactly("campaign,target");
        assertThat(keys.get("campaign")).containsExactly("campaign,target,strategy,tag");
        // a focused row shows a focus ring, so keyboard users see where Enter goes
        Object ring = browser.script("""
                var row = document.querySelector('tr.filterable');
                row.focus();
                var style = getComputedStyle(row);
                return style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor;""");
        assertThat(ring).isEqualTo("solid 2px rgb(59, 111, 216)");
    }

    private static void assertACampaignTableFilters(Browser browser) {
        WebElement input = browser.find("input[data-table]");
        String table = input.getAttribute("data-table");
        int rows = browser.driver.findElements(By.cssSelector("#" + table + " tbody tr")).size();
        String firstTarget = browser.find("#" + table + " tbody tr td").getText();
        assertThat(browser.find("dl.judges").getText()).contains("A hit when"); // judge ids explained from the catalogue
        input.sendKeys("no-such-target-anywhere");
        assertThat(visibleRows(browser, table)).isZero();
        assertPrintShowsEveryRowAndSmallerCharts(browser, table, rows);
        input.clear();
        input.sendKeys(" ");
        assertThat(visibleRows(browser, table)).isEqualTo(rows);
        input.sendKeys(firstTarget);
        long shown = visibleRows(browser, table);
        assertThat(shown).isPositive().isLessThanOrEqualTo(rows);
        assertThat(browser.driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream().filter(WebElement::isDisplayed)
                .allMatch(tr -> tr.getText().toLowerCase().contains(firstTarget.toLowerCase()))).isTrue();
        input.clear();
        input.sendKeys(" ");
    }

    /**
     * In print (emulated) a filtered campaign table shows all its rows, as the filter box is not printed,
     * and charts shrink as report.css says, whatever each one's own height.
     */
    private static void assertPrintShowsEveryRowAndSmallerCharts(Browser browser, String table, int rows) {
        String displayed = "return Array.from(document.querySelectorAll('#" + table + " tbody tr'))"
                + ".filter(function (r) { return getComputedStyle(r).display !== 'none'; }).length";
        String map = "return document.getElementById('chart-fig2').getBoundingClientRect().height";
        assertThat((Long) browser.script(displayed)).isZero();
        double screen = ((Number) browser.script(map)).doubleValue();
        browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat((Long) browser.script(displayed)).isEqualTo(rows);
            assertThat(((Number) browser.script(map)).doubleValue()).isCloseTo(0.85 * screen, org.assertj.core.data.Offset.offset(2.0));
        } finally {
            browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static long visibleRows(Browser browser, String table) {
        return (Long) browser.script("return Array.from(document.querySelectorAll('#" + table + " tbody tr'))"
                + ".filter(function (r) { return !r.hidden; }).length");
    }

    /** A real click on the point of cluster 1 drawn last (on top) sends that cluster's filter, which its series carries. */
    @SuppressWarnings("unchecked")
    private static void assertAMapPointClickOpensItsCluster(Browser browser) {
        browser.script("window.__filters = []; document.getElementById('chart-fig2').scrollIntoView({ block: 'center' });");
        Map<String, Object> point = (Map<String, Object>) browser.script("""
                var el = document.getElementById('chart-fig2');
                var chart = echarts.getInstanceByDom(el);
                var data = chart.getOption().series[0].data;
                var at = chart.convertToPixel({ seriesIndex: 0 }, data[data.length - 1].value);
                return { dx: Math.round(at[0] - el.clientWidth / 2), dy: Math.round(at[1] - el.clientHeight / 2) };""");
        new Actions(browser.driver).moveToElement(browser.find("#chart-fig2"), ((Number) point.get("dx")).intValue(),
                ((Number) point.get("dy")).intValue()).click().perform();
        assertThat(browser.script("return JSON.stringify(window.__filters)")).isEqualTo("[{\"cluster\":1}]");
    }

    /** A real mouse click on Fig. 7a's tallest bar sends the explorer its rating filter. */
    @SuppressWarnings("unchecked")
    private static void assertABarClickDispatchesItsFilter(Browser browser) {
        browser.script("""
                window.__filters = [];
                document.addEventListener('redteam4j:filter', function (e) { window.__filters.push(e.detail); });
                document.getElementById('chart-fig7a').scrollIntoView({ block: 'center' });""");
        Map<String, Object> bar = (Map<String, Object>) browser.script("""
                var el = document.getElementById('chart-fig7a');
                var chart = echarts.getInstanceByDom(el);
                var data = chart.getOption().series[0].data;
                var best = 0;
                data.forEach(function (d, i) { if (d.value > data[best].value) { best = i; } });
                var top = chart.convertToPixel({ seriesIndex: 0 }, [best, data[best].value]);
                var bottom = chart.convertToPixel({ seriesIndex: 0 }, [best, 0]);
                return { dx: Math.round(top[0] - el.clientWidth / 2), dy: Math.round((top[1] + bottom[1]) / 2 - el.clientHeight / 2),
                         filter: JSON.stringify(data[best].filter) };""");
        new Actions(browser.driver).moveToElement(browser.find("#chart-fig7a"), ((Number) bar.get("dx")).intValue(),
                ((Number) bar.get("dy")).intValue()).click().perform();
        Object sent = browser.script("return JSON.stringify(window.__filters)");
        assertThat(sent).isEqualTo("[" + bar.get("filter") + "]");
        assertThat((String) bar.get("filter")).matches("\\{\"rating\":\\d}");
    }
}
