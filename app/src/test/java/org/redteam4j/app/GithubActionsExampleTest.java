package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code examples/github-actions.yml} names only commands and options that exist: each
 * {@code ./redteam4j} line of its steps is parsed by the real command line (nothing runs), what it
 * writes is what the workflow uploads, and the files it names are in the repository.
 */
class GithubActionsExampleTest {

    private static final Path WORKFLOW = Path.of("..", "examples", "github-actions.yml");

    @Test
    void everyRedteam4jLineParsesWithTheRealCommandLine() throws IOException {
        List<List<String>> commands = redteam4jCommands(new YAMLMapper().readTree(WORKFLOW.toFile()));

        assertThat(commands).extracting(words -> words.get(0)).contains("--help", "attack", "analyze");
        for (List<String> args : commands) {
            assertThatCode(() -> parse(args)).as("./redteam4j %s", String.join(" ", args)).doesNotThrowAnyException();
        }
    }

    @Test
    void aMistypedOptionIsCaught() {
        // the check above is not vacuous: picocli refuses what the command does not declare
        assertThatThrownBy(() -> parse(List.of("attack", "--campaign", "c.yaml", "--fail-abov", "0.05")))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--fail-abov");
    }

    @Test
    void theCampaignJobUploadsWhatItsCommandsWrite() throws IOException {
        JsonNode workflow = new YAMLMapper().readTree(WORKFLOW.toFile());
        List<List<String>> commands = redteam4jCommands(workflow);
        String uploaded = "";
        for (JsonNode step : workflow.path("jobs").path("campaign").path("steps")) {
            if (step.path("uses").asText().startsWith("actions/upload-artifact@")) {
                uploaded = step.path("with").path("path").asText();
            }
        }
        List<String> paths = List.of(uploaded.strip().split("\\s+"));

        assertThat(paths).contains(valueOf(commands, "attack", "--junit"), valueOf(commands, "analyze", "--out") + "/");
        assertThat(valueOf(commands, "attack", "--db")).isEqualTo(valueOf(commands, "analyze", "--db")); // the report reads that run
    }

    @Test
    void itsCampaignFileAndWorkingDirectoriesExist() throws IOException {
        JsonNode workflow = new YAMLMapper().readTree(WORKFLOW.toFile());
        Path root = Path.of("..");

        assertThat(root.resolve(workflow.path("jobs").path("campaign").path("env").path("CAMPAIGN").asText())).isRegularFile();
        for (JsonNode job : workflow.path("jobs")) {
            for (JsonNode step : job.path("steps")) {
                if (step.has("working-directory")) {
                    assertThat(root.resolve(step.path("working-directory").asText()).resolve("pom.xml")).isRegularFile();
                }
            }
        }
    }

    private static void parse(List<String> args) {
        StringWriter sink = new StringWriter();
        Cli.commandLine(new PrintWriter(sink), new PrintWriter(sink)).parseArgs(args.toArray(String[]::new));
    }

    /** The arguments of every {@code ./redteam4j} line in the workflow's {@code run} steps. */
    private static List<List<String>> redteam4jCommands(JsonNode workflow) {
        List<List<String>> commands = new ArrayList<>();
        for (JsonNode job : workflow.path("jobs")) {
            for (JsonNode step : job.path("steps")) {
                for (String line : step.path("run").asText("").replace("\\\n", " ").split("\n")) {
                    List<String> words = words(line);
                    if (!words.isEmpty() && words.get(0).equals("./redteam4j")) {
                        commands.add(words.subList(1, words.size()));
                    }
                }
            }
        }
        return commands;
    }

    private static String valueOf(List<List<String>> commands, String command, String option) {
        List<String> args = commands.stream().filter(words -> words.get(0).equals(command)).findFirst()
                .orElseThrow(() -> new AssertionError("no ./redteam4j " + command + " line"));
        int at = args.indexOf(option);
        assertThat(at).as("%s in ./redteam4j %s", option, String.join(" ", args)).isGreaterThan(0);
        return args.get(at + 1);
    }

    /** A shell line's words: quotes group and are dropped (the workflow's lines use no other shell syntax). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : line.strip().toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
