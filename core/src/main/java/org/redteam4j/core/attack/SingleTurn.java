package org.redteam4j.core.attack;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.transcript.Turn;

/** One message to the target: the seed as it is, through converters, or inside a template. */
public final class SingleTurn implements Strategy {

    private final String id;
    private final BiFunction<String, ChatModel, String> prompt;
    private final int attackerRequests;
    private final Set<Need> needs;

    private SingleTurn(String id, BiFunction<String, ChatModel, String> prompt, int attackerRequests, Set<Need> needs) {
        this.id = id;
        this.prompt = prompt;
        this.attackerRequests = attackerRequests;
        this.needs = Set.copyOf(needs);
    }

    public static SingleTurn direct() {
        return new SingleTurn("direct", (seed, attacker) -> seed, 0, Set.of());
    }

    public static SingleTurn template(Template template) {
        return new SingleTurn("template:" + template.id(), (seed, attacker) -> template.apply(seed), 0, Set.of());
    }

    /** Applies the converters left to right; it needs what any of them needs. */
    public static SingleTurn converted(List<Converter> converters) {
        String id = "converters:" + String.join("+", converters.stream().map(Converter::id).toList());
        Set<Need> needs = EnumSet.noneOf(Need.class);
        converters.forEach(converter -> needs.addAll(converter.needs()));
        int attackerCalls = (int) converters.stream().filter(c -> c.needs().contains(Need.ATTACKER)).count();
        return new SingleTurn(id, (seed, attacker) -> {
            String text = seed;
            for (Converter converter : converters) {
                text = converter.convert(text, attacker);
            }
            return text;
        }, attackerCalls, needs);
    }

    @Override
    public AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools) {
        String message = prompt.apply(seed.text(), tools.attacker());
        ChatResponse response = target.chat(ChatRequest.of(List.of(Turn.human(message)), sampling));
        return new AttackRun(List.of(Turn.human(message), Turn.assistant(response.first().text())), response.requests(), response.usage());
    }

    @Override
    public Set<Need> needs() {
        return needs;
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
