package org.redteam4j.core.attack;

import java.util.ArrayList;
import java.util.List;

/** The seeds that ship with redteam4j: at least ten per content tag of the paper's taxonomy (see builtin-seeds.tsv). */
public final class BuiltinSeeds {

    private BuiltinSeeds() {
    }

    public static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        for (ResourceTable.Row row : ResourceTable.rows(BuiltinSeeds.class, "builtin-seeds.tsv", "tag", "seed")) {
            // builtin-N, N the seed's place in the file: stored results are keyed by it
            seeds.add(new Seed(row.cell(1), "builtin-" + (seeds.size() + 1), null, null, List.of(row.cell(0)), null));
        }
        return seeds;
    }
}
