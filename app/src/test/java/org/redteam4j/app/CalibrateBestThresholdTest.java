package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.models.pm.PreferenceHead;

/** calibrate on the ten real attempts: the head's default threshold, and the best threshold beside it. */
class CalibrateBestThresholdTest {

    @TempDir
    Path dir;

    @Test
    void usesTheHeadsThresholdAndReportsTheBestOneWithAWarning() throws Exception {
        String db = dir.resolve("c.db").toString();
        CliRun.of("import", SharedData.redTeamSample().toString(), "--db", db, "-q");
        Path head = LexicalHeads.train(dir);
        String scorer = "pm:" + head;

        CliRun run = CliRun.of("calibrate", "--db", db, "--scorer", scorer, "--json", "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        double fitted = PreferenceHead.read(head).threshold();
        assertThat(fitted).isNotZero(); // train-pm wrote a threshold of its own
        assertThat(json.get("threshold").asDouble()).isEqualTo(fitted);
        JsonNode best = json.at("/self_rating/best_threshold");
        assertThat(best.get("attempts").asInt()).isEqualTo(10);
        assertThat(best.get("kappa").asDouble()).isGreaterThanOrEqualTo(json.at("/self_rating/kappa").asDouble());
        assertThat(best.get("warning").asText()).contains("too few to trust the fitted threshold");
        assertThat(run.err()).contains("too few to trust the fitted threshold");

        CliRun atBest = CliRun.of("calibrate", "--db", db, "--scorer", scorer, "--json", "-q",
                "--threshold", best.get("threshold").asText());
        CliRun text = CliRun.of("calibrate", "--db", db, "--scorer", scorer, "-q");

        JsonNode applied = Json.mapper().readTree(atBest.out());
        assertThat(applied.get("threshold").asDouble()).isEqualTo(best.get("threshold").asDouble());
        assertThat(applied.at("/self_rating/kappa").asDouble()).isEqualTo(best.get("kappa").asDouble());
        assertThat(applied.at("/self_rating/accuracy").asDouble()).isEqualTo(best.get("accuracy").asDouble());
        assertThat(text.out()).contains("(its default threshold)").contains("best threshold on these attempts: minimum < ")
                .contains("warning: 10 attempts, 5 successful and 5 not: too few to trust the fitted threshold");
    }
}
