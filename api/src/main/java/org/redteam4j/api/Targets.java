package org.redteam4j.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.redteam4j.api.spi.TargetAdapter;

/** Makes {@link ChatTarget}s of the objects an application already has. */
public final class Targets {

    private Targets() {
    }

    /**
     * A target from {@code model}: a {@link ChatTarget}, a {@code Function<List<Turn>, String>}, or
     * anything an adapter on the class path accepts (redteam4j-langchain4j: a LangChain4j
     * {@code ChatModel} or {@code StreamingChatModel}; redteam4j-spring-ai: a Spring AI
     * {@code ChatModel} or {@code ChatClient}).
     *
     * @throws IllegalArgumentException when nothing accepts it; the message lists what would
     * @param model the object to attack
     * @return it as a target
     */
    @SuppressWarnings("unchecked")
    public static ChatTarget from(Object model) {
        if (model == null) {
            throw new IllegalArgumentException("a target cannot be null");
        }
        if (model instanceof ChatTarget target) {
            return target;
        }
        List<String> accepted = new ArrayList<>(List.of("a ChatTarget", "a Function<List<Turn>, String>"));
        for (TargetAdapter adapter : ServiceLoader.load(TargetAdapter.class, Targets.class.getClassLoader())) {
            Optional<ChatTarget> adapted = adapter.adapt(model);
            if (adapted.isPresent()) {
                return adapted.get();
            }
            accepted.add(adapter.accepts());
        }
        if (model instanceof Function<?, ?> function) {
            // checked at the first call: a function of other types fails that attack with a ClassCastException
            return ChatTarget.of((Function<List<Turn>, String>) function);
        }
        throw new IllegalArgumentException("cannot red-team a " + model.getClass().getName() + ": a target is "
                + String.join(", ", accepted) + (accepted.size() == 2
                        ? " (add redteam4j-langchain4j or redteam4j-spring-ai for those frameworks' models)" : ""));
    }
}
