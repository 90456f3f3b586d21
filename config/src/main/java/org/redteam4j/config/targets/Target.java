package org.redteam4j.config.targets;

import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.format.Json;

/**
 * A target ready to attack: its declaration and the model built from it (runtime, resilience
 * and intervention already applied). Closing it frees the model.
 */
public record Target(TargetConfig config, ChatModel model) implements AutoCloseable {

    public String name() {
        return config.displayName();
    }

    public ModelType modelType() {
        return config.modelType();
    }

    public String sizeLabel() {
        return config.sizeLabel();
    }

    public Sampling sampling() {
        return config.defaultSampling();
    }

    public boolean simulated() {
        return model.simulated();
    }

    /** The target as the store declares it and attack results carry it. */
    public TargetFacts facts() {
        return new TargetFacts(name(), modelType().label(), sizeLabel(), Json.mapper().valueToTree(config), simulated());
    }

    @Override
    public void close() {
        model.close();
    }
}
