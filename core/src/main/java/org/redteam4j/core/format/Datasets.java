package org.redteam4j.core.format;

import java.nio.file.Path;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.attempt.RedTeamAttempt;

/** Opens data files for streaming, each format with its reader. */
public final class Datasets {

    private Datasets() {
    }

    public static RecordReader<RedTeamAttempt> redTeamAttempts(Path path) {
        return JsonRecordReader.open(DataFile.open(path), RedTeamAttemptJson::read);
    }

    /** Red-team attempts from a stream of any file system; {@code name} names the file in errors. */
    public static RecordReader<RedTeamAttempt> redTeamAttempts(String name, long size, java.io.InputStream in) {
        return JsonRecordReader.open(DataFile.open(name, size, in), RedTeamAttemptJson::read);
    }

    public static RecordReader<PreferencePair> preferencePairs(Path path) {
        return JsonRecordReader.open(DataFile.open(path), PreferencePairJson::read);
    }

    public static RecordReader<AttackResultJson.Line> attackResults(Path path) {
        return JsonRecordReader.open(DataFile.open(path), AttackResultJson::read);
    }

    public static RecordReader<Seed> harmBenchCsv(Path path) {
        return HarmBenchCsvReader.open(DataFile.open(path));
    }

    public static RecordReader<Seed> textSeeds(Path path) {
        return TextSeedReader.open(DataFile.open(path));
    }

    /** XSTest's prompt file ({@code id,prompt,type,…}), every row; {@link XsTestPrompt#safe()} tells the safe ones. */
    public static RecordReader<XsTestPrompt> xsTestPrompts(Path path) {
        return XsTestPromptsReader.open(DataFile.open(path));
    }

    /** XSTest's prompt file as seeds: its unsafe ({@code contrast_*}) rows; the safe ones are benign prompts. */
    public static XsTestSeedReader xsTestSeeds(Path path) {
        return XsTestSeedReader.open(DataFile.open(path));
    }

    /** The seeds of a file in any format that {@linkplain DatasetFormat#holdsSeeds() holds seeds}. */
    public static RecordReader<Seed> seeds(Path path, DatasetFormat format) {
        if (format.columns() != null) {
            return SeedSetCsvReader.open(DataFile.open(path), format.columns());
        }
        return switch (format) {
            case HARMBENCH_CSV -> harmBenchCsv(path);
            case TEXT -> textSeeds(path);
            case XSTEST_PROMPTS -> xsTestSeeds(path);
            case SORRY_BENCH -> JsonRecordReader.open(DataFile.open(path), SorryBenchJson::read);
            default -> throw new IllegalArgumentException(format.id() + " does not hold seeds");
        };
    }
}
