package org.redteam4j.app.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.core.analysis.Agreement;
import org.redteam4j.core.analysis.AttackMap;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.analysis.Bootstrap;
import org.redteam4j.core.analysis.RedTeamAnalysis;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.models.map.AttackMapper;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.store.Database;
import org.redteam4j.store.analysis.AnalysisFacts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Analyse red-team data the way the paper did and write DIR/index.html (one self-contained file: charts "
                    + "inline, works offline, prints), DIR/tables.json and one CSV per table.",
            "Input: the database (finished attempts, and automated campaigns' summaries), an hh-rlhf red-team "
                    + "attempts file, or the tables.json of an earlier run (e.g. Spark's AnalyzeJob).",
            "Intervals are seeded percentile bootstraps that do not depend on the order of the attempts. By default "
                    + "they resample members (clusters: a few members make most attempts, and one member's attempts are "
                    + "not independent) and, for automated campaigns, seeds; --bootstrap attempts resamples attempts as "
                    + "if independent (and gives campaigns' rates Wilson intervals), as earlier versions did. A group with "
                    + "one member (or seed) has no interval (shown as —).",
            "Fig. 5's top share is read off the cumulative curve by linear interpolation at exactly 15%% of members "
                    + "(not meaningful below 20 members); a permutation test says whether members differ (τ² > 0)."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(names = "--db", paramLabel = "DB", description = "A database (default: $REDTEAM4J_DB or redteam4j.db).")
        String db;

        @Option(names = "--input", paramLabel = "FILE", description = "An hh-rlhf red_team_attempts file (JSON array or lines, plain or gzip).")
        Path input;

        @Option(names = "--tables", paramLabel = "FILE", description = "A tables.json written by analyze or by the Spark "
                + "AnalyzeJob: renders its report without the data (no attack map, which needs each attempt's description); "
                + "--bootstrap, --seed and --resamples do not apply to it (given, they are ignored with a warning).")
        Path tables;
    }

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the report.")
    Path out;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2022", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--bootstrap", paramLabel = "UNIT", defaultValue = "members", description = "What intervals resample: "
            + "members (whole members with all their attempts; seeds for automated campaigns) or attempts (as if "
            + "independent; Wilson intervals for campaigns' rates). Default: ${DEFAULT-VALUE}.")
    String bootstrap;

    @Option(names = "--json", description = "Print the headline numbers as one JSON document on stdout.")
    boolean json;

    @Option(names = "--no-map", description = "Leave out the attack map (Fig. 2), which embeds every attempt's description "
            + "and projects it with UMAP: about a minute per 10,000 attempts on 2 cores.")
    boolean noMap;

    @Option(names = "--explorer-limit", paramLabel = "N", defaultValue = "2000", description = "At most N attempts and automated "
            + "attacks, with their transcripts, in the report's explorer: a uniform sample seeded by --seed when there are more; "
            + "0 leaves the explorer out (default: ${DEFAULT-VALUE}).")
    int explorerLimit;

    @Override
    public Integer call() throws Exception {
        if (explorerLimit < 0) {
            throw new BadInput("--explorer-limit must be 0 (no explorer) or more, was " + explorerLimit);
        }
        if (source.tables != null) {
            // the file's intervals were computed when it was written: say that the options given do not change them
            List<String> ignored = java.util.stream.Stream.of("--bootstrap", "--seed", "--resamples")
                    .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
            if (!ignored.isEmpty()) {
                spec.commandLine().getErr().println("Warning: " + String.join(", ", ignored) + (ignored.size() == 1 ? " does" : " do")
                        + " not apply with --tables (the intervals are the file's, as it was written); ignored.");
            }
            return render(TablesFile.read(source.tables));
        }
        if (resamples < 100) {
            throw new BadInput("--resamples must be 100 or more for a meaningful interval");
        }
        RedTeamAnalysis.Resampling resampling;
        try {
            resampling = RedTeamAnalysis.Resampling.of(bootstrap);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--" + e.getMessage());
        }
        List<AttemptFacts> facts = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        Map<String, List<AttackSummary.Row>> campaigns = new LinkedHashMap<>();
        Map<String, String> targetLabels = new LinkedHashMap<>();
        Map<String, Agreement> agreement = new LinkedHashMap<>();
        Map<String, List<org.redteam4j.core.analysis.FalseRefusals.Row>> falseRefusals = new LinkedHashMap<>();
        Map<String, List<org.redteam4j.core.analysis.BestOfNCurve.Curve>> bestOfN = new LinkedHashMap<>();
        String origin;
        boolean simulated;
        Explorer explorer;
        if (source.input != null) {
            Explorer.FromFile explored = new Explorer.FromFile(explorerLimit, seed);
            try (RecordReader<RedTeamAttempt> reader = Datasets.redTeamAttempts(source.input)) {
                for (RedTeamAttempt attempt = reader.read(); attempt != null; attempt = reader.read()) {
                    facts.add(AttemptFacts.of(attempt));
                    descriptions.add(attempt.attackDescription());
                    explored.add(attempt);
                }
            }
            explorer = explored.explorer();
            origin = "file " + source.input.getFileName();
            simulated = facts.stream().anyMatch(AttemptFacts::simulated); // generated example data says so per record
        } else {
            Database db = Database.open(org.redteam4j.store.DatabaseLocation.parse(source.db));
            AnalysisFacts stored = AnalysisFacts.read(db, resampling == RedTeamAnalysis.Resampling.MEMBERS);
            facts.addAll(stored.attempts());
            descriptions.addAll(stored.descriptions());
            campaigns.putAll(stored.campaigns());
            org.redteam4j.store.attack.CampaignResults results = new org.redteam4j.store.attack.CampaignResults(db);
            results.campaigns().forEach((name, id) -> {
                var refusals = results.falseRefusals(id);
                if (!refusals.isEmpty()) {
                    falseRefusals.put(name, refusals);
                }
                var curves = results.bestOfN(id);
                if (!curves.isEmpty()) {
                    bestOfN.put(name, curves);
                }
            });
            targetLabels.putAll(stored.targetLabels());
            agreement.putAll(stored.agreement());
            origin = "database " + db.location();
            simulated = stored.simulated();
            explorer = Explorer.read(db, stored.attemptIds(), explorerLimit, seed); // the analysed attempts, not a second query
        }
        if (facts.isEmpty() && campaigns.isEmpty()) {
            throw new BadInput("there is nothing to analyse in the " + (source.input != null ? "file" : "database"));
        }
        RedTeamAnalysis.Report report = new RedTeamAnalysis(seed, resamples, resampling).analyse(facts);
        PrintWriter err = spec.commandLine().getErr();
        AttackMap map = null;
        String mapAbsence = noMap ? "left out (--no-map)" : "needs at least " + AttackMapper.MIN_ATTEMPTS + " attempts; there are "
                + facts.size();
        if (!noMap && facts.size() >= AttackMapper.MIN_ATTEMPTS) {
            map = new AttackMapper(Embedder.shared(Embedder.Kind.MINILM), seed).map(descriptions,
                    facts.stream().map(AttemptFacts::rating).toList(), facts.stream().map(AttemptFacts::successful).toList(), phase -> {
                        err.println("Attack map: " + phase + "…");
                        err.flush();
                    });
        }
        return render(new ReportData(origin, simulated, report, campaigns, targetLabels, agreement, map, mapAbsence, explorer,
                falseRefusals, bestOfN));
    }

    private int render(ReportData data) throws java.io.IOException {
        RedTeamAnalysis.Report report = data.analysis();
        ReportFiles.write(data, out);
        spec.commandLine().getErr().printf("Wrote %s (and tables.json, CSVs) for %,d attempts%s.%n", out.resolve("index.html"),
                report.attempts(), data.campaigns().isEmpty() ? "" : " and " + data.campaigns().size() + " automated campaign(s)");
        if (json) {
            var root = Json.mapper().createObjectNode().put("attempts", report.attempts()).put("simulated", data.simulated())
                    .put("bootstrap", report.bootstrap())
                    .put("report", out.resolve("index.html").toString());
            // the overall mean itself (a tables.json from before it was written: the attempt-weighted Table 1 means)
            root.put("mean_rating", report.meanRating() != null ? report.meanRating().estimate()
                    : report.table1().stream().mapToDouble(c -> c.attempts() * c.meanRating().estimate()).sum() / report.attempts());
            if (report.meanRating() != null) {
                root.put("mean_rating_low", report.meanRating().low()).put("mean_rating_high", report.meanRating().high());
            }
            root.put("success_rate", report.attempts() == 0 ? Double.NaN : report.successful() / (double) report.attempts());
            root.put("share_from_top_15_percent_of_members", report.members().shareFromTop15Percent());
            root.put("members", report.members().members());
            if (report.members().tau2PValue() != null) {
                root.put("member_tau2", report.members().tau2()).put("member_tau2_p_value", report.members().tau2PValue());
            }
            if (report.spearman() != null) {
                root.put("spearman_rating_vs_min_harmlessness", report.spearman());
            }
            root.set("scaling", Json.mapper().valueToTree(report.scaling()));
            spec.commandLine().getOut().println(root);
        }
        return ExitCodes.OK;
    }
}
