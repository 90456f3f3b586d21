package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.ToLongFunction;
import org.redteam4j.core.format.Json;

/**
 * Every route of the JSON API as a walk of bad input sees it: who may call it, which id its path
 * takes, and the fields of its body with their types and a valid value each. {@link
 * ApiErrorFormatTest} checks that this list and the server's routes are the same.
 */
final class ApiCatalogue {

    /** Who may call a route. */
    enum Who { ANYONE, SIGNED_IN, ADMIN, MEMBER, REVIEWER }

    /** The JSON type a field takes. */
    enum Type { STRING, OPTIONAL_STRING, INTEGER, OPTIONAL_INTEGER, NUMBER, OPTIONAL_STRINGS }

    record Field(String name, Type type, JsonNode valid) {
        boolean required() {
            return type == Type.STRING || type == Type.INTEGER || type == Type.NUMBER;
        }

        /** Values of the wrong type for this field, each of which must be refused. */
        List<JsonNode> wrong() {
            return switch (type) {
                case STRING, OPTIONAL_STRING -> values("5", "true", "[]", "{}", "[\"text\"]", required() ? "null" : "1.5");
                case INTEGER, OPTIONAL_INTEGER -> values("\"3\"", "\"abc\"", "1.5", "true", "[]", "{}", "99999999999999999999",
                        required() ? "null" : "1e3");
                case NUMBER -> values("true", "\"3\"", "[]", "{}", "null", "\"NaN\"");
                case OPTIONAL_STRINGS -> values("\"x\"", "[1]", "[\"Theft\", 2]", "{}", "5", "true", "[[\"Theft\"]]");
            };
        }
    }

    record Route(String method, String pattern, Who who, ToLongFunction<ApiPeople> id, List<Field> fields) {

        String path(ApiPeople people) {
            return id == null ? pattern : pattern.replace("{id}", Long.toString(id.applyAsLong(people)));
        }

        String withId(String id) {
            return pattern.replace("{id}", id);
        }

        boolean hasId() {
            return pattern.contains("{id}");
        }

        /** A body where every field is valid. */
        ObjectNode validBody() {
            ObjectNode body = Json.mapper().createObjectNode();
            fields.forEach(field -> body.set(field.name(), field.valid()));
            return body;
        }

        RawApi caller(ApiPeople people) {
            return switch (who) {
                case ANYONE -> people.stranger;
                case SIGNED_IN, MEMBER -> people.member;
                case ADMIN -> people.admin;
                case REVIEWER -> people.reviewer;
            };
        }

