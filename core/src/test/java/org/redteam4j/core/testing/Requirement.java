package org.redteam4j.core.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * What a test needs from the machine (shared data, a browser, a database server). When it is
 * absent the test is skipped with one clear line on stderr — except under {@code CI=true}, where
 * CI provides everything and a skip would hide a broken setup, so the test fails.
 *
 * <p>Call it before any {@code assertThatThrownBy}: inside one, the skip would be caught as the
 * expected exception.
 */
public final class Requirement {

    private Requirement() {
    }

    /** Ends the test: skipped locally, failed under CI. {@code message} says what is missing and how to get it. */
    public static void missing(String message) {
        String line = "NOT RUN: " + message;
        System.err.println(line);
        if (underCi()) {
            fail(line + " (CI=true: CI provides it, so this is a failure)");
        }
        abort(line);
    }

    public static boolean underCi() {
        return "true".equals(System.getenv("CI"));
    }
}
