package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;

/**
 * Issue 15: the targets an admin pastes into the workbench are read by the same strict loader as
 * targets files: an unknown top-level key (once ignored), a duplicate key (once last-wins) and an
 * alias (once read as the anchor's name) are refused with the line and key, and no campaign is made.
 */
@Tag("reliability")
class WorkbenchTargetsYamlTest {

    @TempDir
    Path dir;

    private WorkbenchServer server;
    private ApiClient admin;

    @BeforeEach
    void start() {
        server = new WorkbenchServer(dir);
        admin = new ApiClient(server).login(WorkbenchServer.ADMIN, WorkbenchServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUnknownTopLevelKeyIsRefused() {
        assertRefused("strategies: [direct]\ntargets:\n  - {name: a, model: sim}\n",
                "targets: line 1: unknown key 'strategies'; expected one of [targets]");
    }

    @Test
    void aDuplicateKeyIsRefused() {
        assertRefused("targets:\n  - name: a\n    model: sim\n    model: openai:gpt-4o\n",
                "targets: line 4: duplicate key 'model' in targets[0] (first on line 3)");
    }

    @Test
    void anAliasIsRefused() {
        assertRefused("targets:\n  - name: &n a\n    model: sim\n  - name: *n\n    model: sim\n",
                "targets: line 2: an anchor ('&n')");
        assertRefused("targets:\n  - name: a\n    model: sim\n  - name: *n\n    model: sim\n", "targets: line 4: an alias ('*n')");
    }

    @Test
    void aGoodDeclarationStillMakesACampaign() {
        ApiClient.Response created = create("targets:\n  - {name: a, model: sim}\n");

        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(admin.get("/api/campaigns").body().size()).as("the list the refusals compare shows campaigns").isEqualTo(1);
    }

    private void assertRefused(String yaml, String message) {
        JsonNode before = admin.get("/api/campaigns").body();

        ApiClient.Response created = create(yaml);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(400);
        assertThat(created.body().path("error").asText()).contains(message);
        assertThat(admin.get("/api/campaigns").body()).as("no campaign was made").isEqualTo(before);
    }

    private ApiClient.Response create(String yaml) {
        return admin.post("/api/admin/campaigns", Json.mapper().createObjectNode().put("name", "c").put("targets_yaml", yaml));
    }
}
