package org.redteam4j.app.workbench;

/** What forms leave empty is stored as absent, not as an empty string. */
final class Text {

    private Text() {
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
