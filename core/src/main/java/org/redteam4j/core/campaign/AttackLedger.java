package org.redteam4j.core.campaign;

import java.util.Collection;
import java.util.Set;

/** Where a campaign's results go, one committed result per finished attack. */
public interface AttackLedger {

    /** Keys of attacks already finished (done or error) in earlier runs. */
    Set<String> finishedKeys();

    /** Commits one finished attack (done or error); must be durable when it returns. */
    void record(AttackResult result);

    /** Records attacks that were planned but not run (the budget ran out), so a later --resume runs them. */
    void notRun(Collection<PlannedAttack> attacks);
}
