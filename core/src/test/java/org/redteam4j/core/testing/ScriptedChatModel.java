package org.redteam4j.core.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.transcript.Speaker;

/**
 * A ChatModel for strategy tests: answers each request with a function of it (a target that reads
 * its prompt, an attacker that follows a script), records every request, and spends 10 input and
 * 2 output tokens a response. {@link #replaying()} makes it a stateful application replayed to:
 * each response then takes one request per human turn of its conversation.
 */
public final class ScriptedChatModel implements ChatModel {

    private final Function<ChatRequest, String> answer;
    private final boolean replaying;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    private ScriptedChatModel(Function<ChatRequest, String> answer, boolean replaying) {
        this.answer = answer;
        this.replaying = replaying;
    }

    public static ScriptedChatModel answering(Function<ChatRequest, String> answer) {
        return new ScriptedChatModel(answer, false);
    }

    /** The same answers, as an application that is replayed the whole conversation on every call. */
    public ScriptedChatModel replaying() {
        return new ScriptedChatModel(answer, true);
    }

    public static final TokenUsage USAGE = new TokenUsage(10, 2);

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        int humans = (int) request.turns().stream().filter(t -> t.speaker() == Speaker.HUMAN).count();
        return new ChatResponse(List.of(Reply.of(answer.apply(request), "stop")), USAGE, Duration.ofMillis(1), "scripted", false,
                replaying ? humans : 1);
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The last human message of each request, in order. */
    public List<String> prompts() {
        return requests.stream().map(r -> r.turns().get(r.turns().size() - 1).text()).toList();
    }

    @Override
    public String id() {
        return "scripted";
    }
}
