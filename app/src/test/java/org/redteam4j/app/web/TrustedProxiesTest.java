package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who the client is, from the peer and X-Forwarded-For (issue 15, item 3). */
@Tag("security")
class TrustedProxiesTest {

    private final TrustedProxies proxy = TrustedProxies.parse(List.of("10.0.0.0/8", "127.0.0.1"));

    @Test
    void withoutTrustTheHeaderIsIgnored() {
        assertThat(TrustedProxies.none().client("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        assertThat(proxy.client("127.0.0.1", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxy.client("127.0.0.1", List.of("198.51.100.2, 203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
        assertThat(proxy.client("127.0.0.1", List.of("198.51.100.2", "10.1.2.3"))).isEqualTo("198.51.100.2");
        assertThat(proxy.client("192.0.2.1", List.of("203.0.113.7"))).as("an untrusted peer").isEqualTo("192.0.2.1");
        assertThat(proxy.client("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void aBrokenChainStopsAtTheLastHopATrustedProxyVouchedFor() {
        assertThat(proxy.client("127.0.0.1", List.of("not-an-address"))).isEqualTo("127.0.0.1");
        assertThat(proxy.client("127.0.0.1", List.of("evil.example, 10.0.0.9"))).isEqualTo("10.0.0.9");
        assertThat(proxy.client("127.0.0.1", List.of("999.1.1.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void anIpv6ClientCountsAsItsSlash64() {
        assertThat(proxy.client("127.0.0.1", List.of("2001:db8:1:2:aaaa::1"))).isEqualTo(proxy.client("127.0.0.1",
                List.of("[2001:db8:1:2:bbbb::9]"))).startsWith("2001:db8:1:2:").endsWith("/64");
        assertThat(TrustedProxies.parse(List.of("fd00::/8")).client("fd00::1", List.of("2001:db8::5"))).startsWith("2001:db8:0:0:");
    }

    @Test
    void aBadRangeIsNamed() {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33")
                .hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("proxy.example"))).hasMessageContaining("'proxy.example' is not an IP");
    }
}
