package org.redteam4j.springai.internal;

import java.util.List;
import org.redteam4j.api.ChatTarget;
import org.redteam4j.api.Reply;
import org.redteam4j.api.Turn;
import org.springframework.ai.chat.client.ChatClient;

/**
 * A Spring AI {@link ChatClient} as a target. The conversation goes in as messages, not as the user
 * text, so an attack's braces are never read as a template, and the client's defaults and advisors run
 * as they do for the application's own requests.
 */
public final class ChatClientTarget implements ChatTarget {

    private final ChatClient client;

    public ChatClientTarget(ChatClient client) {
        this.client = client;
    }

    @Override
    public Reply reply(List<Turn> conversation) {
        return SpringAiMessages.reply(
                client.prompt().messages(SpringAiMessages.messages(conversation)).call().chatResponse(), this);
    }

    @Override
    public String toString() {
        return "Spring AI ChatClient";
    }
}
