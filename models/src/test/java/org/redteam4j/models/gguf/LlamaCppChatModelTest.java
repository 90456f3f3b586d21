package org.redteam4j.models.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.chat.ChatModelContract;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.transcript.Turn;

/**
 * The real llama.cpp runtime on a generated random-weight model: loading, tokenising, sampling. The
 * contract without {@link ChatModelContract.ReportsFinishReason}: the binding does not say why
 * generation stopped.
 */
class LlamaCppChatModelTest extends ChatModelContract
        implements ChatModelContract.StopsAtMaxTokens, ChatModelContract.RepeatsForASeed {

    @TempDir
    static Path dir;

    static Path file;
    static LlamaCppChatModel model;

    @BeforeAll
    static void load() throws Exception {
        file = TinyGguf.write(dir.resolve("tiny.gguf"), 11);
        model = new LlamaCppChatModel(file, new GgufSettings(TinyGguf.CONTEXT, 1, false));
    }

    @Override
    public LlamaCppChatModel model() {
        return new LlamaCppChatModel(file, new GgufSettings(TinyGguf.CONTEXT, 1, false));
    }

    @AfterAll
    static void free() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void tokenisesBytesAndDecodesThemBack() {
        int[] tokens = model.tokenize("Hi!");

        assertThat(tokens).isNotEmpty();
        assertThat(java.util.Arrays.stream(tokens).boxed()).allSatisfy(token -> assertThat(token).isBetween(0, TinyGguf.VOCAB - 1));
        assertThat(model.detokenize(tokens)).contains("Hi!");
    }

    @Test
    void samplesRepliesWithUsage() {
        ChatRequest request = ChatRequest.of(List.of(Turn.human("Hello")), new Sampling(0.8, null, 8, 2, 5L, List.of()));

        ChatResponse response = model.chat(request);

        assertThat(response.replies()).hasSize(2);
        assertThat(response.usage().inputTokens()).isGreaterThan(0);
        assertThat(response.usage().outputTokens()).isGreaterThan(0).isLessThanOrEqualTo(2 * 8 + 2);
        assertThat(response.simulated()).isFalse();
        assertThat(model.id()).isEqualTo("gguf:tiny.gguf");
    }

    @Test
    void usesTheChatTemplatePathToo() throws Exception {
        Path file = TinyGguf.write(dir.resolve("tiny-template.gguf"), 12);
        try (LlamaCppChatModel templated = new LlamaCppChatModel(file, new GgufSettings(TinyGguf.CONTEXT, 1, true))) {
            ChatResponse response = templated.chat(new ChatRequest("Be brief.", List.of(Turn.human("Hello")),
                    new Sampling(0.8, null, 4, 1, 1L, List.of())));

            assertThat(response.replies()).hasSize(1);
            assertThat(response.usage().outputTokens()).isBetween(1L, 4L);
        }
    }
}
