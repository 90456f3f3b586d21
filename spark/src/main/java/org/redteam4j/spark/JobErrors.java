package org.redteam4j.spark;

import java.io.PrintWriter;
import org.redteam4j.core.dataset.DatasetException;

/**
 * What a job tells its user when it fails: bad input arrives from an executor wrapped in Spark's
 * exceptions, but the message worth reading is the one naming the file, record and field.
 */
final class JobErrors {

    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    private JobErrors() {
    }

    static int report(Throwable failure, PrintWriter err) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatasetException || cause instanceof IllegalArgumentException) {
                err.println("error: " + cause.getMessage());
                err.flush();
                return BAD_INPUT;
            }
        }
        err.println("error: " + failure);
        err.flush();
        return FAILED;
    }
}
