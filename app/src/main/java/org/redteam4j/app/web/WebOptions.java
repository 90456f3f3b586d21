package org.redteam4j.app.web;

import java.net.URI;
import java.util.Optional;

/**
 * How the workbench sits on the network, from {@code serve}'s options: which proxies it trusts to
 * name the client, and the public URL people reach it at (for logins' origin check and links).
 */
record WebOptions(TrustedProxies trustedProxies, Optional<URI> publicUrl) {

    WebOptions(TrustedProxies trustedProxies) {
        this(trustedProxies, Optional.empty());
    }

    static WebOptions defaults() {
        return new WebOptions(TrustedProxies.none());
    }
}
