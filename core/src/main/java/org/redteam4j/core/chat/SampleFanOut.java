package org.redteam4j.core.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Draws n samples from a model: in one call when it can, else as concurrent single-sample calls.
 * Servers that accept {@code n} but return fewer replies (some OpenAI-compatible servers ignore
 * it) get the missing ones drawn singly.
 */
public final class SampleFanOut {

    private SampleFanOut() {
    }

    public static ChatResponse draw(ChatModel model, ChatRequest request, ExecutorService workers) {
        int n = request.sampling().samples();
        if (n == 1) {
            return model.chat(request);
        }
        long started = System.nanoTime();
        List<ChatResponse> parts = new ArrayList<>();
        int drawn = 0;
        if (model.supportsSamples()) {
            ChatResponse together = model.chat(request);
            parts.add(together);
            drawn = together.replies().size();
        }
        if (drawn < n) {
            parts.addAll(singly(model, request, drawn, n - drawn, workers));
        }
        List<Reply> replies = new ArrayList<>(n);
        TokenUsage usage = TokenUsage.NONE;
        int requests = 0;
        for (ChatResponse part : parts) {
            replies.addAll(part.replies());
            usage = usage.plus(part.usage());
            requests += part.requests();
        }
        return new ChatResponse(replies.subList(0, n), usage, Duration.ofNanos(System.nanoTime() - started),
                parts.get(parts.size() - 1).model(), model.simulated(), requests);
    }

    private static List<ChatResponse> singly(ChatModel model, ChatRequest request, int offset, int count,
                                             ExecutorService workers) {
        List<CompletableFuture<ChatResponse>> calls = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sampling one = request.sampling().withSamples(1);
            if (one.seed() != null) {
                one = one.withSeed(one.seed() + offset + i); // distinct but reproducible samples
            }
            ChatRequest single = request.withSampling(one);
            calls.add(CompletableFuture.supplyAsync(() -> model.chat(single), workers));
        }
        List<ChatResponse> responses = new ArrayList<>(count);
        try {
            for (CompletableFuture<ChatResponse> call : calls) {
                responses.add(call.join());
            }
        } catch (CompletionException e) {
            calls.forEach(call -> call.cancel(true));
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        return responses;
    }
}
