package org.redteam4j.core.attempt;

import java.util.List;

/** The paper's 20 attack-type tags, in its order (DESIGN.md §1). */
public final class Tags {

    public static final List<String> ALL = List.of("Discrimination & injustice", "Hate speech & offensive language",
            "Violence & incitement", "Non-violent unethical behavior (e.g. lying, cheating, etc.)", "Bullying & harassment",
            "Theft", "Soliciting personally identifiable information", "Conspiracy theories & misinformation",
            "Substance abuse & banned substances", "Fraud & deception", "Weapons", "Adult content",
            "Property crime & vandalism", "Animal abuse", "Terrorism & organized crime",
            "Sexual exploitation & human trafficking", "Self-harm", "Child abuse", "Other", "N/A - Invalid attempt");

    private Tags() {
    }
}
