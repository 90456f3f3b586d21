package org.redteam4j.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A main class for {@link OutOfMemoryTest}'s child JVMs: installs what {@code Main} installs, then
 * runs out of memory in another thread — letting the error go ({@code uncaught}) or catching and
 * dropping it ({@code dropped}) — and would exit 0 after 60 seconds if nothing ended it.
 */
public final class OutOfMemoryProbe {

    private OutOfMemoryProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        OutOfMemory.install(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        boolean drop = args[0].equals("dropped");
        Thread hog = new Thread(() -> {
            List<byte[]> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(new byte[1 << 20]);
                }
            } catch (OutOfMemoryError e) {
                held.clear();
                if (!drop) {
                    throw e;
                }
                System.out.println("caught and dropped it");
            }
        }, "hog");
        hog.start();
        Thread.sleep(60_000);
    }
}
