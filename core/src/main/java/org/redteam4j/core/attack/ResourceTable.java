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
 * A tab-separated table shipped beside this class: {@code #} comment lines, a header naming the
 * columns, then rows whose first cell is a unique id. A malformed row is a bug in the release, so
 * it fails loudly at first use rather than being skipped.
 */
final class ResourceTable {

    private ResourceTable() {
    }

    /** The rows of {@code file}, whose header must be exactly {@code columns}. */
    static List<String[]> read(String file, String... columns) {
        try (InputStream in = ResourceTable.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing from the classpath");
            }
            return parse(file, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String[]> parse(String file, List<String> lines, String... columns) {
        List<String[]> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ": line " + (i + 1) + ": ";
            String[] cells = line.split("\t", -1);
            if (header) {
                if (!List.of(cells).equals(List.of(columns))) {
                    throw new IllegalStateException(where + "expected the header " + String.join(", ", columns));
                }
                header = false;
                continue;
            }
            if (cells.length != columns.length) {
                throw new IllegalStateException(where + "expected " + columns.length + " tab-separated cells, got " + cells.length);
            }
            for (String cell : cells) {
                if (cell.isBlank()) {
                    throw new IllegalStateException(where + "a cell is empty");
                }
            }
            if (!ids.add(cells[0])) {
                throw new IllegalStateException(where + "id '" + cells[0] + "' is used twice");
            }
            rows.add(cells);
        }
        return List.copyOf(rows);
    }
}
