package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.CliRun;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.TestDatabases;

/**
 * Issue 15: two campaigns declaring the same target name with different models shared one target
 * row, the second rewriting the first's declaration, so results mixed two models under one name.
 */
@Tag("reliability")
class SharedTargetNameTest {

    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    /** A campaign whose one target, {@code shared-t}, is the simulated assistant with these knobs and target limits. */
    Path campaign(String name, String sim, String limits) throws Exception {
        return Files.writeString(dir.resolve(name + ".yaml"), """
                name: %s
                targets:
                  - name: shared-t
                    model: sim
                    sim: %s
                    limits: %s
                seeds: {builtin: true, limit: 4}
                strategies: [direct]
                judges: [refusal]
                """.formatted(name, sim, limits));
    }

    @Test
    void twoCampaignsWithTheSameTargetNameAndDifferentModelsStaySeparate() throws Exception {
        String db = dir.resolve("a.db").toString();
        Path mostlyRefuses = campaign("c1", "{refusal: 0.9, evasion: 0.0, compliance: 0.1, seed: 1}", "{timeout_seconds: 30}");
        Path mostlyComplies = campaign("c2", "{refusal: 0.1, evasion: 0.0, compliance: 0.9, seed: 1}", "{timeout_seconds: 30}");

        CliRun first = cli("attack", "--campaign", mostlyRefuses.toString(), "--db", db, "--json", "-q");
        CliRun second = cli("attack", "--campaign", mostlyComplies.toString(), "--db", db, "--json", "-q");
        // the first campaign again, only its limits changed: limits are not identity, so the same version
        Path slower = campaign("c1", "{refusal: 0.9, evasion: 0.0, compliance: 0.1, seed: 1}", "{timeout_seconds: 90}");
        CliRun resumed = cli("attack", "--campaign", slower.toString(), "--db", db, "--resume", "--json", "-q");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(targets(Json.mapper().readTree(first.out()).get("per_target"))).containsExactly("shared-t");
        assertThat(targets(Json.mapper().readTree(second.out()).get("per_target"))).containsExactly("shared-t v2");
        assertThat(targets(Json.mapper().readTree(resumed.out()).get("per_target"))).containsExactly("shared-t");
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM targets")).as("one target per declaration").isEqualTo(2);

        CliRun stats = cli("stats", "--db", db, "--json");
        JsonNode automated = Json.mapper().readTree(stats.out()).get("automated_campaigns");
        assertThat(targets(automated.get("c1"))).containsExactly("shared-t");
        assertThat(targets(automated.get("c2"))).containsExactly("shared-t v2");
        assertThat(automated.get("c1").get(0).get("attacks").asInt()).isEqualTo(4);
        assertThat(cli("stats", "--db", db).out()).contains("shared-t v2");

        Path report = dir.resolve("report");
        CliRun analyze = cli("analyze", "--db", db, "--out", report.toString(), "--no-map", "--resamples", "100");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        JsonNode campaigns = Json.mapper().readTree(report.resolve("tables.json").toFile()).get("campaigns");
        assertThat(targets(campaigns.get("c1"))).containsOnly("shared-t");
        assertThat(targets(campaigns.get("c2"))).containsOnly("shared-t v2");
        assertThat(Files.readString(report.resolve("index.html"))).contains("shared-t v2");
    }

    private static List<String> targets(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.get("target").asText()));
        return names;
    }
}
