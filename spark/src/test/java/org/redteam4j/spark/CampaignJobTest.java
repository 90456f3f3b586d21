package org.redteam4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.Cli;
import org.redteam4j.store.Database;
import picocli.CommandLine;

class CampaignJobTest {

    private static final String CAMPAIGN = """
            name: spark-campaign
            targets:
              - {name: compliant, model: sim, sim: {compliance: 0.9, refusal: 0.05, evasion: 0.05, seed: 3}}
              - {name: careful, model: sim, sim: {compliance: 0.1, refusal: 0.8, evasion: 0.1, seed: 4}}
            seeds: {builtin: true, limit: 6}
            strategies: [direct, {template: role-play}]
            judges: [refusal]
            limits: {concurrency: 4}
            """;

    @TempDir
    Path dir;

    @Test
    void theCampaignRunsInPiecesAndImportsAsTheAttackCommandStoresIt() throws IOException {
        Path campaign = Files.writeString(dir.resolve("campaign.yaml"), CAMPAIGN);
        Path results = dir.resolve("results");

        CampaignJob.Outcome outcome = job(campaign, results, "--partitions", "3").run(LocalSpark.session());

        assertThat(outcome.attacks()).isEqualTo(2 * 6 * 2);
        assertThat(outcome.done() + outcome.errors() + outcome.pending()).isEqualTo(outcome.attacks());
        assertThat(outcome.errors()).isZero();
        String sparkDb = dir.resolve("spark.db").toString();
        String singleDb = dir.resolve("single.db").toString();
        assertThat(cli("import", "--db", sparkDb, results.toString())).isZero();
        assertThat(cli("import", "--db", sparkDb, results.toString())).as("loading twice adds nothing").isZero();
        assertThat(cli("attack", "--campaign", campaign.toString(), "--db", singleDb, "-q")).isZero();

        List<String> fromSpark = attacks(sparkDb);
        assertThat(fromSpark).hasSize(24).isEqualTo(attacks(singleDb));
        assertThat(fromSpark).anyMatch(row -> row.contains("|HIT|")).anyMatch(row -> row.contains("|PASS|"));
        assertThat(summary(sparkDb)).isEqualTo(summary(singleDb));
    }

    @Test
    void theBudgetIsSharedSoTheWholeJobKeepsIt() throws IOException {
        Path campaign = Files.writeString(dir.resolve("budget.yaml"), CAMPAIGN.replace("limits: {concurrency: 4}",
                "limits: {concurrency: 1, max_requests: 6}"));
        CampaignJob.Outcome outcome = job(campaign, dir.resolve("budget"), "--partitions", "2").run(LocalSpark.session());
        assertThat(outcome.attacks()).isEqualTo(24);
        assertThat(outcome.done()).as("each of 2 pieces may make 3 requests of one each").isEqualTo(6);
        assertThat(outcome.pending()).isEqualTo(18);
    }

    @Test
    void aBrokenCampaignIsRefusedBeforeAnythingRuns() throws IOException {
        Path campaign = Files.writeString(dir.resolve("broken.yaml"), CAMPAIGN.replace("judges: [refusal]", "judges: [oracle]"));
        assertThatThrownBy(() -> job(campaign, dir.resolve("out")).run(LocalSpark.session()))
                .hasMessageContaining("broken.yaml").hasMessageContaining("unknown judge");
        assertThat(dir.resolve("out")).doesNotExist();
        Path fromDb = Files.writeString(dir.resolve("db.yaml"), CAMPAIGN.replace("seeds: {builtin: true, limit: 6}",
                "seeds: {from_db: {min_rating: 3}}"));
        assertThatThrownBy(() -> job(fromDb, dir.resolve("out")).run(LocalSpark.session()))
                .hasMessageContaining("from_db needs a database");
    }

    private static int cli(String... args) {
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    /** Every stored attack, by key: what was sent, what came back and how it was judged. */
    private static List<String> attacks(String db) {
        return Database.open(db).inTransaction(handle -> handle.createQuery("""
                        SELECT a.attack_key, t.spec, a.status, a.verdict, a.strategy, a.repetition, a.tag, a.prompt, a.reply,
                               a.transcript, a.verdicts_json, a.target_requests, a.simulated
                        FROM attacks a JOIN targets t ON t.id = a.target_id ORDER BY a.attack_key""")
                .map((rs, ctx) -> {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 13; i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    return row.toString();
                }).list());
    }

    /** The campaign's summary as the report shows it: attacks, errors and hit rates with intervals per target and tag. */
    private static String summary(String db) throws IOException {
        Path report = Path.of(db + "-report");
        cli("analyze", "--db", db, "--out", report.toString(), "--no-map");
        return org.redteam4j.core.format.Json.mapper().readTree(report.resolve("tables.json").toFile()).get("campaigns").toString();
    }

    private static CampaignJob job(Path campaign, Path out, String... options) {
        CampaignJob job = new CampaignJob();
        String[] args = new String[4 + options.length];
        args[0] = "--campaign";
        args[1] = campaign.toUri().toString();
        args[2] = "--output";
        args[3] = out.toUri().toString();
        System.arraycopy(options, 0, args, 4, options.length);
        new CommandLine(job).parseArgs(args);
        return job;
    }
}
