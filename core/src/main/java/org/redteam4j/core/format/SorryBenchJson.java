package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SeedCategories;

/**
 * One record of SORRY-Bench's question file (JSON Lines of {@code {"question_id", "category",
 * "turns": [request], "prompt_style"}}) as a seed: {@code sorry-bench-ID} as behaviour id, the
 * category (a number in SORRY-Bench's files, kept as given) as semantic category, and the prompt
 * style ({@code base}, or a mutation such as a translation) as functional category — as HarmBench's
 * functional category, it says how the request is put.
 */
final class SorryBenchJson {

    static final String SOURCE = "sorry-bench";
    static final String QUESTION_ID = "question_id";
    static final String TURNS = "turns";

    private SorryBenchJson() {
    }

    static Seed read(ObjectNode node, RecordPosition position) {
        JsonFields fields = new JsonFields(node, position);
        long id = fields.integer(QUESTION_ID);
        List<String> turns = fields.nullableStrings(TURNS);
        if (turns == null || turns.size() != 1 || turns.get(0).isBlank()) {
            throw InvalidRecordException.field(position, TURNS, "expected a list of one request, got "
                    + (turns == null ? "null" : turns.size() + " entries" + (turns.size() == 1 ? " (blank)" : "")));
        }
        String category = category(node.get("category"), position);
        String style = fields.optionalString("prompt_style");
        return new Seed(turns.get(0).strip(), SOURCE + "-" + id, style, category, SeedCategories.tags(SOURCE, category), null);
    }

    /** The category as SORRY-Bench writes it ({@code "7"}), or as a number where a copy turned it into one. */
    private static String category(JsonNode value, RecordPosition position) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() && !value.textValue().isBlank()) {
            return value.textValue().strip();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw InvalidRecordException.field(position, "category", "expected a category (text or a whole number), got " + value);
    }
}
