package org.redteam4j.spark;

import java.io.PrintWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redteam4j.core.failure.BadInput;

/**
 * What a job tells its user when it fails. Bad input found on an executor reaches the driver as
 * text inside Spark's "Job aborted" message (the exception itself stays on the executor), but the
 * line worth reading is the one naming the file, record and field.
 */
final class JobErrors {

    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    /** An executor's bad-input exception as Spark quotes it: its class name, a colon, the message. */
    private static final Pattern QUOTED = Pattern.compile(
            "org\\.redteam4j\\.core\\.(?:format\\.\\w*Exception|failure\\.BadInput): ([^\\n]+)");

    private JobErrors() {
    }

    static int report(Throwable failure, PrintWriter err) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadInput) {
                return badInput(cause.getMessage(), err);
            }
            Matcher quoted = QUOTED.matcher(String.valueOf(cause.getMessage()));
            if (quoted.find()) {
                return badInput(quoted.group(1), err);
            }
        }
        err.println("error: " + failure);
        err.flush();
        return FAILED;
    }

    private static int badInput(String message, PrintWriter err) {
        err.println("error: " + message);
        err.flush();
        return BAD_INPUT;
    }
}
