package org.redteam4j.store.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Arrays;
import java.util.List;
import org.redteam4j.core.format.Json;

/**
 * How a seed's tags sit in the {@code seeds.tags} column: a JSON array, because tags can hold commas
 * (the paper's "Non-violent unethical behavior (e.g. lying, cheating, etc.)", StrongREJECT's "Hate,
 * harassment and discrimination"). Rows written before were joined with commas and are still read.
 */
final class SeedTagsColumn {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private SeedTagsColumn() {
    }

    static String write(List<String> tags) {
        if (tags.isEmpty()) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    static List<String> read(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        if (!column.startsWith("[")) { // an older row: HarmBench's tags never start with '['
            return Arrays.asList(column.split(","));
        }
        try {
            return Json.mapper().readValue(column, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seeds.tags holds neither a JSON array nor comma-joined tags: " + column, e);
        }
    }
}
