package org.redteam4j.models.http.templated;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a value is written into a template: as it is, as a JSON literal ({@code |json}) or URL-encoded ({@code |url}). */
public enum Filter {
    NONE(""),
    JSON("json"),
    URL("url");

    private final String id;

    Filter(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Filter> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f != NONE && f.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).filter(f -> f != NONE).map(Filter::id).toList();
    }

    /**
     * The value written: {@code text} is the variable as text; {@code json} its JSON form (a string
     * literal, or for {@code messages} the array itself).
     */
    String apply(String text, String json) {
        return switch (this) {
            case NONE -> text;
            case JSON -> json;
            case URL -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        };
    }
}
