package org.redteam4j.core.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.redteam4j.core.failure.BadInput;

/** The file formats {@code import} understands, and their detection from content. */
public enum DatasetFormat {
    RED_TEAM_ATTEMPTS("red-team-attempts"),
    PREFERENCE_PAIRS("preference-pairs"),
    HARMBENCH_CSV("harmbench-csv"),
    TEXT("text"),
    ATTACK_RESULTS("attack-results"),
    ADVBENCH(SeedSetColumns.ADVBENCH),
    STRONGREJECT(SeedSetColumns.STRONGREJECT),
    JBB_BEHAVIORS(SeedSetColumns.JBB_BEHAVIORS),
    XSTEST_PROMPTS(XsTestSeedReader.SOURCE),
    SORRY_BENCH(SorryBenchJson.SOURCE),
    DO_NOT_ANSWER(SeedSetColumns.DO_NOT_ANSWER);

    private static final int PEEK_BYTES = 1 << 20;

    /**
     * A first line of two or more comma-separated names (no spaces, as in {@code prompt,category}):
     * a CSV header. Text seeds are sentences, whose commas are followed by spaces.
     */
    private static final Pattern CSV_HEADER = Pattern.compile("(\"?[A-Za-z_][A-Za-z0-9_.-]*\"?)(,\"?[A-Za-z_][A-Za-z0-9_.-]*\"?)+");

    private final String id;
    private final SeedSetColumns columns;

    DatasetFormat(String id) {
        this.id = id;
        this.columns = null;
    }

    DatasetFormat(SeedSetColumns columns) {
        this.id = columns.format();
        this.columns = columns;
    }

    public String id() {
        return id;
    }

    /** The published seed set's CSV columns, or null when this format is not one. */
    SeedSetColumns columns() {
        return columns;
    }

    /** Whether the format's records are attack seeds ({@link Datasets#seeds} reads them). */
    public boolean holdsSeeds() {
        return this != RED_TEAM_ATTEMPTS && this != PREFERENCE_PAIRS && this != ATTACK_RESULTS;
    }

    /** The ids of the formats that hold seeds, for messages. */
    public static String seedIds() {
        return Arrays.stream(values()).filter(DatasetFormat::holdsSeeds).map(DatasetFormat::id).collect(Collectors.joining(", "));
    }

