package org.redteam4j.models.http;

import java.time.Duration;
import java.util.function.Consumer;
import org.redteam4j.core.chat.ChatResponse;

/**
 * Reads one streamed response line by line (server-sent events or newline-delimited JSON) as a
 * provider's protocol has it; a new one per call. Throws anything on a line that breaks the
 * protocol; {@link HttpChatModel} turns that into a malformed-response error.
 */
public interface StreamDecoder {

    /** One line of the body, without its line end; tells {@code onText} the reply's text it carries. */
    void line(String line, Consumer<String> onText);

    /** The whole response once the body ended; throws when it ended before the protocol's end. */
    ChatResponse finish(Duration latency);
}
