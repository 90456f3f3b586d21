package org.redteam4j.core.attack.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.attack.AttackRun;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.chat.ChatRequest;
import org.redteam4j.core.chat.ChatResponse;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.Canary;
import org.redteam4j.core.transcript.Turn;

/**
 * One payload of one injection family, sent in one message: the target gets the family's system
 * prompt (holding the canary or the secrets) or, for indirect injection, a document carrying the
 * injected instruction — as {@link ChatRequest#document()} when the target takes documents, else
 * inside the message. The run records what it planted, for the canary judge. Its id is
 * {@code FAMILY:PAYLOAD}, e.g. {@code system_prompt_extraction:spe-repeat-above}.
 */
public final class InjectionStrategy implements Strategy {

    public static final String EXTRACTION = "system_prompt_extraction";
    public static final String DIRECT = "direct_injection";
    public static final String INDIRECT = "indirect_injection";
    public static final String SECRETS = "secret_leakage";
    public static final List<String> FAMILIES = List.of(EXTRACTION, DIRECT, INDIRECT, SECRETS);

    private final Payload payload;
    private final Injection injection;

    public InjectionStrategy(Payload payload, Injection injection) {
        this.payload = payload;
        this.injection = injection;
    }

    /**
     * The strategies a campaign's {@code FAMILY} item stands for: one per payload of the family, or
     * per listed payload id (each must belong to the family).
     */
    public static List<Strategy> of(String family, Injection injection, List<String> payloadIds) {
        if (!FAMILIES.contains(family)) {
            throw new IllegalArgumentException("not an injection strategy: " + family);
        }
        List<Payload> chosen = new ArrayList<>();
        if (payloadIds == null || payloadIds.isEmpty()) {
            chosen.addAll(Payloads.of(family));
        } else {
            for (String id : payloadIds) {
                Catalogue.require(Kind.PAYLOAD, id, "");
                Payload payload = Payloads.find(id).orElseThrow();
                if (!payload.strategy().equals(family)) {
                    throw new BadInput("payload '" + id + "' belongs to " + payload.strategy()
                            + ", not " + family);
                }
                chosen.add(payload);
            }
        }
        return chosen.stream().map(payload -> (Strategy) new InjectionStrategy(payload, injection)).toList();
    }

    public Payload payload() {
        return payload;
    }

    @Override
    public String id() {
        return payload.strategy() + ":" + payload.id();
    }

    @Override
    public AttackRun run(Seed seed, ChatModel target, Sampling sampling, AttackTools tools) {
        Prepared prepared = prepare(seed, target.takesDocuments());
        ChatRequest request = new ChatRequest(prepared.system(), List.of(Turn.human(prepared.message())), sampling,
                prepared.document());
        ChatResponse response = target.chat(request);
        // the stored turn is what the target received, system prompt and document included, so a result shows the attack
        return new AttackRun(List.of(Turn.human(prepared.received()), Turn.assistant(response.first().text())), response.requests(), response.usage())
                .withPlanted(prepared.planted());
    }

    /** What one attack sends and plants: the system prompt (or null), the message, the document (or null) and the canaries. */
    public record Prepared(String system, String message, String document, List<Canary> planted) {

        /**
         * Everything the target was sent, as one text for the stored transcript: the system prompt
         * between {@code <system>} tags, the message, and the document (already delimited as
         * {@code <document kind="…">…</document>}) when it went in a field of its own.
         */
        public String received() {
            return (system == null ? "" : "<system>\n" + system + "\n</system>\n\n") + message
                    + (document == null ? "" : "\n\n" + document);
        }
    }

    /** The request this payload makes for {@code seed}; {@code takesDocuments} says where a document goes. */
    public Prepared prepare(Seed seed, boolean takesDocuments) {
        Canary documentCanary = injection.documentCanary(); // never the application's own canary, for indirect payloads
        Canary url = documentCanary.url("pixel.png");
        String text = payload.render(Map.of("canary", injection.canary().text(), "canary_split", injection.canarySplit(),
                "canary_url_split", Injection.splitUrl(url), "request", seed.text()));
        String system = switch (payload.strategy()) {
            case SECRETS -> injection.systemWithSecrets();
            case INDIRECT -> Injection.DOCUMENT_SYSTEM_PROMPT;
            default -> injection.system();
        };
        List<Canary> planted = switch (payload.strategy()) {
            case SECRETS -> injection.secrets();
            case INDIRECT -> payload.plantsUrl() ? List.of(url) : List.of(documentCanary);
            default -> List.of(injection.canary());
        };
        if (!injection.sendSystemPrompt()) {
            system = null; // the application holds its own system prompt, with the user's canary in it
            if (!payload.strategy().equals(INDIRECT)) {
                planted = List.of(injection.canary());
            }
        }
        if (payload.document() == null) {
            return new Prepared(system, text, null, planted);
        }
        String document = payload.document().wrap(text);
        return takesDocuments ? new Prepared(system, payload.document().ask(), document, planted)
                : new Prepared(system, payload.document().ask() + "\n\n" + document, null, planted);
    }

    @Override
    public int maxTargetRequests() {
        return 1;
    }

    @Override
    public boolean usesSeed() {
        return payload.usesRequest();
    }
}
