package org.redteam4j.core.intervention;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The safety measure a target wraps its model in: the paper's plain, prompted and rejection-sampling LMs. */
public enum Intervention {
    /** The model as it is, no prompt added. */
    NONE("none"),
    PLAIN("plain"),
    PROMPTED("prompted"),
    REJECTION_SAMPLING("rejection-sampling");

    private final String id;

    Intervention(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Intervention> fromId(String id) {
        return Arrays.stream(values()).filter(intervention -> intervention.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Intervention::id).collect(Collectors.joining(", "));
    }
}
