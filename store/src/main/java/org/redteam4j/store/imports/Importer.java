package org.redteam4j.store.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.InvalidRecordException;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.store.Database;

/**
 * Imports one file in one transaction. A bad record stops the import and leaves the database as
 * it was, unless {@code skipInvalid} is set, in which case records with a bad field are left out
 * and reported (a file that breaks off — bad JSON, a truncated gzip — still stops it). A file
 * without records is refused too. Records already stored are recognised by their content and
 * not stored again.
 */
public final class Importer {

    private static final int PROGRESS_EVERY = 256;

    private final Database database;
    private final boolean skipInvalid;
    private final ImportProgress progress;

    public Importer(Database database, boolean skipInvalid, ImportProgress progress) {
        this.database = database;
        this.skipInvalid = skipInvalid;
        this.progress = progress;
    }

    public ImportReport importFile(Path path, DatasetFormat format) {
        String sha256 = RecordKeys.sha256(path);
        if (format.holdsSeeds()) {
            return run(path, sha256, format, Datasets.seeds(path, format), handle -> new SeedSink(handle, format.id()));
        }
        return switch (format) {
            case RED_TEAM_ATTEMPTS -> run(path, sha256, format, Datasets.redTeamAttempts(path), AttemptSink::new);
            case PREFERENCE_PAIRS -> run(path, sha256, format, Datasets.preferencePairs(path), PreferencePairSink::new);
            case ATTACK_RESULTS -> run(path, sha256, format, Datasets.attackResults(path), AttackResultSink::new);
            default -> throw new IllegalStateException(format.id() + " is neither seeds nor a record type the store imports");
        };
    }

    private <T> ImportReport run(Path path, String sha256, DatasetFormat format, RecordReader<T> reader,
                                 Function<Handle, RecordSink<T>> sinks) {
        try (reader) {
            return database.inTransaction(handle -> {
                ImportRepository imports = new ImportRepository(handle);
                long importId = imports.start(path.toString(), sha256, format.id());
                RecordSink<T> sink = sinks.apply(handle);
                Map<String, Integer> seen = new HashMap<>();
                List<InvalidRecordException> skipped = new ArrayList<>();
                long read = 0;
                long imported = 0;
                long duplicates = 0;
                while (true) {
                    T record;
                    try {
                        record = reader.read();
                    } catch (InvalidRecordException e) {
                        if (!skipInvalid || !e.recoverable()) {
                            throw e;
                        }
                        read++;
                        skipped.add(e);
                        continue;
                    }
                    if (record == null) {
                        break;
                    }
                    read++;
                    // The n-th copy of a record within one file gets its own key, so a file with
                    // repeated records round-trips, while importing the same file again adds nothing.
                    String hash = sink.contentHash(record);
                    int copy = seen.merge(hash, 1, Integer::sum);
                    String key = copy == 1 ? hash : hash + "#" + copy;
                    if (sink.insert(key, importId, record)) {
                        imported++;
                    } else {
                        duplicates++;
                    }
                    if (read % PROGRESS_EVERY == 0) {
                        progress.update(reader.bytesConsumed(), reader.bytesTotal(), read);
                    }
                }
                if (read == 0) { // an empty file, [], a header alone: most likely the wrong file
                    throw new BadInput(path + ": holds no records; nothing to import");
                }
                progress.update(reader.bytesTotal(), reader.bytesTotal(), read);
                ImportReport report = new ImportReport(path.toString(), sha256, format, read, imported, duplicates, skipped);
                imports.finish(importId, report);
                return report;
            });
        }
    }
}
