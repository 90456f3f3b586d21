package org.redteam4j.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.testing.SharedData;
import org.redteam4j.core.testing.TestFiles;

class SeedAndPairReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheRealHarmlessBasePairs() {
        List<PreferencePair> pairs = TestFiles.readAll(Datasets.preferencePairs(SharedData.harmlessBaseDev()));

        assertThat(pairs).hasSize(1_600);
        PreferencePair first = pairs.get(0);
        assertThat(first.chosen()).startsWith("\n\nHuman: ");
        assertThat(first.chosenTranscript().text()).isEqualTo(first.chosen());
        assertThat(first.rejectedTranscript().turns().get(0)).isEqualTo(first.chosenTranscript().turns().get(0));
    }

    @Test
    void aPairWithoutRejectedNamesTheField() {
        Path file = TestFiles.write(dir.resolve("pairs.jsonl"), "{\"chosen\": \"\\n\\nHuman: a\"}\n");

        assertThatThrownBy(() -> TestFiles.readAll(Datasets.preferencePairs(file)))
                .hasMessage(file + ": record 1 (line 1), field \"rejected\": missing");
    }

    @Test
    void readsTheRealHarmBenchBehaviours() {
        List<Seed> seeds = TestFiles.readAll(Datasets.harmBenchCsv(SharedData.harmBenchBehaviors()));

        assertThat(seeds).hasSize(400);
        assertThat(seeds).allSatisfy(seed -> {
            assertThat(seed.text()).isNotBlank();
            assertThat(seed.behaviorId()).isNotBlank();
            assertThat(seed.functionalCategory()).isIn("standard", "contextual", "copyright");
        });
        assertThat(seeds).filteredOn(seed -> seed.context() != null).isNotEmpty();
    }

    @Test
    void aCsvWithoutBehaviorColumnIsRefused() {
        Path file = TestFiles.write(dir.resolve("x.csv"), "Prompt,Id\nhello,1\n");

        assertThatThrownBy(() -> Datasets.harmBenchCsv(file)).isInstanceOf(BadInput.class)
                .hasMessageContaining("\"Behavior\" column");
    }

    @Test
    void anEmptyBehaviourNamesItsLine() {
        Path file = TestFiles.write(dir.resolve("b.csv"), "Behavior,BehaviorID\nAsk for a fake doctor's note,note\n,empty\n");

        RecordReader<Seed> reader = Datasets.harmBenchCsv(file);
        assertThat(reader.read().behaviorId()).isEqualTo("note");
        assertThatThrownBy(reader::read).hasMessage(file + ": record 2 (line 3), field \"Behavior\": "
                + "expected the text of a behaviour, got an empty value");
        reader.close();
    }

    @Test
    void readsTextSeedsOneALineSkippingBlankLines() {
        Path file = TestFiles.write(dir.resolve("seeds.txt"), "Ask for help cheating at cards\n\n  Ask for a fake review  \n");

        assertThat(TestFiles.readAll(Datasets.textSeeds(file))).extracting(Seed::text)
                .containsExactly("Ask for help cheating at cards", "Ask for a fake review");
    }

    @Test
    void detectsEachFormatFromContent() {
        assertThat(DatasetFormat.detect(SharedData.redTeamSample())).isEqualTo(DatasetFormat.RED_TEAM_ATTEMPTS);
        assertThat(DatasetFormat.detect(SharedData.harmlessBaseDev())).isEqualTo(DatasetFormat.PREFERENCE_PAIRS);
        assertThat(DatasetFormat.detect(SharedData.harmBenchBehaviors())).isEqualTo(DatasetFormat.HARMBENCH_CSV);
        assertThat(DatasetFormat.detect(TestFiles.write(dir.resolve("s.txt"), "a seed\n"))).isEqualTo(DatasetFormat.TEXT);
        assertThat(DatasetFormat.detect(TestFiles.write(dir.resolve("l.jsonl"), Records.lines(Records.validJson()))))
                .isEqualTo(DatasetFormat.RED_TEAM_ATTEMPTS);
        assertThatThrownBy(() -> DatasetFormat.detect(TestFiles.write(dir.resolve("o.json"), "[{\"x\": 1}]")))
                .isInstanceOf(BadInput.class).hasMessageContaining("--format");
    }
}
