package org.redteam4j.app;

import java.io.PrintWriter;
import org.redteam4j.app.cli.FailureHandler;
import picocli.CommandLine;

/** Builds the {@code redteam4j} command line around the given output streams, so tests can capture them. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RedTeam4jCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(FailureHandler::onBadUsage);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
