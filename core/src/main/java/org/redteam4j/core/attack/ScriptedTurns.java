package org.redteam4j.core.attack;

import java.util.ArrayList;
import java.util.List;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.transcript.Turn;

/**
 * Human messages fixed in advance, sent one at a time into one conversation (the target answers
 * each before the next): what split-turns and skeleton-key share. The trace has one step per turn.
 */
final class ScriptedTurns {

    /** One message and the note its trace step carries (which part, which stage). */
    record Message(String text, String note) {
    }

    private ScriptedTurns() {
    }

    static AttackRun run(ChatModel target, Sampling sampling, String technique, List<Message> messages) {
        TargetSpend spend = new TargetSpend();
        List<Turn> conversation = new ArrayList<>(2 * messages.size());
        List<AttackTrace.Step> steps = new ArrayList<>(messages.size());
        for (Message message : messages) {
            conversation.add(Turn.human(message.text()));
            String reply = spend.send(target, ChatRequest.of(conversation, sampling)).first().text();
            conversation.add(Turn.assistant(reply));
            steps.add(new AttackTrace.Step(steps.size() + 1, null, List.of(technique), message.text(), reply, true, message.note()));
        }
        return spend.run(conversation, new AttackTrace(steps, null));
    }
}
