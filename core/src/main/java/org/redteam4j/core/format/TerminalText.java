package org.redteam4j.core.format;

/** Makes hostile text safe to print on a terminal: control characters (escape sequences) are shown, not obeyed. */
public final class TerminalText {

    private TerminalText() {
    }

    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * A name (of a campaign, a target) on one line: newlines and tabs are shown too, so a name cannot
     * start a line of its own ("FAIL: …") or move a column.
     */
    public static String line(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean oneLine) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if ((c == '\n' || c == '\t') && !oneLine) {
                out.appendCodePoint(c);
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
