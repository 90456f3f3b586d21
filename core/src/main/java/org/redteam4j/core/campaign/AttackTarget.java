package org.redteam4j.core.campaign;

import org.redteam4j.core.target.ChatModel;
import org.redteam4j.core.target.Sampling;

/** A target as a campaign uses it: its name in results, its model (limits applied) and sampling. */
public record AttackTarget(String name, ChatModel model, Sampling sampling) {
}
