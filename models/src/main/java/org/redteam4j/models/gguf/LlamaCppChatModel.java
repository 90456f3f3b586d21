package org.redteam4j.models.gguf;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import de.kherud.llama.args.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.Messages;

/**
 * A GGUF model run in this process by llama.cpp. One completion at a time (llama.cpp serialises
 * them on its own thread); samples are drawn one after another with distinct seeds.
 * {@link #close()} frees the model; llama.cpp's native thread may outlive it, so commands end
 * with {@code System.exit}.
 */
public final class LlamaCppChatModel implements ChatModel {

    private static final String HUMAN_MARKER = "\n\nHuman:";

    static {
        // The library unpacks its native code into one fixed folder under the temporary directory; a
        // folder another user made first cannot be written, and loading fails. One folder per user.
        if (System.getProperty("de.kherud.llama.tmpdir") == null) {
            java.nio.file.Path own = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                    "redteam4j-llama-" + System.getProperty("user.name"));
            try {
                java.nio.file.Files.createDirectories(own);
                System.setProperty("de.kherud.llama.tmpdir", own.toString());
            } catch (java.io.IOException e) {
                // then the library tries the temporary directory itself, as it would without us
            }
        }
    }

    private final Path file;
    private final GgufSettings settings;
    private final LlamaModel model;

    public LlamaCppChatModel(Path file, GgufSettings settings) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput("gguf:" + file + ": no such file");
        }
        this.file = file;
        this.settings = settings;
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { }); // llama.cpp is chatty on stderr
        try {
            this.model = new LlamaModel(new ModelParameters()
                    .setModel(file.toString())
                    .setCtxSize(settings.contextSize())
                    .setThreads(settings.threads())
                    .disableLog());
        } catch (RuntimeException e) { // the binding's LlamaException is package-private
            throw new BadInput("gguf:" + file + ": llama.cpp cannot load it (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public synchronized ChatResponse chat(ChatRequest request) {
        long started = System.nanoTime();
        Sampling sampling = request.sampling();
        List<Reply> replies = new ArrayList<>();
        long inputTokens = 0;
        long outputTokens = 0;
        for (int i = 0; i < sampling.samples(); i++) {
            InferenceParameters parameters = parameters(request, sampling, i);
            String prompt = settings.useChatTemplate() ? model.applyTemplate(parameters) : hhPrompt(request);
            inputTokens += model.encode(prompt).length;
            StringBuilder text = new StringBuilder();
            try {
                for (LlamaOutput token : model.generate(parameters)) { // one output per generated token
                    text.append(token.text);
                    outputTokens++;
                }
            } catch (RuntimeException e) {
                throw new MalformedResponseException(id() + ": llama.cpp failed (" + e.getMessage() + ")", e);
            }
            replies.add(Reply.of(settings.useChatTemplate() ? text.toString() : text.toString().strip(), null));
        }
        return new ChatResponse(replies, new TokenUsage(inputTokens, outputTokens),
                Duration.ofNanos(System.nanoTime() - started), file.getFileName().toString(), false);
    }

    private InferenceParameters parameters(ChatRequest request, Sampling sampling, int sample) {
        InferenceParameters parameters;
        if (settings.useChatTemplate()) {
            List<Pair<String, String>> messages = new ArrayList<>();
            for (Turn turn : request.turns()) {
                messages.add(new Pair<>(Messages.role(turn.speaker()), turn.text()));
            }
            parameters = new InferenceParameters("").setMessages(request.system(), messages).setUseChatTemplate(true);
        } else {
            parameters = new InferenceParameters(hhPrompt(request));
        }
        List<String> stops = new ArrayList<>(sampling.stop());
        if (!settings.useChatTemplate()) {
            stops.add(HUMAN_MARKER);
        }
        if (!stops.isEmpty()) {
            parameters.setStopStrings(stops.toArray(String[]::new));
        }
        parameters.setNPredict(sampling.maxTokens() != null ? sampling.maxTokens() : 256);
        if (sampling.temperature() != null) {
            parameters.setTemperature(sampling.temperature().floatValue());
        }
        if (sampling.topP() != null) {
            parameters.setTopP(sampling.topP().floatValue());
        }
        if (sampling.seed() != null) {
            parameters.setSeed((int) (sampling.seed() + sample));
        }
        return parameters;
    }

    /** The conversation in the paper's format, ending with an open Assistant turn. */
    private static String hhPrompt(ChatRequest request) {
        Transcript transcript = new Transcript(request.system() == null ? "" : request.system(), request.turns())
                .append(new Turn(Speaker.ASSISTANT, ""));
        return transcript.text();
    }

    /** The tokens llama.cpp makes of {@code text}, for checks and token counts. */
    public int[] tokenize(String text) {
        return model.encode(text);
    }

    public String detokenize(int[] tokens) {
        return model.decode(tokens);
    }

    @Override
    public String id() {
        return "gguf:" + file.getFileName();
    }

    @Override
    public synchronized void close() {
        model.close();
    }
}
