package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;

/** A new name may not equal an existing one but for case; old pairs keep working and are listed at start (issue 15, item 8). */
@Tag("security")
class AccountNamesTest {

    @TempDir
    Path dir;

    @Test
    void aNameDifferingOnlyByCaseIsRefusedButOldPairsKeepWorking() throws Exception {
        try (WorkbenchServer server = new WorkbenchServer(dir)) {
            ApiClient admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
            HttpResponse<String> impostor = join(server, admin, "Admin");
            assertThat(impostor.statusCode()).isEqualTo(400);
            assertThat(impostor.body()).contains("the name &#39;Admin&#39; is taken");
            assertThat(join(server, admin, "ADMIN.").statusCode()).as("a different name").isIn(302, 303);

            // as an older version allowed: Bob and bob
            String bobHash = server.database.inTransaction(handle -> new AccountRepository(handle).byName(WorkbenchServer.ADMIN))
                    .orElseThrow().passwordHash();
            server.database.useTransaction(handle -> {
                new AccountRepository(handle).create("Bob", Account.Role.MEMBER, null, bobHash);
                new AccountRepository(handle).create("bob", Account.Role.REVIEWER, null, bobHash);
            });
            assertThat(new ApiClient(server).login("Bob", WorkbenchServer.PASSWORD).get("/api/session").body().get("role").asText())
                    .isEqualTo("member");
            assertThat(new ApiClient(server).login("bob", WorkbenchServer.PASSWORD).get("/api/session").body().get("role").asText())
                    .isEqualTo("reviewer");

            List<List<String>> pairs = server.workbench.accounts().namesDifferingOnlyByCase();
            assertThat(pairs).containsExactly(List.of("Bob", "bob"));
            assertThat(ServeCommand.caseWarning(pairs)).hasValueSatisfying(warning -> assertThat(warning)
                    .contains("differ only by case").contains("Bob / bob"));
            assertThat(ServeCommand.caseWarning(List.of())).isEmpty();
        }
    }

    private static HttpResponse<String> join(WorkbenchServer server, ApiClient admin, String name) throws Exception {
        String path = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member")).body()
                .get("invite_path").asText();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + WorkbenchServer.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
