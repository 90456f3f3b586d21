package org.redteam4j.store.imports;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.provenance.Provenance;

/** The record of each import: which file (by content hash), which format, what came of it. */
public final class ImportRepository {

    private final Handle handle;

    public ImportRepository(Handle handle) {
        this.handle = handle;
    }

    /** Starts an import's row with its provenance (versions, the file's sha256, the format). */
    public long start(String sourceName, String sha256, String format) {
        String provenance = Provenance.of(sha256, Map.of("format", format)).toJson();
        return handle.createUpdate("""
                        INSERT INTO imports (source_name, sha256, format, provenance_json, started_at)
                        VALUES (:source, :sha, :format, :provenance, :now)""")
                .bind("source", sourceName)
                .bind("sha", sha256)
                .bind("format", format)
                .bind("provenance", provenance)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public void finish(long id, ImportReport report) {
        handle.createUpdate("""
                        UPDATE imports SET records_read = :read, records_imported = :imported,
                            duplicates = :duplicates, skipped = :skipped, finished_at = :now
                        WHERE id = :id""")
                .bind("read", report.recordsRead())
                .bind("imported", report.imported())
                .bind("duplicates", report.duplicates())
                .bind("skipped", report.skipped().size())
                .bind("now", Instant.now())
                .bind("id", id)
                .execute();
    }

    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM imports").mapTo(Long.class).one();
    }
}
