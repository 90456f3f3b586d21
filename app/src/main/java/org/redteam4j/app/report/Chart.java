package org.redteam4j.app.report;

/** A chart on the page: its element id and the caption shown under it and read by screen readers. */
record Chart(String id, String caption) {
}
