package org.redteam4j.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Something a campaign attacks in this JVM: given the conversation so far (its last turn is the
 * red team's), it replies. It may be called from several threads at once (a campaign's
 * {@code concurrency}); an exception it throws fails that one attack, which then counts as an
 * error, never as a success or a pass.
 *
 * <p>{@link Targets#from(Object)} makes one of a plain {@code Function<List<Turn>, String>} and, with
 * an adapter module on the class path, of a LangChain4j or Spring AI model.
 */
@FunctionalInterface
public interface ChatTarget {

    /**
     * The reply to {@code conversation}.
     *
     * @param conversation the system turn if any, then the turns so far; the last is the red team's
     * @return the reply, never null (a null fails the attack as an error: no reply is not a refusal)
     * @throws Exception when the target fails; that attack counts as an error
     */
    Reply reply(List<Turn> conversation) throws Exception;

    /**
     * A target from a function of the conversation to the reply's text (an agent, a service method, …);
     * a function that returns null fails that attack as an error, saying so.
     *
     * @param function the conversation → the reply's text
     * @return a target whose replies cost no known tokens
     */
    static ChatTarget of(Function<List<Turn>, String> function) {
        Objects.requireNonNull(function, "function");
        return conversation -> {
            String text = function.apply(conversation);
            return text == null ? null : Reply.of(text);
        };
    }
}
