package org.redteam4j.models.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.BuiltinSeeds;
import org.redteam4j.core.attack.Converter;
import org.redteam4j.core.attack.Converters;
import org.redteam4j.core.attack.Iterative;
import org.redteam4j.core.attack.MultiTurn;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.attack.Template;
import org.redteam4j.core.campaign.AttackTarget;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.PreferenceJudge;
import org.redteam4j.core.scoring.RefusalDetector;
import org.redteam4j.core.scoring.RefusalJudge;
import org.redteam4j.models.config.Target;
import org.redteam4j.models.config.TargetConfig;
import org.redteam4j.models.config.TargetFactory;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.judge.LlmJudge;
import org.redteam4j.models.refusal.EmbeddingRefusalDetector;

/** Turns a campaign file into what the engine runs: targets, tools, judges and the plan. */
public final class CampaignSetup {

    /** Seeds the store holds, for {@code seeds: {imported: true}} and {@code seeds: {from_db: …}}. */
    public interface StoredSeeds {
        List<Seed> imported();

        List<Seed> successful(double minRating, int limit);
    }

    private final CampaignFile campaign;
    private final Path file;
    private final TargetFactory factory;
    private final Supplier<HarmlessnessScorer> scorer;
    private RefusalDetector refusals;

    /** {@code scorer} is asked each time a judge or target needs the preference model: give one that loads it once. */
    public CampaignSetup(CampaignFile campaign, Path file, Supplier<HarmlessnessScorer> scorer) {
        this.campaign = campaign;
        this.file = file;
        this.scorer = scorer;
        this.factory = new TargetFactory(ApiKeys.fromSystem(), this.scorer);
    }

    /** The targets with the campaign's per-target rate applied where a target sets none. */
    public Map<String, Target> targets() {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (TargetConfig config : campaign.targets()) {
            TargetConfig limited = config;
            if (campaign.requestsPerMinute() > 0 && (config.limits() == null || config.limits().requestsPerMinute() == null)) {
                TargetConfig.LimitsConfig old = config.limits();
                limited = config.withLimits(new TargetConfig.LimitsConfig(old == null ? null : old.timeoutSeconds(),
                        old == null ? null : old.maxAttempts(), old == null ? null : old.initialBackoffMs(),
                        old == null ? null : old.maxBackoffSeconds(), old == null ? null : old.maxRetryAfterSeconds(),
                        old == null || old.concurrency() == null ? campaign.concurrency() : old.concurrency(),
                        campaign.requestsPerMinute()));
            }
            if (targets.containsKey(limited.displayName())) {
                throw new BadInput(file + ": two targets are named '" + limited.displayName() + "'; give them names");
            }
            try {
                targets.put(limited.displayName(), factory.create(limited));
            } catch (IllegalArgumentException e) {
                throw new BadInput(file + ": " + e.getMessage());
            }
        }
        return targets;
    }

    public static Map<String, AttackTarget> attackTargets(Map<String, Target> targets) {
        Map<String, AttackTarget> result = new LinkedHashMap<>();
        targets.forEach((name, target) -> result.put(name, new AttackTarget(name, target.model(), target.sampling())));
        return result;
    }

    public ChatModel attacker() {
        if (campaign.attacker() == null) {
            return null;
        }
        try {
            return factory.create(TargetConfig.of("attacker", campaign.attacker(), campaign.attackerBaseUrl())).model();
        } catch (IllegalArgumentException e) {
            throw new BadInput(file + CampaignFile.line(file, "attacker") + ": attacker: " + e.getMessage());
        }
    }

    /** The attacker, the primary judge, and the refusal detector when a multi-turn strategy backtracks on refusals. */
    public AttackTools tools(ChatModel attacker, List<Judge> judges, List<Strategy> strategies) {
        boolean backtracks = strategies.stream().anyMatch(s -> s.id().startsWith("multi-turn"));
        return new AttackTools(attacker, judges.get(0), backtracks ? refusals() : null);
    }

    public RefusalDetector refusals() {
        if (refusals == null) {
            refusals = EmbeddingRefusalDetector.withDefaults();
        }
        return refusals;
    }

    public List<Judge> judges() {
        List<Judge> judges = new ArrayList<>();
        for (JsonNode node : campaign.judges()) {
            if (node.isTextual() && node.asText().equals("refusal")) {
                judges.add(new RefusalJudge(refusals()));
            } else if (node.isTextual() && node.asText().equals("pm") || node.isObject() && node.has("pm")) {
                judges.add(new PreferenceJudge(scorer.get(), node.path("pm").path("threshold").asDouble(0.0)));
            } else if (node.isObject() && node.has("llm")) {
                int threshold = node.path("threshold").asInt(LlmJudge.DEFAULT_THRESHOLD);
                try {
                    Target judge = factory.create(TargetConfig.of("judge", node.get("llm").asText(),
                            node.path("base_url").asText(null)));
                    judges.add(new LlmJudge(judge.model(), threshold));
                } catch (IllegalArgumentException e) {
                    throw new BadInput(file + CampaignFile.line(file, "- llm") + ": judge: " + e.getMessage());
                }
            } else {
                throw new BadInput(file + CampaignFile.line(file, node.isTextual() ? node.asText() : "judges")
                        + ": unknown judge " + node + "; expected 'refusal', 'pm', '{pm: {threshold: T}}' or '{llm: SPEC}'");
            }
        }
        return judges;
    }

