package org.redteam4j.app.report;

import java.util.Locale;

/**
 * "Explore the attempts": the embedded records (script-safe JSON, null when there are none), the
 * sentence that says what is embedded and what was left out, and the explorer's own style sheet and
 * script, which the template inserts as they are.
 */
record ExplorerSection(String note, String data, String style, String script) {

    static ExplorerSection of(ReportData report) {
        Explorer explorer = report.explorer();
        if (explorer.absence() != null) {
            return new ExplorerSection("No attempts to explore: " + explorer.absence() + ".", null, null, null);
        }
        if (!explorer.embedded()) {
            return new ExplorerSection("No attempts to explore: the input has none.", null, null, null);
        }
        String data = org.redteam4j.core.format.ScriptSafeJson.write(ExplorerJson.of(explorer, report.map()));
        return new ExplorerSection(note(explorer, report), data, HtmlReport.resource("/report/explorer.css"),
                HtmlReport.resource("/report/explorer.js"));
    }

    private static String note(Explorer explorer, ReportData report) {
        String what = explorer.attacks() == 0 ? "attempts" : "attempts and automated attacks";
        String note = explorer.shown() < explorer.total()
                ? String.format(Locale.ROOT, "Showing a uniform sample of %,d of %,d %s (seed %d): %,d are left out here, "
                        + "and every number above uses all of them.", explorer.shown(), explorer.total(), what, explorer.seed(),
                        explorer.total() - explorer.shown())
                : explorer.attacks() == 0
                        ? String.format(Locale.ROOT, "All %,d attempts are here.", explorer.attempts())
                        : String.format(Locale.ROOT, "All %,d attempts and %,d automated attacks are here.", explorer.attempts(),
                                explorer.attacks());
        boolean clustered = report.map() != null && report.map().points().size() == explorer.attempts();
        if (report.map() != null && !clustered) {
            note += " Clusters are not shown: the database changed between the analysis's read and the explorer's.";
        }
        String clusters = clustered ? ", of the attack map's clusters" : ""; // no map (or a stale one): no clusters to click
        return note + " A click on a row of Table 1" + clusters + " or of any other table above that shows a "
                + "pointer lists that row's attempts here.";
    }
}
