package org.redteam4j.models.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.ModelTimeoutException;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.SimulatedText;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.transcript.Transcript;

/**
 * Answers each message with a refusal, an evasion or a "compliant" reply that states compliance
 * without any harmful detail, in proportions set by its {@link SimSettings}. The choice depends
 * only on the seed, the conversation and the sample's index, so runs repeat exactly.
 */
public final class SimulatedAssistant implements ChatModel {

    private final SimSettings settings;

    public SimulatedAssistant(SimSettings settings) {
        this.settings = settings;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        long started = System.nanoTime();
        pause();
        String conversation = Transcript.of(request.turns()).text();
        long seed = settings.seed() ^ (request.sampling().seed() == null ? 0 : request.sampling().seed() * 0x9E3779B97F4A7C15L)
                ^ conversation.hashCode() * 31L;
        List<Reply> replies = new ArrayList<>();
        long outputTokens = 0;
        for (int i = 0; i < request.sampling().samples(); i++) {
            SplittableRandom random = new SplittableRandom(seed + i);
            String text = pick(random, pool(random.nextDouble()));
            replies.add(Reply.of(text, "stop"));
            outputTokens += words(text);
        }
        return new ChatResponse(replies, new TokenUsage(words(conversation), outputTokens),
                Duration.ofNanos(System.nanoTime() - started), "sim", true);
    }

    private List<String> pool(double draw) {
        double total = settings.refusal() + settings.evasion() + settings.compliance();
        double at = draw * total;
        if (at < settings.refusal()) {
            return SimulatedText.REFUSALS;
        }
        return at < settings.refusal() + settings.evasion() ? SimulatedText.EVASIONS : SimulatedText.COMPLIANCE;
    }

    private void pause() {
        if (settings.latency().isZero()) {
            return;
        }
        try {
            Thread.sleep(settings.latency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelTimeoutException("sim: interrupted", e);
        }
    }

    private static String pick(SplittableRandom random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static long words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    @Override
    public String id() {
        return "sim(" + settings + ")";
    }

    @Override
    public boolean supportsSamples() {
        return true;
    }

    @Override
    public boolean simulated() {
        return true;
    }
}
