package org.redteam4j.store.imports;

/** Stores the records of one format inside an import's transaction. */
interface RecordSink<T> {

    /** A hash of the record's content; equal records have equal hashes. */
    String contentHash(T record);

    /** @return true when stored, false when a record with this key is already in the database */
    boolean insert(String recordKey, long importId, T record);
}
