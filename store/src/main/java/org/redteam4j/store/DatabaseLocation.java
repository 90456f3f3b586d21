package org.redteam4j.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.secrets.Secret;
import org.redteam4j.core.secrets.Secrets;

/**
 * Where the data lives, as the user wrote it: a file path (SQLite) or a
 * {@code jdbc:postgresql://} URL. {@link #toString()} never shows a password.
 */
public record DatabaseLocation(Dialect dialect, String jdbcUrl) {

    public static final String DEFAULT_FILE = "redteam4j.db";
    public static final String ENVIRONMENT_VARIABLE = "REDTEAM4J_DB";

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    /** Reads a location; null or blank means {@code $REDTEAM4J_DB}, else {@code redteam4j.db}. */
    public static DatabaseLocation parse(String spec) {
        String value = spec;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT_VARIABLE);
        }
        if (value == null || value.isBlank()) {
            value = DEFAULT_FILE;
        }
        if (value.startsWith("jdbc:postgresql:")) {
            return new DatabaseLocation(Dialect.POSTGRESQL, value);
        }
        if (value.startsWith("jdbc:sqlite:")) {
            return new DatabaseLocation(Dialect.SQLITE, value);
        }
        if (value.startsWith("jdbc:")) {
            throw new BadInput("unsupported database URL '" + redact(value)
                    + "': use a file path (SQLite) or jdbc:postgresql://HOST/DATABASE");
        }
        return new DatabaseLocation(Dialect.SQLITE, "jdbc:sqlite:" + Path.of(value));
    }

    @Override
    public String toString() {
        return redact(jdbcUrl.startsWith("jdbc:sqlite:") ? jdbcUrl.substring("jdbc:sqlite:".length()) : jdbcUrl);
    }

    /** The URL's password (named "database password"), to be redacted from model text; none for SQLite. */
    public Secrets secrets() {
        List<Secret> found = new ArrayList<>();
        Matcher password = PASSWORD.matcher(jdbcUrl);
        while (password.find()) {
            String value = password.group().substring(password.group(1).length());
            if (!value.isBlank()) {
                found.add(new Secret("database password", value));
                String decoded = decoded(value); // the password itself, when the URL percent-encodes it
                if (!decoded.isBlank() && !decoded.equals(value)) {
                    found.add(new Secret("database password", decoded));
                }
            }
        }
        return Secrets.of(found);
    }

    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** Hides passwords in JDBC URLs and messages that quote them. */
    public static String redact(String text) {
        return PASSWORD.matcher(text).replaceAll("$1***");
    }
}
