package org.redteam4j.config.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.redteam4j.core.attack.Adaptive;
import org.redteam4j.core.attack.BuiltinTemplates;
import org.redteam4j.core.attack.BestOfN;
import org.redteam4j.core.attack.Converter;
import org.redteam4j.core.attack.Converters;
import org.redteam4j.core.attack.Iterative;
import org.redteam4j.core.attack.ManyShot;
import org.redteam4j.core.attack.MultiTurn;
import org.redteam4j.core.attack.PastTense;
import org.redteam4j.core.attack.Persuasion;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.attack.SkeletonKey;
import org.redteam4j.core.attack.SplitTurns;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.attack.Template;
import org.redteam4j.core.attack.Tree;
import org.redteam4j.core.attack.convert.ConverterSettings;
import org.redteam4j.core.attack.injection.Injection;
import org.redteam4j.core.attack.injection.InjectionStrategy;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.failure.BadInput;

/**
 * Builds strategies from a campaign file's {@code strategies:} items — a catalogue id, or a
 * one-key map from the id to its settings. Each catalogue strategy has exactly one builder here.
 */
public final class Strategies {

    /** (settings, the whole item) → the strategies it stands for. */
    private static final Map<String, BiFunction<JsonNode, JsonNode, List<Strategy>>> BUILDERS = Map.ofEntries(
            Map.entry("direct", (settings, item) -> List.of(SingleTurn.direct())),
            Map.entry("templates", (settings, item) -> templates(settings).stream()
                    .map(template -> (Strategy) SingleTurn.template(template)).toList()),
            Map.entry("template", (settings, item) -> List.of(SingleTurn.template(Template.byId(settings.asText())))),
            Map.entry("converters", (settings, item) -> List.of(SingleTurn.converted(converters(settings, item)))),
            Map.entry("iterative", (settings, item) -> List.of(new Iterative(whole(settings, "streams", 2),
                    whole(settings, "depth", 3)))),
            Map.entry("multi_turn", (settings, item) -> List.of(multiTurn(settings, 4, MultiTurn.BACKTRACKS))),
            // an alias with the Crescendo paper's defaults (Russinovich et al. 2024)
            Map.entry("crescendo", (settings, item) -> List.of(multiTurn(settings, 10, 10))),
            Map.entry("tree", (settings, item) -> List.of(new Tree(whole(settings, "width", 4),
                    whole(settings, "branching", 2), whole(settings, "depth", 3)))),
            Map.entry("adaptive", (settings, item) -> List.of(new Adaptive(whole(settings, "turns", 5),
                    yesNo(settings, "memory", false)))),
            Map.entry("best_of_n", (settings, item) -> List.of(new BestOfN(whole(settings, "n", 10),
                    ids(settings, "augmentations", "augmentation", "augmentations (scramble, capitalise, noise)")))),
            Map.entry("many_shot", (settings, item) -> List.of(new ManyShot(whole(settings, "k", 8)))),
            Map.entry("past_tense", (settings, item) -> List.of(new PastTense(whole(settings, "tries", 3)))),
            Map.entry("persuasion", (settings, item) -> List.of(new Persuasion(ids(settings, "techniques", "technique",
                    "persuasion technique ids")))),
            Map.entry("split_turns", (settings, item) -> List.of(new SplitTurns(whole(settings, "parts", 3)))),
            Map.entry("skeleton_key", (settings, item) -> List.of(new SkeletonKey())));

    static {
        Set<String> built = new java.util.HashSet<>(BUILDERS.keySet());
        built.addAll(InjectionStrategy.FAMILIES);
        if (!built.equals(new java.util.HashSet<>(Catalogue.ids(Kind.STRATEGY)))) {
            throw new IllegalStateException("strategy builders " + BUILDERS.keySet() + " differ from the catalogue");
        }
    }

    private Strategies() {
    }

    /** {@code where} prefixes errors with the file and line; injection strategies get the default injection settings. */
    public static List<Strategy> of(JsonNode item, String where) {
        return of(item, where, Injection.defaults());
    }

