package org.redteam4j.app.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.CliRun;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.workbench.AutomatedCampaigns;
import org.redteam4j.app.workbench.Principal;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.config.Environment;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JudgeCalibrationJson;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackQueries;
import org.redteam4j.store.attack.AttackRepository;
import org.redteam4j.store.attack.LabelRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;

/**
 * eval-judge --from-db on an automated campaign that {@code attack} ran over sim targets with the
 * keyword and refusal judges, whose sample three reviewers labelled through the workbench: every
 * judge's confusion equals the one counted here from the stored verdicts and the majority labels,
 * a tie and a reply short of a label are left out and counted.
 */
class EvalJudgeAutomatedTest {

    @TempDir
    static Path dir;

    static String file;
    static Database db;
    static Workbench workbench;
    /** Each decided attack's majority label. */
    static Map<Long, String> decided = new LinkedHashMap<>();

    @BeforeAll
    static void labelASample() {
        file = dir.resolve("eval.db").toString();
        AutomatedCampaigns.run(dir, file, "judged", 6, "direct", "keyword, refusal");
        AutomatedCampaigns.run(dir, file, "unlabelled", 2, "direct", "keyword");
        db = Database.open(file);
        workbench = new Workbench(db, Environment.fromSystem(), Clock.systemUTC());
        workbench.accounts().createAdmin("admin", "correct-horse-battery");
        Principal admin = principal("admin");
        long campaign = db.inTransaction(handle -> new AttackRepository(handle).campaigns().get("judged"));
        LabelRepository.Sample sample = workbench.automated().drawSample(admin, campaign, 4, 3, 11L, null);
        List<Principal> reviewers = new ArrayList<>();
        for (String name : List.of("rita", "ravi", "rosa")) {
            String token = workbench.accounts().invite(admin, Account.Role.REVIEWER, null);
            workbench.accounts().acceptInvite(token, name, "correct-horse-battery");
            reviewers.add(principal(name));
            workbench.labelling().acceptWarning(principal(name), sample.id());
        }
        List<LabelRepository.Item> items = db.inTransaction(handle -> new LabelRepository(handle).items(sample.id()));
        assertThat(items).hasSize(8);
        String[][] votes = {
            {"refused", "harmful", "harmless"}, // a tie: left out
            {"harmful", "refused", null},       // two that differ, the third not given: left out
            {"refused", "refused", null},       // two agree: decided, no third reviewer is asked
            {"harmful", "harmful", null},
            {"harmless", "harmless", null},
            {"refused", "harmful", "refused"},
            {"harmless", "refused", "harmless"},
            {"harmful", "harmless", "harmful"},
        };
        for (int i = 0; i < items.size(); i++) {
            for (int r = 0; r < 3; r++) {
                if (votes[i][r] != null) {
                    workbench.labelling().label(reviewers.get(r), items.get(i).itemId(), votes[i][r]);
                }
            }
            if (votes[i][2] == null && votes[i][0].equals(votes[i][1])) {
                long item = items.get(i).itemId();
                assertThatThrownBy(() -> workbench.labelling().label(reviewers.get(2), item, "harmless"))
                        .as("two agreeing labels decide: a third is not taken").hasMessageContaining("all its labels");
            }
            if (i >= 2) {
                decided.put(items.get(i).attackId(), votes[i][0].equals(votes[i][1]) ? votes[i][0] : votes[i][2]);
            }
        }
    }

    @AfterAll
    static void close() {
        workbench.close();
    }

    static Principal principal(String name) {
        return new Principal(db.inTransaction(handle -> new AccountRepository(handle).byName(name)).orElseThrow(), "csrf");
    }

    /** The confusion counted by hand: positive = labelled {@code positive}; the judge's call from its stored verdict. */
    static long[] expected(int judge, JudgeCalibration.Task task) {
        long[] c = new long[4]; // tp, fp, fn, tn
        decided.forEach((attack, label) -> {
            Verdict verdict = db.inTransaction(handle -> new AttackQueries(handle).attack(attack)).orElseThrow().verdicts().get(judge);
            boolean truth = label.equals(task == JudgeCalibration.Task.REFUSAL ? "refused" : "harmful");
            boolean called = task == JudgeCalibration.Task.REFUSAL ? verdict.refused() : verdict.outcome() == Verdict.Outcome.HIT;
            c[called ? (truth ? 0 : 1) : (truth ? 2 : 3)]++;
        });
        return c;
    }

    static long[] confusion(JsonNode evaluation) {
        JsonNode c = evaluation.get("confusion");
        return new long[] {c.get("tp").asLong(), c.get("fp").asLong(), c.get("fn").asLong(), c.get("tn").asLong()};
    }

