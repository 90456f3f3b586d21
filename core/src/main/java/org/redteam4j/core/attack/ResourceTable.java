package org.redteam4j.core.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tab-separated table shipped with redteam4j: {@code #} comment lines, a header naming the
 * columns, then rows of exactly that many non-empty cells. A malformed row is a bug in the
 * release, so it fails loudly at first use rather than being skipped. The one reader of the
 * attack library's tables (templates, payloads, seeds, seed categories, many-shot exchanges,
 * persuasion techniques); each checks its own cells with the {@link Row#where() place} of the row.
 */
public final class ResourceTable {

    /** One row: its cells in the header's order, and where it is ({@code FILE: line N: }) for the reader's own checks. */
    public record Row(String where, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int column) {
            return cells.get(column);
        }
    }

    private ResourceTable() {
    }

    /** The rows of {@code file}, a resource beside {@code beside}, whose header must be exactly {@code columns}. */
    public static List<Row> rows(Class<?> beside, String file, String... columns) {
        try (InputStream in = beside.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath");
            }
            return rows(file, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of {@code lines} (named {@code file} in errors) after comments and the header, which must be exactly {@code columns}. */
    public static List<Row> rows(String file, List<String> lines, String... columns) {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ": line " + (i + 1) + ": ";
            List<String> cells = List.of(line.split("\t", -1));
            if (header) {
                if (!cells.equals(List.of(columns))) {
                    throw new IllegalStateException(where + "expected the header " + String.join(", ", columns));
                }
                header = false;
                continue;
            }
            if (cells.size() != columns.length) {
                throw new IllegalStateException(where + "expected " + columns.length + " tab-separated cells ("
                        + String.join(", ", columns) + "), got " + cells.size());
            }
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c).isBlank()) {
                    throw new IllegalStateException(where + "the " + columns[c] + " cell is empty");
                }
            }
            rows.add(new Row(where, cells));
        }
        return List.copyOf(rows);
    }

    /** The rows of {@code file} beside this class, whose first cell is a unique id. */
    static List<String[]> read(String file, String... columns) {
        return unique(rows(ResourceTable.class, file, columns));
    }

    static List<String[]> parse(String file, List<String> lines, String... columns) {
        return unique(rows(file, lines, columns));
    }

    private static List<String[]> unique(List<Row> rows) {
        Set<String> ids = new HashSet<>();
        for (Row row : rows) {
            if (!ids.add(row.cell(0))) {
                throw new IllegalStateException(row.where() + "id '" + row.cell(0) + "' is used twice");
            }
        }
        return rows.stream().map(row -> row.cells().toArray(String[]::new)).toList();
    }
}
