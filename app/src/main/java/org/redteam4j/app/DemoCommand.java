package org.redteam4j.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.demo.DemoCampaign;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.format.JsonRecordComparison;
import org.redteam4j.core.format.JsonRecordWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run redteam4j end to end, offline, in a fresh SQLite database: import example red-team attempts in the "
                    + "hh-rlhf format and check that exporting them gives the same file; run a short automated campaign "
                    + "against the simulated assistant in the paper's four model types at three size labels; score every "
                    + "reply with the embedded preference model; analyse it all and write the report.",
            "The example attempts are generated (deterministic for --seed) in the proportions of the paper's "
                    + "Table 1; all text describes red-team requests without harmful detail. Everything the simulated "
                    + "assistant says is marked simulated: the numbers show the machinery, not findings."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "redteam4j-demo",
            description = "Folder for the demo's files; its database is recreated (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "300",
            description = "How many example attempts to generate (default: ${DEFAULT-VALUE}).")
    long attempts;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "2022",
            description = "Random seed of the example data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Files.createDirectories(dir);
        Path input = dir.resolve("example-attempts.json");
        Path database = dir.resolve("redteam4j-demo.db");
        Path export = dir.resolve("export.json");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(database + suffix));
        }

        step(out, "1. Write " + attempts + " example red-team attempts to " + input);
        writeExamples(input);
        step(out, "2. Import them into " + database);
        int code = Cli.run(new String[] {"import", input.toString(), "--db", database.toString(), "--quiet"}, out, err);
        if (code != ExitCodes.OK) {
            return code;
        }
        step(out, "3. Statistics");
        code = Cli.run(new String[] {"stats", "--db", database.toString()}, out, err);
        if (code != ExitCodes.OK) {
            return code;
        }
        step(out, "4. Export to " + export + " and compare with the input");
        code = Cli.run(new String[] {"export", "--db", database.toString(), "--out", export.toString(), "--quiet"}, out, err);
        if (code != ExitCodes.OK) {
            return code;
        }
        Optional<String> difference = JsonRecordComparison.firstDifference(input, export);
        if (difference.isPresent()) {
            throw new IllegalStateException("the export differs from the input: " + difference.get());
        }
        out.printf("The export equals the input, record by record, as JSON values (%,d records).%n", attempts);

        Path campaign = dir.resolve("campaign.yaml");
        step(out, "5. An automated campaign against sim in four model types at three sizes (" + campaign + ")");
        Files.writeString(campaign, DemoCampaign.yaml());
        code = Cli.run(new String[] {"attack", "--campaign", campaign.toString(), "--db", database.toString(), "--quiet", "--brief"}, out, err);
        if (code != ExitCodes.OK) {
            return code;
        }
        step(out, "6. Score every reply of the example attempts with the embedded preference model");
        code = Cli.run(new String[] {"score", "--db", database.toString(), "--rescore", "--quiet"}, out, err);
        if (code != ExitCodes.OK) {
            return code;
        }
        Path report = dir.resolve("report");
        step(out, "7. Analyse and write the report");
        code = Cli.run(new String[] {"analyze", "--db", database.toString(), "--out", report.toString()}, out, err);
        if (code != ExitCodes.OK) {
            return code;
        }
        out.println();
        out.println("Open the report: " + report.resolve("index.html").toAbsolutePath());
        out.println("Next: serve the workbench (./redteam4j serve --create-admin NAME), or point a campaign at a real model");
        out.println("(copy " + campaign + " and change the targets' model lines, e.g. openai:gpt-4o-mini).");
        return ExitCodes.OK;
    }

    private void writeExamples(Path file) {
        try (OutputStream stream = Files.newOutputStream(file);
             JsonRecordWriter<RedTeamAttempt> writer = JsonRecordWriter.attempts(
                     new java.io.BufferedOutputStream(stream), JsonRecordWriter.Layout.ARRAY)) {
            new SyntheticAttempts(seed, attempts).forEachRemaining(writer::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void step(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }
}
