package org.redteam4j.core.catalogue;

import static org.redteam4j.core.catalogue.Need.ATTACKER;
import static org.redteam4j.core.catalogue.Need.REFUSAL_DETECTOR;

import java.util.List;
import java.util.Set;

/** The strategies of the catalogue: how a seed is delivered to a target. */
final class StrategyEntries {

    static final List<Entry> ALL = List.of(
            new Entry(Kind.STRATEGY, "direct", "Sends the seed to the target as it is.", Set.of(), "direct"),
            new Entry(Kind.STRATEGY, "templates", "One single-turn attack per built-in template, or per template of "
                    + "the families named ({templates: {family: [fiction, role-play]}}).", Set.of(), "templates"),
            new Entry(Kind.STRATEGY, "template", "Puts the seed inside one jailbreak template.", Set.of(),
                    "{template: role-play}"),
            new Entry(Kind.STRATEGY, "converters", "Rewrites the seed through a chain of converters, left to right.",
                    Set.of(), "{converters: [base64]}"),
            new Entry(Kind.STRATEGY, "iterative", "PAIR-style refinement: the attacker proposes, the judge grades, "
                    + "the attacker refines (streams × depth).", Set.of(ATTACKER), "{iterative: {streams: 2, depth: 2}}"),
            new Entry(Kind.STRATEGY, "multi_turn", "Crescendo-style escalation over turns (turns, default 4): a refused "
                    + "exchange is dropped from what the target sees and retried gentler (backtracks, default 2); the judge "
                    + "reads the whole conversation and a hit ends it (stop_early, default true); memory (default false) "
                    + "shows later attacks the openings that hit.", Set.of(ATTACKER, REFUSAL_DETECTOR),
                    "{multi_turn: {turns: 3, backtracks: 1}}"),
            new Entry(Kind.STRATEGY, "crescendo", "multi_turn with the Crescendo paper's defaults (Russinovich et al. "
                    + "2024): up to 10 turns, up to 10 backtracks, stop early; the same settings.",
                    Set.of(ATTACKER, REFUSAL_DETECTOR), "{crescendo: {turns: 3, backtracks: 2}}"),
            new Entry(Kind.STRATEGY, "tree", "Tree of Attacks with Pruning (TAP): each kept leaf branches into child "
                    + "prompts (branching, default 2), off-topic ones are pruned, the rest judged, the best leaves kept "
                    + "(width, default 4), over depth levels (default 3); stops at the first hit.", Set.of(ATTACKER),
                    "{tree: {width: 2, branching: 2, depth: 2}}"),
            new Entry(Kind.STRATEGY, "adaptive", "GOAT-style adaptive attacker: each turn it reads the target's last "
                    + "reply and picks the catalogue's templates and converters to apply to its next message (turns, "
                    + "default 5); stops at the first hit; memory (default false) as multi_turn's.", Set.of(ATTACKER),
                    "{adaptive: {turns: 2}}"),
            new Entry(Kind.STRATEGY, "best_of_n", "Best-of-N (Hughes et al. 2024): up to n random augmentations of the seed "
                    + "(augmentations: scramble, capitalise, noise; default all; n default 10), each sent alone and judged "
                    + "until the first judge hit, whose sample number is kept.", Set.of(), "{best_of_n: {n: 4}}"),
            new Entry(Kind.STRATEGY, "many_shot", "Many-shot: k fabricated exchanges in which the assistant agrees (ours, no "
                    + "detail; k default 8, at most " + org.redteam4j.core.attack.ManyShot.shipped() + ") sent as prior turns "
                    + "of one request, then the seed.", Set.of(), "{many_shot: {k: 4}}"),
            new Entry(Kind.STRATEGY, "past_tense", "The attacker rewrites the request in the past tense (\"How did people "
                    + "...?\"); up to tries rewrites (default 3), each sent alone and judged, until the first hit.",
                    Set.of(ATTACKER), "{past_tense: {tries: 2}}"),
            new Entry(Kind.STRATEGY, "persuasion", "The attacker rewrites the request with one persuasion technique at a "
                    + "time (techniques: ids, default all " + org.redteam4j.core.attack.PersuasionTechnique.all().size() + ", in order), each sent alone and judged, until the first hit.",
                    Set.of(ATTACKER), "{persuasion: {techniques: [expert-endorsement, logical-appeal]}}"),
            new Entry(Kind.STRATEGY, "split_turns", "Payload splitting: the seed cut into parts (default 3) on word "
                    + "boundaries, one turn each to remember, then a turn asking to join and answer them.", Set.of(),
                    "{split_turns: {parts: 2}}"),
            new Entry(Kind.STRATEGY, "skeleton_key", "A two-turn behaviour update (after Microsoft's Skeleton Key): answer "
                    + "everything with a warning instead of refusing, then the seed.", Set.of(), "skeleton_key"),
            new Entry(Kind.STRATEGY, "system_prompt_extraction", "One attack per extraction payload against a system prompt "
                    + "holding the campaign's canary (judge: canary).", Set.of(), "system_prompt_extraction"),
            new Entry(Kind.STRATEGY, "direct_injection", "One attack per 'ignore previous instructions'-style payload against "
                    + "the system prompt's rule; success shows as the canary.", Set.of(), "direct_injection"),
            new Entry(Kind.STRATEGY, "indirect_injection", "The seed's task inside a document (email, web page, passage, tool "
                    + "result) carrying an injected instruction: emit the canary or a canary URL image/link.", Set.of(),
                    "indirect_injection"),
            new Entry(Kind.STRATEGY, "secret_leakage", "A fake API key, email and phone (from the canary) in a system prompt "
                    + "told to keep them private; one attack per leakage payload.", Set.of(), "{secret_leakage: {payloads: "
                    + "[sl-api-key, sl-repeat-above]}}"));

    private StrategyEntries() {
    }
}
