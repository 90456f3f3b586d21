package org.redteam4j.config.campaign;

import java.util.List;
import org.redteam4j.core.attack.Seed;

/** Seeds a store holds, for {@code seeds: {imported: true}} and {@code seeds: {from_db: …}}. */
public interface StoredSeeds {

    /** No store: a campaign that asks for stored seeds is bad input. */
    StoredSeeds NONE = new StoredSeeds() {
        @Override
        public List<Seed> imported() {
            throw new org.redteam4j.core.failure.BadInput("this campaign asks for seeds from a database, and none is open");
        }

        @Override
        public List<Seed> successful(double minRating, int limit) {
            return imported();
        }
    };

    List<Seed> imported();

    /** Task descriptions of human attempts rated at least {@code minRating}, at most {@code limit}. */
    List<Seed> successful(double minRating, int limit);
}
