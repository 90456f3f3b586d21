package org.redteam4j.app.cli;

import org.redteam4j.core.format.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.redteam4j.core.failure.Failure;
import org.redteam4j.store.DatabaseLocation;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** Turns failures into the exit codes of {@link ExitCodes} and a message a person can act on. */
public final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandName();
        if (OutOfMemory.causedBy(e)) { // wrapped by the code that caught it (a pool's future, say)
            return OutOfMemory.report(e, "redteam4j " + command, err);
        }
        int code = exitCode(e);
        if (code != ExitCodes.INTERNAL_ERROR) {
            err.println("redteam4j " + command + ": " + TerminalText.escape(e.getMessage()));
            return code;
        }
        err.println("redteam4j " + command + ": internal error (a bug in redteam4j): " + TerminalText.escape(String.valueOf(e)));
        err.println(writeCrashLog(e).sentence());
        return ExitCodes.INTERNAL_ERROR;
    }

    /** The family decides: bad input exits 2, an external failure 3; the JDK's I/O errors are external too; the rest is a bug. */
    static int exitCode(Throwable e) {
        if (e instanceof Failure failure) {
            return failure.exitCode();
        }
        return e instanceof IOException || e instanceof UncheckedIOException ? ExitCodes.EXTERNAL_FAILURE : ExitCodes.INTERNAL_ERROR;
    }

    public static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("redteam4j " + commandLine.getCommandName() + ": " + TerminalText.escape(e.getMessage()));
        err.println("Run 'redteam4j " + (commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ")
                + "--help' for usage.");
        return ExitCodes.BAD_INPUT;
    }

    /** Writes {@code e}'s details to a new crash log (see {@link CrashLog}); returns where, or why nowhere. */
    public static CrashLog.Written writeCrashLog(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return CrashLog.forUser().write("redteam4j " + VersionProvider.version() + ", Java " + Runtime.version() + "\n"
                + DatabaseLocation.redact(trace.toString()));
    }
}
