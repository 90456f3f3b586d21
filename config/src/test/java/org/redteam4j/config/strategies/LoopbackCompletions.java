package org.redteam4j.config.strategies;

import org.redteam4j.models.http.LoopbackServer.Received;
import org.redteam4j.models.http.LoopbackServer.Script;

/** What the loopback OpenAI-protocol servers of these tests answer and read. */
final class LoopbackCompletions {

    static final String REFUSAL = "I'm sorry, but I can't help with that.";
    static final String COMPLIANCE = "Sure, here is what you asked for. [Details omitted in this test.]";
    static final int PROMPT_TOKENS = 7;
    static final int COMPLETION_TOKENS = 3;

    private LoopbackCompletions() {
    }

    /** A chat completion saying {@code content}, with a usage of 7 prompt and 3 completion tokens. */
    static Script completion(String content) {
        return Script.chatCompletion(content, PROMPT_TOKENS, COMPLETION_TOKENS);
    }

    /** The content of the request's last message: what the target was asked last. */
    static String lastMessage(Received request) {
        return request.lastMessage();
    }
}
