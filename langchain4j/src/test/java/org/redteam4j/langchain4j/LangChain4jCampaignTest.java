package org.redteam4j.langchain4j;

import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.Campaign;
import org.redteam4j.api.CampaignResult;
import org.redteam4j.api.testing.AdapterContract;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;

class LangChain4jCampaignTest {

    @Test
    void aMultiTurnCampaignSendsTheGrowingConversationThroughTheModel() throws Exception {
        try (LoopbackServer server = new LoopbackServer().answering(request ->
                Script.chatCompletion(AdapterContract.refusingTwiceThenComplying(request.messages()), 20, 5))) {
            OpenAiChatModel model = OpenAiChatModel.builder().baseUrl(server.url("/v1").toString()).apiKey("test-key")
                    .modelName("gpt-4o-mini").maxRetries(0).build();

            CampaignResult result = Campaign.fromYamlText(AdapterContract.multiTurnCampaign("langchain4j-multi-turn"),
                    "langchain4j-multi-turn.yaml").withTarget("bot", model).run();

            AdapterContract.sentTheGrowingConversation(result,
                    server.received().stream().map(LoopbackServer.Received::messages).toList(), List.of());
        }
    }
}
