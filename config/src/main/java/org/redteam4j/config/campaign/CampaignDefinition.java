package org.redteam4j.config.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.redteam4j.config.Environment;
import org.redteam4j.config.judges.JudgeSpec;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.core.attack.BuiltinSeeds;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.attack.injection.Injection;
import org.redteam4j.core.attack.injection.InjectionStrategy;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.Canary;
import org.redteam4j.core.format.DataFile;
import org.redteam4j.core.format.DatasetFormat;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.RecordReader;

/**
 * A campaign as declared: its parsed file, the YAML text it came from (for line numbers and its
 * sha256), its origin name and the folder relative seed paths start from. From it come the seeds,
 * the plan (no models needed) and, once, the prepared campaign.
 */
public final class CampaignDefinition {

    private final CampaignFile file;
    private final String yaml;
    private final String origin;
    private final Path folder;

    private CampaignDefinition(CampaignFile file, String yaml, String origin, Path folder) {
        this.file = file;
        this.yaml = yaml;
        this.origin = origin;
        this.folder = folder;
    }

    public static CampaignDefinition read(Path path) {
        return parse(DataFile.text(path), path.toString(), path.toAbsolutePath().getParent());
    }

    /** From any reader (a Spark partition, a library user's resource); {@code folder} resolves relative seed files. */
    public static CampaignDefinition read(Reader reader, String origin, Path folder) {
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            reader.transferTo(text);
            return parse(text.toString(), origin, folder);
        } catch (IOException e) {
            throw new BadInput(origin + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public static CampaignDefinition parse(String yaml, String origin, Path folder) {
        return new CampaignDefinition(CampaignFile.parse(yaml, origin), yaml, origin, folder);
    }

    /**
     * As above, with what a library caller adds: targets of its JVM after the file's targets or
     * instead of them, each {@code model: java:NAME} built from the models given by
     * {@link Environment#withInProcessModels}, and a budget where the file sets none.
     */
    public static CampaignDefinition parse(String yaml, String origin, Path folder, LibraryAdditions additions) {
        return new CampaignDefinition(CampaignFile.parse(yaml, origin, additions), yaml, origin, folder);
    }

    public CampaignFile file() {
        return file;
    }

    public String name() {
        return file.name();
    }

    public String yaml() {
        return yaml;
    }

    public String origin() {
        return origin;
    }

    public Path folder() {
        return folder;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings as JSON, stored with the campaign. */
    public JsonNode settings() {
        return Json.mapper().valueToTree(file);
    }

    /** This campaign's share as one of {@code parts} pieces run at once (rates, concurrency and budget divided). */
    public CampaignDefinition shareOf(int parts) {
        return new CampaignDefinition(file.shareOf(parts), yaml, origin, folder);
    }

    /**
     * {@code "FILE: line N: "} for the first line naming the first of {@code tokens} that any line
     * names (a key inside a flow map, {@code limits: {repetitions: 9}}, is found by the next), to prefix an error.
     */
    public String where(String... tokens) {
        for (String token : tokens) {
            String line = CampaignFile.line(yaml, token);
            if (!line.isEmpty()) {
                return origin + line + ": ";
            }
        }
        return origin + ": ";
    }

    public List<String> targetNames() {
        List<String> names = new ArrayList<>();
        for (TargetConfig target : file.targets()) {
            if (names.contains(target.displayName())) {
                throw new BadInput(origin + ": two targets are named '" + target.displayName() + "'; give them names");
            }
            names.add(target.displayName());
        }
        return names;
    }

    public List<Strategy> strategies() {
        List<Strategy> strategies = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode item : file.strategies()) {
            for (Strategy strategy : Strategies.of(item, where(token(item)), injection())) {
                if (!ids.add(strategy.id())) { // one attack key for two planned attacks: sent twice, stored once
                    throw new BadInput(where(token(item)) + "strategy '" + strategy.id() + "' is listed twice; list each once");
                }
                strategies.add(strategy);
            }
        }
        List<String> needAttacker = strategies.stream().filter(s -> s.needs().contains(Need.ATTACKER)).map(Strategy::id).toList();
        if (!needAttacker.isEmpty() && file.attacker() == null) {
            throw new BadInput(origin + ": " + String.join(", ", needAttacker) + " need an 'attacker:' model (e.g. sim)");
        }
        return strategies;
    }

    /**
     * The campaign's injection settings: the canary drawn from {@code injection.seed} (42 when absent)
     * unless {@code injection.canary} names one, in our system prompt unless {@code system_prompt}
     * gives another (a file relative to the campaign's folder, or the text itself).
     */
    public Injection injection() {
        CampaignFile.Injection given = file.injection();
        if (given == null) {
            return Injection.defaults();
        }
        long seed = given.seed() == null ? Injection.DEFAULT_SEED : given.seed();
        Canary canary = given.canary() == null ? Canary.fromSeed(seed)
                : Canary.given(given.canary(), where("canary", "injection") + "injection.canary: ");
        boolean send = given.sendSystemPrompt() == null || given.sendSystemPrompt();
        if (!send && given.canary() == null) {
            throw new BadInput(where("send_system_prompt", "injection") + "injection.send_system_prompt: false means the "
                    + "application holds its own system prompt, so redteam4j cannot know its canary; name it with injection.canary");
        }
        String prompt = Injection.DEFAULT_SYSTEM_PROMPT;
        if (given.systemPrompt() != null) {
            prompt = given.systemPrompt();
            Path path = prompt.contains("\n") || prompt.contains("{") ? null : resolve(prompt);
            if (path != null && java.nio.file.Files.isRegularFile(path)) {
                prompt = DataFile.text(path);
            }
            if (!prompt.contains("{canary}")) {
                throw new BadInput(where("system_prompt", "injection") + "injection.system_prompt"
                        + (path != null && java.nio.file.Files.isRegularFile(path) ? " (" + path + ")" : "")
                        + ": write {canary} where the canary goes (a file that does not exist is read as the text itself)");
            }
        }
        return new Injection(seed, canary, prompt, send);
    }

    /** The word a YAML item starts with: its id, for finding its line. */
    static String token(JsonNode item) {
        return item.isTextual() ? item.asText() : item.fieldNames().hasNext() ? item.fieldNames().next() : String.valueOf(item);
    }

    /** The seeds the file asks for, in its order, at most {@code limit}. */
    public List<Seed> seeds(StoredSeeds stored) {
        CampaignFile.Seeds config = file.seeds();
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
        if (config != null && config.files() != null) {
            for (int i = 0; i < config.files().size(); i++) {
                seeds.addAll(seedFile(i, config.files().get(i)));
            }
        }
        if (config != null && Boolean.TRUE.equals(config.imported())) {
            seeds.addAll(stored.imported());
        }
        if (config != null && config.fromDb() != null) {
            seeds.addAll(stored.successful(config.fromDb().minRating() == null ? 3.0 : config.fromDb().minRating(),
                    config.fromDb().limit() == null ? Integer.MAX_VALUE : config.fromDb().limit()));
        }
        if (seeds.isEmpty()) {
            throw new BadInput(where("seeds") + "the seeds section yields no seeds");
        }
        int limit = config == null || config.limit() == null ? seeds.size() : Math.min(config.limit(), seeds.size());
        return seeds.subList(0, limit);
    }

    /**
     * The seeds of {@code seeds.files[i]}, its format detected from the content for {@code auto}; an
     * error names this campaign file (and the line of the item) before the seed file's own message.
     */
    private List<Seed> seedFile(int i, CampaignFile.SeedFile item) {
        String at = whereValue(item.path(), "files", "seeds") + "seeds.files[" + i + "]: ";
        try {
            Path path = resolve(item.path());
            DatasetFormat format = item.formatOrAuto().equals(CampaignFile.SeedFile.AUTO) ? DatasetFormat.detect(path)
                    : DatasetFormat.fromId(item.format()).orElseThrow();
            if (!format.holdsSeeds()) {
                throw new BadInput(path + ": holds " + format.id() + ", not seeds (seed formats: " + DatasetFormat.seedIds() + ")");
            }
            return read(Datasets.seeds(path, format));
        } catch (BadInput e) {
            throw new BadInput(at + e.getMessage(), e);
        }
    }

    /** {@code "FILE: line N: "} for the first line holding {@code value} (a seed file's path), else as {@link #where}. */
    private String whereValue(String value, String... tokens) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(value)) {
                return origin + ": line " + (i + 1) + ": ";
            }
        }
        return where(tokens);
    }

    /** The benign prompts of the file's {@code benign:} sources (over-refusal); none when it has no such key. */
    public BenignPrompts benign() {
        BenignPrompts prompts = BenignPrompts.read(file.benign(), this::resolve);
        if (file.benign() != null && !file.benign().isEmpty() && prompts.prompts().isEmpty()) {
            throw new BadInput(where("benign") + "the benign section yields no prompts");
        }
        return prompts;
    }

    /** The strategies benign prompts are sent by: the file's {@code benign_strategies:}, else {@code [direct]}. */
    public List<Strategy> benignStrategies() {
        if (file.benignStrategies() == null) {
            return Strategies.all(List.of(com.fasterxml.jackson.databind.node.TextNode.valueOf("direct")), item -> where("benign"));
        }
        List<Strategy> strategies = new ArrayList<>();
        for (JsonNode item : file.benignStrategies()) {
            String at = where(token(item), "benign_strategies");
            for (Strategy strategy : Strategies.of(item, at, Injection.defaults())) {
                // a benign strategy must carry the benign prompt: a seedless payload would send the same attack
                // once per prompt and count the target's rightful refusals as false ones
                if (strategy instanceof InjectionStrategy || !strategy.usesSeed()) {
                    throw new BadInput(at + "benign_strategies: '" + strategy.id() + "' is an injection strategy or does "
                            + "not send the seed, so it cannot carry a benign prompt; use strategies such as direct or template");
                }
                strategies.add(strategy);
            }
        }
        List<String> needAttacker = strategies.stream().filter(s -> s.needs().contains(Need.ATTACKER)).map(Strategy::id).toList();
        if (!needAttacker.isEmpty() && file.attacker() == null) {
            throw new BadInput(where("benign_strategies") + String.join(", ", needAttacker) + " need an 'attacker:' model (e.g. sim)");
        }
        return strategies;
    }

    /** The judges as specs, checked against the catalogue; nothing is built. */
    public List<JudgeSpec> judges() {
        return file.judges().stream().map(node -> JudgeSpec.parse(node, where(token(node)))).toList();
    }

    /**
     * Every target × seed × strategy × repetition, then every target × benign prompt × benign
     * strategy ({@link CampaignPlan#withBenign}); checks the judges too, and builds no model. A plan
     * of more than {@link CampaignPlan#MAX_ATTACKS} attacks, or of more than {@link CampaignPlan#MAX_REQUESTS}
     * requests at worst with no {@code max_requests}, is refused before it is made.
     */
    public CampaignPlan plan(List<Seed> seeds) {
        judges();
        List<String> targets = targetNames();
        List<Strategy> strategies = strategies();
        PlanBounds.check(this, targets.size(), seeds.size(), strategies);
        BenignPrompts benign = benign();
        CampaignPlan plan = CampaignPlan.of(file.name(), targets, seeds, strategies, file.repetitions());
        if (benign.prompts().isEmpty()) {
            return plan;
        }
        List<Strategy> benignStrategies = benignStrategies();
        if (file.maxRequests() == 0) { // the bound PlanBounds puts on the attacks, on attacks and benign prompts together
            long attacks = CampaignPlan.size(targets.size(), seeds.size(), strategies, file.repetitions()).requests();
            long prompts = CampaignPlan.size(targets.size(), benign.prompts().size(), benignStrategies, 1).requests();
            if (prompts > CampaignPlan.MAX_REQUESTS - Math.min(attacks, CampaignPlan.MAX_REQUESTS)) {
                throw new BadInput(where("benign_strategies", "benign") + String.format("with its benign prompts this campaign "
                        + "could make more than the %,d requests allowed without a budget — set limits.max_requests, or use "
                        + "fewer benign prompts or cheaper benign_strategies", CampaignPlan.MAX_REQUESTS));
            }
        }
        return plan.withBenign(benign.prompts(), benignStrategies);
    }

    /** Builds the targets, attacker and judges for {@code plan} — the one place a campaign is assembled. */
    public PreparedCampaign prepare(CampaignPlan plan, Environment environment) {
        return PreparedCampaign.assemble(this, plan, environment);
    }

    /** A path in the campaign file, relative to the file's folder. */
    Path resolve(String path) {
        Path given = Path.of(path);
        return given.isAbsolute() || folder == null ? given : folder.resolve(given);
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
}
