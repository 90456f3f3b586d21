package org.redteam4j.app.web;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Login CSRF: posts that sign someone in (the login form, {@code /api/login}, accepting an
 * invitation) carry no session token yet, so another site could post them to sign a victim into
 * the attacker's account. Browsers say where a request comes from. {@code Sec-Fetch-Site}, which
 * no page can forge, decides when sent: only {@code same-origin} (or {@code none}, typed by the
 * person) passes. Without it (older browsers) {@code Origin}, when sent, must be this server — the
 * public URL, or the host the request was sent to; {@code null} is refused. (Under our
 * {@code Referrer-Policy: no-referrer} Chromium sends {@code Origin: null} even for its own forms,
 * hence Sec-Fetch-Site first.) A request with neither header comes from a script, not a browser,
 * and cannot carry a victim's cookies into a login.
 */
final class LoginOrigin {

    private LoginOrigin() {
    }

    static boolean crossOrigin(Context ctx, Optional<URI> publicUrl) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        Optional<String> from = authority(origin);
        if (from.isEmpty()) {
            return true; // "null" (a sandboxed frame, a file) or garbage
        }
        if (publicUrl.isPresent() && authority(publicUrl.get().toString()).equals(from)) {
            return false;
        }
        String scheme = origin.substring(0, origin.indexOf(':')).toLowerCase(Locale.ROOT);
        String host = ctx.header("Host");
        return host == null || !from.get().equals(withPort(host.toLowerCase(Locale.ROOT), scheme));
    }

    /** {@code host:port} of an origin or URL, with the scheme's default port filled in. */
    private static Optional<String> authority(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
            return Optional.of(uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String withPort(String host, String scheme) {
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        return hasPort ? host : host + ":" + defaultPort(scheme);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