    @Test
    void measuresEveryJudgeOfTheCampaignAgainstTheLabels() throws Exception {
        Path out = dir.resolve("keyword-calibration.json");
        CliRun run = CliRun.of("eval-judge", "--from-db", "judged", "--db", file, "--json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.get("kind").asText()).isEqualTo("automated");
        assertThat(json.get("sample").get("decided").asInt()).isEqualTo(6);
        assertThat(json.get("sample").get("left_out").get("unresolved: its three labels all differ").asInt()).isEqualTo(1);
        assertThat(json.get("sample").get("left_out").get("labelled by 2 of the 3 reviewers required").asInt()).isEqualTo(1);
        assertThat(json.get("labels").get("refused").asInt() + json.get("labels").get("harmful").asInt()
                + json.get("labels").get("harmless").asInt()).isEqualTo(6);
        JsonNode judges = json.get("judges");
        assertThat(judges).hasSize(2);
        assertThat(judges.get(0).get("judge").asText()).startsWith("keyword");
        assertThat(judges.get(1).get("judge").asText()).startsWith("refusal");
        for (int judge = 0; judge < 2; judge++) {
            JsonNode evaluation = judges.get(judge);
            assertThat(evaluation.get("task").asText()).isEqualTo("refusal");
            assertThat(evaluation.get("items").asInt()).isEqualTo(8);
            assertThat(evaluation.get("skipped").asInt()).isEqualTo(2);
            assertThat(confusion(evaluation)).as(evaluation.get("judge").asText()).isEqualTo(expected(judge, JudgeCalibration.Task.REFUSAL));
            assertThat(evaluation.get("ci95").get("accuracy")).hasSize(2);
            assertThat(evaluation.get("per_second").isNull()).isTrue();
        }
        JudgeCalibration calibration = JudgeCalibrationJson.read(out);
        assertThat(calibration.judge()).isEqualTo(judges.get(0).get("judge").asText());
        long[] keyword = expected(0, JudgeCalibration.Task.REFUSAL);
        assertThat(new long[] {calibration.tp(), calibration.fp(), calibration.fn(), calibration.tn()}).isEqualTo(keyword);
        assertThat(run.err()).contains("from the verdicts the campaign stored");

        // the loop closed: a campaign's keyword judge reads the file as its calibration: FILE and corrects its rates
        Path campaign = java.nio.file.Files.writeString(dir.resolve("corrected.yaml"), """
                name: corrected
                targets:
                  - name: mostly-complies
                    model: sim
                    sim: {refusal: 0.2, evasion: 0.1, compliance: 0.7, seed: 2}
                seeds: {builtin: true, limit: 4}
                strategies: [direct]
                judges:
                  - keyword: {calibration: %s}
                """.formatted(out));
        CliRun attack = CliRun.of("attack", "--campaign", campaign.toString(), "--db", file, "--json", "-q");
        assertThat(attack.exitCode()).as(attack.err()).isZero();
        assertThat(Json.mapper().readTree(attack.out()).findValues("corrected")).anyMatch(value -> !value.isNull());
    }

    @Test
    void measuresTheHarmTaskAndTextForPeople() throws Exception {
        CliRun harm = CliRun.of("eval-judge", "--from-db", "judged", "--db", file, "--json", "--task", "harm");
        CliRun text = CliRun.of("eval-judge", "--from-db", "judged", "--db", file, "--by", "target");

        assertThat(harm.exitCode()).as(harm.err()).isZero();
        JsonNode keyword = Json.mapper().readTree(harm.out()).get("judges").get(0);
        assertThat(keyword.get("task").asText()).isEqualTo("harm");
        assertThat(confusion(keyword)).isEqualTo(expected(0, JudgeCalibration.Task.HARM));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Automated campaign judged: 6 labelled replies")
                .contains("left out 1: unresolved: its three labels all differ").contains("kappa").contains("mostly-complies")
                .doesNotContain("NaN");
    }

    @Test
    void aJudgeGivenIsRunOnTheLabelledReplies() throws Exception {
        CliRun run = CliRun.of("eval-judge", "--from-db", "judged", "--db", file, "--json", "--judge", "keyword");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode judges = Json.mapper().readTree(run.out()).get("judges");
        assertThat(judges).hasSize(1);
        assertThat(confusion(judges.get(0))).as("keyword is deterministic: the same calls as stored")
                .isEqualTo(expected(0, JudgeCalibration.Task.REFUSAL));
        assertThat(run.err()).contains("ran keyword");
    }

    @Test
    void aCampaignWithoutASampleIsBadInputThatSaysWhatToDo() {
        CliRun run = CliRun.of("eval-judge", "--from-db", "unlabelled", "--db", file);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("no calibration sample").contains("workbench");
    }
}
