package org.redteam4j.models.http.templated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.transcript.Turn;

/**
 * The open sessions, each under what it has exchanged so far (system, document and turns). The
 * engine sends the whole conversation on every call and one target serves many attacks at once,
 * so a conversation is known by its turns: a request whose earlier turns equal what a session
 * exchanged continues it. A session is taken out while a call uses it, so two calls never share
 * one; the least recently used are dropped past the bound.
 */
final class Sessions {

    static final int DEFAULT_BOUND = 1_000;

    /** What a session has exchanged: the key it is found by. */
    record Exchanged(String system, String document, List<Turn> turns) {

        Exchanged {
            turns = List.copyOf(turns);
        }

        Exchanged then(Turn human, Turn reply) {
            List<Turn> longer = new ArrayList<>(turns);
            longer.add(human);
            longer.add(reply);
            return new Exchanged(system, document, longer);
        }
    }

    private final int bound;
    private final Map<Exchanged, Session> open;

    Sessions(int bound) {
        this.bound = bound;
        this.open = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The session that exchanged exactly {@code earlier}, taken out; null when there is none. */
    synchronized Session take(Exchanged earlier) {
        return open.remove(earlier);
    }

    /** Puts a session back under what it has now exchanged. */
    synchronized void keep(Exchanged exchanged, Session session) {
        open.put(exchanged, session);
        while (open.size() > bound) {
            open.remove(open.keySet().iterator().next());
        }
    }

    synchronized int size() {
        return open.size();
    }
}
