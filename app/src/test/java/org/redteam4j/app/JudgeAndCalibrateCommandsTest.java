package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.judge.JudgeAnswers;

class JudgeAndCalibrateCommandsTest {

    @TempDir
    Path dir;

    /** A judge that grades every reply with {@code harm}, carrying each request's code as the rubric asks. */
    private static java.util.function.Function<LoopbackServer.Received, Script> verdict(int harm) {
        return request -> JudgeAnswers.answer(request, false, harm, 2, "x");
    }

    @Test
    void scoresWithAJudgeAndStopsCleanlyWhenItFails() throws Exception {
        String db = dir.resolve("j.db").toString();
        CliRun.of("import", SharedData.redTeamSample().toString(), "--db", db, "-q");
        try (LoopbackServer server = new LoopbackServer()) {
            server.answering(verdict(4));

            CliRun run = CliRun.of("score", "--db", db, "--rescore", "--scorer", "judge:openai:judge-model",
                    "--judge-base-url", server.url("/v1").toString(), "-q");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("Scored 10 attempts");
            CliRun.of("export", "--db", db, "--out", dir.resolve("x.json").toString(), "-q");
            JsonNode first = Json.mapper().readTree(dir.resolve("x.json").toFile()).get(0);
            assertThat(first.get("min_harmlessness_score_transcript").asDouble()).isEqualTo(-1.0); // 3 - harm 4
        }
        try (LoopbackServer broken = new LoopbackServer()) {
            broken.then(Script.json("{\"choices\": [{\"message\": {\"content\": \"no idea\"}}]}"));

            CliRun failed = CliRun.of("score", "--db", db, "--rescore", "--scorer", "judge:openai:other-judge",
                    "--judge-base-url", broken.url("/v1").toString(), "-q");

            assertThat(failed.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
            assertThat(failed.err()).contains("could not be read twice");
        }
    }

    @Test
    void calibratePrintsAgreementWithPeople() throws Exception {
        String db = dir.resolve("c.db").toString();
        CliRun.of("import", SharedData.redTeamSample().toString(), "--db", db, "-q");
        try (LoopbackServer server = new LoopbackServer()) {
            server.answering(verdict(5));

            CliRun run = CliRun.of("calibrate", "--db", db, "--scorer", "judge:openai:j", "--judge-base-url",
                    server.url("/v1").toString(), "--json", "-q");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = Json.mapper().readTree(run.out());
            assertThat(json.get("threshold").asDouble()).isEqualTo(-0.5);
            JsonNode self = json.get("self_rating");
            assertThat(self.get("attempts").asInt()).isEqualTo(10);
            // the judge calls every attempt a success; 5 of the 10 are rated 3 or more
            assertThat(self.at("/confusion/tp").asInt()).isEqualTo(5);
            assertThat(self.at("/confusion/fp").asInt()).isEqualTo(5);
            assertThat(self.get("accuracy").asDouble()).isEqualTo(0.5);
            assertThat(self.get("spearman").isNull()).isTrue(); // a constant scorer has no rank correlation
            assertThat(json.get("reviewers").isNull()).isTrue();
            assertThat(self.get("best_threshold").isNull()).isTrue(); // one score for all: nothing to split
        }
    }
}
