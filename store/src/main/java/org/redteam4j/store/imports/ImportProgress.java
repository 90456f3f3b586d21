package org.redteam4j.store.imports;

/** Told how far an import has got, so the command line can draw a progress bar. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesConsumed, bytesTotal, records) -> { };

    void update(long bytesConsumed, long bytesTotal, long records);
}
