package org.redteam4j.core.format;

/** The part every reader of a {@link DataFile} shares: progress in bytes and closing the file. */
abstract class FileRecordReader<T> implements RecordReader<T> {

    protected final DataFile file;

    FileRecordReader(DataFile file) {
        this.file = file;
    }

    @Override
    public final long bytesConsumed() {
        return file.bytesConsumed();
    }

    @Override
    public final long bytesTotal() {
        return file.size();
    }

    @Override
    public void close() {
        file.close();
    }
}
