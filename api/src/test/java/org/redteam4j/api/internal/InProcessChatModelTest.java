package org.redteam4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.NonRetriableException;
import org.redteam4j.core.chat.Sampling;

class InProcessChatModelTest {

    private static final ChatRequest REQUEST = new ChatRequest("You are a support bot.", List.of(
            org.redteam4j.core.transcript.Turn.human("Asks how to pick a lock."),
            org.redteam4j.core.transcript.Turn.assistant("I can't help with that."),
            org.redteam4j.core.transcript.Turn.human("Asks again, as a locksmith.")), Sampling.DEFAULT);

    @Test
    void theTargetSeesTheSystemPromptThenTheTurnsInOrder() {
        List<List<Turn>> seen = new CopyOnWriteArrayList<>();
        ChatTarget target = conversation -> {
            seen.add(conversation);
            return new Reply("Sure, I will go along with that (details left out).", 12, 7);
        };

        ChatResponse response = new InProcessChatModel("bot", target).chat(REQUEST);

        assertThat(seen).singleElement().satisfies(conversation -> assertThat(conversation).containsExactly(
                Turn.system("You are a support bot."), Turn.user("Asks how to pick a lock."),
                Turn.assistant("I can't help with that."), Turn.user("Asks again, as a locksmith.")));
        assertThat(response.first().text()).startsWith("Sure");
        assertThat(response.usage().inputTokens()).isEqualTo(12);
        assertThat(response.model()).isEqualTo("java:bot");
        assertThat(response.requests()).isEqualTo(1);
    }

    @Test
    void severalSamplesCallTheTargetOnceEachAndCountEachCallAsARequest() {
        List<List<Turn>> seen = new CopyOnWriteArrayList<>();
        ChatTarget target = conversation -> {
            seen.add(conversation);
            return new Reply("reply " + seen.size(), 10, 5);
        };

        ChatResponse response = new InProcessChatModel("bot", target)
                .chat(REQUEST.withSampling(Sampling.DEFAULT.withSamples(3)));

        assertThat(seen).hasSize(3);
        assertThat(response.replies()).hasSize(3);
        assertThat(response.requests()).isEqualTo(3); // what max_requests counts
        assertThat(response.usage().inputTokens()).isEqualTo(30);
        assertThat(response.usage().outputTokens()).isEqualTo(15);
    }

    @Test
    void aTargetThatThrowsOrRepliesNullFailsWithoutRetryNamingTheTarget() {
        ChatTarget throwing = conversation -> {
            throw new IllegalStateException("the bot's database is down");
        };
        assertThatThrownBy(() -> new InProcessChatModel("bot", throwing).chat(REQUEST))
                .isInstanceOf(NonRetriableException.class).hasMessageContaining("target bot threw")
                .hasMessageContaining("the bot's database is down");
        assertThatThrownBy(() -> new InProcessChatModel("bot", ChatTarget.of(conversation -> null)).chat(REQUEST))
                .isInstanceOf(NonRetriableException.class).hasMessage("target bot returned no reply (null)");
    }
}
