package org.redteam4j.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.redteam4j.app.cli.OutOfMemory;

/** Entry point: builds the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        OutOfMemory.install(err);
        System.exit(Cli.run(args, out, err));
    }
}
