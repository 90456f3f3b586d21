package org.redteam4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.testing.ChildJvm;
import picocli.CommandLine;

/** Each job's {@code --help} prints its usage and no picocli warning (those go to System.err, so a child JVM). */
class HelpTest {

    private static final List<Class<?>> JOBS = List.of(ScoreJob.class, AnalyzeJob.class, CampaignJob.class);

    @Test
    void everyJobsHelpPrintsUsageAndNoWarning() throws Exception {
        ChildJvm.Result child = ChildJvm.run("256m", HelpOfEveryJob.class);

        assertThat(child.exitCode()).as(child.output()).isZero();
        assertThat(child.output()).doesNotContain("WARN");
        for (Class<?> job : JOBS) {
            assertThat(child.output()).contains("usage printed: " + job.getSimpleName());
        }
    }

    public static final class HelpOfEveryJob {

        public static void main(String[] args) throws ReflectiveOperationException {
            for (Class<?> job : JOBS) {
                StringWriter sink = new StringWriter();
                CommandLine commandLine = new CommandLine(job.getDeclaredConstructor().newInstance());
                commandLine.setOut(new PrintWriter(sink, true));
                int code = commandLine.execute("--help");
                System.out.println(code == 0 && sink.toString().contains("Usage: ")
                        ? "usage printed: " + job.getSimpleName() : "no usage from " + job.getSimpleName() + ": " + sink);
            }
        }
    }
}
