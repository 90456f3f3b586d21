package org.redteam4j.app.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.redteam4j.app.workbench.Principal;

/**
 * The link an admin just made, kept in memory for the page the form redirects to, which shows it
 * once: only the token's hash is stored, so the link cannot be shown again later. Kept per session
 * (its CSRF token names it) and for a few minutes at most.
 */
final class NewInviteLinks {

    /** A link just made, for a role. */
    record Link(String url, String role, Instant madeAt) {
    }

    private static final Duration KEPT = Duration.ofMinutes(5);

    private final Map<String, Link> bySession = new ConcurrentHashMap<>();

    void put(Principal admin, String url, String role) {
        Instant now = Instant.now();
        bySession.values().removeIf(link -> link.madeAt().plus(KEPT).isBefore(now));
        bySession.put(admin.csrfToken(), new Link(url, role, now));
    }

    /** The session's new link, removed as it is handed out. */
    Optional<Link> take(Principal admin) {
        return Optional.ofNullable(bySession.remove(admin.csrfToken()))
                .filter(link -> link.madeAt().plus(KEPT).isAfter(Instant.now()));
    }
}
