package org.redteam4j.app.data;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.Progress;
import org.redteam4j.app.cli.ProgressOption;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.InputFiles;
import org.redteam4j.core.format.InvalidRecordException;
import org.redteam4j.store.Database;
import org.redteam4j.store.imports.ImportReport;
import org.redteam4j.store.imports.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import a data file into the database, all or nothing: a bad record stops the import, names the "
                    + "file, record, line and field, and leaves the database as it was.",
            "Records already in the database are recognised by their content and not stored twice, so "
                    + "importing a file again is safe.",
            "",
            "Formats (detected from the content unless --format is given; gzip is detected too):",
            "  red-team-attempts  hh-rlhf red_team_attempts: a JSON array or JSON Lines",
            "  preference-pairs   hh-rlhf harmless-base: JSON Lines of {\"chosen\", \"rejected\"}",
            "  harmbench-csv      HarmBench behaviours (Behavior,FunctionalCategory,...,BehaviorID)",
            "  text               attack seeds, one a line",
            "  attack-results     automated attacks as JSON Lines: what the Spark CampaignJob writes",
            "",
            "Published seed sets, imported as seeds (download them yourself; none is bundled):",
            "  advbench           AdvBench harmful behaviours (goal,target)",
            "  strongreject       StrongREJECT (category,source,forbidden_prompt)",
            "  jbb-behaviors      JailbreakBench behaviours (Index,Goal,Target,Behavior,Category,Source)",
            "  xstest-prompts     XSTest's prompts (id,prompt,type,...): the unsafe contrast_* rows; the safe",
            "                     ones are benign prompts (a campaign's benign: {xstest: FILE})",
            "  sorry-bench        SORRY-Bench questions: JSON Lines of {question_id, category, turns, prompt_style}",
            "  do-not-answer      Do-Not-Answer (id,risk_area,types_of_harm,specific_harms,question,...)",
            "A seed's first tag is the paper's tag its category maps to, or Other; the source's category is kept",
            "beside it."})
public final class ImportCommand implements Callable<Integer> {

    private static final int SKIPPED_SHOWN = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(paramLabel = "FILE", description = "The file to import (the Spark CampaignJob's output is one such file).")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, red-team-attempts, preference-pairs, harmbench-csv, text, attack-results, advbench, "
                    + "strongreject, jbb-behaviors, xstest-prompts, sorry-bench or do-not-answer (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--skip-invalid",
            description = "Import the valid records and report the invalid ones instead of stopping at the first.")
    boolean skipInvalid;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(file) && OldCampaignOutput.isParquet(file)) {
            throw new BadInput(file + ": is a directory; " + OldCampaignOutput.MESSAGE);
        }
        InputFiles.requireRegularFile(file);
        DatasetFormat chosen = "auto".equals(format) ? DatasetFormat.detect(file)
                : DatasetFormat.fromId(format).orElseThrow(() -> new BadInput(
                        "unknown --format '" + format + "'; expected auto, " + DatasetFormat.ids()));
        Database db = database.open();
        long started = System.nanoTime();
        ImportReport report;
        try (Progress progress = progressOption.start("import", file.toFile().length(), " MB", 1 << 20)) {
            report = new Importer(db, skipInvalid, (done, total, records) ->
                    progress.update(done, total, String.format("%,d records", records))).importFile(file, chosen);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("Imported %,d %s from %s into %s in %.1f s: %,d read, %,d already present, %,d skipped.%n",
                report.imported(), noun(chosen), TerminalText.escape(file.toString()), db.location(), seconds,
                report.recordsRead(), report.duplicates(), report.skipped().size());
        if (chosen == DatasetFormat.XSTEST_PROMPTS) {
            err.println("XSTest's safe rows were left out: they are benign prompts (a campaign's benign: {xstest: FILE}), not seeds.");
        }
        reportSkipped(err, report);
        return ExitCodes.OK;
    }

    private static void reportSkipped(PrintWriter err, ImportReport report) {
        int shown = 0;
        for (InvalidRecordException skipped : report.skipped()) {
            if (shown++ == SKIPPED_SHOWN) {
                err.printf("  … and %,d more%n", report.skipped().size() - SKIPPED_SHOWN);
                break;
            }
            err.println("  skipped " + TerminalText.escape(skipped.getMessage()));
        }
    }

    private static String noun(DatasetFormat format) {
        if (format.holdsSeeds()) {
            return "seeds";
        }
        return switch (format) {
            case RED_TEAM_ATTEMPTS -> "red-team attempts";
            case PREFERENCE_PAIRS -> "preference pairs";
            case ATTACK_RESULTS -> "automated attacks";
            default -> format.id() + " records";
        };
    }
}
