package org.redteam4j.api.spi;

import java.util.Optional;
import org.redteam4j.api.ChatTarget;

/**
 * Turns a framework's model object into a {@link ChatTarget}. Adapter modules register theirs in
 * {@code META-INF/services/org.redteam4j.api.spi.TargetAdapter}; {@link org.redteam4j.api.Targets#from}
 * asks each in turn.
 */
public interface TargetAdapter {

    /**
     * The target for {@code model}, or empty when this adapter does not know its type.
     *
     * @param model any object
     * @return the target, or empty
     */
    Optional<ChatTarget> adapt(Object model);

    /**
     * What this adapter accepts, for the message when nothing does, e.g. "a LangChain4j ChatModel".
     *
     * @return a short description, e.g. {@code a LangChain4j ChatModel or StreamingChatModel}
     */
    String accepts();
}
