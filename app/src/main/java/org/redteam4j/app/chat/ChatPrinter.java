package org.redteam4j.app.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.redteam4j.app.cli.TerminalText;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.format.Json;

/** Prints replies for people (model text escaped, simulated output marked) or as JSON. */
final class ChatPrinter {

    private final PrintWriter out;
    private final boolean json;

    ChatPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(Target target, ChatResponse response) {
        if (json) {
            out.println(json(target, response));
        } else {
            text(target, response);
        }
        out.flush();
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

    private static String json(Target target, ChatResponse response) {
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
        return root.toString();
    }
}
