package org.redteam4j.app.data;

import org.redteam4j.core.format.TerminalText;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.format.SummaryText;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.CampaignResults;
import org.redteam4j.store.stats.StatsQueries;
import org.redteam4j.store.stats.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Summarise the database: attempts by model type and size (Table 1 of Ganguli et al. 2022), "
                    + "the distribution and mean of the members' ratings, and the members by recruitment source."})
public final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of tables.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Database db = database.open();
        StoreStats stats = db.inTransaction(handle -> new StatsQueries(handle).compute());
        PrintWriter out = spec.commandLine().getOut();
        CampaignResults stored = new CampaignResults(db);
        java.util.Map<String, Long> campaigns = stored.campaigns();
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode root =
                    (com.fasterxml.jackson.databind.node.ObjectNode) org.redteam4j.core.format.Json.mapper().readTree(StatsJson.render(stats));
            com.fasterxml.jackson.databind.node.ObjectNode automated = root.putObject("automated_campaigns");
            campaigns.forEach((name, id) -> automated.set(name,
                    SummaryText.withFalseRefusals(SummaryText.json(stored.perTarget(id)), stored.falseRefusals(id))));
            // per campaign, its attacks grouped by OWASP LLM Top 10 2025 and MITRE ATLAS id
            com.fasterxml.jackson.databind.node.ObjectNode frameworks = root.putObject("frameworks");
            campaigns.forEach((name, id) -> frameworks.set(name, org.redteam4j.app.cli.FrameworksJson.json(
                    org.redteam4j.core.analysis.FrameworkGrouping.of(stored.summary(id),
                            org.redteam4j.core.catalogue.FrameworkMapping.builtin()))));
            out.println(root.toPrettyString());
        } else {
            out.print(new StatsText(stats, db.location().toString()).render());
            campaigns.forEach((name, id) -> {
                out.println();
                out.println("Automated campaign '" + org.redteam4j.core.format.TerminalText.line(name) + "', per target:");
                // only the per-target rows are shown: the per-strategy ones are not corrected
                java.util.List<AttackSummary.Row> perTarget = stored.perTarget(id);
                out.print(SummaryText.table(perTarget));
                out.print(SummaryText.redactions(perTarget));
                out.print(SummaryText.corrections(perTarget));
                out.print(SummaryText.falseRefusals(perTarget, stored.falseRefusals(id), primaryJudge(perTarget)));
            });
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The judge whose rate is shown beside the false refusal rate: the first (primary) one, as verdicts list it first. */
    private static String primaryJudge(java.util.List<AttackSummary.Row> perTarget) {
        return perTarget.stream().flatMap(row -> row.judges().keySet().stream()).findFirst().orElse("");
    }
}
