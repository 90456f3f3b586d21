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

/** A ChatModel that answers each request with what a function computes from it (a scripted attacker or target), recording every request. */
public final class ScriptedModel implements ChatModel {

    private final Function<ChatRequest, String> answer;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

    public ScriptedModel(Function<ChatRequest, String> answer) {
        this.answer = answer;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        return new ChatResponse(List.of(Reply.of(answer.apply(request), "stop")), new TokenUsage(7, 3), Duration.ofMillis(1),
                "scripted", false);
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The text of the last turn of request {@code i} (what an attacker or target was just asked). */
    public String asked(int i) {
        List<org.redteam4j.core.transcript.Turn> turns = requests.get(i).turns();
        return turns.get(turns.size() - 1).text();
    }

    @Override
    public String id() {
        return "scripted";
    }
}
