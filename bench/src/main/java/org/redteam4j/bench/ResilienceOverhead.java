package org.redteam4j.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.openai.OpenAiCompatibleChatModel;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientChatModel;

/**
 * What the resilience layer (retry, bulkhead, rate limiter) adds to one successful call against
 * a loopback OpenAI-compatible server: the same calls with and without it, alternated in blocks
 * so that both see the same machine noise. Prints per-call medians and their ratio.
 */
public final class ResilienceOverhead {

    private static final int BLOCKS = 20;
    private static final int CALLS_PER_BLOCK = 200;
    /** 600 million a minute: one permit every 0.1 us, so the limiter is exercised but never waits. */
    private static final int UNBINDING_RATE = 600_000_000;

    private ResilienceOverhead() {
    }

    public static void main(String[] args) throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.json("{\"choices\": [{\"message\": {\"content\": \"ok\"}, \"finish_reason\": \"stop\"}]}"));
            ChatModel bare = new OpenAiCompatibleChatModel("bench", server.url("/v1"), null, Duration.ofSeconds(10));
            ChatModel resilient = new ResilientChatModel(bare, policy(UNBINDING_RATE));
            ChatRequest request = ChatRequest.of(List.of(Turn.human("hello")), Sampling.DEFAULT);

            for (int i = 0; i < 2_000; i++) { // warm up the JIT, the connection pool and the server
                bare.chat(request);
                resilient.chat(request);
            }
            double[] bareBlocks = new double[BLOCKS];
            double[] resilientBlocks = new double[BLOCKS];
            for (int block = 0; block < BLOCKS; block++) {
                bareBlocks[block] = microsPerCall(bare, request);
                resilientBlocks[block] = microsPerCall(resilient, request);
            }
            double bareMedian = median(bareBlocks);
            double resilientMedian = median(resilientBlocks);
            System.out.printf("calls: %d blocks x %d calls each, alternated%n", BLOCKS, CALLS_PER_BLOCK);
            System.out.printf("bare HTTP call:       %8.1f us per call (median of blocks)%n", bareMedian);
            System.out.printf("with resilience:      %8.1f us per call (median of blocks)%n", resilientMedian);
            System.out.printf("overhead:             %8.1f us per call; ratio resilient/bare = %.3f%n",
                    resilientMedian - bareMedian, resilientMedian / bareMedian);
        }
        layerAlone();
    }

    /** The layer's own cost, around a model that answers at once from memory. */
    private static void layerAlone() {
        ChatResponse canned = new ChatResponse(List.of(Reply.of("ok", "stop")), TokenUsage.NONE, Duration.ZERO, "mem", false);
        ChatModel instant = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return canned;
            }

            @Override
            public String id() {
                return "in-memory";
            }
        };
        ChatRequest request = ChatRequest.of(List.of(Turn.human("hello")), Sampling.DEFAULT);
        for (int rate : new int[] {0, UNBINDING_RATE}) {
            ChatModel wrapped = new ResilientChatModel(instant, policy(rate));
            for (int i = 0; i < 200_000; i++) {
                instant.chat(request);
                wrapped.chat(request);
            }
            double[] bare = new double[BLOCKS];
            double[] layered = new double[BLOCKS];
            for (int block = 0; block < BLOCKS; block++) {
                bare[block] = nanosPerCall(instant, request);
                layered[block] = nanosPerCall(wrapped, request);
            }
            System.out.printf("layer alone, %-22s %6.0f ns per call (in-memory model: %.0f ns bare, %.0f ns wrapped)%n",
                    rate == 0 ? "no rate limit:" : "with a rate limiter:", median(layered) - median(bare), median(bare),
                    median(layered));
        }
    }

    /** Retry and bulkhead as by default; a rate limiter (when {@code rate} > 0) far above the call rate. */
    private static ResiliencePolicy policy(int requestsPerMinute) {
        return new ResiliencePolicy(Duration.ofSeconds(10), 4, Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(60), 4, requestsPerMinute);
    }

    private static double nanosPerCall(ChatModel model, ChatRequest request) {
        int calls = 100_000;
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            model.chat(request);
        }
        return (double) (System.nanoTime() - started) / calls;
    }

    private static double microsPerCall(ChatModel model, ChatRequest request) {
        long started = System.nanoTime();
        for (int i = 0; i < CALLS_PER_BLOCK; i++) {
            model.chat(request);
        }
        return (System.nanoTime() - started) / 1e3 / CALLS_PER_BLOCK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2] + sorted[(sorted.length - 1) / 2]) / 2;
    }
}
