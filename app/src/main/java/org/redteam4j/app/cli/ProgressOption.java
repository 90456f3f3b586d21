package org.redteam4j.app.cli;

import picocli.CommandLine.Option;

/** {@code -q/--quiet} of the commands that show progress, and the progress display it governs. */
public final class ProgressOption {

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    /** A progress display for {@code task}, silent with --quiet. */
    public Progress start(String task, long total, String unit, long unitSize) {
        return Progress.start(task, total, unit, unitSize, quiet);
    }
}
