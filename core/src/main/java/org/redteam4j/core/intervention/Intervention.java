package org.redteam4j.core.intervention;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The safety measure a target wraps its model in: the paper's plain, prompted and rejection-sampling LMs. */
public enum Intervention {
    /** The model as it is, no prompt added. */
    NONE("none", CandidateRule.TWO_SAMPLES),
    PLAIN("plain", CandidateRule.TWO_SAMPLES),
    PROMPTED("prompted", CandidateRule.TWO_SAMPLES),
    REJECTION_SAMPLING("rejection-sampling", CandidateRule.LEAST_HARMFUL_OF_K);

    private final String id;
    private final CandidateRule candidateRule;

    Intervention(String id, CandidateRule candidateRule) {
        this.id = id;
        this.candidateRule = candidateRule;
    }

    public String id() {
        return id;
    }

    /** How the workbench draws the two replies a member sees from a model wrapped in this intervention. */
    public CandidateRule candidateRule() {
        return candidateRule;
    }

    public static Optional<Intervention> fromId(String id) {
        return Arrays.stream(values()).filter(intervention -> intervention.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Intervention::id).collect(Collectors.joining(", "));
    }
}
