package org.redteam4j.core.format;

import java.io.Closeable;

/**
 * Reads records one at a time from a file. {@link #read()} returns null at the end; a bad
 * record raises {@link InvalidRecordException}, after which reading may continue only if the
 * exception is {@linkplain InvalidRecordException#recoverable() recoverable}.
 */
public interface RecordReader<T> extends Closeable {

    T read();

    /** Bytes of the file consumed so far (compressed bytes for gzip), for progress bars. */
    long bytesConsumed();

    /** Total size of the file in bytes, or -1 when unknown. */
    long bytesTotal();

    @Override
    void close();

    /** This reader with each record turned into another by {@code convert}. */
    default <R> RecordReader<R> map(java.util.function.Function<T, R> convert) {
        RecordReader<T> source = this;
        return new RecordReader<>() {
            @Override
            public R read() {
                T record = source.read();
                return record == null ? null : convert.apply(record);
            }

            @Override
            public long bytesConsumed() {
                return source.bytesConsumed();
            }

            @Override
            public long bytesTotal() {
                return source.bytesTotal();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
