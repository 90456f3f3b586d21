package org.redteam4j.app.web;

import io.javalin.http.Context;
import org.redteam4j.app.workbench.WorkbenchFailure;

/** Path and form values as the pages and the API read them: one rule each for ids, ratings and whole numbers. */
final class Params {

    private Params() {
    }

    /** The path's {@code {id}}; one that is not a number names nothing, so it is "not found". */
    static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.notFound();
        }
    }

    static double rating(String value) {
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.invalid("rate from 0 to 4");
        }
    }

    static int integer(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.invalid("'" + value + "' is not a whole number");
        }
    }

    static Integer optionalInteger(String value) {
        return value == null || value.isBlank() ? null : integer(value, 0);
    }

    /** A whole number that may be as large as a long (a seed), or null when the field is left empty. */
    static Long optionalLong(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw WorkbenchFailure.invalid(what + " is a whole number, got '" + value + "'");
        }
    }
}
