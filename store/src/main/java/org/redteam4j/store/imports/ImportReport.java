package org.redteam4j.store.imports;

import java.util.List;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.InvalidRecordException;

/**
 * What an import did.
 *
 * @param source      the file as the user named it
 * @param sha256      the file's content hash
 * @param format      the format it was read as
 * @param recordsRead records found in the file, valid or not
 * @param imported    records newly stored
 * @param duplicates  records already in the database, not stored again
 * @param skipped     invalid records left out under {@code --skip-invalid}
 */
public record ImportReport(String source, String sha256, DatasetFormat format, long recordsRead, long imported,
                           long duplicates, List<InvalidRecordException> skipped) {

    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
