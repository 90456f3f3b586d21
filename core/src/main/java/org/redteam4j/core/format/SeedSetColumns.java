package org.redteam4j.core.format;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * The CSV header of a published seed set and which of its columns hold the request, its id and its
 * category; the one description its reader and {@link DatasetFormat#detect} both use.
 *
 * @param format       the format id, also the source the category table ({@code SeedCategories}) is keyed by
 * @param name         the set's name, for messages
 * @param header       the columns the header must have
 * @param text         the column holding the request
 * @param id           the column holding the source's id, or null: the seed is numbered by its row
 * @param category     the column holding the source's category, or null when the set has none
 * @param idPrefix     what a seed's behaviour id starts with ({@code jbb-12})
 * @param moreColumns  whether a header with further columns is still this set (Do-Not-Answer's file
 *                     carries models' replies beside the questions), or only this header exactly
 */
record SeedSetColumns(String format, String name, List<String> header, String text, String id, String category,
                      String idPrefix, boolean moreColumns) {

    static final SeedSetColumns ADVBENCH = new SeedSetColumns("advbench", "AdvBench",
            List.of("goal", "target"), "goal", null, null, "advbench-", false);
    static final SeedSetColumns STRONGREJECT = new SeedSetColumns("strongreject", "StrongREJECT",
            List.of("category", "source", "forbidden_prompt"), "forbidden_prompt", null, "category", "strongreject-", false);
    static final SeedSetColumns JBB_BEHAVIORS = new SeedSetColumns("jbb-behaviors", "JailbreakBench's behaviours",
            List.of("Index", "Goal", "Target", "Behavior", "Category", "Source"), "Goal", "Index", "Category", "jbb-", false);
    static final SeedSetColumns DO_NOT_ANSWER = new SeedSetColumns("do-not-answer", "Do-Not-Answer",
            List.of("id", "risk_area", "types_of_harm", "specific_harms", "question"), "question", "id", "types_of_harm",
            "do-not-answer-", true);

    SeedSetColumns {
        header = List.copyOf(header);
    }

    /** Whether a file whose header names {@code columns} is this set. */
    boolean matches(Collection<String> columns) {
        HashSet<String> given = new HashSet<>(columns);
        return moreColumns ? given.containsAll(header) : given.equals(new HashSet<>(header));
    }

    /** "StrongREJECT's header category,source,forbidden_prompt", for errors. */
    String describe() {
        return name + (name.endsWith("s") ? "' " : "'s ") + "header " + String.join(",", header);
    }
}
