package org.redteam4j.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.store.Database;

/** A wrong login takes as long for a name that does not exist as for one that does (issue 15, item 8). */
@Tag("security")
class LoginTimingTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final int SAMPLES = 8;

    @TempDir
    Path dir;

    @Test
    void unknownNamesCostOneBcryptLikeKnownOnes() {
        try (Workbench workbench = new Workbench(Database.open(dir.resolve("timing.db").toString()), Environment.fromSystem(),
                Clock.systemUTC())) {
            workbench.accounts().createAdmin("admin", PASSWORD);
            workbench.accounts().createAdmin("second-admin", PASSWORD);
            List<Long> known = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            wrongLogin(workbench, "admin", "10.9.9.1"); // warm up both paths
            wrongLogin(workbench, "nobody-warm", "10.9.9.2");
            for (int i = 0; i < SAMPLES; i++) {
                known.add(wrongLogin(workbench, i % 2 == 0 ? "second-admin" : "admin", "10.9.1." + i));
                unknown.add(wrongLogin(workbench, "nobody-" + i, "10.9.2." + i));
            }

            long knownMedian = median(known);
            long unknownMedian = median(unknown);
            assertThat(unknownMedian).as("median ns for unknown names (known: %d ns)", knownMedian)
                    .isBetween(knownMedian / 2, knownMedian * 2);
        }
    }

    private static long wrongLogin(Workbench workbench, String name, String address) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> workbench.sessions().login(name, "wrong-password-guess", address))
                .isInstanceOf(WorkbenchFailure.class).hasMessage("wrong name or password");
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
