package org.redteam4j.store.imports;

import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.store.seed.SeedRepository;

final class SeedSink implements RecordSink<Seed> {

    private final SeedRepository seeds;
    private final String source;

    SeedSink(Handle handle, String source) {
        this.seeds = new SeedRepository(handle);
        this.source = source;
    }

    @Override
    public String contentHash(Seed seed) {
        return RecordKeys.sha256(String.join("\0", source, seed.text(), Objects.toString(seed.behaviorId(), ""),
                Objects.toString(seed.context(), "")));
    }

    @Override
    public boolean insert(String recordKey, long importId, Seed seed) {
        return seeds.insert(recordKey, importId, source, seed);
    }
}
