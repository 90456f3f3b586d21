package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redteam4j.app.web.ApiErrorFormatTest.assertJsonError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.web.ApiCatalogue.Field;
import org.redteam4j.app.web.ApiCatalogue.Route;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.TableCounts;

/**
 * The JSON API takes each field in its own type, as import does, and refuses anything else with a
 * 400 that names the field — {@code "rating": true} used to be 1.0, {@code "3"} 3.0, {@code "tags":
 * "x"} no tags, {@code "attempts_per_task": "abc"} 5, a missing campaign id campaign 0 (issue 15, item 8).
 */
@Tag("security")
class ApiFieldTypesTest {

    @TempDir
    static Path dir;

    /** One workbench for the class: every request here is refused, and the walk checks nothing changed. */
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
    void aRatingMustBeANumber() {
        String finish = "/api/attempts/" + people.openAttempt + "/finish";
        people.member.send("POST", "/api/attempts/" + people.openAttempt + "/messages", "{\"text\": \"hello\"}");
        people.member.send("POST", "/api/attempts/" + people.openAttempt + "/choice", "{\"label\": \"B\"}");

        for (String rating : new String[] {"true", "\"3\"", "null", "[3]"}) {
            RawApi.Answer answer = people.member.send("POST", finish, "{\"rating\": " + rating + "}");
            assertJsonError(answer, 400);
            assertThat(answer.error()).isEqualTo("field \"rating\": expected a number, got " + rating);
        }
        RawApi.Answer review = people.reviewer.send("POST", "/api/reviews/" + people.review, "{\"rating\": true}");
        assertJsonError(review, 400);
        assertThat(review.error()).contains("\"rating\"");
        assertThat(people.member.get("/api/attempts/" + people.openAttempt).json().get("status").asText())
                .as("the attempt is not finished").isEqualTo("in_progress");
    }

    @Test
    void tagsMustBeAListOfStrings() {
        RawApi.Answer answer = people.reviewer.send("POST", "/api/reviews/" + people.review, "{\"rating\": 2, \"tags\": \"x\"}");

        assertJsonError(answer, 400);
        assertThat(answer.error()).isEqualTo("field \"tags\": expected null or a list of strings, got \"x\"");
        assertThat(people.reviewer.get("/api/reviews/next").json().get("review_id").asLong())
                .as("the review is still to do").isEqualTo(people.review);
    }

    @Test
    void campaignSettingsMustBeWholeNumbers() {
        Map<String, Long> before = TableCounts.of(people.server.database);
        ObjectNode body = Json.mapper().createObjectNode().put("name", "typed").put("attempts_per_task", "abc")
                .put("targets_yaml", AdminPages.EXAMPLE_TARGETS);

        RawApi.Answer answer = people.admin.send("POST", "/api/admin/campaigns", body.toString());

        assertJsonError(answer, 400);
        assertThat(answer.error()).isEqualTo("field \"attempts_per_task\": expected an integer, got \"abc\"");
        assertThat(TableCounts.of(people.server.database)).isEqualTo(before);
    }

    @Test
    void everyFieldOfEveryRouteRefusesTheWrongTypeAndItsAbsenceByName() {
        Map<String, Long> before = TableCounts.of(people.server.database);
        ApiErrorFormatTest.Walk walk = new ApiErrorFormatTest.Walk();
        for (Route route : ApiCatalogue.ROUTES) {
            for (Field field : route.fields()) {
                for (JsonNode wrong : field.wrong()) {
                    ObjectNode body = route.validBody().set(field.name(), wrong);
                    String what = route + " with " + field.name() + " = " + wrong;
                    RawApi.Answer answer = route.caller(people).send(route.method(), route.path(people), body.toString());
                    walk.expect(what, answer, 400);
                    walk.names(what, answer, field.name());
                }
                if (field.required()) {
                    ObjectNode without = route.validBody();
                    without.remove(field.name());
                    String what = route + " without " + field.name();
                    RawApi.Answer answer = route.caller(people).send(route.method(), route.path(people), without.toString());
                    walk.expect(what, answer, 400);
                    walk.names(what, answer, field.name());
                }
            }
        }

        assertThat(walk.problems).as("of %d requests with a wrong or missing field", walk.sent).isEmpty();
        assertThat(walk.sent).isGreaterThan(100);
        assertThat(TableCounts.of(people.server.database)).as("a refused request changes nothing").isEqualTo(before);
    }
}
