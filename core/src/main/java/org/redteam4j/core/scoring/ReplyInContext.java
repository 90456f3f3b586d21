package org.redteam4j.core.scoring;

import java.util.List;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;

/** An assistant reply and the conversation before it: what the preference model scores. */
public record ReplyInContext(List<Turn> context, String reply) {

    public ReplyInContext {
        context = List.copyOf(context);
    }

    /** The human's last message before the reply, or empty text when there is none. */
    public String lastHuman() {
        for (int i = context.size() - 1; i >= 0; i--) {
            if (context.get(i).speaker() == Speaker.HUMAN) {
                return context.get(i).text();
            }
        }
        return "";
    }
}