    /** {@code where} prefixes errors with the file and line; {@code injection} is the campaign's canary and system prompt. */
    public static List<Strategy> of(JsonNode item, String where, Injection injection) {
        String id;
        JsonNode settings;
        if (item.isTextual()) {
            id = item.asText();
            settings = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        } else if (item.isObject() && !item.isEmpty()) {
            id = item.fieldNames().next();
            settings = item.get(id);
        } else {
            throw new BadInput(where + "a strategy is a name or a one-key map, got " + item);
        }
        Catalogue.require(Kind.STRATEGY, id, where);
        requireKnownKeys(item, settings, id, where);
        try {
            if (InjectionStrategy.FAMILIES.contains(id)) {
                return InjectionStrategy.of(id, injection, payloads(settings));
            }
            return BUILDERS.get(id).apply(settings, item);
        } catch (BadInput e) {
            throw e.getMessage().startsWith(where) ? e : new BadInput(where + e.getMessage(), e);
        }
    }

    /** The settings each strategy reads; a misspelt one ({@code stremas}) would silently be the default. */
    private static final Map<String, Set<String>> SETTINGS = Map.ofEntries(
            Map.entry("iterative", Set.of("streams", "depth")),
            Map.entry("multi_turn", Set.of("turns", "backtracks", "stop_early", "memory")),
            Map.entry("crescendo", Set.of("turns", "backtracks", "stop_early", "memory")),
            Map.entry("tree", Set.of("width", "branching", "depth")),
            Map.entry("adaptive", Set.of("turns", "memory")),
            Map.entry("templates", Set.of("family")),
            Map.entry("best_of_n", Set.of("n", "augmentations")),
            Map.entry("many_shot", Set.of("k")),
            Map.entry("past_tense", Set.of("tries")),
            Map.entry("persuasion", Set.of("techniques")),
            Map.entry("split_turns", Set.of("parts")),
            Map.entry(InjectionStrategy.EXTRACTION, Set.of("payloads")),
            Map.entry(InjectionStrategy.DIRECT, Set.of("payloads")),
            Map.entry(InjectionStrategy.INDIRECT, Set.of("payloads")),
            Map.entry(InjectionStrategy.SECRETS, Set.of("payloads")));

    /** An injection strategy's {@code payloads: [id, …]}, or null for all of its family's. */
    private static List<String> payloads(JsonNode settings) {
        return ids(settings, "payloads", "payload", "payload ids (redteam4j list payloads)");
    }

    /**
     * A list of ids under {@code key} ({@code payloads}, {@code techniques}, …), or null when absent (all of them);
     * each id at most once, as each would be tried twice. The strategy checks the ids themselves.
     */
    private static List<String> ids(JsonNode settings, String key, String one, String what) {
        JsonNode list = settings.path(key);
        if (list.isMissingNode() || list.isNull()) {
            return null;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new BadInput(key + " is a non-empty list of " + what + ", got " + list);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : list) {
            if (ids.contains(id.asText())) { // it would be planned or tried twice: two requests, one answer
                throw new BadInput(key + " lists '" + id.asText() + "' twice; list each " + one + " once");
            }
            ids.add(id.asText());
        }
        return ids;
    }