    public static Optional<DatasetFormat> fromId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(DatasetFormat::id).collect(Collectors.joining(", "));
    }

    /**
     * Tells the format from the first megabyte of content (after gzip): JSON records with a
     * {@code transcript} field are red-team attempts, with {@code chosen} preference pairs, with
     * {@code attack_key} attack results (CampaignJob's output), with {@code question_id} and
     * {@code turns} SORRY-Bench; a CSV is told by its header ({@link #detectCsv}); another CSV is
     * refused (its header would become a seed); any other text is one seed a line.
     */
    public static DatasetFormat detect(Path path) {
        try (DataFile file = DataFile.open(path)) {
            byte[] head = file.content().readNBytes(PEEK_BYTES);
            String text = new String(head, StandardCharsets.UTF_8).stripLeading();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1).stripLeading();
            }
            if (text.startsWith("[") || text.startsWith("{")) {
                return detectJson(file.name(), head);
            }
            String firstLine = text.lines().findFirst().orElse("");
            if (firstLine.startsWith(HarmBenchCsvReader.BEHAVIOR + ",") || firstLine.equals(HarmBenchCsvReader.BEHAVIOR)) {
                return HARMBENCH_CSV; // a one-column HarmBench file is no CSV_HEADER, and may be named anything
            }
            if (CSV_HEADER.matcher(firstLine.strip()).matches() || looksLikeCsvByName(file.name())) {
                return detectCsv(file.name(), firstLine);
            }
            if (text.indexOf('\0') >= 0) {
                throw new BadInput(file.name() + ": looks binary, not a format redteam4j reads (" + ids() + ")");
            }
            return TEXT;
        } catch (IOException e) {
            throw new BadInput(path + ": " + DataFile.problem(e), e);
        }
    }

    /**
     * A CSV by its header: the published seed sets by their exact columns (Do-Not-Answer's with
     * more); a first column {@code Behavior} (quoted) is HarmBench, whose other columns vary between
     * releases; {@code id,prompt,type} without {@code completion} XSTest's prompts.
     */
    private static DatasetFormat detectCsv(String name, String firstLine) {
        List<String> header = CsvRecordReader.header(firstLine);
        for (DatasetFormat format : values()) {
            if (format.columns != null && format.columns.matches(header)) {
                return format;
            }
        }
        if (!header.isEmpty() && header.get(0).equals(HarmBenchCsvReader.BEHAVIOR)) {
            return HARMBENCH_CSV;
        }
        if (header.containsAll(XsTestPromptsReader.COLUMNS) && !header.contains(XsTestCsvReader.COMPLETION)) {
            return XSTEST_PROMPTS;
        }
        String xstestReplies = header.containsAll(XsTestCsvReader.COLUMNS)
                ? " (XSTest's labelled completions are for eval-judge --format xstest, not import)" : "";
        throw new BadInput(name + ": line 1: a CSV header (" + firstLine.strip() + ") of none of the CSV formats import "
                + "reads" + xstestReplies + ": " + csvFormats() + "; pass --format text to import every line as a seed, "
                + "header included");
    }

    /** The CSV formats and the headers that tell them, for the error on any other CSV. */
    static String csvFormats() {
        List<String> formats = new java.util.ArrayList<>();
        formats.add(HARMBENCH_CSV.id + " (first column " + HarmBenchCsvReader.BEHAVIOR + ")");
        for (DatasetFormat format : values()) {
            if (format.columns != null) {
                formats.add(format.id + " (" + String.join(",", format.columns.header()) + (format.columns.moreColumns() ? ",…" : "") + ")");
            }
        }
        formats.add(XSTEST_PROMPTS.id + " (" + String.join(",", XsTestPromptsReader.COLUMNS) + ",…)");
        return String.join(", ", formats);
    }

    /** The name only confirms a CSV whose header has spaces; it never picks a format. */
    private static boolean looksLikeCsvByName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".csv.gz");
    }

    private static DatasetFormat detectJson(String name, byte[] head) {
        Set<String> fields = firstObjectFields(head);
        if (fields.contains(AttackResultJson.ATTACK_KEY)) { // before "transcript": attack results carry one too
            return ATTACK_RESULTS;
        }
        if (fields.contains(RedTeamAttemptJson.TRANSCRIPT)) {
            return RED_TEAM_ATTEMPTS;
        }
        if (fields.contains(PreferencePairJson.CHOSEN) || fields.contains(PreferencePairJson.REJECTED)) {
            return PREFERENCE_PAIRS;
        }
        if (fields.contains(SorryBenchJson.QUESTION_ID) && fields.contains(SorryBenchJson.TURNS)) {
            return SORRY_BENCH;
        }
        throw new BadInput(name + ": JSON whose first record has neither a \"transcript\" field (red-team "
                + "attempts) nor \"chosen\"/\"rejected\" (preference pairs) nor \"attack_key\" (attack results) "
                + "nor \"question_id\" and \"turns\" (SORRY-Bench); pass --format to say what it is");
    }

    /** Field names of the first object, read leniently: the peeked bytes may end mid-record. */
    private static Set<String> firstObjectFields(byte[] head) {
        Set<String> fields = new HashSet<>();
        try (JsonParser parser = Json.mapper().getFactory().createParser(head)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    depth++;
                } else if (token == JsonToken.END_OBJECT && --depth == 0) {
                    break;
                } else if (token == JsonToken.FIELD_NAME && depth == 1) {
                    fields.add(parser.currentName());
                }
            }
        } catch (IOException e) {
            // the peek ended inside a record, or the JSON is broken: keep what was seen; the reader reports errors
        }
        return fields;
    }
}