        /** Someone signed in who may not call it, or null when everyone signed in may. */
        RawApi unauthorised(ApiPeople people) {
            return switch (who) {
                case ANYONE, SIGNED_IN -> null;
                case ADMIN, REVIEWER -> people.member;
                case MEMBER -> people.reviewer;
            };
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static final List<Route> ROUTES = List.of(
            post("/api/login", Who.ANYONE, null, field("name", Type.STRING, "\"nobody-at-all\""),
                    field("password", Type.STRING, "\"not-the-password\"")),
            get("/api/session", Who.SIGNED_IN, null),
            // a wrong current password: a body of valid types must never change anyone's password mid-walk
            post(AccountApi.PASSWORD_API, Who.SIGNED_IN, null, field("current_password", Type.STRING, "\"not-the-password\""),
                    field("new_password", Type.STRING, "\"an unguessable new passphrase\"")),
            post("/api/logout", Who.SIGNED_IN, null),
            post("/api/admin/invites", Who.ADMIN, null, field("role", Type.STRING, "\"member\""),
                    field("recruitment_source", Type.OPTIONAL_STRING, "\"upwork\"")),
            get("/api/admin/invites", Who.ADMIN, null),
            post("/api/admin/invites/{id}/revoke", Who.ADMIN, people -> people.openInvite),
            get("/api/admin/members", Who.ADMIN, null),
            post("/api/admin/members/{id}", Who.ADMIN, people -> people.memberId,
                    field("recruitment_source", Type.OPTIONAL_STRING, "\"mturk\"")),
            post("/api/admin/campaigns", Who.ADMIN, null, field("name", Type.STRING, "\"another\""),
                    field("instructions", Type.OPTIONAL_STRING, "\"Try it.\""),
                    field("content_warning", Type.OPTIONAL_STRING, "\"Dark text.\""),
                    field("attempts_per_task", Type.OPTIONAL_INTEGER, "5"), field("suggested_turns", Type.OPTIONAL_INTEGER, "4"),
                    field("daily_cap", Type.OPTIONAL_INTEGER, "10"),
                    field("targets_yaml", Type.STRING, Json.mapper().getNodeFactory().textNode(AdminPages.EXAMPLE_TARGETS))),
            get("/api/admin/campaigns/{id}/dashboard", Who.ADMIN, people -> people.campaign),
            get("/api/campaigns", Who.SIGNED_IN, null),
            post("/api/warning", Who.MEMBER, null),
            post("/api/attempts", Who.MEMBER, null, field("campaign_id", Type.INTEGER, "1"),
                    field("task_description", Type.STRING, "\"a plan\"")),
            get("/api/attempts/{id}", Who.MEMBER, people -> people.openAttempt),
            post("/api/attempts/{id}/messages", Who.MEMBER, people -> people.openAttempt, field("text", Type.STRING, "\"hello\"")),
            post("/api/attempts/{id}/choice", Who.MEMBER, people -> people.openAttempt, field("label", Type.STRING, "\"A\"")),
            post("/api/attempts/{id}/finish", Who.MEMBER, people -> people.openAttempt, field("rating", Type.NUMBER, "3")),
            get("/api/reviews/next", Who.REVIEWER, null),
            post("/api/reviews/{id}", Who.REVIEWER, people -> people.review, field("rating", Type.NUMBER, "2"),
                    field("tags", Type.OPTIONAL_STRINGS, "[\"Theft\"]")),
            // automated results and labelling (i18-automated); a human campaign's id is refused after the body is read
            get("/api/admin/automated", Who.ADMIN, null),
            get("/api/admin/automated/{id}", Who.ADMIN, people -> people.campaign),
            get("/api/admin/automated/{id}/attacks", Who.ADMIN, people -> people.campaign),
            get("/api/admin/attacks/{id}", Who.ADMIN, people -> people.campaign),
            post("/api/admin/automated/{id}/sample", Who.ADMIN, people -> people.campaign,
                    field("per_target", Type.OPTIONAL_INTEGER, "6"), field("labellers", Type.OPTIONAL_INTEGER, "1"),
                    field("seed", Type.OPTIONAL_INTEGER, "7"), field("content_warning", Type.OPTIONAL_STRING, "\"Dark text.\"")),
            get("/api/labels/next", Who.REVIEWER, null),
            post("/api/labels/warning/{id}", Who.REVIEWER, people -> people.campaign),
            post("/api/labels/{id}", Who.REVIEWER, people -> people.campaign, field("label", Type.STRING, "\"refused\"")),
            // operators (issue 18)
            get("/api/admin/campaigns", Who.ADMIN, null),
            post("/api/admin/campaigns/{id}/close", Who.ADMIN, people -> people.campaign),
            post("/api/admin/campaigns/{id}/reopen", Who.ADMIN, people -> people.campaign),
            post("/api/admin/campaigns/{id}/archive", Who.ADMIN, people -> people.campaign),
            post("/api/admin/members/{id}/deactivate", Who.ADMIN, people -> people.memberId),
            post("/api/admin/members/{id}/reactivate", Who.ADMIN, people -> people.memberId),
            get("/api/admin/campaigns/{id}/attempts", Who.ADMIN, people -> people.campaign),
            get("/api/admin/attempts/{id}", Who.ADMIN, people -> people.finishedAttempt),
            get("/api/admin/campaigns/{id}/export", Who.ADMIN, people -> people.campaign),
            // i18-member: per-campaign warnings, opting out and in, cancelling a draw, abandoning
            post("/api/campaigns/{id}/warning", Who.SIGNED_IN, people -> people.campaign,
                    field("warning_sha256", Type.OPTIONAL_STRING, "\"0000\"")),
            post("/api/opt-out", Who.SIGNED_IN, null),
            post("/api/opt-in", Who.SIGNED_IN, null),
            post("/api/attempts/{id}/cancel", Who.MEMBER, people -> people.openAttempt),
            post("/api/attempts/{id}/abandon", Who.MEMBER, people -> people.openAttempt),
            post("/api/admin/campaigns/{id}/warning", Who.ADMIN, people -> people.campaign,
                    field("content_warning", Type.OPTIONAL_STRING, "\"Dark text.\"")),
            // serving (issue 18)
            post("/api/admin/campaigns/{id}/answer-floor", Who.ADMIN, people -> people.campaign,
                    field("answer_floor_ms", Type.OPTIONAL_INTEGER, "0")));

    private ApiCatalogue() {
    }

    private static Route get(String pattern, Who who, ToLongFunction<ApiPeople> id) {
        return new Route("GET", pattern, who, id, List.of());
    }

    private static Route post(String pattern, Who who, ToLongFunction<ApiPeople> id, Field... fields) {
        return new Route("POST", pattern, who, id, List.of(fields));
    }

    /** {@code valid} as JSON text; a value of the right type is all the walk needs, as it breaks one field at a time. */
    private static Field field(String name, Type type, String valid) {
        return new Field(name, type, parse(valid));
    }

    private static Field field(String name, Type type, JsonNode valid) {
        return new Field(name, type, valid);
    }

    private static List<JsonNode> values(String... json) {
        return java.util.Arrays.stream(json).map(ApiCatalogue::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
