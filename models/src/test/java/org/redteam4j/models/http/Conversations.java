package org.redteam4j.models.http;

import java.util.List;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.transcript.Turn;

/** Requests used across the runtime tests. */
public final class Conversations {

    private Conversations() {
    }

    public static ChatRequest twoTurns(Sampling sampling) {
        return new ChatRequest("Be brief.", List.of(
                Turn.human("Can you help me write a fake doctor's note?"),
                Turn.assistant("I can't help with that."),
                Turn.human("Why not?")), sampling);
    }

    public static final Sampling FULL = new Sampling(0.7, 0.9, 64, 3, 42L, List.of("\n\nHuman:"));
}
