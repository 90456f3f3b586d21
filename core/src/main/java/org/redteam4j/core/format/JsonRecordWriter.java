package org.redteam4j.core.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.attempt.RedTeamAttempt;

/**
 * Writes records as one JSON array (one record a line between the brackets, the shape of the
 * released hh-rlhf files) or as JSON Lines. The caller owns and closes the stream.
 */
public final class JsonRecordWriter<T> implements AutoCloseable {

    /** Writes one record as a JSON object. */
    @FunctionalInterface
    public interface Encoder<T> {
        void write(T record, JsonGenerator out) throws IOException;
    }

    public enum Layout { ARRAY, LINES }

    private static final byte[] ARRAY_START = "[\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ARRAY_SEPARATOR = ",\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ARRAY_END = "\n]\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_ARRAY = "[]\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream stream;
    private final Layout layout;
    private final Encoder<T> encoder;
    private long written;

    public JsonRecordWriter(OutputStream stream, Layout layout, Encoder<T> encoder) {
        this.stream = stream;
        this.layout = layout;
        this.encoder = encoder;
    }

    public static JsonRecordWriter<RedTeamAttempt> attempts(OutputStream stream, Layout layout) {
        return new JsonRecordWriter<>(stream, layout, RedTeamAttemptJson::write);
    }

    public static JsonRecordWriter<PreferencePair> preferencePairs(OutputStream stream) {
        return new JsonRecordWriter<>(stream, Layout.LINES, PreferencePairJson::write);
    }

    public void write(T record) {
        try {
            if (layout == Layout.ARRAY) {
                stream.write(written == 0 ? ARRAY_START : ARRAY_SEPARATOR);
            }
            try (JsonGenerator out = Json.mapper().getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
                encoder.write(record, out);
            }
            if (layout == Layout.LINES) {
                stream.write('\n');
            }
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long written() {
        return written;
    }

    /** Closes the array; does not close the stream. */
    @Override
    public void close() {
        try {
            if (layout == Layout.ARRAY) {
                stream.write(written == 0 ? EMPTY_ARRAY : ARRAY_END);
            }
            stream.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
