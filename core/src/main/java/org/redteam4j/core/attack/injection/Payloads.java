package org.redteam4j.core.attack.injection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/** Our payloads, read once from {@code payloads.tsv} beside this class; a malformed row is a bug in the release. */
public final class Payloads {

    static final String FILE = "payloads.tsv";
    private static final List<Payload> ALL = read();

    private Payloads() {
    }

    public static List<Payload> all() {
        return ALL;
    }

    /** The payloads an injection strategy sends, in file order. */
    public static List<Payload> of(String strategy) {
        return ALL.stream().filter(payload -> payload.strategy().equals(strategy)).toList();
    }

    public static Optional<Payload> find(String id) {
        return ALL.stream().filter(payload -> payload.id().equals(id)).findFirst();
    }

    private static List<Payload> read() {
        try (InputStream in = Payloads.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of id, strategy, document, text, description after a header; {@code #} lines are comments. */
    static List<Payload> parse(List<String> lines) {
        Map<String, Payload> byId = new LinkedHashMap<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split("\t", -1);
            String where = FILE + ": line " + (i + 1) + ": ";
            if (cells.length != 5) {
                throw new IllegalStateException(where + "expected 5 tab-separated cells, got " + cells.length);
            }
            if (!InjectionStrategy.FAMILIES.contains(cells[1])) {
                throw new IllegalStateException(where + "unknown strategy '" + cells[1] + "'");
            }
            DocumentKind document = cells[2].equals("-") ? null : DocumentKind.byId(cells[2]);
            if ((document != null) != cells[1].equals(InjectionStrategy.INDIRECT)) {
                throw new IllegalStateException(where + "a document kind belongs to indirect_injection payloads, and only to them");
            }
            Payload payload = new Payload(cells[0], cells[1], document, cells[3].replace("\\n", "\n"), cells[4]);
            Matcher placeholder = Payload.PLACEHOLDER.matcher(payload.text());
            while (placeholder.find()) {
                if (!Payload.PLACEHOLDERS.contains(placeholder.group(1))) {
                    throw new IllegalStateException(where + "unknown placeholder {" + placeholder.group(1) + "}");
                }
            }
            if (byId.putIfAbsent(payload.id(), payload) != null) {
                throw new IllegalStateException(where + "payload id '" + payload.id() + "' is used twice");
            }
        }
        return List.copyOf(new ArrayList<>(byId.values()));
    }
}
