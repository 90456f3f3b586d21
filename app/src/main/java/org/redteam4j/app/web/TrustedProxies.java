package org.redteam4j.app.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which peers may say who the client is with {@code X-Forwarded-For} ({@code serve --trust-proxy
 * CIDR}); none by default, since anyone can send the header. The client is the right-most
 * forwarded address that is not itself a trusted proxy. An IPv6 client counts as its /64 network,
 * which one person commonly holds whole.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private record Range(byte[] network, int prefix) {
        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}…; an {@link IllegalArgumentException} says which is wrong. */
    static TrustedProxies parse(List<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        for (String cidr : cidrs) {
            for (String part : cidr.split(",")) {
                ranges.add(range(part.strip()));
            }
        }
        return new TrustedProxies(ranges);
    }

    boolean trustsAny() {
        return !ranges.isEmpty();
    }

    /** The client's address as the limiter counts it, from the connection's peer and its forwarded-for headers. */
    String client(String peer, List<String> forwardedFor) {
        Optional<InetAddress> hop = literal(peer);
        if (hop.isEmpty()) {
            return String.valueOf(peer);
        }
        List<String> chain = new ArrayList<>();
        forwardedFor.forEach(header -> chain.addAll(List.of(header.split(","))));
        for (int i = chain.size() - 1; i >= 0 && trusted(hop.get()); i--) {
            Optional<InetAddress> previous = literal(chain.get(i).strip());
            if (previous.isEmpty()) {
                break; // a broken chain: keep the last hop a trusted proxy vouched for
            }
            hop = previous;
        }
        return counted(hop.get());
    }

    private boolean trusted(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static String counted(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            byte[] network = new byte[16];
            System.arraycopy(bytes, 0, network, 0, 8);
            return literal(network).getHostAddress() + "/64";
        }
        return address.getHostAddress();
    }

    private static Range range(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        InetAddress address = literal(host)
                .orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to " + bits);
            }
        }
        return new Range(address.getAddress(), prefix);
    }

    /** An IP literal, never a name lookup; brackets around IPv6 are allowed. */
    private static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (IPV4.matcher(bare).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = bare.split("\\.");
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) value;
            }
            return Optional.of(literal(bytes));
        }
        if (!bare.contains(":") || !bare.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare)); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
