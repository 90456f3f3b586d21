package org.redteam4j.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.testing.OpenAiAdapterContract;
import org.redteam4j.models.http.LoopbackServer;

/** A real LangChain4j {@code OpenAiChatModel} holds to the adapter contract. */
class ChatModelTargetTest extends OpenAiAdapterContract {

    ChatModelTargetTest() throws Exception {
    }

    @Override
    protected ChatTarget target(LoopbackServer server) {
        return LangChain4jTargets.of(OpenAiChatModel.builder().baseUrl(server.url("/v1").toString()).apiKey("test-key")
                .modelName("gpt-4o-mini").maxRetries(0).build());
    }
}
