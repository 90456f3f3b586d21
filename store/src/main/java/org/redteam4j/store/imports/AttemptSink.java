package org.redteam4j.store.imports;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.RedTeamAttemptJson;
import org.redteam4j.store.attempt.AttemptRepository;
import org.redteam4j.store.member.MemberRepository;
import org.redteam4j.store.member.RecruitmentSource;
import org.redteam4j.store.targets.TargetRepository;

/** Stores hh-rlhf red-team attempts: the member and target rows on first sight, then the attempt. */
final class AttemptSink implements RecordSink<RedTeamAttempt> {

    private final AttemptRepository attempts;
    private final MemberRepository members;
    private final TargetRepository targets;
    private final Map<Long, Long> memberIds = new HashMap<>();
    private final Map<String, Long> targetIds = new HashMap<>();

    AttemptSink(Handle handle) {
        this.attempts = new AttemptRepository(handle);
        this.members = new MemberRepository(handle);
        this.targets = new TargetRepository(handle);
    }

    @Override
    public String contentHash(RedTeamAttempt attempt) {
        return RecordKeys.sha256(attempt, RedTeamAttemptJson::write);
    }

    @Override
    public boolean insert(String recordKey, long importId, RedTeamAttempt attempt) {
        long memberId = memberIds.computeIfAbsent(attempt.redTeamMemberId(), id ->
                members.idForSourceMember(id, RecruitmentSource.fromIsUpworker(attempt.isUpworker())));
        long targetId = targetIds.computeIfAbsent(attempt.modelType().label() + '\0' + attempt.numParams(), key ->
                targets.idFor(TargetRepository.IMPORTED, attempt.modelType().label(), attempt.numParams()));
        return attempts.insertCompleted(recordKey, importId, targetId, memberId, attempt).isPresent();
    }
}
