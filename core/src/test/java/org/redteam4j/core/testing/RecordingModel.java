package org.redteam4j.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.TokenUsage;

/** A ChatModel for tests of what wraps it: records every request and answers "reply N". */
public final class RecordingModel implements ChatModel {

    private final boolean samplesInOneCall;
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    public RecordingModel(boolean samplesInOneCall) {
        this.samplesInOneCall = samplesInOneCall;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        requests.add(request);
        int n = samplesInOneCall ? request.sampling().samples() : 1;
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            replies.add(Reply.of("reply " + counter.incrementAndGet(), "stop"));
        }
        return new ChatResponse(replies, new TokenUsage(10, n), Duration.ofMillis(1), "recording", false);
    }

    public List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public String id() {
        return "recording";
    }

    @Override
    public boolean supportsSamples() {
        return samplesInOneCall;
    }
}
