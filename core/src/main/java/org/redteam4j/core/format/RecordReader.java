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
}
