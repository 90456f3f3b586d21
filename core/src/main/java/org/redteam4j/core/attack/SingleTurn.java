package org.redteam4j.core.attack;

import java.util.List;
import java.util.function.UnaryOperator;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.transcript.Turn;

/** One message to the target: the seed as it is, through converters, or inside a template. */
public final class SingleTurn implements Strategy {

    private final String id;
    private final UnaryOperator<String> prompt;
    private final int attackerRequests;

    private SingleTurn(String id, UnaryOperator<String> prompt, int attackerRequests) {
        this.id = id;
        this.prompt = prompt;
        this.attackerRequests = attackerRequests;
    }

    public static SingleTurn direct() {
        return new SingleTurn("direct", seed -> seed, 0);
    }

    public static SingleTurn template(Template template) {
        return new SingleTurn("template:" + template.id(), template::apply, 0);
    }

    /** Applies the converters left to right. */
    public static SingleTurn converted(List<Converter> converters) {
        String id = "converters:" + String.join("+", converters.stream().map(Converter::id).toList());
        int attacker = (int) converters.stream().filter(c -> c.id().startsWith("translate")).count();
        return new SingleTurn(id, seed -> {
            String text = seed;
            for (Converter converter : converters) {
                text = converter.convert(text);
            }
            return text;
        }, attacker);
    }

    @Override
    public AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools) {
        String message = prompt.apply(seed.text());
        ChatResponse response = target.chat(ChatRequest.of(List.of(Turn.human(message)), sampling));
        return new AttackRun(List.of(Turn.human(message), Turn.assistant(response.first().text())), 1, attackerRequests,
                response.usage());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int maxTargetRequests() {
        return 1;
    }

    @Override
    public int maxAttackerRequests() {
        return attackerRequests;
    }
}
