package org.redteam4j.store.workbench;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Login sessions: only a hash of each session token is stored. */
public final class SessionRepository {

    /** A live session. */
    public record Session(long memberId, String csrfToken, Instant expiresAt) {
    }

    private final Handle handle;

    public SessionRepository(Handle handle) {
        this.handle = handle;
    }

    public void create(String tokenHash, long memberId, String csrfToken, Instant expiresAt) {
        handle.createUpdate("""
                        INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, expires_at)
                        VALUES (:hash, :member, :csrf, :now, :expires)""")
                .bind("hash", tokenHash).bind("member", memberId).bind("csrf", csrfToken)
                .bind("now", Instant.now()).bind("expires", expiresAt).execute();
    }

    public Optional<Session> find(String tokenHash) {
        // a deactivated person's sessions are deleted; the join keeps any left over from opening a page
        return handle.createQuery("""
                        SELECT s.member_id, s.csrf_token, s.expires_at FROM sessions s JOIN members m ON m.id = s.member_id
                        WHERE s.token_hash = :hash AND m.active = TRUE""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Session(rs.getLong("member_id"), rs.getString("csrf_token"),
                        rs.getTimestamp("expires_at").toInstant()))
                .findOne()
                .filter(session -> session.expiresAt().isAfter(Instant.now()));
    }

    /** Ends every other session of a person, e.g. after they changed their password. */
    public void deleteOthers(long memberId, String keptTokenHash) {
        handle.createUpdate("DELETE FROM sessions WHERE member_id = :member AND token_hash <> :kept")
                .bind("member", memberId).bind("kept", keptTokenHash).execute();
    }

    /** Ends every session of a person at once (their account was deactivated); returns how many ended. */
    public int deleteAll(long memberId) {
        return handle.createUpdate("DELETE FROM sessions WHERE member_id = :member").bind("member", memberId).execute();
    }

    public void delete(String tokenHash) {
        handle.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute();
    }
}
