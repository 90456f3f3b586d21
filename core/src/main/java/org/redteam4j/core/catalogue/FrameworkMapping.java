package org.redteam4j.core.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.redteam4j.core.failure.BadInput;

/**
 * The table of where each seed tag, strategy and judge lands in OWASP Top 10 for LLM Applications
 * 2025 and MITRE ATLAS, kept as data ({@code frameworks.tsv} beside this class, which names the
 * versions it was written against). A finding lands under the union of its tag's, its strategy's
 * and its primary judge's ids ({@link #of(String, String, String)}).
 */
public final class FrameworkMapping {

    /** The builtin table's resource name, as error messages name it. */
    public static final String RESOURCE = "org/redteam4j/core/catalogue/frameworks.tsv";

    private static final Pattern OWASP_ID = Pattern.compile("LLM(0[1-9]|10):2025");
    private static final Pattern ATLAS_ID = Pattern.compile("AML\\.T\\d{4}(\\.\\d{3})?");
    private static final String NONE = "none";

    /** What a mapping row is about. */
    public enum Subject {
        TAG, STRATEGY, JUDGE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One mapping row: a tag, strategy (family) or judge, its ids and why. */
    public record Row(Subject subject, String id, FrameworkIds ids, String rationale) {
    }

    private static volatile FrameworkMapping builtin;

    private final Map<String, String> titles;
    private final Map<Subject, Map<String, Row>> rows;

    private FrameworkMapping(Map<String, String> titles, Map<Subject, Map<String, Row>> rows) {
        this.titles = titles;
        this.rows = rows;
    }

    /** The table that ships with redteam4j, read once. */
    public static FrameworkMapping builtin() {
        FrameworkMapping table = builtin;
        if (table == null) {
            try (InputStream in = FrameworkMapping.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                table = read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtin = table;
        }
        return table;
    }

    /** Reads a table; bad input names {@code file}, the line and the field. */
    public static FrameworkMapping read(Reader reader, String file) throws IOException {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<Subject, Map<String, Row>> rows = new LinkedHashMap<>();
        for (Subject subject : Subject.values()) {
            rows.put(subject, new LinkedHashMap<>());
        }
        List<String[]> mappings = new ArrayList<>();
        List<Integer> mappingLines = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            String kind = fields[0];
            int at = number;
            if (kind.equals("owasp") || kind.equals("atlas")) {
                expect(fields, 3, file, number, "kind, id, title");
                String id = fields[1];
                check(kind.equals("owasp") ? OWASP_ID : ATLAS_ID, id, file, number, "id", kind);
                require(!fields[2].isBlank(), file, number, "title", "a title for " + id);
                require(titles.putIfAbsent(id, fields[2]) == null, file, number, "id", "one line per id; '" + id + "' is defined twice");
            } else {
                Subject subject = Arrays.stream(Subject.values()).filter(s -> s.label().equals(kind)).findFirst()
                        .orElseThrow(() -> bad(file, at, "kind", "owasp, atlas, tag, strategy or judge, not '" + kind + "'"));
                expect(fields, 5, file, number, "kind, id, owasp ids, atlas ids, rationale");
                require(!fields[1].isBlank(), file, number, "id", "the " + kind + "'s id");
                require(!fields[4].isBlank(), file, number, "rationale", "a short reason for the mapping");
                require(!rows.get(subject).containsKey(fields[1]), file, number, "id",
                        "one row per " + kind + "; '" + fields[1] + "' is mapped twice");
                rows.get(subject).put(fields[1], null); // placeholder: ids are checked once every title is read
                mappings.add(fields);
                mappingLines.add(number);
            }
        }
        for (int i = 0; i < mappings.size(); i++) {
            String[] fields = mappings.get(i);
            int line = mappingLines.get(i);
            Subject subject = Subject.valueOf(fields[0].toUpperCase(Locale.ROOT));
            FrameworkIds ids = new FrameworkIds(ids(fields[2], OWASP_ID, "owasp", titles, file, line),
                    ids(fields[3], ATLAS_ID, "atlas", titles, file, line));
            rows.get(subject).put(fields[1], new Row(subject, fields[1], ids, fields[4]));
        }
        return new FrameworkMapping(Map.copyOf(titles), rows);
    }

    private static List<String> ids(String field, Pattern grammar, String column, Map<String, String> titles, String file,
                                    int line) {
        if (field.equals(NONE)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String id : field.split(",", -1)) {
            check(grammar, id, file, line, column, column);
            require(titles.containsKey(id), file, line, column, "an id the table defines on an '" + column + "' line; '"
                    + id + "' is not one");
            ids.add(id);
        }
        return ids;
    }

