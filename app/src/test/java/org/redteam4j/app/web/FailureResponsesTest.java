package org.redteam4j.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.redteam4j.app.workbench.WorkbenchFailure.Kind;

@Tag("reliability")
class FailureResponsesTest {

    @Test
    void everyKindOfRefusalHasItsStatusCode() {
        Map<Kind, Integer> codes = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            codes.put(kind, FailureResponses.code(kind));
        }

        assertThat(codes).containsExactlyInAnyOrderEntriesOf(Map.of(Kind.INVALID, 400, Kind.NOT_SIGNED_IN, 401,
                Kind.FORBIDDEN, 403, Kind.NOT_FOUND, 404, Kind.CONFLICT, 409, Kind.TOO_MANY, 429));
    }
}
