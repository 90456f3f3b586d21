package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.web.ApiCatalogue.Route;
import org.redteam4j.app.web.ApiCatalogue.Who;

/**
 * Opting out holds on every route of the red-team and review tasks, API and pages alike, and is
 * reversible; admins see who opted out. The routes come from {@link ApiCatalogue}, so a new task
 * route is covered once it is catalogued.
 */
class OptOutEnforcedTest {

    /** What an opted-out person may still do: read the generic notice, and stop (cancel a draw, abandon). */
    private static final List<String> ALWAYS = List.of("POST /api/warning", "POST /api/attempts/{id}/cancel",
            "POST /api/attempts/{id}/abandon");

    @TempDir
    Path dir;

    @Test
    void everyTaskRouteRefusesSomeoneWhoOptedOutUntilTheyOptBackIn() {
        try (ApiPeople people = new ApiPeople(dir)) {
            assertThat(people.member.send("POST", "/api/opt-out", "{}").status()).isEqualTo(200);
            assertThat(people.reviewer.send("POST", "/api/opt-out", "{}").status()).isEqualTo(200);
            List<String> problems = new ArrayList<>();
            int checked = 0;
            for (Route route : ApiCatalogue.ROUTES) {
                if ((route.who() != Who.MEMBER && route.who() != Who.REVIEWER) || ALWAYS.contains(route.toString())) {
                    continue;
                }
                RawApi.Answer answer = route.caller(people).send(route.method(), route.path(people),
                        route.method().equals("GET") ? null : route.validBody().toString());
                checked++;
                if (answer.status() != 409 || !answer.error().contains("opted out")) {
                    problems.add(route + ": " + answer);
                }
            }
            for (String[] page : new String[][] {{"GET", "/attempts/" + people.openAttempt}, {"GET", "/api/campaigns"},
                    {"POST", "/attempts/" + people.openAttempt + "/message"}, {"POST", "/attempts/" + people.openAttempt + "/choose"},
                    {"POST", "/attempts/" + people.openAttempt + "/finish"}, {"POST", "/tasks/" + people.campaign + "/start"}}) {
                RawApi.Answer answer = people.member.send(page[0], page[1], page[0].equals("GET") ? null : "{}");
                checked++;
                if (answer.status() != 409 || !answer.body().contains("opted out")) {
                    problems.add(page[0] + " " + page[1] + ": " + answer.status());
                }
            }
            RawApi.Answer review = people.reviewer.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(people.server.url("/review/" + people.review)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-Token", people.reviewer.csrf())
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("rating=2")));
            if (review.status() != 409) {
                problems.add("POST /review/{id}: " + review.status());
            }

            assertThat(problems).as("of %d routes", checked).isEmpty();
            assertThat(checked).isGreaterThanOrEqualTo(15);
            RawApi.Answer cancel = people.member.send("POST", "/api/attempts/" + people.openAttempt + "/cancel", "{}");
            assertThat(cancel.status()).as("stopping is always allowed").isEqualTo(200);
            assertThat(cancel.body()).contains("\"cancelled\":\"none\"");
            RawApi.Answer abandon = people.member.send("POST", "/api/attempts/" + people.openAttempt + "/abandon", "{}");
            assertThat(abandon.status()).isEqualTo(200);
            assertThat(abandon.body()).contains("\"status\":\"abandoned\"").doesNotContain("turns");
            assertThat(people.member.get("/tasks").body()).contains("You have opted out").doesNotContain("Start attempt")
                    .contains("Opt back in");
            assertThat(people.reviewer.get("/review").body()).contains("You have opted out").contains("Opt back in");
            assertThat(people.admin.get("/api/admin/members").json().findValues("opted_out").stream()
                    .filter(value -> value.asBoolean()).count()).isEqualTo(2);
            String peoplePage = people.admin.get("/admin/members").body();
            assertThat(peoplePage).contains("Opted out");
            assertThat(peoplePage.split("<td class=\"opted-out\">yes</td>", -1)).as("two rows say yes").hasSize(3);

            assertThat(people.member.send("POST", "/api/opt-in", "{}").status()).isEqualTo(200);
            assertThat(people.member.get("/api/attempts/" + people.openAttempt).status()).isEqualTo(200);
            assertThat(people.reviewer.send("POST", "/api/opt-in", "{}").status()).isEqualTo(200);
            com.fasterxml.jackson.databind.JsonNode next = people.reviewer.get("/api/reviews/next").json().get("review_id");
            assertThat(next.isIntegralNumber()).as("the queue has work again").isTrue();
            assertThat(next.asLong()).as("the review held at opting out was given back, so this is a new assignment")
                    .isNotEqualTo(people.review);
        }
    }
}
