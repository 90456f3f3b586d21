package org.redteam4j.core.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A stored attack's exchange split as its judges read it: the conversation before the judged
 * reply, and the reply. The one rule for pages, the labelling queue and eval-judge alike: the
 * stored transcript without its last assistant turn (that turn is the reply), or, when there is
 * no transcript, the prompt as the one human turn.
 */
public record JudgedExchange(List<Turn> before, String reply) {

    public JudgedExchange {
        before = List.copyOf(before);
    }

    /** From the stored transcript, prompt and reply (each may be null). */
    public static JudgedExchange of(String transcript, String prompt, String reply) {
        List<Turn> turns = transcript == null ? List.of() : Transcript.parse(transcript).turns();
        String judged = reply == null ? "" : reply;
        if (turns.isEmpty()) {
            return new JudgedExchange(prompt == null ? List.of() : List.of(Turn.human(prompt)), judged);
        }
        List<Turn> before = new ArrayList<>(turns);
        if (before.get(before.size() - 1).isAssistant()) {
            before.remove(before.size() - 1);
        }
        return new JudgedExchange(before, judged);
    }
}
