package org.redteam4j.app.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.secrets.Redacted;
import org.redteam4j.core.secrets.Redaction;
import org.redteam4j.core.secrets.Secrets;

/**
 * Prints replies for people (model text escaped, simulated output marked) or as JSON, always with
 * every configured secret redacted; a secret found is said on stderr, and in JSON's {@code redacted}.
 */
final class ChatPrinter {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final Supplier<Secrets> secrets;

    /** @param secrets asked each time: a target's key is known once the target is built */
    ChatPrinter(PrintWriter out, PrintWriter err, boolean json, Supplier<Secrets> secrets) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.secrets = secrets;
    }

    void print(Target target, ChatResponse response) {
        Secrets known = secrets.get();
        Set<String> found = new LinkedHashSet<>();
        List<Reply> shown = new ArrayList<>(response.replies().size());
        for (Reply reply : response.replies()) {
            Redacted text = known.scan(reply.text());
            found.addAll(text.found());
            shown.add(new Reply(text.text(), reply.finishReason(), reply.harmlessnessScore()));
        }
        ChatResponse redacted = response.withReplies(shown);
        if (json) {
            ObjectNode root = json(target, redacted);
            ArrayNode names = root.putArray("redacted"); // always present: empty when no secret was in a reply
            found.forEach(names::add);
            out.println(root);
        } else {
            text(target, redacted);
        }
        out.flush();
        for (String name : found) {
            err.println("Warning: " + new Redaction(name, "reply").finding() + "; it is shown as " + Secrets.mark(name) + ".");
        }
        err.flush();
    }

    /** A reply printed as it arrives. */
    Streamed streaming(Target target) {
        return new Streamed(target);
    }

    /**
     * Prints a streamed reply piece by piece, escaped for the terminal. A configured secret may
     * arrive split over pieces, so what could still be the start of one is held back until the
     * text after it settles it ({@link Secrets#settled}), and every piece printed is redacted.
     */
    final class Streamed {
        private final Target target;
        private final Secrets known = secrets.get();
        private final StringBuilder pending = new StringBuilder();
        private final Set<String> found = new LinkedHashSet<>();
        private boolean started;

        private Streamed(Target target) {
            this.target = target;
        }

        void piece(String text) {
            if (!started && target.simulated()) {
                out.print("[simulated] ");
            }
            started = true;
            pending.append(text);
            int cut = known.settled(pending);
            if (cut > 0) {
                Redacted shown = known.scan(pending.substring(0, cut));
                found.addAll(shown.found());
                out.print(TerminalText.escape(shown.text()));
                out.flush();
                pending.delete(0, cut);
            }
        }

        void end(ChatResponse response) {
            Redacted rest = known.scan(pending.toString());
            found.addAll(rest.found());
            out.println(TerminalText.escape(rest.text()));
            out.printf("(%s, %d ms, tokens in %,d / out %,d)%n", TerminalText.line(target.name()),
                    response.latency().toMillis(), response.usage().inputTokens(), response.usage().outputTokens());
            out.flush();
            for (String name : found) {
                err.println("Warning: " + new Redaction(name, "reply").finding() + "; it is shown as " + Secrets.mark(name) + ".");
            }
            err.flush();
        }
    }

    private void text(Target target, ChatResponse response) {
        String mark = response.simulated() ? "[simulated] " : "";
        int n = response.replies().size();
        for (int i = 0; i < n; i++) {
            Reply reply = response.replies().get(i);
            if (n > 1) {
                out.printf("%s--- reply %d of %d%s%n", mark, i + 1, n,
                        reply.harmlessnessScore() == null ? "" : String.format(" (harmlessness %.3f)", reply.harmlessnessScore()));
            } else if (!mark.isEmpty()) {
                out.print(mark);
            }
            out.println(TerminalText.escape(reply.text()));
        }
        out.printf("(%s, %d ms, tokens in %,d / out %,d)%n", TerminalText.line(target.name()),
                response.latency().toMillis(), response.usage().inputTokens(), response.usage().outputTokens());
    }

    private static ObjectNode json(Target target, ChatResponse response) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("target", target.name());
        root.put("model", response.model());
        root.put("model_type", target.modelType().label());
        root.put("simulated", response.simulated());
        root.put("latency_ms", response.latency().toMillis());
        root.putObject("usage").put("input_tokens", response.usage().inputTokens())
                .put("output_tokens", response.usage().outputTokens());
        ArrayNode replies = root.putArray("replies");
        for (Reply reply : response.replies()) {
            ObjectNode node = replies.addObject().put("text", reply.text()).put("finish_reason", reply.finishReason());
            if (reply.harmlessnessScore() != null) {
                node.put("harmlessness_score", reply.harmlessnessScore());
            }
        }
        return root;
    }
}
