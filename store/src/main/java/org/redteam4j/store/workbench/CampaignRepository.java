package org.redteam4j.store.workbench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Human red-team campaigns and the targets they draw from. */
public final class CampaignRepository {

    private static final String COLUMNS = "id, name, instructions, content_warning, attempts_per_task, suggested_turns, "
            + "daily_cap, reviews_per_attempt, status";

    private final Handle handle;

    public CampaignRepository(Handle handle) {
        this.handle = handle;
    }

    /** A target as this campaign declared it: the version's id and the campaign's own declaration (TargetConfig JSON). */
    public record DeclaredTarget(long targetId, String settingsJson) {
    }

    public long create(String name, String instructions, String contentWarning, int attemptsPerTask, int suggestedTurns,
                       Integer dailyCap, List<DeclaredTarget> targets, String provenanceJson) {
        long id = handle.createUpdate("""
                        INSERT INTO campaigns (name, kind, instructions, content_warning, attempts_per_task, suggested_turns,
                            daily_cap, provenance_json, created_at)
                        VALUES (:name, 'human', :instructions, :warning, :perTask, :turns, :cap, :provenance, :now)""")
                .bind("name", name).bind("instructions", instructions).bind("warning", contentWarning)
                .bind("perTask", attemptsPerTask).bind("turns", suggestedTurns).bind("cap", dailyCap)
                .bind("provenance", provenanceJson)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (DeclaredTarget target : targets) {
            handle.createUpdate("INSERT INTO campaign_targets (campaign_id, target_id, settings_json) VALUES (:c, :t, :settings)")
                    .bind("c", id).bind("t", target.targetId()).bind("settings", target.settingsJson()).execute();
        }
        return id;
    }

    public List<Campaign> open() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaigns WHERE kind = 'human' AND status = 'open' "
                        + "AND archived_at IS NULL ORDER BY id")
                .map((rs, ctx) -> campaign(rs)).list();
    }

    public Optional<Campaign> byId(long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaigns WHERE id = :id AND kind = 'human'")
                .bind("id", id).map((rs, ctx) -> campaign(rs)).findOne();
    }

    public Optional<Campaign> byName(String name) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaigns WHERE name = :name AND kind = 'human'")
                .bind("name", name).map((rs, ctx) -> campaign(rs)).findOne();
    }

    /** A campaign as the admins' list shows it: whether it is archived beside its own fields. */
    public record Listed(Campaign campaign, boolean archived) {
    }

    /** Every human campaign for the admins' list, oldest first; archived ones only when asked for. */
    public List<Listed> forAdmins(boolean includeArchived) {
        return handle.createQuery("SELECT " + COLUMNS + ", archived_at FROM campaigns WHERE kind = 'human'"
                        + (includeArchived ? "" : " AND archived_at IS NULL") + " ORDER BY id")
                .map((rs, ctx) -> new Listed(campaign(rs), rs.getTimestamp("archived_at") != null)).list();
    }

    /** Opens or closes a human campaign; false when there is none with this id. */
    public boolean setOpen(long id, boolean open) {
        return handle.createUpdate("UPDATE campaigns SET status = :status WHERE id = :id AND kind = 'human'")
                .bind("status", open ? "open" : "closed").bind("id", id).execute() == 1;
    }

    /** Archives a human campaign (null {@code at}: brings it back); false when there is none with this id. */
    public boolean setArchived(long id, Instant at) {
        return handle.createUpdate("UPDATE campaigns SET archived_at = :at WHERE id = :id AND kind = 'human'")
                .bind("at", at).bind("id", id).execute() == 1;
    }

    public boolean archived(long id) {
        return handle.createQuery("SELECT archived_at FROM campaigns WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> rs.getTimestamp(1) != null).findOne().orElse(false);
    }

    public boolean nameTaken(String name) {
        return handle.createQuery("SELECT COUNT(*) FROM campaigns WHERE name = :name").bind("name", name)
                .mapTo(Long.class).one() > 0;
    }

    /** Replaces the campaign's content warning ({@code null}: none); people accept the new text before they go on. */
    public void updateWarning(long campaignId, String contentWarning) {
        handle.createUpdate("UPDATE campaigns SET content_warning = :warning WHERE id = :id AND kind = 'human'")
                .bind("warning", contentWarning).bind("id", campaignId).execute();
    }

    public List<Long> targets(long campaignId) {
        return handle.createQuery("SELECT target_id FROM campaign_targets WHERE campaign_id = :c ORDER BY target_id")
                .bind("c", campaignId).mapTo(Long.class).list();
    }

    /**
     * How this campaign declared the target: what the workbench builds its model from, so an
     * attempt keeps talking to what its campaign declared whatever later campaigns declare.
     */
    public Optional<String> targetSettings(long campaignId, long targetId) {
        return handle.createQuery("SELECT settings_json FROM campaign_targets WHERE campaign_id = :c AND target_id = :t")
                .bind("c", campaignId).bind("t", targetId).mapTo(String.class).findOne();
    }

    /** The admin's answer floor of a human campaign in milliseconds (0 = off), if one was set. */
    public Optional<Long> answerFloor(long campaignId) {
        return handle.createQuery("SELECT answer_floor_ms FROM campaigns WHERE id = :c AND answer_floor_ms IS NOT NULL")
                .bind("c", campaignId).mapTo(Long.class).findOne();
    }

    /** Sets a human campaign's answer floor (null: the default); false when there is no such campaign. */
    public boolean setAnswerFloor(long campaignId, Long floorMillis) {
        return handle.createUpdate("UPDATE campaigns SET answer_floor_ms = :floor WHERE id = :c AND kind = 'human'")
                .bind("floor", floorMillis).bind("c", campaignId).execute() == 1;
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        int cap = rs.getInt("daily_cap");
        Integer dailyCap = rs.wasNull() ? null : cap;
        return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("instructions"),
                rs.getString("content_warning"), rs.getInt("attempts_per_task"), rs.getInt("suggested_turns"), dailyCap,
                rs.getInt("reviews_per_attempt"), "open".equals(rs.getString("status")));
    }
}
