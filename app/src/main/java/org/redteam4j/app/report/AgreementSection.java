package org.redteam4j.app.report;

import java.util.List;

/** Fleiss' kappa per human campaign (database input only); no rows, and no section, without reviews. */
record AgreementSection(List<Row> rows) {

    record Row(String campaign, String attempts, String reviewers, String ratings, String success, String tags) {
    }

    static AgreementSection of(ReportData data) {
        return new AgreementSection(data.agreement().entrySet().stream().map(e -> new Row(e.getKey(),
                String.valueOf(e.getValue().items()), String.valueOf(e.getValue().raters()), Cells.number(e.getValue().ratings()),
                Cells.number(e.getValue().success()), Cells.number(e.getValue().tags()))).toList());
    }
}