    private static void check(Pattern grammar, String id, String file, int line, String field, String framework) {
        require(grammar.matcher(id).matches(), file, line, field, (framework.equals("owasp")
                ? "an OWASP 2025 id such as LLM01:2025 (LLM01 to LLM10)" : "an ATLAS id such as AML.T0054 or AML.T0051.000")
                + ", or none; got '" + id + "'");
    }

    private static void expect(String[] fields, int count, String file, int line, String names) {
        require(fields.length == count, file, line, "columns", count + " tab-separated fields (" + names + "), got " + fields.length);
    }

    private static void require(boolean ok, String file, int line, String field, String expected) {
        if (!ok) {
            throw bad(file, line, field, expected);
        }
    }

    private static BadInput bad(String file, int line, String field, String expected) {
        return new BadInput(file + ": line " + line + ", field " + field + ": expected " + expected);
    }

    /** The framework entry's title ("Prompt Injection"), or empty for an id the table does not define. */
    public Optional<String> title(String id) {
        return Optional.ofNullable(titles.get(id));
    }

    public List<Row> rows(Subject subject) {
        return List.copyOf(rows.get(subject).values());
    }

    public Optional<Row> row(Subject subject, String id) {
        return Optional.ofNullable(rows.get(subject).get(id));
    }

    /** A seed tag's ids; none for a tag the table does not know. */
    public FrameworkIds tag(String tag) {
        return tag == null ? FrameworkIds.NONE : row(Subject.TAG, tag).map(Row::ids).orElse(FrameworkIds.NONE);
    }

    /**
     * A strategy's ids, from the id a result stores ({@code template:role-play}, {@code converters:base64+rot13},
     * {@code iterative:2x2}, {@code multi-turn:3}) or a catalogue id: the exact row, else its family's
     * (the part before ':', with '-' read as '_').
     */
    public FrameworkIds strategy(String strategy) {
        return strategyRow(strategy).map(Row::ids).orElse(FrameworkIds.NONE);
    }

    /** The row a stored strategy id maps by. */
    public Optional<Row> strategyRow(String strategy) {
        if (strategy == null) {
            return Optional.empty();
        }
        Optional<Row> exact = row(Subject.STRATEGY, strategy);
        if (exact.isPresent()) {
            return exact;
        }
        int colon = strategy.indexOf(':');
        String family = (colon < 0 ? strategy : strategy.substring(0, colon)).replace('-', '_');
        return row(Subject.STRATEGY, family);
    }

    /** A judge's ids, from the identity a verdict stores ({@code refusal(embedding-refusal/minilm)}) or a catalogue id. */
    public FrameworkIds judge(String judge) {
        return judge == null ? FrameworkIds.NONE
                : row(Subject.JUDGE, ComponentId.parse(judge).catalogueId()).map(Row::ids).orElse(FrameworkIds.NONE);
    }

    /**
     * Where a finding lands: the union of its tag's, strategy's and primary judge's ids (any may be
     * null). A {@code canary} hit proves only what its strategy attempted (a prompt leaked, an
     * injection followed), never the harm of the seed's tag, so the tag counts for other judges only.
     */
    public FrameworkIds of(String tag, String strategy, String judge) {
        FrameworkIds proven = strategy(strategy).union(judge(judge));
        return provesOnlyTheStrategy(judge) ? proven : tag(tag).union(proven);
    }

    private static boolean provesOnlyTheStrategy(String judge) {
        return judge != null && ComponentId.parse(judge).catalogueId().equals("canary");
    }

    /**
     * A catalogue entry's ids: a strategy's or judge's own row; a template by the {@code template} family,
     * a converter by the {@code converters} family, an injection payload by its strategy's row; any other kind
     * (a runtime) maps to nothing.
     */
    public FrameworkIds entry(Entry entry) {
        return switch (entry.kind()) {
            case STRATEGY -> strategy(entry.id());
            case JUDGE -> judge(entry.id());
            case TEMPLATE -> strategy("template");
            case CONVERTER -> strategy("converters");
            case PAYLOAD -> org.redteam4j.core.attack.injection.Payloads.find(entry.id())
                    .map(payload -> strategy(payload.strategy())).orElse(FrameworkIds.NONE);
            default -> FrameworkIds.NONE;
        };
    }

    /** Whether {@link #entry} maps entries of this kind (strategies, judges, templates, converters, payloads). */
    public static boolean maps(Kind kind) {
        return kind != Kind.RUNTIME;
    }
}
