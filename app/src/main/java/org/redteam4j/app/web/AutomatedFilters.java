package org.redteam4j.app.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redteam4j.app.workbench.Text;
import org.redteam4j.app.workbench.WorkbenchFailure;
import org.redteam4j.store.attack.AttackQueries;

/** The attack list's filters and page as the query string gives them, for the page and the API alike. */
record AutomatedFilters(AttackQueries.Filter filter, int page) {

    static AutomatedFilters of(Context ctx) {
        String outcome = Text.blankToNull(ctx.queryParam("outcome"));
        AttackQueries.Outcome parsed = null;
        if (outcome != null) {
            try {
                parsed = AttackQueries.Outcome.valueOf(outcome.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw WorkbenchFailure.invalid("outcome is hit, miss or error, got '" + outcome + "'");
            }
        }
        String disagree = Text.blankToNull(ctx.queryParam("disagree"));
        if (disagree != null && !disagree.equals("1") && !disagree.equals("true")) {
            throw WorkbenchFailure.invalid("disagree is 1 or true, got '" + disagree + "'");
        }
        int page = Params.integer(ctx.queryParam("page"), 1);
        if (page < 1) {
            throw WorkbenchFailure.invalid("pages count from 1");
        }
        return new AutomatedFilters(new AttackQueries.Filter(Text.blankToNull(ctx.queryParam("target")),
                Text.blankToNull(ctx.queryParam("strategy")), Text.blankToNull(ctx.queryParam("tag")), parsed, disagree != null), page);
    }

    /** The query string's values, to keep the filters in the page's links. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("target", orEmpty(filter.target()));
        values.put("strategy", orEmpty(filter.strategy()));
        values.put("tag", orEmpty(filter.tag()));
        values.put("outcome", filter.outcome() == null ? "" : filter.outcome().id());
        values.put("disagree", filter.disagreement() ? "1" : "");
        return values;
    }

    /** The query string of {@code page} with these filters, its values URL-encoded. */
    String query(int page) {
        StringBuilder query = new StringBuilder();
        values().forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.append(query.length() == 0 ? "?" : "&").append("page=").append(page).toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
