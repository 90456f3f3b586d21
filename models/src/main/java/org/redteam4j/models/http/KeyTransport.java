package org.redteam4j.models.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an API key may travel to a server: over {@code https}, or over plain {@code http} only
 * to this machine (loopback), unless the user said the network is trusted. Decided from the URL
 * alone, before any connection or name lookup.
 */
public final class KeyTransport {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private KeyTransport() {
    }

    /** True when sending a key to {@code url} would put it on the network in clear text. */
    public static boolean exposes(URI url) {
        return "http".equalsIgnoreCase(url.getScheme()) && !isLoopback(url.getHost());
    }

    /** localhost, 127.0.0.0/8 or ::1, by the host as written (a name other than localhost is not resolved). */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (IPV4.matcher(h).matches()) {
            String[] octets = h.split("\\.");
            return octets[0].equals("127") && Arrays.stream(octets).allMatch(o -> Integer.parseInt(o) <= 255);
        }
        if (!h.contains(":")) {
            return false; // a name: looking it up could itself reach the network, and DNS can lie
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
