package org.redteam4j.core.attack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.transcript.Turn;

/**
 * Many-shot jailbreaking (Anil et al., 2024) as a conversation: k fabricated exchanges in which
 * the assistant agrees to harmful requests, sent as real prior turns of one request, then the
 * seed. The exchanges are ours ({@code many-shot-exchanges.tsv}); which k a seed gets is drawn
 * from the attack's random source. The {@code many-shot} template is the one-message variant.
 */
public final class ManyShot implements Strategy {

    /** One fabricated exchange: a request described at seed level and an agreeing reply without any detail. */
    record Exchange(String id, String topic, String user, String assistant) {
    }

    static final List<Exchange> EXCHANGES = ResourceTable.read("many-shot-exchanges.tsv", "id", "topic", "user", "assistant")
            .stream().map(cells -> new Exchange(cells[0], cells[1], cells[2], cells[3])).toList();

    private final int k;

    /** How many fabricated exchanges ship: the largest k. */
    public static int shipped() {
        return EXCHANGES.size();
    }

    public ManyShot(int k) {
        if (k < 1 || k > EXCHANGES.size()) {
            throw new BadInput("many_shot needs k from 1 to " + EXCHANGES.size() + " (the fabricated exchanges shipped), got " + k);
        }
        this.k = k;
    }

    @Override
    public AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools) {
        List<Exchange> shots = new ArrayList<>(EXCHANGES);
        Collections.shuffle(shots, AttackRandom.of(sampling, seed, tools.repetition()));
        List<Turn> conversation = new ArrayList<>(2 * k + 2);
        for (Exchange shot : shots.subList(0, k)) {
            conversation.add(Turn.human(shot.user()));
            conversation.add(Turn.assistant(shot.assistant()));
        }
        conversation.add(Turn.human(seed.text()));
        TargetSpend spend = new TargetSpend();
        String reply = spend.send(target, ChatRequest.of(conversation, sampling)).first().text();
        conversation.add(Turn.assistant(reply));
        AttackTrace.Step step = new AttackTrace.Step(1, null, List.of("many-shot"), seed.text(), reply, true,
                "after " + k + " fabricated exchanges: " + String.join(", ", shots.subList(0, k).stream().map(Exchange::id).toList()));
        return spend.run(conversation, new AttackTrace(List.of(step), null));
    }

    @Override
    public String id() {
        return "many-shot:" + k;
    }

    @Override
    public int maxTargetRequests() {
        return 1;
    }

    @Override
    public int maxHumanTurns() {
        return k + 1;
    }

    @Override
    public Set<Need> needs() {
        return org.redteam4j.core.catalogue.Catalogue.require(org.redteam4j.core.catalogue.Kind.STRATEGY, "many_shot", "").needs();
    }
}
