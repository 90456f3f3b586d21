package org.redteam4j.models.http.templated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

/**
 * Where the text wanted sits in a response: a JSONPath ({@code $.answer}), {@code regex:PATTERN}
 * (group 1 when it has groups, else the whole match) or {@code header:NAME}. {@link #find} is
 * empty when the path matches nothing, or matches something that is not a non-empty string;
 * the model then reports a malformed response, never an empty reply.
 */
sealed interface ReplyPath {

    /** The text found in a whole response, if any. */
    Optional<String> find(String body, HttpHeaders headers);

    /**
     * An identifier found in a whole response, if any: like {@link #find}, but a JSON number counts
     * too ({@code "session_id": 42}), as servers number their sessions.
     */
    default Optional<String> findId(String body, HttpHeaders headers) {
        return find(body, headers);
    }

    /** What it is, for messages: {@code $.answer}, {@code regex:…}, {@code header:…}. */
    String describe();

    /** Whether it reads the body (JSONPath and regex) rather than a header. */
    default boolean readsBody() {
        return true;
    }

    static ReplyPath parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new BadInput(where + ": missing; expected a JSONPath such as $.answer, regex:PATTERN or header:NAME");
        }
        if (text.startsWith("regex:")) {
            if (text.substring("regex:".length()).isEmpty()) {
                throw new BadInput(where + ": regex: has no pattern; e.g. regex:\"answer\":\\s*\"([^\"]*)\"");
            }
            try {
                return new Regex(Pattern.compile(text.substring("regex:".length()), Pattern.DOTALL));
            } catch (PatternSyntaxException e) {
                throw new BadInput(where + ": bad regular expression (" + e.getDescription() + ")");
            }
        }
        if (text.startsWith("header:")) {
            String name = text.substring("header:".length()).strip();
            if (name.isEmpty()) {
                throw new BadInput(where + ": header: names no header");
            }
            return new Header(name);
        }
        if (!text.startsWith("$")) {
            throw new BadInput(where + ": '" + text + "' is not a JSONPath (they start with $), regex:PATTERN or header:NAME");
        }
        String unbalanced = unbalanced(text);
        if (unbalanced != null) {
            throw new BadInput(where + ": bad JSONPath '" + text + "': " + unbalanced);
        }
        try {
            return new Path(JsonPath.compile(text), text);
        } catch (RuntimeException e) { // Jayway fails with its own exceptions and with plain index errors alike
            throw new BadInput(where + ": bad JSONPath '" + text + "'; expected a path such as $.answer or "
                    + "$.choices[0].message.content");
        }
    }

    /** What is unbalanced in a path ('[' not closed, say), outside quotes; null when nothing is. Jayway accepts some. */
    private static String unbalanced(String path) {
        java.util.Deque<Character> open = new java.util.ArrayDeque<>();
        char quote = 0;
        for (char c : path.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                open.push(c);
            } else if (c == ']' || c == ')') {
                if (open.isEmpty() || open.pop() != (c == ']' ? '[' : '(')) {
                    return "'" + c + "' closes nothing";
                }
            }
        }
        if (quote != 0) {
            return "a quote is not closed";
        }
        return open.isEmpty() ? null : "'" + open.peek() + "' is not closed";
    }

    /** A JSONPath over a JSON body. */
    record Path(JsonPath path, String text) implements ReplyPath {

        private static final Configuration JACKSON = Configuration.builder()
                .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
                .mappingProvider(new JacksonMappingProvider(Json.mapper()))
                .build();

        @Override
        public Optional<String> find(String body, HttpHeaders headers) {
            return read(body).flatMap(found -> text(found, false));
        }

        @Override
        public Optional<String> findId(String body, HttpHeaders headers) {
            return read(body).flatMap(found -> text(found, true));
        }

        /** What the path matches in a JSON body; empty when the body is not JSON or nothing matches. */
        private Optional<Object> read(String body) {
            JsonNode json;
            try {
                json = Json.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
            if (json == null) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(path.read(json, JACKSON));
            } catch (PathNotFoundException e) {
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty(); // e.g. a property path applied to an array
            }
        }

        private static Optional<String> text(Object found, boolean numbers) {
            if (found instanceof String s) {
                return nonEmpty(s);
            }
            if (numbers && found instanceof Number n) {
                return Optional.of(n.toString());
            }
            if (found instanceof JsonNode node) {
                if (node.isTextual()) {
                    return nonEmpty(node.textValue());
                }
                if (numbers && node.isIntegralNumber()) {
                    return Optional.of(node.asText());
                }
                if (node.isArray() && node.size() == 1) {
                    return text(node.get(0), numbers);
                }
                return Optional.empty();
            }
            if (found instanceof List<?> list && list.size() == 1) {
                return text(list.get(0), numbers);
            }
            return Optional.empty();
        }

        @Override
        public String describe() {
            return text;
        }
    }

    /** A regular expression over the body as text. */
    record Regex(Pattern pattern) implements ReplyPath {

        @Override
        public Optional<String> find(String body, HttpHeaders headers) {
            Matcher matcher = pattern.matcher(body);
            if (!matcher.find()) {
                return Optional.empty();
            }
            return nonEmpty(matcher.groupCount() >= 1 ? matcher.group(1) : matcher.group());
        }

        @Override
        public String describe() {
            return "regex:" + pattern.pattern();
        }
    }

    /** A response header. */
    record Header(String name) implements ReplyPath {

        @Override
        public Optional<String> find(String body, HttpHeaders headers) {
            return headers == null ? Optional.empty() : headers.firstValue(name).flatMap(ReplyPath::nonEmpty);
        }

        @Override
        public String describe() {
            return "header:" + name;
        }

        @Override
        public boolean readsBody() {
            return false;
        }
    }

    private static Optional<String> nonEmpty(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
