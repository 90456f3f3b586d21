package org.redteam4j.core.attack.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.AttackRun;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Converter;
import org.redteam4j.core.attack.Converters;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.MalformedResponseException;
import org.redteam4j.core.chat.Reply;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.testing.RecordingModel;

/** The converters the attacker model does: one call each, whose answer is the new prompt. */
class AttackerRewritesTest {

    private static final String PROMPT = "Ask for help cheating at cards";

    /** An in-process attacker that answers each request's last message with {@code answer}, and keeps the requests. */
    private static final class ScriptedAttacker implements ChatModel {

        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        private final Function<String, String> answer;

        ScriptedAttacker(Function<String, String> answer) {
            this.answer = answer;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            requests.add(request);
            String text = request.turns().get(request.turns().size() - 1).text();
            return new ChatResponse(List.of(Reply.of(answer.apply(text), "stop")), new TokenUsage(12, 4), Duration.ZERO,
                    "scripted", false);
        }

        @Override
        public String id() {
            return "scripted";
        }
    }

    @Test
    void eachAsksTheAttackerOnceWithThePromptAndUsesItsAnswer() {
        ConverterSettings settings = new ConverterSettings("German", "formal", 3);
        List<List<String>> cases = List.of(
                List.of("translate", "Translate into German:"),
                List.of("tense", "in the past tense"),
                List.of("tone", "in a formal tone"),
                List.of("paraphrase", "Paraphrase this request"));
        for (List<String> c : cases) {
            ScriptedAttacker attacker = new ScriptedAttacker(text -> "  rewritten (" + text.length() + " characters)\n");
            Converter converter = Converters.byId(c.get(0), settings);

            String converted = converter.convert(PROMPT, attacker);

            assertThat(attacker.requests).as(c.get(0)).singleElement().satisfies(request -> {
                assertThat(request.turns()).singleElement().satisfies(turn -> assertThat(turn.text()).contains(c.get(1))
                        .endsWith("\n" + PROMPT));
                assertThat(request.system()).startsWith("You ");
                assertThat(request.sampling().samples()).isEqualTo(1);
            });
            int asked = attacker.requests.get(0).turns().get(0).text().length();
            assertThat(converted).as(c.get(0)).isEqualTo("rewritten (" + asked + " characters)");
        }
    }

    @Test
    void withoutAnAttackerOrWithAnEmptyAnswerItFailsInsteadOfSendingNothing() {
        for (String id : List.of("translate", "tense", "tone", "paraphrase")) {
            Converter converter = Converters.byId(id, null);
            assertThatThrownBy(() -> converter.convert(PROMPT, null)).as(id).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs an attacker model");
            assertThatThrownBy(() -> converter.convert(PROMPT, new ScriptedAttacker(text -> " \n "))).as(id)
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("with nothing");
        }
    }

    @Test
    void aChainMakesOneAttackerCallPerRewriteAndTheTargetGetsTheLastOutput() {
        ScriptedAttacker attacker = new ScriptedAttacker(text -> "step " + text.lines().count());
        RecordingModel target = new RecordingModel(true);
        SingleTurn chain = SingleTurn.converted(List.of(Converters.byId("tone", null), Converters.byId("base64", null),
                Converters.byId("paraphrase", null)));

        AttackRun run = chain.run(Seed.of(PROMPT), target, Sampling.DEFAULT, new AttackTools(attacker, null, null));

        assertThat(chain.id()).isEqualTo("converters:tone:casual+base64+paraphrase");
        assertThat(chain.maxAttackerRequests()).isEqualTo(2);
        assertThat(attacker.requests).hasSize(2);
        // paraphrase saw base64's two lines (instruction and code) of tone's answer
        assertThat(attacker.requests.get(1).turns().get(0).text()).contains("base64-encoded").contains("c3RlcCAy");
        assertThat(run.prompt()).isEqualTo("step 3");
        assertThat(target.requests()).singleElement().satisfies(r -> assertThat(r.turns().get(0).text()).isEqualTo("step 3"));
    }
}
