package org.redteam4j.app.report;

/** A chart on the page: its element id, the caption shown under it and read by screen readers, and its height in pixels. */
record Chart(String id, String caption, int height) {

    static final int HEIGHT = 340;

    /** The element's inline style: its height as the variable report.css sizes charts by (on screen and, smaller, in print). */
    public String style() {
        return "--chart-height: " + height + "px";
    }
}
