package org.redteam4j.store.workbench;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One-time invitation links: only a hash of each token is stored, and a token works once. */
public final class InviteRepository {

    /** What an invitation grants. */
    public record Invite(long id, Account.Role role, String recruitmentSource) {
    }

    private final Handle handle;

    public InviteRepository(Handle handle) {
        this.handle = handle;
    }

    public void create(String tokenHash, Account.Role role, String recruitmentSource, long createdBy) {
        handle.createUpdate("""
                        INSERT INTO invites (token_hash, role, recruitment_source, created_by, created_at)
                        VALUES (:hash, :role, :source, :by, :now)""")
                .bind("hash", tokenHash).bind("role", role.id()).bind("source", recruitmentSource).bind("by", createdBy)
                .bind("now", Instant.now()).execute();
    }

    public Optional<Invite> findUnused(String tokenHash) {
        return handle.createQuery("SELECT id, role, recruitment_source FROM invites WHERE token_hash = :hash AND used_at IS NULL")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Invite(rs.getLong("id"), Account.Role.fromId(rs.getString("role")),
                        rs.getString("recruitment_source")))
                .findOne();
    }

    /** Marks the invitation used; false when someone used it first. */
    public boolean consume(long inviteId, long memberId) {
        return handle.createUpdate("UPDATE invites SET used_at = :now, used_by = :member WHERE id = :id AND used_at IS NULL")
                .bind("now", Instant.now()).bind("member", memberId).bind("id", inviteId).execute() == 1;
    }
}
