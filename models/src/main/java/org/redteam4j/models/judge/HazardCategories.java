package org.redteam4j.models.judge;

import java.util.List;
import java.util.Optional;

/**
 * The MLCommons hazard taxonomy as Llama Guard 3 and 4 name it: codes {@code S1}…{@code S14}. A
 * code outside it means the guard model speaks another taxonomy, so its answer is not read.
 */
final class HazardCategories {

    private static final List<String> NAMES = List.of("Violent Crimes", "Non-Violent Crimes", "Sex-Related Crimes",
            "Child Sexual Exploitation", "Defamation", "Specialized Advice", "Privacy", "Intellectual Property",
            "Indiscriminate Weapons", "Hate", "Suicide & Self-Harm", "Sexual Content", "Elections", "Code Interpreter Abuse");

    private HazardCategories() {
    }

    /** The name of {@code code} ({@code S1} → Violent Crimes), or empty when it is not a code of the taxonomy. */
    static Optional<String> name(String code) {
        if (!code.matches("S[1-9][0-9]?")) {
            return Optional.empty();
        }
        int number = Integer.parseInt(code.substring(1));
        return number <= NAMES.size() ? Optional.of(NAMES.get(number - 1)) : Optional.empty();
    }
}
