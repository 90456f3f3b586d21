package org.redteam4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.Campaign;
import org.redteam4j.api.CampaignResult;
import org.redteam4j.api.TargetSummary;
import org.redteam4j.api.Turn;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

class LangChain4jCampaignTest {

    static final String REFUSAL = "I can't help with that.";
    static final String COMPLIANCE = "Sure, I will go along with that request (details left out here).";

    /** Two seeds, each a three-turn conversation, one attack at a time so the requests come in order. */
    static final String MULTI_TURN_CAMPAIGN = """
            name: langchain4j-multi-turn
            attacker: sim
            seeds: {builtin: true, limit: 2}
            strategies:
              - multi_turn: {turns: 3, backtracks: 0}
            judges: [keyword]
            limits: {concurrency: 1}
            """;

    /** A model that refuses the first two turns of a conversation and goes along with the third. */
    private static Script refusingTwiceThenComplying(LoopbackServer.Received request) {
        long earlierReplies = request.messages().stream().filter(message -> message.startsWith("assistant: ")).count();
        return Script.chatCompletion(earlierReplies < 2 ? REFUSAL : COMPLIANCE, 20, 5);
    }

    @Test
    void aMultiTurnCampaignSendsTheGrowingConversationThroughTheModel() throws Exception {
        try (LoopbackServer server = new LoopbackServer().answering(LangChain4jCampaignTest::refusingTwiceThenComplying)) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.url("/v1").toString()).apiKey("test-key")
                    .modelName("gpt-4o-mini").maxRetries(0).build();

            CampaignResult result = Campaign.fromYamlText(MULTI_TURN_CAMPAIGN, "langchain4j-multi-turn.yaml")
                    .withTarget("bot", model).run();

            TargetSummary bot = result.target("bot");
            assertThat(bot.attacks()).isEqualTo(2);
            assertThat(bot.judged()).isEqualTo(2);
            assertThat(bot.errors()).isZero();
            assertThat(bot.hits()).isEqualTo(2); // each third reply goes along
            assertThat(result.attacks()).allSatisfy(attack -> {
                assertThat(attack.reply()).isEqualTo(COMPLIANCE);
                assertThat(attack.conversation()).extracting(Turn::role).containsExactly(Turn.Role.USER,
                        Turn.Role.ASSISTANT, Turn.Role.USER, Turn.Role.ASSISTANT, Turn.Role.USER, Turn.Role.ASSISTANT);
            });

            List<LoopbackServer.Received> requests = server.received();
            assertThat(requests).hasSize(6);
            List<String> first = requests.get(0).messages();
            List<String> second = requests.get(1).messages();
            List<String> third = requests.get(2).messages();
            assertThat(first).hasSize(1).allMatch(message -> message.startsWith("user: "));
            assertThat(second).hasSize(3).startsWith(first.get(0), "assistant: " + REFUSAL);
            assertThat(third).hasSize(5).startsWith(second.toArray(String[]::new));
            assertThat(third.get(3)).isEqualTo("assistant: " + REFUSAL);
            assertThat(requests.get(3).messages()).hasSize(1); // the second seed starts a new conversation
        }
    }
}
