package org.redteam4j.app.scoring;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.DatabaseOption;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.Progress;
import org.redteam4j.app.cli.ProgressOption;
import org.redteam4j.app.cli.ScorerOption;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.store.Database;
import org.redteam4j.store.scoring.AttemptScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Score attempts with a harmlessness scorer: every assistant turn given the conversation before it, the "
                    + "transcript's minimum (min_harmlessness_score_transcript) and the task description (the intent "
                    + "score). Attempts that already have a transcript score — the released hh-rlhf data carries "
                    + "Anthropic's — are left alone unless --rescore.",
            "Work is saved in batches: an interrupted run keeps what it finished, and running again continues."})
public final class ScoreCommand implements Callable<Integer> {

    private static final int BATCH = 64;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Mixin
    ScorerOption scorer;

    @Option(names = "--rescore", description = "Score every attempt this scorer has not scored, replacing earlier scores.")
    boolean rescore;

    @Mixin
    ProgressOption progressOption;

    @Override
    public Integer call() {
        Database db = database.open();
        HarmlessnessScorer harmlessness = scorer.build(org.redteam4j.config.Environment.fromSystem());
        long started = System.nanoTime();
        AttemptScoring.Result result;
        try (Progress progress = progressOption.start("score", 1, " attempts", 1)) {
            result = new AttemptScoring(db, harmlessness, BATCH).run(rescore, (done, total, turns) ->
                    progress.update(done, total, String.format("%,d turns", turns)));
        }
        PrintWriter err = spec.commandLine().getErr();
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("Scored %,d attempts (%,d assistant turns) with %s in %.1f s%s.%n", result.attempts(), result.turns(),
                harmlessness.id(), seconds, seconds > 0 && result.turns() > 0
                        ? String.format(" (%.0f turns/s)", result.turns() / seconds) : "");
        return ExitCodes.OK;
    }
}
