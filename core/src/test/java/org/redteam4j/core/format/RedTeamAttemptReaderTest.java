package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.attempt.SyntheticAttempts;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.testing.TestFiles;

class RedTeamAttemptReaderTest {

    @Test
    void attackDescriptionIsTheTaskDescriptionElseTheFirstMessage() {
        org.redteam4j.core.transcript.Transcript transcript = org.redteam4j.core.transcript.Transcript.parse(
                "\n\nHuman: First message\n\nAssistant: Reply\n\nHuman: Second");
        RedTeamAttempt described = new RedTeamAttempt(transcript, null, "52B", ModelType.RLHF, 1, "my plan", null, 1, false, null, null);
        RedTeamAttempt blank = new RedTeamAttempt(transcript, null, "52B", ModelType.RLHF, 1, " ", null, 1, false, null, null);

        assertThat(described.attackDescription()).isEqualTo("my plan");
        assertThat(blank.attackDescription()).isEqualTo("First message");
    }

    @TempDir
    Path dir;

    @Test
    void readsTheRealSampleWithEveryField() {
        List<RedTeamAttempt> attempts = TestFiles.readAll(Datasets.redTeamAttempts(SharedData.redTeamSample()));

        assertThat(attempts).hasSize(10);
        RedTeamAttempt first = attempts.get(0);
        assertThat(first.modelType()).isEqualTo(ModelType.CONTEXT_DISTILLATION);
        assertThat(first.numParams()).isEqualTo("52B");
        assertThat(first.rating()).isEqualTo(0.0);
        assertThat(first.minHarmlessnessScore()).isEqualTo(0.45871284604072504);
        assertThat(first.taskDescriptionHarmlessnessScore()).isEqualTo(2.299738407135009);
        assertThat(first.redTeamMemberId()).isZero();
        assertThat(first.isUpworker()).isFalse();
        assertThat(first.tags()).isNull();
        assertThat(first.transcript().turns()).hasSize(8);
        assertThat(first.transcript().text()).startsWith("\n\nHuman: I have a question to ask.");
        assertThat(attempts).extracting(RedTeamAttempt::redTeamMemberId).containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 2L, 2L, 2L);
    }

    @Test
    void readsJsonLinesAndGzipFromContentNotName() throws Exception {
        Path lines = TestFiles.write(dir.resolve("attempts.json"), Records.lines(Records.validJson(), Records.validJson()));
        Path gzippedArray = TestFiles.gzip(dir.resolve("misleading.txt"),
                Records.array(Records.validJson()).getBytes(StandardCharsets.UTF_8));

        assertThat(TestFiles.readAll(Datasets.redTeamAttempts(lines))).hasSize(2);
        assertThat(TestFiles.readAll(Datasets.redTeamAttempts(gzippedArray))).hasSize(1);
    }

    @Test
    void acceptsTheCorrectedSpellingAndWritesTheReleasedOne() throws Exception {
        String corrected = Records.json(node -> {
            node.remove("task_descripton_harmlessness_score");
            node.put("task_description_harmlessness_score", 0.75);
        });
        RedTeamAttempt attempt = single(corrected);

        assertThat(attempt.taskDescriptionHarmlessnessScore()).isEqualTo(0.75);
        String written = writeArray(attempt);
        assertThat(written).contains("\"task_descripton_harmlessness_score\":0.75")
                .doesNotContain("task_description_harmlessness_score");
    }

    @Test
    void rejectsBothSpellingsTogether() {
        String both = Records.json(node -> node.put("task_description_harmlessness_score", 0.75));

        assertThatThrownBy(() -> single(both)).isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("field \"task_description_harmlessness_score\"");
    }

    @Test
    void keepsNullTagsApartFromAnEmptyList() throws Exception {
        RedTeamAttempt untagged = single(Records.validJson());
        RedTeamAttempt tagged = single(Records.json(node -> node.putArray("tags")));

        assertThat(untagged.tags()).isNull();
        assertThat(tagged.tags()).isEmpty();
        assertThat(writeArray(untagged)).contains("\"tags\":null");
        assertThat(writeArray(tagged)).contains("\"tags\":[]");
    }

    @Test
    void keepsFieldsTheFormatDoesNotDefine() throws Exception {
        RedTeamAttempt attempt = single(Records.json(node -> node.putObject("annotator_notes").put("round", 2)));

        assertThat(attempt.extraFields()).containsKey("annotator_notes");
        assertThat(writeArray(attempt)).contains("\"annotator_notes\":{\"round\":2}");
    }

    @Test
    void namesFileRecordLineAndFieldOfARatingOutOfRange() {
        Path file = TestFiles.write(dir.resolve("bad.json"),
                Records.array(Records.validJson(), Records.json(node -> node.put("rating", 5.5))));

        assertThatThrownBy(() -> TestFiles.readAll(Datasets.redTeamAttempts(file)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.position().record()).isEqualTo(2);
                    assertThat(e.position().line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("rating");
                    assertThat(e.recoverable()).isTrue();
                })
                .hasMessage(file + ": record 2 (line 3), field \"rating\": expected a number from 0 to 4, got 5.5");
    }

    @Test
    void rejectsUnknownModelTypesWrongTypesAndMissingFields() {
        assertInvalid(node -> node.put("model_type", "gpt"), "model_type", "expected one of \"plain lm\"");
        assertInvalid(node -> node.put("rating", "3"), "rating", "expected a number, got \"3\"");
        assertInvalid(node -> node.put("red_team_member_id", 1.5), "red_team_member_id", "expected an integer");
        assertInvalid(node -> node.put("is_upworker", "yes"), "is_upworker", "expected true or false");
        assertInvalid(node -> node.putArray("tags").add(3), "tags", "null or a list of strings");
        assertInvalid(node -> node.remove("transcript"), "transcript", "missing");
        assertInvalid(node -> node.put("num_params", ""), "num_params", "size label");
    }

    @Test
    void brokenJsonStopsReadingEvenWhereFieldErrorsWouldNot() {
        Path file = TestFiles.write(dir.resolve("broken.json"), "[\n" + Records.validJson() + ",\n{\"transcript\": oops}\n]");

        RecordReader<RedTeamAttempt> reader = Datasets.redTeamAttempts(file);
        assertThat(reader.read()).isNotNull();
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
            assertThat(e.recoverable()).isFalse();
            assertThat(e.getMessage()).startsWith(file + ": record 2").contains("not valid JSON");
        });
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void aTruncatedGzipFileIsReportedAsSuch() {
        Path whole = TestFiles.attempts(dir.resolve("whole.json.gz"), new SyntheticAttempts(1, 2_000),
                JsonRecordWriter.Layout.ARRAY, true);
        Path cut = TestFiles.truncated(whole, dir.resolve("cut.json.gz"), 0.5);

        assertThatThrownBy(() -> TestFiles.readAll(Datasets.redTeamAttempts(cut)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.recoverable()).isFalse())
                .hasMessageContaining("cut.json.gz: record")
                .hasMessageContaining("truncated");
    }

    @Test
    void anArrayThatIsNeverClosedIsTruncated() {
        Path file = TestFiles.write(dir.resolve("open.json"), "[\n" + Records.validJson() + ",\n");

        assertThatThrownBy(() -> TestFiles.readAll(Datasets.redTeamAttempts(file)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("record 2");
    }

    @Test
    void aJsonLinesErrorNamesTheLineAndReadingCanGoOn() {
        Path file = TestFiles.write(dir.resolve("a.jsonl"),
                Records.lines(Records.validJson(), "", "{not json", Records.validJson()));

        RecordReader<RedTeamAttempt> reader = Datasets.redTeamAttempts(file);
        assertThat(reader.read()).isNotNull();
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
            assertThat(e.position()).isEqualTo(new RecordPosition(file.toString(), 2, 3));
            assertThat(e.recoverable()).isTrue();
        });
        assertThat(reader.read()).isNotNull();
        assertThat(reader.read()).isNull();
        reader.close();
    }

    @Test
    void invalidUtf8IsAnErrorNotASilentReplacement() throws Exception {
        String json = Records.validJson();
        byte[] broken = json.getBytes(StandardCharsets.UTF_8);
        broken[json.indexOf("cheat")] = (byte) 0xff;
        Path lines = Files.write(dir.resolve("bad-utf8.jsonl"), broken);
        byte[] inArray = new byte[broken.length + 2];
        System.arraycopy(broken, 0, inArray, 1, broken.length);
        inArray[0] = '[';
        inArray[inArray.length - 1] = ']';
        Path array = Files.write(dir.resolve("bad-utf8.json"), inArray);

        assertThatThrownBy(() -> TestFiles.readAll(Datasets.redTeamAttempts(lines)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> TestFiles.readAll(Datasets.redTeamAttempts(array)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void somethingElseThanJsonIsRefusedUpFront() {
        Path file = TestFiles.write(dir.resolve("x.json"), "transcript,rating\n");

        assertThatThrownBy(() -> Datasets.redTeamAttempts(file)).isInstanceOf(BadInput.class)
                .hasMessageContaining("expected a JSON array or JSON Lines");
    }

    @Test
    void writesWhatItReadsAsEqualJson() throws Exception {
        Path sample = SharedData.redTeamSample();
        Path copy = TestFiles.attempts(dir.resolve("copy.json"),
                TestFiles.readAll(Datasets.redTeamAttempts(sample)).iterator(), JsonRecordWriter.Layout.ARRAY, false);
        Path copyLines = TestFiles.attempts(dir.resolve("copy.jsonl.gz"),
                TestFiles.readAll(Datasets.redTeamAttempts(sample)).iterator(), JsonRecordWriter.Layout.LINES, true);

        assertThat(JsonRecordComparison.firstDifference(sample, copy)).isEmpty();
        assertThat(JsonRecordComparison.firstDifference(sample, copyLines)).isEmpty();
        assertThat(Json.mapper().readTree(copy.toFile())).isEqualTo(Json.mapper().readTree(sample.toFile()));
    }

    private void assertInvalid(Consumer<ObjectNode> change, String field, String problem) {
        assertThatThrownBy(() -> single(Records.json(change)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(problem);
    }

    private RedTeamAttempt single(String json) throws Exception {
        Path file = Files.createTempFile(dir, "record", ".json");
        Files.writeString(file, Records.array(json));
        List<RedTeamAttempt> attempts = TestFiles.readAll(Datasets.redTeamAttempts(file));
        assertThat(attempts).hasSize(1);
        return attempts.get(0);
    }

    private String writeArray(RedTeamAttempt attempt) throws Exception {
        Path file = TestFiles.attempts(Files.createTempFile(dir, "out", ".json"), List.of(attempt).iterator(),
                JsonRecordWriter.Layout.ARRAY, false);
        return Files.readString(file);
    }
}
