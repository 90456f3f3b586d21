package org.redteam4j.app.report;

import java.util.List;

/**
 * The table under a chart, with the chart's numbers as text: column headers, and rows of cells; a
 * row with a {@code filter} (explorer filter JSON) is clickable and focusable.
 */
record Table(List<String> headers, List<Row> rows) {

    record Row(List<String> cells, String filter) {

        Row(List<String> cells) {
            this(cells, null);
        }
    }
}
