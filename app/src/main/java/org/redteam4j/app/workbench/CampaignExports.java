package org.redteam4j.app.workbench;

import java.io.OutputStream;
import org.redteam4j.app.data.Exports;
import org.redteam4j.core.format.JsonRecordWriter;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.AttemptSelection;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;

/** A campaign's export from its dashboard, written by {@link Exports} as {@code redteam4j export --campaign} writes it. */
public final class CampaignExports {

    /** What the dashboard offers: hh-rlhf red-team attempts as a JSON array or JSON Lines, and preference pairs. */
    public enum Kind {
        ATTEMPTS_JSON("red-team-attempts.json", "application/json"),
        ATTEMPTS_JSONL("red-team-attempts.jsonl", "application/x-ndjson"),
        PAIRS_JSONL("preference-pairs.jsonl", "application/x-ndjson");

        private final String suffix;
        private final String contentType;

        Kind(String suffix, String contentType) {
            this.suffix = suffix;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** The file name a download suggests: the campaign's name kept to safe characters, then the kind. */
        public String fileName(Campaign campaign) {
            return campaign.name().replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + suffix;
        }

        public static Kind fromId(String id) {
            return switch (String.valueOf(id)) {
                case "attempts" -> ATTEMPTS_JSON;
                case "attempts-lines" -> ATTEMPTS_JSONL;
                case "pairs" -> PAIRS_JSONL;
                default -> throw WorkbenchFailure.invalid("export attempts, attempts-lines or pairs");
            };
        }
    }

    private final Database database;

    CampaignExports(Database database) {
        this.database = database;
    }

    public Campaign campaign(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> new CampaignRepository(handle).byId(campaignId)).orElseThrow(WorkbenchFailure::notFound);
    }

    /** Writes the campaign's export to {@code stream}; returns how many records were written. */
    public long write(Principal admin, long campaignId, Kind kind, boolean includeAbandoned, OutputStream stream) {
        Campaign campaign = campaign(admin, campaignId);
        AttemptSelection selection = new AttemptSelection(campaign.id(), includeAbandoned);
        return switch (kind) {
            case ATTEMPTS_JSON -> Exports.attempts(database, selection, JsonRecordWriter.Layout.ARRAY, stream, written -> { });
            case ATTEMPTS_JSONL -> Exports.attempts(database, selection, JsonRecordWriter.Layout.LINES, stream, written -> { });
            case PAIRS_JSONL -> Exports.pairs(database, selection, stream, written -> { });
        };
    }
}
