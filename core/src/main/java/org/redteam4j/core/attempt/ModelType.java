package org.redteam4j.core.attempt;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The paper's four model types, with the labels the hh-rlhf data uses for them. */
public enum ModelType {
    PLAIN_LM("plain lm"),
    CONTEXT_DISTILLATION("context distillation"),
    REJECTION_SAMPLING("rejection sampling"),
    RLHF("rlhf");

    private final String label;

    ModelType(String label) {
        this.label = label;
    }

    /** The value of {@code model_type} in hh-rlhf files. */
    public String label() {
        return label;
    }

    public static Optional<ModelType> fromLabel(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
    }

    public static String expectedLabels() {
        return Arrays.stream(values()).map(type -> '"' + type.label + '"').collect(Collectors.joining(", "));
    }
}
