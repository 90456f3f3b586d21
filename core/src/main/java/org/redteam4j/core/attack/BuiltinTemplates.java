package org.redteam4j.core.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.redteam4j.core.failure.BadInput;

/**
 * The templates that ship with redteam4j, read once from {@code templates/templates.tsv} (id, family,
 * description; the one place they are declared) and {@code templates/ID.txt}. A malformed row is a bug
 * in the release, so it fails at start-up rather than when a campaign reaches that template.
 */
public final class BuiltinTemplates {

    static final String FILE = "templates/templates.tsv";
    /** Ids and families are lower-case words joined by '-', as campaign files write them. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String[] COLUMNS = {"id", "family", "description"};
    private static final List<Template> ALL = templates(ResourceTable.rows(BuiltinTemplates.class, FILE, COLUMNS),
            BuiltinTemplates::text);

    private BuiltinTemplates() {
    }

    /** In file order, which is the catalogue's order. */
    public static List<Template> all() {
        return ALL;
    }

    public static Optional<Template> find(String id) {
        return ALL.stream().filter(template -> template.id().equals(id)).findFirst();
    }

    /** Every family, in the order it first appears. */
    public static List<String> families() {
        return ALL.stream().map(Template::family).distinct().toList();
    }

    /** The templates of these families, in file order; an unknown family is bad input naming the valid ones. */
    public static List<Template> ofFamilies(Collection<String> wanted) {
        List<String> known = families();
        for (String family : wanted) {
            if (!known.contains(family)) {
                throw new BadInput("unknown template family '" + family + "'; expected one of " + known);
            }
        }
        return ALL.stream().filter(template -> wanted.contains(template.family())).toList();
    }

    /**
     * Rows of id, family, description after their header ({@link ResourceTable}); {@code texts} gives
     * a template's text by id, or null when it has none.
     */
    static List<Template> parse(List<String> lines, Function<String, String> texts) {
        return templates(ResourceTable.rows(FILE, lines, COLUMNS), texts);
    }

    private static List<Template> templates(List<ResourceTable.Row> rows, Function<String, String> texts) {
        Map<String, Template> byId = new LinkedHashMap<>();
        for (ResourceTable.Row row : rows) {
            String where = row.where();
            String id = row.cell(0);
            requireName(id, "id", where);
            requireName(row.cell(1), "family", where);
            String text = texts.apply(id);
            if (text == null) {
                throw new IllegalStateException(where + "template " + id + " has no text (templates/" + id + ".txt)");
            }
            text = text.strip();
            int placeholders = text.split(Pattern.quote(Template.PLACEHOLDER), -1).length - 1;
            if (placeholders != 1) {
                throw new IllegalStateException(where + "template " + id + " must contain " + Template.PLACEHOLDER
                        + " exactly once, found " + placeholders);
            }
            if (byId.putIfAbsent(id, new Template(id, row.cell(1), row.cell(2), text)) != null) {
                throw new IllegalStateException(where + "template id '" + id + "' is declared twice");
            }
        }
        return List.copyOf(byId.values());
    }

    private static void requireName(String name, String cell, String where) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException(where + "the " + cell + " '" + name + "' is not lower-case words joined by '-'");
        }
    }

    private static String text(String id) {
        try (InputStream in = BuiltinTemplates.class.getResourceAsStream("templates/" + id + ".txt")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
