package org.redteam4j.api.internal;

import java.util.List;
import org.redteam4j.config.campaign.StoredSeeds;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.store.Database;
import org.redteam4j.store.seed.SeedQueries;

/** A campaign's stored seeds from its database (the command line's and the library's). */
public record StoreSeeds(Database database) implements StoredSeeds {

    @Override
    public List<Seed> imported() {
        return new SeedQueries(database).imported();
    }

    @Override
    public List<Seed> successful(double minRating, int limit) {
        return new SeedQueries(database).successfulAttempts(minRating, limit);
    }
}
