package org.redteam4j.config.judges;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.failure.BadInput;

/**
 * A judge or scorer as users write it, in one grammar everywhere (options, campaign and targets
 * files, Spark jobs): {@code refusal}, {@code refusal:FILE} and {@code harm}, {@code harm:FILE} (a head
 * made by {@code train-judge}), {@code keyword}, {@code pm}, {@code pm:FILE}, {@code llm:SPEC} — with
 * {@code judge:SPEC} accepted as {@code llm:SPEC}, {@code canary}, {@code canary:TEXT} — or, in YAML, the same id as a one-key map
 * with settings: {@code {pm: {threshold: 0.4}}}, {@code {llm: openai:gpt-4o, threshold: 3, base_url: URL}};
 * a judge that calls a model ({@code llm}, {@code guard}) also takes {@code limits: {…}}, a target's limits.
 *
 * @param id        the catalogue id (refusal, pm, llm, guard, …)
 * @param argument  what follows the colon: the head file of pm, the target spec of llm and guard; null if none
 * @param threshold the judge's threshold when given, else null (the judge's default)
 * @param baseUrl   the llm or guard judge's server, when given
 * @param calibration a judge calibration file ({@code eval-judge --out}) overriding the judge's own, as
 *                  written (a campaign resolves it against its folder); null if none
 * @param limits    timeout, retries, concurrency and rate of the judge's model, when given (else a target's defaults)
 */
public record JudgeSpec(String id, String argument, Double threshold, String baseUrl, String calibration,
                        TargetConfig.LimitsConfig limits) {

    /** A spec without limits or calibration. */
    public JudgeSpec(String id, String argument, Double threshold, String baseUrl) {
        this(id, argument, threshold, baseUrl, null, null);
    }

    /** The alias kept for scripts written before {@code llm:}. */
    static final String LLM_ALIAS = "judge";

    public static JudgeSpec parse(String text) {
        return parse(text, "");
    }

    /** {@code where} prefixes errors, e.g. {@code "campaign.yaml: line 9: "}. */
    public static JudgeSpec parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new BadInput(where + "empty judge; expected one of " + Catalogue.ids(Kind.JUDGE));
        }
        int colon = text.indexOf(':');
        String id = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? null : text.substring(colon + 1);
        return of(id, argument, null, null, null, null, where);
    }

    /** A YAML judge: a string in the grammar above, or a one-key map from the id to its settings. */
    public static JudgeSpec parse(JsonNode node, String where) {
        if (node.isTextual()) {
            return parse(node.asText(), where);
        }
        if (!node.isObject() || node.isEmpty()) {
            throw new BadInput(where + "a judge is a name such as 'refusal' or a map such as '{pm: {threshold: 0.4}}', got " + node);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        Map.Entry<String, JsonNode> first = fields.next();
        JsonNode settings = first.getValue();
        // {llm: SPEC, threshold: N, base_url: URL} keeps its settings beside the id; {pm: {threshold: T}} inside it
        JsonNode around = settings.isObject() ? settings : node;
        Set<String> known = new java.util.HashSet<>(settings.isObject() ? Set.of("file", "threshold", "base_url", "calibration")
                : Set.of(first.getKey(), "threshold", "base_url", "calibration"));
        String calling = first.getKey().equals(LLM_ALIAS) ? "llm" : first.getKey();
        if (JudgeLimits.CALLING_A_MODEL.contains(calling)) {
            known.add("limits");
        }
        requireKnownKeys(around, known, first.getKey(), where);
        String argument = settings.isTextual() ? settings.asText() : around.path("file").asText(null);
        JsonNode given = around.path("threshold");
        if (!given.isMissingNode() && !given.isNull() && !(given.isNumber() && Double.isFinite(given.asDouble()))) {
            throw new BadInput(where + "a judge's threshold is a finite number, got " + given);
        }
        Double threshold = given.isNumber() ? given.asDouble() : null;
        JsonNode calibration = around.path("calibration");
        if (!calibration.isMissingNode() && !(calibration.isTextual() && !calibration.asText().isBlank())) {
            throw new BadInput(where + "a judge's calibration is a file path (written by eval-judge --out), got " + calibration);
        }
        return of(first.getKey(), argument, threshold, around.path("base_url").asText(null), calibration.asText(null),
                JudgeLimits.read(around.get("limits"), calling, where), where);
    }

    /** A misspelt setting ({@code treshold}) would silently be the default: refuse it, as the YAML loader refuses unknown keys. */
    private static void requireKnownKeys(JsonNode settings, Set<String> known, String id, String where) {
        settings.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                throw new BadInput(where + "unknown setting '" + key + "' of judge '" + id + "'; expected "
                        + known.stream().filter(k -> !k.equals(id)).sorted().toList());
            }
        });
    }

    private static JudgeSpec of(String id, String argument, Double threshold, String baseUrl, String calibration,
                                TargetConfig.LimitsConfig limits, String where) {
        String canonical = id.equals(LLM_ALIAS) ? "llm" : id;
        Catalogue.require(Kind.JUDGE, canonical, where);
        if (canonical.equals("llm") && (argument == null || argument.isBlank())) {
            throw new BadInput(where + "the llm judge names its model: llm:SPEC, e.g. llm:openai:gpt-4o-mini");
        }
        if (canonical.equals("guard") && (argument == null || argument.isBlank())) {
            throw new BadInput(where + "the guard judge names its model: guard:SPEC, e.g. guard:openai:llama-guard3:8b");
        }
        if (canonical.equals("keyword") && argument != null) {
            throw new BadInput(where + "the keyword judge takes no argument (its phrase list ships with redteam4j), got 'keyword:"
                    + argument + "'");
        }
        if (canonical.equals("canary") && argument != null) {
            org.redteam4j.core.scoring.Canary.given(argument, where + "canary:TEXT: "); // refused here, before anything runs
        }
        if (threshold != null && canonical.equals("canary")) {
            throw new BadInput(where + "the canary judge takes no threshold: a planted canary is in the reply or it is not");
        }
        if (threshold != null && (canonical.equals("refusal") || canonical.equals("harm") || canonical.equals("keyword"))) {
            throw new BadInput(where + "the " + canonical + " judge takes no threshold: it decides at the probability its "
                    + "head was validated at (train-judge)");
        }
        if ((canonical.equals("refusal") || canonical.equals("harm")) && argument != null && argument.isBlank()) {
            throw new BadInput(where + "'" + canonical + ":' names no head file; write " + canonical + " for the shipped one or "
                    + canonical + ":FILE for a head made by train-judge");
        }
        return new JudgeSpec(canonical, argument == null || argument.isBlank() ? null : argument, threshold, baseUrl, calibration,
                limits);
    }

    /** This spec on another server ({@code --judge-base-url}); null keeps its own. */
    public JudgeSpec withBaseUrl(String url) {
        return url == null ? this : new JudgeSpec(id, argument, threshold, url, calibration, limits);
    }

    /**
     * This spec as a campaign runs it: a judge that calls a model and sets no concurrency may run as
     * many calls at once as the campaign runs attacks, so judging never holds the attacks back.
     */
    public JudgeSpec withDefaultConcurrency(int concurrency) {
        if (!JudgeLimits.CALLING_A_MODEL.contains(id)) {
            return this;
        }
        return new JudgeSpec(id, argument, threshold, baseUrl, calibration, JudgeLimits.withDefaultConcurrency(limits, concurrency));
    }

    /** The spec written back in the one grammar, e.g. {@code llm:openai:gpt-4o}. */
    @Override
    public String toString() {
        return argument == null ? id : id + ":" + argument;
    }
}
