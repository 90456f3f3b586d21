package org.redteam4j.core.campaign;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps a run's results in memory: for library users who want the results without a database,
 * and for a Spark partition, which Spark reruns whole when it fails. Thread-safe.
 */
public final class InMemoryLedger implements AttackLedger {

    private final List<AttackResult> results = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Set<String> finishedKeys() {
        synchronized (results) {
            Set<String> keys = new HashSet<>();
            results.stream().filter(r -> r.status() != AttackResult.Status.NOT_RUN).forEach(r -> keys.add(r.attack().key()));
            return keys;
        }
    }

    @Override
    public void record(AttackResult result) {
        results.add(result);
    }

    @Override
    public void notRun(Collection<PlannedAttack> attacks) {
        attacks.forEach(plan -> results.add(AttackResult.notRun(plan)));
    }

    /** The results so far, in the order they finished. */
    public List<AttackResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
