package org.redteam4j.core.attack;

import java.util.List;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.transcript.Turn;

/**
 * What one attack spent on its target, counted per response: a stateful application replayed to
 * takes more than one request a call, and {@link ChatResponse#requests()} says how many.
 */
final class TargetSpend {

    private int requests;
    private TokenUsage usage = TokenUsage.NONE;

    /** Sends the request and counts what its response took. */
    ChatResponse send(ChatModel target, ChatRequest request) {
        ChatResponse response = target.chat(request);
        requests += response.requests();
        usage = usage.plus(response.usage());
        return response;
    }

    int requests() {
        return requests;
    }

    /** The run of an attack whose target saw {@code conversation}, with its attacker's view. */
    AttackRun run(List<Turn> conversation, AttackTrace trace) {
        return new AttackRun(conversation, requests, usage).withTrace(trace);
    }
}
