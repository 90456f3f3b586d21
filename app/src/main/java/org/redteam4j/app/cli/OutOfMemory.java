package org.redteam4j.app.cli;

import org.redteam4j.core.format.TerminalText;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the process with exit code 4 and a crash log when memory runs out, in whichever thread it
 * does: after an {@link OutOfMemoryError} nothing can be trusted to work, so no command carries on.
 * Three ways in, one way out: a default uncaught-exception handler (every thread without its own);
 * {@link FailureHandler}, for an error a command's own code wrapped; and the JVM itself, for an error
 * some code caught and dropped (a pool's future, a web server's handler) — the {@code redteam4j}
 * launcher runs java with {@value #JVM_OPTION}, so the JVM signals this process at the first
 * OutOfMemoryError, whoever catches it. The first to report writes the log; a little memory held in
 * reserve is let go first so that it can.
 */
public final class OutOfMemory {

    /** The option the launcher passes to java. Not -XX:+ExitOnOutOfMemoryError: that exits at once, code 3, with no log. */
    public static final String JVM_OPTION = "-XX:OnOutOfMemoryError=kill -USR1 %p";

    /** How long the JVM's signal waits for the thread that ran out to report it with its own stack trace. */
    private static final long GRACE_MS = 2_000;

    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    private static final CountDownLatch WRITTEN = new CountDownLatch(1);
    private static volatile boolean signalled;
    private static volatile byte[] reserve;

    private OutOfMemory() {
    }

    /** Called once by {@code Main}, on the main thread: the handlers above, and the reserve. */
    public static void install(PrintWriter err) {
        reserve = new byte[4 << 20];
        Thread main = Thread.currentThread();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (causedBy(e)) {
                report(e, "redteam4j", err);
                Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
            }
            // any other error no one caught is a bug: its details go to a crash log, not raw onto the terminal
            err.println("redteam4j: internal error (a bug in redteam4j) in thread " + TerminalText.escape(thread.getName()) + ": "
                    + TerminalText.escape(String.valueOf(e)));
            err.println(FailureHandler.writeCrashLog(e).sentence());
            if (thread == main) {
                Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
            }
        });
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("USR1"), signal -> reportedByTheJvm(err));
        } catch (IllegalArgumentException e) {
            return; // no such signal here (Windows): the uncaught-exception handler and FailureHandler still report
        }
        // a command that finishes while the signal waits out its grace must not exit 0
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (signalled) {
                endDropped(err);
            }
        }, "out-of-memory-check"));
    }

    /** Whether {@code e}, or anything that caused it, is an OutOfMemoryError. */
    public static boolean causedBy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells the user, writes the crash log, and returns exit code 4 — the first time; a later call
     * (another thread, the JVM's signal) waits for that report to be written and returns 4.
     */
    public static int report(Throwable e, String command, PrintWriter err) {
        if (!REPORTED.compareAndSet(false, true)) {
            awaitWritten();
            return ExitCodes.INTERNAL_ERROR;
        }
        try {
            reserve = null;
            long heap = Runtime.getRuntime().maxMemory() >> 20;
            err.println(command + ": out of memory (" + TerminalText.escape(String.valueOf(e)) + "); the Java heap holds at most "
                    + heap + " MB — give it more with REDTEAM4J_JAVA_OPTS=-Xmx…, or ask for less (a smaller campaign or file)");
            err.println(FailureHandler.writeCrashLog(e).sentence());
            err.flush();
        } finally {
            WRITTEN.countDown();
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static void reportedByTheJvm(PrintWriter err) {
        signalled = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
        while (!REPORTED.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                break;
            }
        }
        if (!REPORTED.get()) {
            endDropped(err);
        }
        // else whoever reported ends the process
    }

    /** The OutOfMemoryError the JVM saw was caught and dropped: report it with every thread's stack, and end. */
    private static void endDropped(PrintWriter err) {
        OutOfMemoryError dropped = new OutOfMemoryError("reported by the JVM: the code that ran out of memory caught the "
                + "error and went on; the threads as they were then follow");
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            Throwable where = new Throwable("thread " + thread.getKey().getName() + " (" + thread.getKey().getState() + ")");
            where.setStackTrace(thread.getValue());
            dropped.addSuppressed(where);
        }
        report(dropped, "redteam4j", err);
        Runtime.getRuntime().halt(ExitCodes.INTERNAL_ERROR);
    }

    private static void awaitWritten() {
        try {
            WRITTEN.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
