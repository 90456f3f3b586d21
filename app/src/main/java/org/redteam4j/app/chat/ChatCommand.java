package org.redteam4j.app.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.TargetOptions;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.config.Environment;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.judges.Judges;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.transcript.Turn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "chat",
        mixinStandardHelpOptions = true,
        description = {
            "Send a message to a target and print the reply — or, with rejection sampling, the k replies ranked "
                    + "least harmful first — with latency and token usage. Without MESSAGE, chat interactively: "
                    + "each line you type is a turn; an empty line or end of input ends the conversation.",
            "Replies of the simulated assistant (sim) are marked [simulated]. A configured API key in a reply is shown "
                    + "as [redacted NAME], with a warning on stderr."})
public final class ChatCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--system", paramLabel = "TEXT", description = "System text sent before the conversation.")
    String system;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature.")
    Double temperature;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling mass, in (0, 1].")
    Double topP;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Longest reply in tokens.")
    Integer maxTokens;

    @Option(names = "--seed", paramLabel = "SEED", description = "Sampling seed, where the runtime supports one.")
    Long seed;

    @Option(names = "--scorer", paramLabel = "SCORER", defaultValue = "pm",
            description = "Rejection sampling ranks with this: pm (shipped) or pm:FILE (default: ${DEFAULT-VALUE}).")
    String scorerSpec;

    @Option(names = "--json", description = "Print one JSON document per reply set on stdout (never streamed).")
    boolean json;

    @Option(names = "--no-stream", description = "Print each reply when it is complete rather than as it arrives "
            + "(for scripts). Runtimes that cannot stream, and rejection sampling, always print whole replies.")
    boolean noStream;

    @Parameters(paramLabel = "MESSAGE", arity = "0..1", description = "The message; omit it to chat interactively.")
    String message;

    @Override
    public Integer call() throws IOException {
        Sampling sampling = sampling();
        Environment base = Environment.fromSystem();
        Environment environment = base.withPreferenceModel(
                () -> new Judges(base).preferenceModel(JudgeSpec.parse(scorerSpec, "--scorer: ")));
        try (Target target = targetOptions.build(environment)) {
            ChatPrinter printer = new ChatPrinter(spec.commandLine().getOut(), spec.commandLine().getErr(), json,
                    environment::secrets);
            if (message != null) {
                ask(target, new ChatRequest(system, List.of(Turn.human(message)), sampling), printer);
                return ExitCodes.OK;
            }
            return converse(target, sampling, printer);
        }
    }

    private int converse(Target target, Sampling sampling, ChatPrinter printer) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<Turn> turns = new ArrayList<>();
        err.println("Chatting with " + TerminalText.line(target.name()) + (target.simulated() ? " [simulated]" : "")
                + ". An empty line ends the conversation.");
        while (true) {
            err.print("you> ");
            err.flush();
            String line = in.readLine();
            if (line == null || line.isBlank()) {
                return ExitCodes.OK;
            }
            turns.add(Turn.human(line));
            ChatResponse response = ask(target, new ChatRequest(system, turns, sampling), printer);
            turns.add(Turn.assistant(response.first().text())); // the conversation continues with the first reply
        }
    }

    /** One call: streamed to the terminal when the model streams and nobody asked otherwise, else printed whole. */
    private ChatResponse ask(Target target, ChatRequest request, ChatPrinter printer) {
        if (json || noStream || !target.model().streams()) {
            ChatResponse response = target.model().chat(request);
            printer.print(target, response);
            return response;
        }
        ChatPrinter.Streamed streamed = printer.streaming(target);
        ChatResponse response = target.model().stream(request, streamed::piece);
        streamed.end(response);
        return response;
    }

    private Sampling sampling() {
        Sampling defaults = targetOptions.config().defaultSampling();
        try {
            return new Sampling(temperature != null ? temperature : defaults.temperature(),
                    topP != null ? topP : defaults.topP(),
                    maxTokens != null ? maxTokens : defaults.maxTokens(), 1,
                    seed != null ? seed : defaults.seed(), defaults.stop());
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
