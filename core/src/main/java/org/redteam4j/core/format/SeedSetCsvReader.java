package org.redteam4j.core.format;

import org.apache.commons.csv.CSVRecord;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SeedCategories;

/**
 * Reads a published seed set's CSV (AdvBench, StrongREJECT, JailbreakBench's behaviours,
 * Do-Not-Answer) as seeds: the request, the source's id (or the row number) as behaviour id, and
 * the source's category as semantic category and as second tag after the paper's tag it maps to.
 * Other columns (AdvBench's and JailbreakBench's target strings, models' replies) are not kept.
 */
final class SeedSetCsvReader extends CsvRecordReader<Seed> {

    private final SeedSetColumns columns;

    private SeedSetCsvReader(DataFile file, SeedSetColumns columns) {
        super(file, columns.header(), columns.describe());
        this.columns = columns;
    }

    static SeedSetCsvReader open(DataFile file, SeedSetColumns columns) {
        return new SeedSetCsvReader(file, columns);
    }

    @Override
    protected Seed parse(CSVRecord record, RecordPosition position) {
        String text = required(record, columns.text(), position).strip();
        String id = columns.id() == null ? String.valueOf(position.record()) : required(record, columns.id(), position).strip();
        String category = columns.category() == null ? null : optional(record, columns.category());
        category = category == null ? null : category.strip();
        return new Seed(text, columns.idPrefix() + id, null, category, SeedCategories.tags(columns.format(), category), null);
    }
}
