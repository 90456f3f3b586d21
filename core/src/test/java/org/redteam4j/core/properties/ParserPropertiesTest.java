package org.redteam4j.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.transcript.Transcript;

/**
 * Properties of the parsers on generated input: transcripts round-trip exactly, and the data file
 * readers either read records or fail with the documented {@link BadInput} — never another
 * exception, whatever the bytes.
 */
class ParserPropertiesTest {

    /** Fragments that hit the parsers' edges: markers with and without spaces, JSON and CSV syntax, markup. */
    private static final List<String> FRAGMENTS = List.of("\n\nHuman:", "\n\nAssistant:", "Human: ", "Assistant:", " ", "\n",
            "\r\n", "hello", "é", "😀", "<script>alert(1)</script>", "{", "}", "[", "]", "\"", "\\", ":", ",", "null", "true",
            "1e309", "-0", "\"transcript\"", "\"rating\"", "\"chosen\"", "\"rejected\"", "\"tags\"", "Behavior", "\u0000", "\u2028",
            "FunctionalCategory", "standard", "\t");

    @Provide
    Arbitrary<String> edgy() {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(8));
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("\"x\"", "null", "3", "-1.5", "[]", "{}", "true",
                "\"\\n\\nHuman: hi\\n\\nAssistant: no\"", "[\"a\"]", "\"2.7B\"", "\"plain lm\"", "\"rlhf\"", "99999999999999999999"));
        Arbitrary<String> key = Arbitraries.of("transcript", "rating", "model_type", "num_params", "task_description", "tags",
                "min_harmlessness_score_transcript", "red_team_member_id", "is_upworker", "chosen", "rejected", "other");
        Arbitrary<String> record = Arbitraries.maps(key, value).ofMaxSize(10).map(fields -> {
            StringBuilder json = new StringBuilder("{");
            fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return json.append('}').toString();
        });
        Arbitrary<String> array = record.list().ofMaxSize(5).map(records -> "[" + String.join(",", records) + "]");
        Arbitrary<String> lines = record.list().ofMaxSize(5).map(records -> String.join("\n", records));
        Arbitrary<String> broken = Arbitraries.oneOf(array, lines).flatMap(text -> Arbitraries.integers().between(0, text.length())
                .map(cut -> text.substring(0, cut)));
        return Arbitraries.oneOf(array, lines, broken);
    }

    @Property(tries = 500)
    void transcriptsRoundTripExactly(@ForAll("edgy") String text) {
        assertThat(Transcript.parse(text).text()).isEqualTo(text);
    }

    @Property(tries = 300)
    void attemptFilesReadOrFailWithADatasetError(@ForAll("jsonish") String text) throws IOException {
        readAllOrDatasetError(text, Datasets::redTeamAttempts);
    }

    @Property(tries = 200)
    void attemptFilesOfArbitraryTextReadOrFailWithADatasetError(@ForAll("edgy") String text) throws IOException {
        readAllOrDatasetError(text, Datasets::redTeamAttempts);
    }

    @Property(tries = 300)
    void preferencePairFilesReadOrFailWithADatasetError(@ForAll("jsonish") String text) throws IOException {
        readAllOrDatasetError(text, Datasets::preferencePairs);
    }

    @Property(tries = 200)
    void harmBenchCsvReadsOrFailsWithADatasetError(@ForAll("edgy") String text) throws IOException {
        readAllOrDatasetError("Behavior,FunctionalCategory,SemanticCategory,Tags,ContextString,BehaviorID\n" + text,
                Datasets::harmBenchCsv);
    }

    @Property(tries = 200)
    void textSeedsReadOrFailWithADatasetError(@ForAll("edgy") String text) throws IOException {
        readAllOrDatasetError(text, Datasets::textSeeds);
    }

    private interface Opener {
        RecordReader<?> open(Path path);
    }

    private static void readAllOrDatasetError(String text, Opener opener) throws IOException {
        Path file = Files.createTempFile("property", ".json");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try (RecordReader<?> reader = opener.open(file)) {
                int records = 0;
                while (reader.read() != null) {
                    records++;
                    assertThat(records).as("records from %d characters", text.length()).isLessThanOrEqualTo(text.length() + 1);
                }
            } catch (BadInput expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        } finally {
            Files.delete(file);
        }
    }
}
