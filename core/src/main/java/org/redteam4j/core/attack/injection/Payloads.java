package org.redteam4j.core.attack.injection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.redteam4j.core.attack.ResourceTable;

/** Our payloads, read once from {@code payloads.tsv} beside this class; a malformed row is a bug in the release. */
public final class Payloads {

    static final String FILE = "payloads.tsv";
    private static final String[] COLUMNS = {"id", "strategy", "document", "text", "description"};
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
        return payloads(ResourceTable.rows(Payloads.class, FILE, COLUMNS));
    }

    /** Rows of id, strategy, document, text, description after their header ({@link ResourceTable}). */
    static List<Payload> parse(List<String> lines) {
        return payloads(ResourceTable.rows(FILE, lines, COLUMNS));
    }

    private static List<Payload> payloads(List<ResourceTable.Row> rows) {
        Map<String, Payload> byId = new LinkedHashMap<>();
        for (ResourceTable.Row row : rows) {
            String where = row.where();
            String strategy = row.cell(1);
            if (!InjectionStrategy.FAMILIES.contains(strategy)) {
                throw new IllegalStateException(where + "unknown strategy '" + strategy + "'");
            }
            DocumentKind document = row.cell(2).equals("-") ? null : DocumentKind.byId(row.cell(2));
            if ((document != null) != strategy.equals(InjectionStrategy.INDIRECT)) {
                throw new IllegalStateException(where + "a document kind belongs to indirect_injection payloads, and only to them");
            }
            Payload payload = new Payload(row.cell(0), strategy, document, row.cell(3).replace("\\n", "\n"), row.cell(4));
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
        return List.copyOf(byId.values());
    }
}
