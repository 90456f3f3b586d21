package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.web.ApiCatalogue.Route;
import org.redteam4j.app.web.ApiCatalogue.Who;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.TableCounts;

/**
 * Every error under {@code /api/} is {@code {"error": …}} with the status that says what went wrong —
 * an unknown route, a body over the limit, an unknown role, two targets of one name — and no bad
 * request reaches an unhandled 500 (issue 15, item 8: these were text/plain, or 500).
 */
@Tag("reliability")
class ApiErrorFormatTest {

    /** Ids a path may carry that name nothing: not numbers, out of range, or numbers of nothing. */
    static final List<String> BAD_IDS = List.of("abc", "0", "-1", "99999999", "1e3", "9".repeat(30), "%20", "1.0");
    /** Bodies that are not one JSON object. */
    static final List<String> BROKEN_BODIES = List.of("", "not json", "[]", "\"text\"", "null", "42", "{", "{\"a\": 1} trailing",
            "{\"a\": 1, \"a\": 2}", "[{\"a\": 1}]", "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");

    @TempDir
    static Path dir;

    /** One workbench for the class: no test here changes it (the walk checks that). */
    static ApiPeople people;

    @BeforeAll
    static void start() {
        people = new ApiPeople(dir);
    }

    @AfterAll
    static void stop() {
        people.close();
    }

    @Test
    void theWalkKnowsEveryRouteOfTheApi() {
        List<String> served = people.server.app.routes().stream().filter(route -> route.contains(" /api/")).sorted().toList();
        List<String> walked = ApiCatalogue.ROUTES.stream().map(Route::toString).sorted().toList();

        assertThat(walked).as("a new API route needs its place in ApiCatalogue").isEqualTo(served);
    }

    @Test
    void anUnknownRouteIsAJson404() {
        assertJsonError(people.member.get("/api/no-such-thing"), 404);
        assertJsonError(people.member.send("POST", "/api/no-such-thing", "{}"), 404);
        assertJsonError(people.member.get("/api/attempts"), 404); // only POST is served there
        assertJsonError(people.member.send("DELETE", "/api/attempts/" + people.openAttempt, null), 404);
        assertJsonError(people.stranger.get("/api/"), 404);
    }

    @Test
    void anAnnouncedBodyOverTheLimitIsAJson413() {
        String big = "{\"text\": \"" + "x".repeat(BodyLimit.LIMIT) + "\"}";

        assertJsonError(people.stranger.send("POST", "/api/login", big), 413);
        assertJsonError(people.member.send("POST", "/api/attempts/" + people.openAttempt + "/messages", big), 413);
        assertThat(people.member.get("/api/attempts/" + people.openAttempt).json().get("turns")).as("nothing was sent").isEmpty();
    }

    @Test
    void anUnknownRoleIsRefusedByName() {
        RawApi.Answer answer = people.admin.send("POST", "/api/admin/invites", "{\"role\": \"superuser\"}");

        assertJsonError(answer, 400);
        assertThat(answer.error()).contains("\"role\"").contains("superuser").contains("member, reviewer or admin");
    }

    @Test
    void twoTargetsWithOneNameAreRefusedAndNoCampaignIsMade() {
        Map<String, Long> before = TableCounts.of(people.server.database);
        String targets = """
                targets:
                  - name: shared-t
                    model: sim
                    intervention: plain
                  - name: shared-t
                    model: sim
                    intervention: plain
                """;
        ObjectNode body = Json.mapper().createObjectNode().put("name", "twins").put("targets_yaml", targets);

        RawApi.Answer answer = people.admin.send("POST", "/api/admin/campaigns", body.toString());

        assertJsonError(answer, 400);
        assertThat(answer.error()).contains("shared-t").contains("targets[1]").contains("targets[0]");
        assertThat(TableCounts.of(people.server.database)).isEqualTo(before);
    }

    @Test
    void everyRouteAnswersBadRequestsWithAJsonErrorAndNever500() {
        Map<String, Long> before = TableCounts.of(people.server.database);
        Walk walk = new Walk();
        for (Route route : ApiCatalogue.ROUTES) {
            String valid = route.validBody().toString();
            String body = route.method().equals("GET") ? null : valid;
            if (route.who() != Who.ANYONE) {
                // a change without a session has no CSRF token either
                walk.expect(route + " without a session", people.stranger.send(route.method(), route.path(people), body),
                        route.method().equals("GET") ? 401 : 403);
            }
            RawApi outsider = route.unauthorised(people);
            if (outsider != null) {
                walk.expect(route + " by someone it is not for", outsider.send(route.method(), route.path(people), body), 403, 404);
            }
            if (route.hasId()) {
                for (String id : BAD_IDS) {
                    walk.expect(route + " with id " + id, route.caller(people).send(route.method(), route.withId(id), body), 404);
                }
            }
            if (!route.fields().isEmpty()) {
                for (String broken : BROKEN_BODIES) {
                    walk.expect(route + " with body " + broken, route.caller(people).send(route.method(), route.path(people), broken),
                            400);
                }
            }
        }

        assertThat(walk.problems).as("of %d bad requests", walk.sent).isEmpty();
        assertThat(walk.sent).isGreaterThan(100);
        assertThat(TableCounts.of(people.server.database)).as("a refused request changes nothing").isEqualTo(before);
    }

    /** Asserts a JSON {@code {"error": …}} body with one of {@code statuses}. */
    static void assertJsonError(RawApi.Answer answer, int... statuses) {
        assertThat(answer.status()).as(answer.toString()).isIn(Arrays.stream(statuses).boxed().toArray());
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/json");
        assertThat(answer.error()).as(answer.toString()).isNotBlank();
    }

    /** The requests of a walk and what was wrong with their answers, so one run lists every problem. */
    static final class Walk {
        final List<String> problems = new ArrayList<>();
        int sent;

        void expect(String what, RawApi.Answer answer, Integer... statuses) {
            sent++;
            boolean json = answer.contentType().startsWith("application/json") && answer.error() != null
                    && !answer.error().isBlank();
            if (!Arrays.asList(statuses).contains(answer.status()) || !json) {
                problems.add(what + ": expected a JSON error with status "
                        + Arrays.stream(statuses).map(String::valueOf).collect(Collectors.joining(" or ")) + ", got " + answer);
            }
        }

        void names(String what, RawApi.Answer answer, String field) {
            if (answer.error() == null || !answer.error().contains("\"" + field + "\"")) {
                problems.add(what + ": the error does not name the field \"" + field + "\": " + answer);
            }
        }
    }
}
