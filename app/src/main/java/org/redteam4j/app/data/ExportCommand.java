package org.redteam4j.app.data;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.OutputFile;
import org.redteam4j.app.cli.Progress;
import org.redteam4j.app.cli.ProgressOption;
import org.redteam4j.app.cli.TerminalText;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.AttemptRepository;
import org.redteam4j.store.pair.PreferencePairRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export the database in the hh-rlhf formats. The file appears only when the export is complete "
                    + "(it is written beside the target and moved into place); a name ending in .gz is gzipped.",
            "",
            "Formats:",
            "  red-team-attempts  every finished attempt, as one JSON array (or JSON Lines with --lines)",
            "  preference-pairs   imported preference pairs, then one pair per A/B choice made in the workbench",
            "                     (the picked, more harmful reply is the rejected side), as JSON Lines"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "red-team-attempts",
            description = "red-team-attempts or preference-pairs (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--lines", description = "Write red-team attempts as JSON Lines instead of one JSON array.")
    boolean lines;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() {
        boolean attempts = switch (format) {
            case "red-team-attempts" -> true;
            case "preference-pairs" -> false;
            default -> throw new BadInput("unknown --format '" + format
                    + "'; expected red-team-attempts or preference-pairs");
        };
        OutputFile file = OutputFile.checked(out.toString(), out);
        Database db = database.open();
        long started = System.nanoTime();
        long written = file.write(stream -> attempts ? writeAttempts(db, stream) : writePairs(db, stream));
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Exported %,d %s from %s to %s in %.1f s.%n", written,
                attempts ? "red-team attempts" : "preference pairs", db.location(),
                TerminalText.escape(out.toString()), (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }

    private long writeAttempts(Database db, OutputStream stream) {
        JsonRecordWriter.Layout layout = lines ? JsonRecordWriter.Layout.LINES : JsonRecordWriter.Layout.ARRAY;
        return db.inTransaction(handle -> {
            AttemptRepository repository = new AttemptRepository(handle);
            long total = repository.countCompleted();
            try (JsonRecordWriter<RedTeamAttempt> writer = JsonRecordWriter.attempts(stream, layout);
                 Progress progress = progressOption.start("export", total, "", 1)) {
                repository.forEachCompleted(attempt -> {
                    writer.write(attempt);
                    progress.update(writer.written(), total, String.format("%,d records", writer.written()));
                });
                return writer.written();
            }
        });
    }

    private long writePairs(Database db, OutputStream stream) {
        return db.inTransaction(handle -> {
            PreferencePairRepository repository = new PreferencePairRepository(handle);
            long total = repository.count();
            try (JsonRecordWriter<PreferencePair> writer = JsonRecordWriter.preferencePairs(stream);
                 Progress progress = progressOption.start("export", total, "", 1)) {
                java.util.function.Consumer<PreferencePair> sink = pair -> {
                    writer.write(pair);
                    progress.update(writer.written(), total, String.format("%,d records", writer.written()));
                };
                repository.forEach(sink);
                repository.forEachWorkbenchChoice(sink);
                return writer.written();
            }
        });
    }
}
