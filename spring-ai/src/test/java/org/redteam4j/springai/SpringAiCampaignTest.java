package org.redteam4j.springai;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redteam4j.api.Campaign;
import org.redteam4j.api.CampaignResult;
import org.redteam4j.api.testing.AdapterContract;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.springframework.ai.chat.client.ChatClient;

class SpringAiCampaignTest {

    static final String APPLICATION_PROMPT = "You are the help desk of Example Bank.";

    @Test
    void aMultiTurnCampaignSendsTheGrowingConversationThroughTheClient() throws Exception {
        try (LoopbackServer server = new LoopbackServer().answering(request ->
                Script.chatCompletion(AdapterContract.refusingTwiceThenComplying(request.messages()), 20, 5))) {
            ChatClient client = ChatClient.builder(LoopbackOpenAi.chatModel(server)).defaultSystem(APPLICATION_PROMPT)
                    .build();

            CampaignResult result = Campaign.fromYamlText(AdapterContract.multiTurnCampaign("spring-ai-multi-turn"),
                    "spring-ai-multi-turn.yaml").withTarget("bot", client).run();

            // the application's own system prompt comes first in every request
            AdapterContract.sentTheGrowingConversation(result,
                    server.received().stream().map(LoopbackServer.Received::messages).toList(),
                    List.of("system: " + APPLICATION_PROMPT));
        }
    }
}
