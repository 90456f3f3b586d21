package org.redteam4j.core.intervention;

import org.redteam4j.core.chat.ChatModel;

/** The paper's plain LM: one short example conversation before the member's, nothing about values. */
public final class PlainPrompt extends FewShotPrompt {

    public PlainPrompt(ChatModel model) {
        super(model, "plain", resource("plain-1shot.txt"));
    }
}
