package org.redteam4j.api.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.NonRetriableException;
import org.redteam4j.core.chat.TokenUsage;

/** A user's {@link ChatTarget} as the engine's {@link ChatModel}: {@code java:NAME}. */
public final class InProcessChatModel implements ChatModel {

    /** The target threw: this attack fails as an error, the campaign goes on. */
    static final class TargetFailed extends NonRetriableException {

        private static final long serialVersionUID = 1L;

        TargetFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String name;
    private final ChatTarget target;

    public InProcessChatModel(String name, ChatTarget target) {
        this.name = name;
        this.target = target;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        List<Turn> conversation = conversation(request);
        long started = System.nanoTime();
        List<org.redteam4j.core.chat.Reply> replies = new ArrayList<>();
        TokenUsage usage = TokenUsage.NONE;
        for (int i = 0; i < request.sampling().samples(); i++) {
            Reply reply = reply(conversation);
            replies.add(org.redteam4j.core.chat.Reply.of(reply.text(), "stop"));
            usage = usage.plus(new TokenUsage(reply.inputTokens(), reply.outputTokens()));
        }
        // one call of the target per sample: budgets and the stored spend count each
        return new ChatResponse(replies, usage, Duration.ofNanos(System.nanoTime() - started), id(), false, replies.size());
    }

    private Reply reply(List<Turn> conversation) {
        Reply reply;
        try {
            reply = target.reply(conversation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetFailed("target " + name + " was interrupted", e);
        } catch (Exception | LinkageError | AssertionError e) {
            throw new TargetFailed("target " + name + " threw " + e, e);
        }
        if (reply == null) {
            throw new TargetFailed("target " + name + " returned no reply (null)", null);
        }
        return reply;
    }

    /** The system prompt first, then the conversation's turns; the human's are the red team's (USER). */
    static List<Turn> conversation(ChatRequest request) {
        List<Turn> turns = new ArrayList<>();
        String system = request.system();
        if (system != null && !system.isEmpty()) {
            turns.add(Turn.system(system));
        }
        for (org.redteam4j.core.transcript.Turn turn : request.turns()) {
            turns.add(turn.isAssistant() ? Turn.assistant(turn.text()) : Turn.user(turn.text()));
        }
        return List.copyOf(turns);
    }

    @Override
    public String id() {
        return "java:" + name;
    }
}
