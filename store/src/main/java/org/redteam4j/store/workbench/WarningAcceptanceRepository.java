package org.redteam4j.store.workbench;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Which campaign's content warning each person accepted, by the SHA-256 of the text they read. */
public final class WarningAcceptanceRepository {

    private final Handle handle;

    public WarningAcceptanceRepository(Handle handle) {
        this.handle = handle;
    }

    /** The SHA-256 of the warning this person last accepted in this campaign, if any. */
    public Optional<String> accepted(long memberId, long campaignId) {
        return handle.createQuery("SELECT warning_sha256 FROM warning_acceptances WHERE member_id = :member AND campaign_id = :campaign")
                .bind("member", memberId).bind("campaign", campaignId).mapTo(String.class).findOne();
    }

    /**
     * Records the acceptance of the warning whose text has this SHA-256, replacing an older one. One
     * upsert, so two accepts at once (a double click) both succeed rather than colliding on the key.
     */
    public void accept(long memberId, long campaignId, String warningSha256) {
        handle.createUpdate("""
                        INSERT INTO warning_acceptances (member_id, campaign_id, warning_sha256, accepted_at)
                        VALUES (:member, :campaign, :sha, :now)
                        ON CONFLICT (member_id, campaign_id) DO UPDATE
                        SET warning_sha256 = excluded.warning_sha256, accepted_at = excluded.accepted_at""")
                .bind("member", memberId).bind("campaign", campaignId).bind("sha", warningSha256).bind("now", Instant.now())
                .execute();
    }
}