    private static void requireKnownKeys(JsonNode item, JsonNode settings, String id, String where) {
        boolean converters = id.equals("converters");
        item.fieldNames().forEachRemaining(key -> {
            if (!key.equals(id) && !(converters && ConverterSettings.READ_BY.containsKey(key))) {
                throw new BadInput(where + "unknown key '" + key + "' beside strategy '" + id + "'"
                        + (converters ? "; expected " + converterKeys() : ""));
            }
        });
        Set<String> known = SETTINGS.getOrDefault(id, Set.of());
        // {template: ID} and {converters: [ID, …]} take a value; templates names its own shape ({family: F})
        boolean ownShape = converters || id.equals("template") || id.equals("templates");
        if (!ownShape && !settings.isMissingNode() && !settings.isNull() && !settings.isObject()) {
            // best_of_n: 100 reads no setting at all: it would silently be the defaults
            String example = Catalogue.require(Kind.STRATEGY, id, where).example();
            throw new BadInput(where + "strategy '" + id + "' " + (known.isEmpty() ? "takes no settings"
                    : "takes its settings as a map, e.g. " + (example.startsWith("{" + id + ": {") ? example
                    : "{" + id + ": {" + known.stream().sorted().findFirst().orElseThrow() + ": …}}")) + "; got " + settings);
        }
        if (settings.isObject()) {
            settings.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    throw new BadInput(where + "unknown setting '" + key + "' of strategy '" + id + "'; expected "
                            + known.stream().sorted().toList());
                }
            });
        }
    }

    public static List<Strategy> all(List<JsonNode> items, java.util.function.Function<JsonNode, String> where) {
        return all(items, where, Injection.defaults());
    }

    public static List<Strategy> all(List<JsonNode> items, java.util.function.Function<JsonNode, String> where,
                                     Injection injection) {
        List<Strategy> strategies = new ArrayList<>();
        items.forEach(item -> strategies.addAll(of(item, where.apply(item), injection)));
        return strategies;
    }

    /** A whole-number setting, {@code fallback} when absent; 2.5, "3" or a number past an int is an error, not a guess. */
    private static int whole(JsonNode settings, String key, int fallback) {
        JsonNode value = settings.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new BadInput(key + " must be a whole number, got " + value);
        }
        return value.intValue();
    }

    /** A true/false setting, {@code fallback} when absent; "yes" or 1 is an error, not a guess. */
    private static boolean yesNo(JsonNode settings, String key, boolean fallback) {
        JsonNode value = settings.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new BadInput(key + " must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    private static MultiTurn multiTurn(JsonNode settings, int turns, int backtracks) {
        return new MultiTurn(whole(settings, "turns", turns), whole(settings, "backtracks", backtracks),
                yesNo(settings, "stop_early", MultiTurn.STOP_EARLY), yesNo(settings, "memory", false));
    }

    /** Every built-in template, or those of {@code {family: F}} / {@code {family: [F, …]}}. */
    private static List<Template> templates(JsonNode settings) {
        if (settings.isMissingNode() || settings.isNull()) {
            return BuiltinTemplates.all();
        }
        JsonNode family = settings.path("family");
        if (!settings.isObject() || family.isMissingNode() || family.isNull()) {
            throw new BadInput("templates takes {family: F} or {family: [F, ...]} (template families "
                    + BuiltinTemplates.families() + "), got " + settings);
        }
        List<String> families = new ArrayList<>();
        for (JsonNode name : family.isArray() ? family : List.of(family)) {
            if (!name.isTextual()) {
                throw new BadInput("a template family is a name, one of " + BuiltinTemplates.families() + ", got " + name);
            }
            families.add(name.asText());
        }
        if (families.isEmpty()) {
            throw new BadInput("templates: family is empty; name one or more of " + BuiltinTemplates.families());
        }
        return BuiltinTemplates.ofFamilies(families);
    }

    /** The chain named by {@code converters:}, with the settings written beside it; a setting no converter of the chain reads is an error. */
    private static List<Converter> converters(JsonNode settings, JsonNode item) {
        ConverterSettings converterSettings = converterSettings(item);
        List<String> ids = new ArrayList<>();
        List<Converter> chain = new ArrayList<>();
        for (JsonNode id : settings.isArray() ? settings : List.of(settings)) {
            chain.add(Converters.byId(id.asText(), converterSettings));
            ids.add(id.asText());
        }
        ConverterSettings.READ_BY.forEach((key, reader) -> {
            if (item.has(key) && !ids.contains(reader)) {
                throw new BadInput(key + " is read by the " + reader + " converter, which this chain " + ids + " does not use");
            }
        });
        return chain;
    }

    private static ConverterSettings converterSettings(JsonNode item) {
        ConverterSettings defaults = ConverterSettings.DEFAULTS;
        return new ConverterSettings(text(item, "language", defaults.language()), text(item, "tone", defaults.tone()),
                whole(item, "shift", defaults.shift()));
    }

    /** A text setting, {@code fallback} when absent; a number or a list is an error. */
    private static String text(JsonNode settings, String key, String fallback) {
        JsonNode value = settings.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new BadInput(key + " must be text, got " + value);
        }
        return value.asText();
    }

    /** 'language' (read by translate), 'shift' (read by caesar), …: what may stand beside {@code converters:}. */
    private static String converterKeys() {
        return String.join(", ", ConverterSettings.READ_BY.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> "'" + entry.getKey() + "' (read by " + entry.getValue() + ")").toList());
    }
}
