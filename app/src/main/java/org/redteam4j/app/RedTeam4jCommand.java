package org.redteam4j.app;

import org.redteam4j.app.attack.AttackCommand;
import org.redteam4j.app.chat.ChatCommand;
import org.redteam4j.app.cli.VersionProvider;
import org.redteam4j.app.data.ExportCommand;
import org.redteam4j.app.data.ImportCommand;
import org.redteam4j.app.data.StatsCommand;
import org.redteam4j.app.list.ListCommand;
import org.redteam4j.app.report.AnalyzeCommand;
import org.redteam4j.app.scoring.CalibrateCommand;
import org.redteam4j.app.scoring.EvalJudgeCommand;
import org.redteam4j.app.scoring.EvalPmCommand;
import org.redteam4j.app.scoring.ScoreCommand;
import org.redteam4j.app.scoring.TrainJudgeCommand;
import org.redteam4j.app.scoring.TrainPmCommand;
import org.redteam4j.app.web.ServeCommand;
import picocli.CommandLine.Command;

@Command(name = "redteam4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Red-team language models: collect, import, score and analyse attacks.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            ImportCommand.class,
            ExportCommand.class,
            StatsCommand.class,
            ChatCommand.class,
            ScoreCommand.class,
            TrainPmCommand.class,
            EvalPmCommand.class,
            TrainJudgeCommand.class,
            EvalJudgeCommand.class,
            CalibrateCommand.class,
            AttackCommand.class,
            AnalyzeCommand.class,
            ListCommand.class,
            ServeCommand.class,
            DemoCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the run worked but a gate failed",
            "  2  bad usage or bad input (the message names the file, record and field)",
            "  3  an external failure (endpoint, database, file system)",
            "  4  an internal error (a bug; the message says where details were logged)",
            "",
            "Run 'redteam4j COMMAND --help' for the options of a command."})
public final class RedTeam4jCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
