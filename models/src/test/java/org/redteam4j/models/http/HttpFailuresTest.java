package org.redteam4j.models.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("reliability")
class HttpFailuresTest {

    @Test
    void readsRetryAfterAsSecondsOrAsADate() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");

        assertThat(HttpFailures.retryAfter(headers("7"), now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(HttpFailures.retryAfter(headers("0.5"), now)).isEqualTo(Duration.ofMillis(500));
        assertThat(HttpFailures.retryAfter(headers("Sat, 28 Nov 2026 12:00:30 GMT"), now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpFailures.retryAfter(headers("soon"), now)).isNull();
        assertThat(HttpFailures.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true), now)).isNull();
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
    }
}
