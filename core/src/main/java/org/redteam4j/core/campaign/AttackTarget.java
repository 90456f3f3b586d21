package org.redteam4j.core.campaign;

import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.Sampling;

/** A target as a campaign uses it: its name in results, its model (limits applied) and sampling. */
public record AttackTarget(String name, ChatModel model, Sampling sampling) {
}
