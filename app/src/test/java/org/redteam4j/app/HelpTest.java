package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.testing.ChildJvm;

/**
 * {@code --help} of every command prints its usage and no warning. picocli reports a description
 * it cannot format (a lone {@code %}) through its tracer on {@code System.err}, not on the
 * command's writer, so the commands run in a child JVM whose whole output is checked.
 */
class HelpTest {

    @Test
    void everyCommandsHelpPrintsUsageAndNoWarning() throws Exception {
        ChildJvm.Result child = ChildJvm.run("256m", HelpOfEveryCommand.class);

        assertThat(child.exitCode()).as(child.output()).isZero();
        assertThat(child.output()).doesNotContain("WARN");
        List<String> names = new ArrayList<>(Cli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())).getSubcommands().keySet());
        assertThat(names).hasSizeGreaterThanOrEqualTo(12);
        for (String name : names) {
            assertThat(child.output()).contains("usage printed: " + name);
        }
        assertThat(child.output()).contains("usage printed: redteam4j");
    }

    /** Runs {@code --help} of the root command and of each command; prints only a line per usage. */
    public static final class HelpOfEveryCommand {

        public static void main(String[] args) {
            StringWriter sink = new StringWriter();
            PrintWriter writer = new PrintWriter(sink, true);
            var root = Cli.commandLine(writer, writer);
            List<String> commands = new ArrayList<>(root.getSubcommands().keySet());
            check("redteam4j", new String[] {"--help"}, sink);
            for (String name : commands) {
                check(name, new String[] {name, "--help"}, sink);
            }
        }

        private static void check(String name, String[] args, StringWriter sink) {
            sink.getBuffer().setLength(0);
            PrintWriter writer = new PrintWriter(sink, true);
            int code = Cli.run(args, writer, writer);
            if (code == 0 && sink.toString().contains("Usage: ")) {
                System.out.println("usage printed: " + name);
            } else {
                System.out.println("no usage from " + name + " (exit " + code + "): " + sink);
            }
        }
    }
}
