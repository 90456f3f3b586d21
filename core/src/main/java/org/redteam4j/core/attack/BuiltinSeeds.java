package org.redteam4j.core.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The seeds that ship with redteam4j: at least ten per content tag of the paper's taxonomy (see builtin-seeds.tsv). */
public final class BuiltinSeeds {

    private BuiltinSeeds() {
    }

    public static List<Seed> all() {
        List<Seed> seeds = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BuiltinSeeds.class.getResourceAsStream("builtin-seeds.tsv"), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 2);
                seeds.add(new Seed(fields[1], "builtin-" + (++n), null, null, List.of(fields[0]), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }
}
