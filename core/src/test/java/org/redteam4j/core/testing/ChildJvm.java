package org.redteam4j.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a separate JVM with its own heap limit. */
public final class ChildJvm {

    /** What the child printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /**
     * For children that run seconds, or are killed within seconds: the quick (C1) compiler only. The
     * optimising compiler's work does not pay off in so short a life; on two busy cores, an import of
     * 6,000 attempts took 6.2 s of CPU instead of 10.1 s and a lexical scoring of 21,000 turns 5.2 s
     * instead of 8.3 s, in about the same wall time. Not for long runs: an import of 40,000 attempts
     * took 21.7 s instead of 18.2 s. What such tests check (whole data after a kill) does not depend
     * on the compiler.
     */
    public static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1");

    private ChildJvm() {
    }

    public static Result run(String maxHeap, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return run(Map.of(), List.of(), maxHeap, mainClass, args);
    }

    /** As {@link #run(String, Class, String...)}, with these variables added to the child's environment. */
    public static Result run(Map<String, String> environment, String maxHeap, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        return run(environment, List.of(), maxHeap, mainClass, args);
    }

    /** With JVM options besides the heap limit, e.g. {@code -Dkey=value} or {@code -XX:…}. */
    public static Result run(List<String> jvmOptions, String maxHeap, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        return run(Map.of(), jvmOptions, maxHeap, mainClass, args);
    }

    private static Result run(Map<String, String> environment, List<String> jvmOptions, String maxHeap, Class<?> mainClass,
                              String... args) throws IOException, InterruptedException {
        List<String> command = command(maxHeap, mainClass, args);
        command.addAll(1, jvmOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish within 5 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts the child and returns at once; its output goes to {@code log}. For tests that kill it. */
    public static Process start(File log, String maxHeap, Class<?> mainClass, String... args) throws IOException {
        return start(log, List.of(), maxHeap, mainClass, args);
    }

    /** As {@link #start(File, String, Class, String...)}, with JVM options besides the heap limit. */
    public static Process start(File log, List<String> jvmOptions, String maxHeap, Class<?> mainClass, String... args)
            throws IOException {
        List<String> command = command(maxHeap, mainClass, args);
        command.addAll(1, jvmOptions);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private static List<String> command(String maxHeap, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + File.separator
                + "bin" + File.separator + "java"));
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}
