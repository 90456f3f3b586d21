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
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.AttemptSelection;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;
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
            "                     (the picked, more harmful reply is the rejected side), as JSON Lines",
            "",
            "Abandoned attempts are left out unless --include-abandoned; --campaign NAME exports one workbench campaign."})
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

    @Option(names = "--campaign", paramLabel = "NAME", description = "Only this workbench campaign's attempts and choices "
            + "(imported pairs belong to no campaign and are left out).")
    String campaign;

    @Option(names = "--include-abandoned", description = "Also the attempts their members abandoned, marked \"abandoned\": true "
            + "with \"rating\": null (they are never rated), and the choices made in them.")
    boolean includeAbandoned;

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
        AttemptSelection selection = selection(db);
        long started = System.nanoTime();
        long written = file.write(stream -> attempts ? writeAttempts(db, selection, stream) : writePairs(db, selection, stream));
        PrintWriter err = spec.commandLine().getErr();
        err.printf("Exported %,d %s from %s to %s in %.1f s.%n", written,
                attempts ? "red-team attempts" : "preference pairs", db.location(),
                TerminalText.escape(out.toString()), (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }

    private long writeAttempts(Database db, AttemptSelection selection, OutputStream stream) {
        JsonRecordWriter.Layout layout = lines ? JsonRecordWriter.Layout.LINES : JsonRecordWriter.Layout.ARRAY;
        long total = Exports.countAttempts(db, selection);
        try (Progress progress = progressOption.start("export", total, "", 1)) {
            return Exports.attempts(db, selection, layout, stream,
                    written -> progress.update(written, total, String.format("%,d records", written)));
        }
    }

    private long writePairs(Database db, AttemptSelection selection, OutputStream stream) {
        long total = Exports.countImportedPairs(db, selection);
        try (Progress progress = progressOption.start("export", total, "", 1)) {
            return Exports.pairs(db, selection, stream,
                    written -> progress.update(written, total, String.format("%,d records", written)));
        }
    }

    /** The selection the options ask for; a campaign that does not exist is bad input, not an empty file. */
    private AttemptSelection selection(Database db) {
        if (campaign == null) {
            return new AttemptSelection(null, includeAbandoned);
        }
        Campaign found = db.inTransaction(handle -> new CampaignRepository(handle).byName(campaign))
                .orElseThrow(() -> new BadInput("--campaign " + campaign + ": no workbench campaign of that name in "
                        + db.location()));
        return new AttemptSelection(found.id(), includeAbandoned);
    }
}
