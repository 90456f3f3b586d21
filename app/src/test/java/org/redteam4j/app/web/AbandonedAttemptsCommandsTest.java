package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.CliRun;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.analysis.AnalysisFacts;
import org.redteam4j.store.pair.PreferencePairRepository;

/**
 * Abandoned workbench attempts stay out of exports and training pairs unless
 * {@code export --include-abandoned}, and always out of stats and analyses (they have no rating);
 * {@code export --campaign} writes one campaign. Over a real workbench database, attempts abandoned
 * through the API: campaign "first" has a finished attempt (rated 3), one abandoned after its choice
 * and one abandoned with a second reply waiting for its pick; "second" has a finished attempt rated 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbandonedAttemptsCommandsTest {

    /** One database for the class: its data is made once, in @BeforeAll (an instance @TempDir is not set yet). */
    @TempDir
    static Path dir;

    WorkbenchServer server;
    String db;

    @BeforeAll
    void data() {
        server = new WorkbenchServer(dir);
        db = dir.resolve("workbench.db").toString();
        OperatorData data = new OperatorData(server);
        long first = data.campaign("first");
        long second = data.campaign("second");
        ApiClient alice = data.join("member", "alice");
        ApiClient bob = data.join("member", "bob");
        data.finished(alice, first, "asks how to pick a lock", 3);
        data.abandon(alice, data.started(alice, first, "asks how to hotwire a car", 1));
        long pending = data.started(alice, first, "asks how to open a safe", 1);
        data.sendUnpicked(alice, pending, "And a safe?");
        data.abandon(alice, pending);
        data.finished(bob, second, "asks how to pick a lock too", 0);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void exportLeavesAbandonedAttemptsOutUnlessAskedAndMarksThem() throws Exception {
        assertThat(exported("export", "--campaign", "first")).extracting(a -> a.get("task_description").asText())
                .containsExactly("asks how to pick a lock");
        assertThat(exported("export")).hasSize(2);

        List<JsonNode> all = exported("export", "--campaign", "first", "--include-abandoned");
        assertThat(all).extracting(a -> a.get("task_description").asText())
                .containsExactly("asks how to pick a lock", "asks how to hotwire a car", "asks how to open a safe");
        assertThat(all.get(0).has("abandoned")).isFalse();
        assertThat(all).as("every target here is sim").allMatch(a -> a.get("simulated").asBoolean());
        assertThat(all.get(1).get("abandoned").asBoolean()).isTrue();
        assertThat(all.get(1).get("rating").isNull()).as("never rated: null, not a made-up 0").isTrue();
        assertThat(all.get(2).get("abandoned").asBoolean()).isTrue();
        assertThat(all.get(2).has("transcript")).as("the hh-rlhf fields are all there").isTrue();
        String transcript = all.get(2).get("transcript").asText();
        assertThat(transcript).as("the reply waiting for a pick is left out, not written empty").endsWith("Human: And a safe?");
        assertThat(transcript.split("\n\nAssistant:", -1)).as("one picked reply").hasSize(2);

        Path lines = dir.resolve("first.jsonl");
        assertThat(CliRun.of("export", "--db", db, "--out", lines.toString(), "--campaign", "first", "--lines",
                "--include-abandoned").exitCode()).isZero();
        assertThat(Files.readAllLines(lines)).hasSize(3).last().asString().contains("\"abandoned\":true");
    }

    @Test
    void preferencePairsFollowTheSameRule() throws Exception {
        Path out = dir.resolve("pairs.jsonl");
        assertThat(CliRun.of("export", "--db", db, "--out", out.toString(), "--format", "preference-pairs", "--campaign", "first")
                .exitCode()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(1).first().asString().doesNotContain("abandoned");
        assertThat(CliRun.of("export", "--db", db, "--out", out.toString(), "--format", "preference-pairs", "--campaign", "first",
                "--include-abandoned").exitCode()).isZero();
        List<String> pairs = Files.readAllLines(out);
        assertThat(pairs).as("the unpicked replies make no pair").hasSize(3);
        assertThat(pairs.subList(1, 3)).allMatch(line -> line.contains("\"abandoned\":true"));
        assertThat(pairs).as("every target here is sim").allMatch(line -> line.endsWith("\"simulated\":true}"));

        // train-pm --from-db reads the trainable choices: those over real targets, never an abandoned attempt's
        server.database.useTransaction(handle -> handle.createUpdate("UPDATE targets SET simulated = FALSE").execute());
        List<PreferencePair> trainable = new ArrayList<>();
        server.database.useTransaction(handle -> new PreferencePairRepository(handle).forEachTrainableWorkbenchChoice(trainable::add));
        server.database.useTransaction(handle -> handle.createUpdate("UPDATE targets SET simulated = TRUE").execute());
        assertThat(trainable).hasSize(2);
    }

    @Test
    void anUnknownCampaignIsBadInput() {
        CliRun run = CliRun.of("export", "--db", db, "--out", dir.resolve("none.json").toString(), "--campaign", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--campaign nope").contains("no workbench campaign");
        assertThat(dir.resolve("none.json")).doesNotExist();
    }

    @Test
    void statsAndAnalysesNeverCountAbandonedAttemptsWhichHaveNoRating() throws Exception {
        JsonNode stats = Json.mapper().readTree(CliRun.of("stats", "--json", "--db", db).out());
        assertThat(stats.get("attempts").asLong()).isEqualTo(2);
        assertThat(stats.get("mean_rating").asDouble()).isEqualTo(1.5);
        assertThat(AnalysisFacts.read(server.database).attempts()).hasSize(2);

        CliRun asked = CliRun.of("stats", "--json", "--db", db, "--include-abandoned");
        assertThat(asked.exitCode()).as("the flag is export's only").isEqualTo(2);
        assertThat(asked.err()).contains("--include-abandoned");
        assertThat(CliRun.of("analyze", "--db", db, "--out", dir.resolve("report").toString(), "--include-abandoned").exitCode())
                .isEqualTo(2);
    }

    private List<JsonNode> exported(String... args) throws Exception {
        Path out = Files.createTempFile(dir, "export", ".json");
        Files.delete(out);
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--db", db, "--out", out.toString()));
        CliRun run = CliRun.of(command.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> records = new ArrayList<>();
        Json.mapper().readTree(out.toFile()).forEach(records::add);
        return records;
    }
}
