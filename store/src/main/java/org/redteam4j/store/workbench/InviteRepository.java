package org.redteam4j.store.workbench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One-time invitation links: only a hash of each token is stored, a token works once, until it expires or is revoked. */
public final class InviteRepository {

    /**
     * What an invitation grants, and its life: {@code expiresAt} is null for one made before
     * invitations expired (the caller reckons it from {@code createdAt}).
     */
    public record Invite(long id, Account.Role role, String recruitmentSource, Instant createdAt, Instant expiresAt,
                         Instant revokedAt) {
    }

    private static final String COLUMNS = "id, role, recruitment_source, created_at, expires_at, revoked_at";

    private final Handle handle;

    public InviteRepository(Handle handle) {
        this.handle = handle;
    }

    public long create(String tokenHash, Account.Role role, String recruitmentSource, long createdBy, Instant now, Instant expiresAt) {
        return handle.createUpdate("""
                        INSERT INTO invites (token_hash, role, recruitment_source, created_by, created_at, expires_at)
                        VALUES (:hash, :role, :source, :by, :now, :expires)""")
                .bind("hash", tokenHash).bind("role", role.id()).bind("source", recruitmentSource).bind("by", createdBy)
                .bind("now", now).bind("expires", expiresAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The invitation with this token that nobody used yet, revoked or expired or not. */
    public Optional<Invite> findUnused(String tokenHash) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM invites WHERE token_hash = :hash AND used_at IS NULL")
                .bind("hash", tokenHash).map((rs, ctx) -> invite(rs)).findOne();
    }

    /** Invitations neither used nor revoked, newest first; the caller drops the expired ones. */
    public List<Invite> unusedNotRevoked() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM invites WHERE used_at IS NULL AND revoked_at IS NULL "
                        + "ORDER BY created_at DESC, id DESC")
                .map((rs, ctx) -> invite(rs)).list();
    }

    /** An invitation with what became of it, for the admins' list. */
    public record Listed(Invite invite, Instant usedAt) {
    }

    /** The latest {@code limit} invitations whatever became of them (used, revoked, expired), newest first. */
    public List<Listed> latest(int limit) {
        return handle.createQuery("SELECT " + COLUMNS + ", used_at FROM invites ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Listed(invite(rs), instant(rs.getTimestamp("used_at")))).list();
    }

    /** Revokes an unused invitation; false when there is none with this id, or it was used or revoked already. */
    public boolean revoke(long inviteId, Instant now) {
        return handle.createUpdate("UPDATE invites SET revoked_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
                .bind("now", now).bind("id", inviteId).execute() == 1;
    }

    /** Marks the invitation used; false when someone used or revoked it first. */
    public boolean consume(long inviteId, long memberId) {
        return handle.createUpdate("""
                        UPDATE invites SET used_at = :now, used_by = :member
                        WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL""")
                .bind("now", Instant.now()).bind("member", memberId).bind("id", inviteId).execute() == 1;
    }

    private static Invite invite(ResultSet rs) throws SQLException {
        return new Invite(rs.getLong("id"), Account.Role.fromId(rs.getString("role")), rs.getString("recruitment_source"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
