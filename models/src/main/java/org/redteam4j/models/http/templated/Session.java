package org.redteam4j.models.http.templated;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One conversation's state at the application: the session id sent as {@code {{session}}} (a
 * random UUID until the server names its own) and the cookies the server set. Used by one call
 * at a time: {@link Sessions} hands it out and takes it back.
 */
final class Session {

    private volatile String id = UUID.randomUUID().toString();
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    String id() {
        return id;
    }

    /** The server's own id, from then on. */
    void adopt(String serverId) {
        this.id = serverId;
    }

    /** The {@code Cookie} headers due for {@code uri}. */
    Map<String, List<String>> cookiesFor(URI uri) {
        try {
            return cookies.get(uri, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException("the in-memory cookie store failed", e);
        }
    }

    /** Keeps what {@code Set-Cookie} headers say. */
    void remember(URI uri, HttpHeaders headers) {
        try {
            cookies.put(uri, headers.map());
        } catch (IOException e) {
            throw new IllegalStateException("the in-memory cookie store failed", e);
        }
    }
}
