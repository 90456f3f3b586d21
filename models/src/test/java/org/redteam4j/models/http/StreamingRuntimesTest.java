package org.redteam4j.models.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.RateLimitedException;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.ServerErrorException;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.anthropic.AnthropicChatModel;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.ollama.OllamaChatModel;
import org.redteam4j.models.openai.OpenAiCompatibleChatModel;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientChatModel;

/** Each runtime's streamed reply, from a loopback server that speaks the provider's own stream format. */
class StreamingRuntimesTest {

    private static final ChatRequest QUESTION = ChatRequest.of(List.of(Turn.human("How do I pick a lock?")), Sampling.DEFAULT);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    static final String OPENAI_STREAM = """
            data: {"id":"c1","object":"chat.completion.chunk","model":"served-model","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"c1","object":"chat.completion.chunk","model":"served-model","choices":[{"index":0,"delta":{"content":"I can't "},"finish_reason":null}]}

            : keep-alive

            data: {"id":"c1","object":"chat.completion.chunk","model":"served-model","choices":[{"index":0,"delta":{"content":"help with that."},"finish_reason":null}]}

            data: {"id":"c1","object":"chat.completion.chunk","model":"served-model","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

            data: {"id":"c1","object":"chat.completion.chunk","model":"served-model","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":6,"total_tokens":18}}

            data: [DONE]

            """;

