package org.redteam4j.app.cli;

import java.io.PrintStream;
import java.text.DecimalFormat;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work on stderr: a live bar on a terminal, a plain line every tenth of the way
 * otherwise (logs and CI), nothing when quiet.
 */
public final class Progress implements AutoCloseable {

    private static final long PLAIN_AFTER_NANOS = 2_000_000_000L;

    private final String task;
    private final PrintStream err;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private int lastTenth = -1;

    private Progress(String task, long total, String unit, long unitSize, PrintStream err, boolean live) {
        this.task = task;
        this.err = err;
        this.bar = live ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(total, 1))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, unitSize)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .showSpeed(new DecimalFormat("0.0"))
                .build() : null;
    }

    /** Progress through {@code total} units of work; a live bar only when a person watches a terminal. */
    public static Progress start(String task, long total, String unit, long unitSize, boolean quiet) {
        boolean terminal = System.console() != null;
        return new Progress(task, total, unit, unitSize, quiet ? null : System.err, terminal && !quiet);
    }

    public void update(long done, long total, String detail) {
        if (bar != null) {
            bar.maxHint(Math.max(total, 1));
            bar.stepTo(done);
            bar.setExtraMessage(" " + detail);
        } else if (err != null && total > 0) {
            int tenth = (int) Math.min(9, done * 10 / total); // the command's summary line says when it is done
            // Short work finishes before anyone wonders; lines start once it has run for a while.
            if (tenth > lastTenth && System.nanoTime() - started > PLAIN_AFTER_NANOS) {
                lastTenth = tenth;
                err.printf("%s: %d%% (%s)%n", task, tenth * 10, detail);
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
