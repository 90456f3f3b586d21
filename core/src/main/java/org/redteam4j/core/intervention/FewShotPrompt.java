package org.redteam4j.core.intervention;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.ForwardingChatModel;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/**
 * Puts an example conversation before every request: the paper's plain LM (1-shot) and prompted
 * LM (few-shot HHH) are this intervention with different examples. The examples are a transcript
 * in the HH text format; the text before its first turn becomes the system text.
 */
public class FewShotPrompt extends ForwardingChatModel {

    private final String name;
    private final Transcript examples;

    public FewShotPrompt(ChatModel model, String name, Transcript examples) {
        super(model);
        this.name = name;
        this.examples = examples;
    }

    /** Reads examples shipped as a resource beside this class. */
    static Transcript resource(String name) {
        try (InputStream in = FewShotPrompt.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt resource " + name);
            }
            return Transcript.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return model.chat(prompted(request));
    }

    @Override
    public boolean streams() {
        return model.streams();
    }

    @Override
    public ChatResponse stream(ChatRequest request, java.util.function.Consumer<String> onText) {
        return model.stream(prompted(request), onText);
    }

    /** The request as the wrapped model receives it. */
    public ChatRequest prompted(ChatRequest request) {
        List<Turn> turns = new ArrayList<>(examples.turns());
        turns.addAll(request.turns());
        String preamble = examples.preamble().strip();
        String system = request.system() == null ? preamble : preamble + "\n\n" + request.system();
        return request.withSystem(system.isEmpty() ? null : system).withTurns(turns);
    }

    /** The examples' human turns come before every conversation's own. */
    @Override
    public int maxRequestsPerCall(int humanTurns) {
        int examplesHuman = (int) examples.turns().stream()
                .filter(turn -> turn.speaker() == org.redteam4j.core.transcript.Speaker.HUMAN).count();
        return model.maxRequestsPerCall(humanTurns + examplesHuman);
    }

    public Transcript examples() {
        return examples;
    }

    @Override
    public String id() {
        return name + "(" + model.id() + ")";
    }
}
