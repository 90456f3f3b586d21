package org.redteam4j.store.workbench;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Target failures as the workbench met them, kept for admins: members never see these details. */
public final class TargetFailureRepository {

    private final Handle handle;

    public TargetFailureRepository(Handle handle) {
        this.handle = handle;
    }

    public void record(long campaignId, long targetId, long attemptId, String message, Instant failedAt) {
        handle.createUpdate("""
                        INSERT INTO target_failures (campaign_id, target_id, attempt_id, message, failed_at)
                        VALUES (:campaign, :target, :attempt, :message, :at)""")
                .bind("campaign", campaignId).bind("target", targetId).bind("attempt", attemptId).bind("message", message)
                .bind("at", failedAt).execute();
    }
}