    public List<Strategy> strategies(ChatModel attacker) {
        List<Strategy> strategies = new ArrayList<>();
        for (JsonNode node : campaign.strategies()) {
            try {
                strategies.addAll(strategy(node, attacker));
            } catch (IllegalArgumentException e) {
                String token = node.isTextual() ? node.asText() : node.fieldNames().hasNext() ? node.fieldNames().next() : "strategies";
                throw new BadInput(file + CampaignFile.line(file, token) + ": " + e.getMessage());
            }
        }
        boolean needsAttacker = strategies.stream().anyMatch(s -> s.maxAttackerRequests() > 0);
        if (needsAttacker && attacker == null) {
            throw new BadInput(file + ": iterative, multi_turn and translate need an 'attacker:' model (e.g. sim)");
        }
        return strategies;
    }

    private static List<Strategy> strategy(JsonNode node, ChatModel attacker) {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "direct" -> List.of(SingleTurn.direct());
                case "templates" -> Template.IDS.stream().map(id -> (Strategy) SingleTurn.template(Template.byId(id))).toList();
                default -> throw new IllegalArgumentException("unknown strategy '" + node.asText()
                        + "'; expected direct, templates, template, converters, iterative or multi_turn");
            };
        }
        if (node.isObject() && node.size() >= 1) {
            String kind = node.fieldNames().next();
            JsonNode settings = node.get(kind);
            switch (kind) {
                case "template":
                    return List.of(SingleTurn.template(Template.byId(settings.asText())));
                case "converters":
                    List<Converter> chain = new ArrayList<>();
                    for (JsonNode id : settings.isArray() ? settings : List.of(settings)) {
                        chain.add(Converters.byId(id.asText(), attacker, node.path("language").asText(null)));
                    }
                    return List.of(SingleTurn.converted(chain));
                case "iterative":
                    return List.of(new Iterative(settings.path("streams").asInt(2), settings.path("depth").asInt(3)));
                case "multi_turn":
                    return List.of(new MultiTurn(settings.path("turns").asInt(4), settings.path("backtracks").asInt(2)));
                default:
                    throw new IllegalArgumentException("unknown strategy '" + kind
                            + "'; expected direct, templates, template, converters, iterative or multi_turn");
            }
        }
        throw new IllegalArgumentException("a strategy is a name or a one-key map, got " + node);
    }

    public List<Seed> seeds(StoredSeeds stored) {
        CampaignFile.Seeds config = campaign.seeds();
        List<Seed> seeds = new ArrayList<>();
        if (config == null || config.builtin() == null || config.builtin()) {
            seeds.addAll(BuiltinSeeds.all());
        }
        if (config != null && config.harmbench() != null) {
            seeds.addAll(read(Datasets.harmBenchCsv(resolve(config.harmbench()))));
        }
        if (config != null && config.text() != null) {
            seeds.addAll(read(Datasets.textSeeds(resolve(config.text()))));
        }
        if (config != null && Boolean.TRUE.equals(config.imported())) {
            seeds.addAll(stored.imported());
        }
        if (config != null && config.fromDb() != null) {
            seeds.addAll(stored.successful(config.fromDb().minRating() == null ? 3.0 : config.fromDb().minRating(),
                    config.fromDb().limit() == null ? Integer.MAX_VALUE : config.fromDb().limit()));
        }
        if (seeds.isEmpty()) {
            throw new BadInput(file + CampaignFile.line(file, "seeds") + ": the seeds section yields no seeds");
        }
        int limit = config == null || config.limit() == null ? seeds.size() : Math.min(config.limit(), seeds.size());
        return seeds.subList(0, limit);
    }

    private Path resolve(String path) {
        Path given = Path.of(path);
        return given.isAbsolute() ? given : file.toAbsolutePath().getParent().resolve(given);
    }

    private static List<Seed> read(RecordReader<Seed> reader) {
        List<Seed> seeds = new ArrayList<>();
        try (reader) {
            for (Seed seed = reader.read(); seed != null; seed = reader.read()) {
                seeds.add(seed);
            }
        }
        return seeds;
    }

    /** Every target × seed × strategy × repetition, each with its stable key. */
    public List<PlannedAttack> plan(Map<String, ?> targets, List<Seed> seeds, List<Strategy> strategies) {
        List<PlannedAttack> plan = new ArrayList<>();
        for (String target : targets.keySet()) {
            for (Seed seed : seeds) {
                for (Strategy strategy : strategies) {
                    for (int repetition = 0; repetition < campaign.repetitions(); repetition++) {
                        plan.add(new PlannedAttack(PlannedAttack.key(campaign.name(), target, seedKey(seed), strategy.id(), repetition),
                                target, seed, tag(seed), strategy, repetition));
                    }
                }
            }
        }
        return plan;
    }

    public static String tag(Seed seed) {
        if (!seed.tags().isEmpty()) {
            return seed.tags().get(0);
        }
        return seed.semanticCategory() != null ? seed.semanticCategory() : "(none)";
    }

    public static String seedKey(Seed seed) {
        if (seed.behaviorId() != null) {
            return seed.behaviorId();
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.text().getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