    static final String ANTHROPIC_STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"m1","type":"message","role":"assistant","model":"claude-test","content":[],"stop_reason":null,"usage":{"input_tokens":14,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"I can't "}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"help with that."}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":6}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    static final String OLLAMA_STREAM = """
            {"model":"llama3","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"I can't "},"done":false}
            {"model":"llama3","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":"help with that."},"done":false}
            {"model":"llama3","created_at":"2026-01-01T00:00:01Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":12,"eval_count":6}
            """;

    LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openAiCompatibleStreamsServerSentChunksUntilDone() {
        server.then(Script.json(OPENAI_STREAM));
        ChatModel model = new OpenAiCompatibleChatModel("m", server.url("/v1"), null, TIMEOUT);

        List<String> pieces = new ArrayList<>();
        ChatResponse response = model.stream(QUESTION, pieces::add);

        assertThat(model.streams()).isTrue();
        assertThat(pieces).containsExactly("I can't ", "help with that.");
        assertThat(response.first().text()).isEqualTo("I can't help with that.");
        assertThat(response.first().finishReason()).isEqualTo("stop");
        assertThat(response.usage().inputTokens()).isEqualTo(12);
        assertThat(response.usage().outputTokens()).isEqualTo(6);
        assertThat(response.model()).isEqualTo("served-model");
        assertThat(server.lastRequest().path()).isEqualTo("/v1/chat/completions");
        assertThat(server.lastRequest().json().get("stream").asBoolean()).isTrue();
        assertThat(server.lastRequest().json().at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void anthropicStreamsTextDeltasUntilMessageStop() {
        server.then(Script.json(ANTHROPIC_STREAM));
        ChatModel model = new AnthropicChatModel("claude-test", server.url(""), ApiKey.named("ANTHROPIC_API_KEY", "sk-ant-1"), TIMEOUT);

        List<String> pieces = new ArrayList<>();
        ChatResponse response = model.stream(QUESTION, pieces::add);

        assertThat(pieces).containsExactly("I can't ", "help with that.");
        assertThat(response.first().text()).isEqualTo("I can't help with that.");
        assertThat(response.first().finishReason()).isEqualTo("end_turn");
        assertThat(response.usage().inputTokens()).isEqualTo(14);
        assertThat(response.usage().outputTokens()).isEqualTo(6);
        assertThat(server.lastRequest().path()).isEqualTo("/v1/messages");
        assertThat(server.lastRequest().json().get("stream").asBoolean()).isTrue();
    }

    @Test
    void ollamaStreamsNewlineDelimitedJsonUntilDone() {
        server.then(Script.json(OLLAMA_STREAM));
        ChatModel model = new OllamaChatModel("llama3", server.url(""), TIMEOUT);

        List<String> pieces = new ArrayList<>();
        ChatResponse response = model.stream(QUESTION, pieces::add);

        assertThat(pieces).containsExactly("I can't ", "help with that.");
        assertThat(response.first().text()).isEqualTo("I can't help with that.");
        assertThat(response.first().finishReason()).isEqualTo("stop");
        assertThat(response.usage().outputTokens()).isEqualTo(6);
        assertThat(server.lastRequest().path()).isEqualTo("/api/chat");
        assertThat(server.lastRequest().json().get("stream").asBoolean()).isTrue();
    }

    @Test
    void aStreamCutBeforeItsEndIsAMalformedResponseNotAShorterReply() {
        server.then(Script.json(OPENAI_STREAM.substring(0, OPENAI_STREAM.indexOf("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\","
                + "\"model\":\"served-model\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}"))));
        ChatModel model = new OpenAiCompatibleChatModel("m", server.url("/v1"), null, TIMEOUT);

        assertThatThrownBy(() -> model.stream(QUESTION, piece -> { })).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("ended early");
    }

    @Test
    void anErrorStatusBeforeTheStreamIsTypedAsForAWholeReply() {
        server.then(Script.status(429, "{\"error\": {\"message\": \"slow down\"}}").withHeader("Retry-After", "1"));
        ChatModel model = new OpenAiCompatibleChatModel("m", server.url("/v1"), null, TIMEOUT);

        assertThatThrownBy(() -> model.stream(QUESTION, piece -> { })).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void theResilienceLayerRetriesAStreamOnlyBeforeAnyOfItWasShown() {
        server.then(Script.status(503, "busy"), Script.json(OPENAI_STREAM));
        ResiliencePolicy quick = new ResiliencePolicy(TIMEOUT, 3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(1), 4, 0);
        ChatModel model = new ResilientChatModel(new OpenAiCompatibleChatModel("m", server.url("/v1"), null, TIMEOUT), quick);
        List<String> pieces = new ArrayList<>();

        assertThat(model.stream(QUESTION, pieces::add).first().text()).isEqualTo("I can't help with that.");
        assertThat(pieces).containsExactly("I can't ", "help with that.");

        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        ChatModel breaksMidway = new ChatModel() { // a retriable failure after the first piece was shown
            @Override
            public ChatResponse chat(ChatRequest request) {
                throw new AssertionError("streamed, not called whole");
            }

            @Override
            public ChatResponse stream(ChatRequest request, java.util.function.Consumer<String> onText) {
                calls.incrementAndGet();
                onText.accept("I can't ");
                throw new ServerErrorException("m: HTTP 502 in the middle of the stream", 502);
            }

            @Override
            public String id() {
                return "breaks-midway";
            }
        };
        List<String> shown = new ArrayList<>();
        assertThatThrownBy(() -> new ResilientChatModel(breaksMidway, quick).stream(QUESTION, shown::add))
                .isInstanceOf(ServerErrorException.class);
        assertThat(calls).as("not retried once text was shown").hasValue(1);
        assertThat(shown).containsExactly("I can't ");
    }

    @Test
    void severalSamplesComeWholeFromOneCall() {
        server.then(Script.json("""
                {"choices": [{"message": {"content": "One."}, "finish_reason": "stop"},
                             {"message": {"content": "Two."}, "finish_reason": "stop"}]}"""));
        ChatModel model = new OpenAiCompatibleChatModel("m", server.url("/v1"), null, TIMEOUT);
        List<String> pieces = new ArrayList<>();

        ChatResponse response = model.stream(QUESTION.withSampling(Sampling.DEFAULT.withSamples(2)), pieces::add);

        assertThat(response.replies()).hasSize(2);
        assertThat(pieces).containsExactly("One.");
        assertThat(server.lastRequest().json().has("stream")).isFalse();
    }
}
