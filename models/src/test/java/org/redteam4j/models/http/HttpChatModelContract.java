package org.redteam4j.models.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatModelContract;
import org.redteam4j.models.http.LoopbackServer.Script;

/**
 * The {@link ChatModelContract} for a runtime on {@link HttpChatModel}, against a loopback server
 * that speaks its protocol: {@link #serve} answers what scripts do not.
 */
public abstract class HttpChatModelContract extends ChatModelContract implements ChatModelContract.Remote {

    private final String apiKey;
    protected LoopbackServer server;

    /** {@code apiKey}: the key the runtime's models send, or null for a runtime without one. */
    protected HttpChatModelContract(String apiKey) {
        this.apiKey = apiKey;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackServer().answering(request -> serve(request.json()));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** What a server of this protocol answers to a request body: a reply, or the 400 it gives a request it cannot take. */
    protected abstract Script serve(JsonNode request);

    @Override
    public ChatModel model() {
        return modelAt(server.url(""));
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    @Override
    public void answerNext(int status, Map<String, String> headers, String body) {
        server.then(new Script(status, headers, body, Duration.ZERO));
    }

    /** The 400 a server gives a request outside its protocol. */
    protected static Script badRequest(String problem) {
        return Script.status(400, "{\"error\": {\"message\": \"" + problem + "\"}}");
    }

    /** Whether every message's role is one the protocol knows. */
    protected static boolean rolesAre(JsonNode messages, Set<String> roles) {
        for (JsonNode message : messages) {
            if (!roles.contains(message.path("role").asText())) {
                return false;
            }
        }
        return true;
    }
}
