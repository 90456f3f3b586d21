package org.redteam4j.store.imports;

import org.jdbi.v3.core.Handle;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.PreferencePairJson;
import org.redteam4j.store.pair.PreferencePairRepository;

final class PreferencePairSink implements RecordSink<PreferencePair> {

    private final PreferencePairRepository pairs;

    PreferencePairSink(Handle handle) {
        this.pairs = new PreferencePairRepository(handle);
    }

    @Override
    public String contentHash(PreferencePair pair) {
        return RecordKeys.sha256(pair, PreferencePairJson::write);
    }

    @Override
    public boolean insert(String recordKey, long importId, PreferencePair pair) {
        return pairs.insert(recordKey, importId, pair);
    }
}
