package org.redteam4j.app.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.redteam4j.core.format.Json;

/**
 * A workbench with one of each person and something of theirs to act on: an admin with a campaign
 * of simulated targets, a member with a finished attempt and one in progress, a reviewer with a
 * review assigned, and a stranger who is not signed in.
 */
final class ApiPeople implements AutoCloseable {

    final WorkbenchServer server;
    final RawApi admin;
    final RawApi member;
    final RawApi reviewer;
    final RawApi stranger;
    final long campaign;
    final long memberId;
    final long finishedAttempt;
    final long openAttempt;
    final long review;
    final long openInvite;

    ApiPeople(Path dir) {
        server = new WorkbenchServer(dir);
        admin = new RawApi(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
        campaign = ok(admin.send("POST", "/api/admin/campaigns", Json.mapper().createObjectNode().put("name", "walk")
                .put("targets_yaml", AdminPages.EXAMPLE_TARGETS).toString())).json().get("campaign_id").asLong();
        member = join("member", "alice");
        reviewer = join("reviewer", "rita");
        stranger = new RawApi(server);
        memberId = memberId("alice");
        ok(member.send("POST", "/api/warning", "{}"));
        finishedAttempt = attempt("a finished one");
        ok(member.send("POST", "/api/attempts/" + finishedAttempt + "/messages", "{\"text\": \"hello\"}"));
        ok(member.send("POST", "/api/attempts/" + finishedAttempt + "/choice", "{\"label\": \"A\"}"));
        ok(member.send("POST", "/api/attempts/" + finishedAttempt + "/finish", "{\"rating\": 2}"));
        openAttempt = attempt("one in progress");
        review = ok(reviewer.get("/api/reviews/next")).json().get("review_id").asLong();
        ok(admin.send("POST", "/api/admin/invites", "{\"role\": \"member\"}"));
        openInvite = ok(admin.get("/api/admin/invites")).json().get(0).get("id").asLong();
    }

    private long attempt(String task) {
        return ok(member.send("POST", "/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                .put("task_description", task).toString())).json().get("id").asLong();
    }

    private RawApi join(String role, String name) {
        String path = ok(admin.send("POST", "/api/admin/invites", "{\"role\": \"" + role + "\"}")).json().get("invite_path").asText();
        try {
            HttpResponse<String> joined = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + WorkbenchServer.PASSWORD))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (joined.statusCode() != 302 && joined.statusCode() != 303) {
                throw new AssertionError("joining as " + name + " failed: " + joined.statusCode() + " " + joined.body());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return new RawApi(server).login(name, WorkbenchServer.PASSWORD);
    }

    private long memberId(String name) {
        for (var account : ok(admin.get("/api/admin/members")).json()) {
            if (account.get("name").asText().equals(name)) {
                return account.get("id").asLong();
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    private static RawApi.Answer ok(RawApi.Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("setting up the people failed: " + answer);
        }
        return answer;
    }

    @Override
    public void close() {
        server.close();
    }
}
