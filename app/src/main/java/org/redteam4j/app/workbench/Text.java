package org.redteam4j.app.workbench;

/** What forms and query strings leave empty is read as absent, not as an empty string. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
