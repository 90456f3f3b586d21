package org.redteam4j.store.member;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Members: red team members, reviewers and admins. */
public final class MemberRepository {

    private final Handle handle;

    public MemberRepository(Handle handle) {
        this.handle = handle;
    }

    /** The member imported with this anonymous id, created on first sight. */
    public long idForSourceMember(long sourceMemberId, String recruitmentSource) {
        Optional<Long> existing = handle.createQuery("SELECT id FROM members WHERE source_member_id = :source")
                .bind("source", sourceMemberId)
                .mapTo(Long.class)
                .findOne();
        return existing.orElseGet(() -> handle.createUpdate("""
                        INSERT INTO members (source_member_id, role, recruitment_source, created_at)
                        VALUES (:source, 'member', :recruitment, :now)""")
                .bind("source", sourceMemberId)
                .bind("recruitment", recruitmentSource)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }
}
