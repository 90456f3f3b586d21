package org.redteam4j.app.web;

/** How the workbench sits on the network, from {@code serve}'s options: which proxies it trusts to name the client. */
record WebOptions(TrustedProxies trustedProxies) {

    static WebOptions defaults() {
        return new WebOptions(TrustedProxies.none());
    }
}
