package org.redteam4j.core.attack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redteam4j.core.attempt.Tags;

/**
 * The one table mapping the categories of published seed sets onto the paper's tags
 * ({@code seed-categories.tsv}). A category the table does not map is tagged {@code Other}.
 */
public final class SeedCategories {

    public static final String OTHER = "Other";

    private static final Map<String, String> TABLE = load();

    private SeedCategories() {
    }

    /** The paper's tag for {@code category} of {@code source} (a format id), or {@code Other}. */
    public static String tag(String source, String category) {
        if (category == null) {
            return OTHER;
        }
        return TABLE.getOrDefault(key(source, category), OTHER);
    }

    /**
     * A seed's tags: the paper's tag first ({@code CampaignPlan.tag} groups by it), then the
     * source's own category when there is one and it is not the same words.
     */
    public static List<String> tags(String source, String category) {
        String tag = tag(source, category);
        List<String> tags = new ArrayList<>(List.of(tag));
        if (category != null && !category.isBlank() && !category.strip().equalsIgnoreCase(tag)) {
            tags.add(category.strip());
        }
        return List.copyOf(tags);
    }

    private static String key(String source, String category) {
        return source + "\t" + category.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> load() {
        Map<String, String> table = new HashMap<>();
        // the table ships with redteam4j: a wrong row is a bug, caught by the first test that loads it
        for (ResourceTable.Row row : ResourceTable.rows(SeedCategories.class, "seed-categories.tsv", "source", "category", "tag")) {
            if (!Tags.ALL.contains(row.cell(2))) {
                throw new IllegalStateException(row.where() + "'" + row.cell(2) + "' is not one of the paper's tags " + Tags.ALL);
            }
            if (table.put(key(row.cell(0), row.cell(1)), row.cell(2)) != null) {
                throw new IllegalStateException(row.where() + row.cell(0) + " category '" + row.cell(1) + "' is mapped twice");
            }
        }
        return Map.copyOf(table);
    }
}
