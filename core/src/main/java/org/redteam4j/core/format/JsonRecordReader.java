package org.redteam4j.core.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import org.redteam4j.core.failure.BadInput;

/**
 * Streams JSON objects from a file holding either one JSON array of objects or JSON Lines,
 * told apart by the first character. Only one record is in memory at a time.
 */
public final class JsonRecordReader<T> extends FileRecordReader<T> {

    /** Turns one JSON object into a record, or raises {@link InvalidRecordException}. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ObjectNode node, RecordPosition position);
    }

    private static final ObjectMapper JSON = Json.mapper();

    private final Mapper<T> mapper;
    private final JsonParser arrayParser;
    private final BufferedReader lines;
    private long records;
    private long line;
    private boolean finished;

    private JsonRecordReader(DataFile file, Mapper<T> mapper) throws IOException {
        super(file);
        this.mapper = mapper;
        InputStream content = file.content();
        int first = firstSignificantByte(content);
        if (first == '[') {
            arrayParser = JSON.createParser(content);
            arrayParser.nextToken();
            lines = null;
        } else if (first == '{' || first == -1) {
            arrayParser = null;
            lines = file.strictUtf8();
        } else {
            throw new BadInput(file.name() + ": expected a JSON array or JSON Lines, but the file starts with '"
                    + printable(first) + "'");
        }
    }

    public static <T> JsonRecordReader<T> open(DataFile file, Mapper<T> mapper) {
        try {
            return new JsonRecordReader<>(file, mapper);
        } catch (IOException e) {
            file.close();
            throw new BadInput(file.name() + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public T read() {
        if (finished) {
            return null;
        }
        return arrayParser != null ? readFromArray() : readFromLines();
    }

    private T readFromArray() {
        RecordPosition next = new RecordPosition(file.name(), records + 1, arrayParser.currentLocation().getLineNr());
        try {
            JsonToken token = arrayParser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                if (arrayParser.nextToken() != null) {
                    throw InvalidRecordException.fatal(next, "unexpected content after the closing ']' of the array");
                }
                return null;
            }
            if (token == null) {
                finished = true;
                throw InvalidRecordException.fatal(next, "the file ends before the array is closed (truncated?)");
            }
            records++;
            RecordPosition position = new RecordPosition(file.name(), records, arrayParser.currentTokenLocation().getLineNr());
            if (token != JsonToken.START_OBJECT) {
                arrayParser.skipChildren();
                throw InvalidRecordException.field(position, null, "expected a JSON object, got " + describe(token));
            }
            ObjectNode node = JSON.readTree(arrayParser);
            return mapper.map(node, position);
        } catch (JsonProcessingException e) {
            finished = true;
            throw InvalidRecordException.fatal(next, "not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            finished = true;
            throw InvalidRecordException.fatal(next, DataFile.problem(e));
        }
    }

    private T readFromLines() {
        try {
            String text;
            do {
                text = lines.readLine();
                if (text == null) {
                    finished = true;
                    return null;
                }
                line++;
            } while (text.isBlank());
            records++;
            RecordPosition position = new RecordPosition(file.name(), records, line);
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw InvalidRecordException.field(position, null, "not valid JSON: " + e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode object)) {
                throw InvalidRecordException.field(position, null, "expected a JSON object, got " + node.getNodeType().name().toLowerCase());
            }
            return mapper.map(object, position);
        } catch (IOException e) {
            finished = true;
            throw InvalidRecordException.fatal(new RecordPosition(file.name(), records + 1, line + 1), DataFile.problem(e));
        }
    }

    private static int firstSignificantByte(InputStream content) throws IOException {
        content.mark(8);
        int b = content.read();
        if (b == 0xEF) { // a UTF-8 byte order mark: skip it
            content.read();
            content.read();
            content.mark(8);
            b = content.read();
        }
        while (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            content.mark(8);
            b = content.read();
        }
        content.reset();
        return b;
    }

    /** Where in the file the parser found the problem: the record may start lines earlier. */
    private static String at(com.fasterxml.jackson.core.JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString();
        };
    }

    private static String printable(int b) {
        return b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("\\x%02x", b);
    }
}
