package org.redteam4j.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s network options are checked before anything starts (issue 15). */
@Tag("security")
class ServeOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aBadTrustedProxyRangeIsBadUsage() {
        CliRun run = CliRun.of("serve", "--db", dir.resolve("w.db").toString(), "--trust-proxy", "10.0.0.0/8,nonsense");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--trust-proxy").contains("'nonsense' is not an IP address");
    }

    @Test
    void aBadPublicUrlOrInviteLifetimeIsBadUsage() {
        String db = dir.resolve("w.db").toString();
        CliRun url = CliRun.of("serve", "--db", db, "--public-url", "redteam.example.org");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("--public-url 'redteam.example.org'").contains("http(s)://HOST");
        assertThat(CliRun.of("serve", "--db", db, "--public-url", "https://x.example/?a=1").exitCode()).isEqualTo(2);

        CliRun days = CliRun.of("serve", "--db", db, "--invite-days", "0");
        assertThat(days.exitCode()).isEqualTo(2);
        assertThat(days.err()).contains("--invite-days 0").contains("1 to 365 days");
    }
}
