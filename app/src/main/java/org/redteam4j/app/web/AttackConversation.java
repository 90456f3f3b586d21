package org.redteam4j.app.web;

import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.transcript.Transcript;
import org.redteam4j.core.transcript.Turn;

/**
 * An automated attack's conversation as the pages show it: the turns before the judged reply, and
 * the reply. From the stored transcript, or from the prompt and the reply when there is none.
 */
record AttackConversation(List<Turn> before, String reply) {

    static AttackConversation of(String transcript, String prompt, String reply) {
        List<Turn> turns = transcript == null ? List.of() : Transcript.parse(transcript).turns();
        if (turns.isEmpty()) {
            return new AttackConversation(prompt == null ? List.of() : List.of(Turn.human(prompt)), reply == null ? "" : reply);
        }
        List<Turn> before = new ArrayList<>(turns);
        if (before.get(before.size() - 1).isAssistant()) {
            before.remove(before.size() - 1);
        }
        return new AttackConversation(before, reply == null ? "" : reply);
    }
}
