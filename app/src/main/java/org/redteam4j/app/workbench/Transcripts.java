package org.redteam4j.app.workbench;

import java.util.List;
import java.util.Map;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.attempt.LiveAttemptRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.TranscriptQueries;

/**
 * The admins' transcript browser: a campaign's attempts, filtered, and each one whole — every turn
 * with both candidates and which was picked, the task description, the rating, reviews and tags.
 * Admins see everyone's attempts; members never reach this.
 */
public final class Transcripts {

    /** One attempt as the transcript page shows it. */
    public record View(TranscriptQueries.Facts facts, LiveAttempt attempt, List<TranscriptQueries.ReviewRow> reviews) {
    }

    private final Database database;

    Transcripts(Database database) {
        this.database = database;
    }

    public List<TranscriptQueries.Row> list(Principal admin, long campaignId, TranscriptQueries.Filter filter) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> {
            new CampaignRepository(handle).byId(campaignId).orElseThrow(WorkbenchFailure::notFound);
            return new TranscriptQueries(handle).list(campaignId, filter);
        });
    }

    /** The members with an attempt in the campaign (id → name), for the list's filter. */
    public Map<Long, String> members(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> new TranscriptQueries(handle).members(campaignId));
    }

    /** A workbench attempt whole, whichever campaign it belongs to. */
    public View view(Principal admin, long attemptId) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> {
            TranscriptQueries queries = new TranscriptQueries(handle);
            TranscriptQueries.Facts facts = queries.facts(attemptId).orElseThrow(WorkbenchFailure::notFound);
            LiveAttempt attempt = new LiveAttemptRepository(handle).load(attemptId).orElseThrow(WorkbenchFailure::notFound);
            return new View(facts, attempt, queries.reviews(attemptId));
        });
    }
}
