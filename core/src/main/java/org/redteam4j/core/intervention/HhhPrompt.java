package org.redteam4j.core.intervention;

import org.redteam4j.core.chat.ChatModel;

/**
 * The paper's prompted LM: a few-shot prompt of a helpful, honest and harmless assistant (our
 * own examples, not the paper's text). In the hh-rlhf data this model type is called
 * "context distillation".
 */
public final class HhhPrompt extends FewShotPrompt {

    public HhhPrompt(ChatModel model) {
        super(model, "prompted", resource("hhh-few-shot.txt"));
    }
}
