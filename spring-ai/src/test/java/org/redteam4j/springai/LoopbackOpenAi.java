package org.redteam4j.springai;

import org.redteam4j.models.http.LoopbackServer;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.retry.support.RetryTemplate;

/** A real Spring AI OpenAiChatModel that talks to a loopback server, without Spring AI's retries (fast failures). */
final class LoopbackOpenAi {

    private LoopbackOpenAi() {
    }

    static OpenAiChatModel chatModel(LoopbackServer server) {
        OpenAiApi api = OpenAiApi.builder().baseUrl(server.url("").toString()).apiKey("test-key").build();
        return OpenAiChatModel.builder().openAiApi(api)
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
                .retryTemplate(RetryTemplate.builder().maxAttempts(1).build()).build();
    }
}
