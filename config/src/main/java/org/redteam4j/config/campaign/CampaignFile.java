package org.redteam4j.config.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.redteam4j.config.targets.TargetConfig;
import org.redteam4j.config.yaml.StrictYaml;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.DatasetFormat;

/**
 * A campaign file (YAML): targets, attacker, seeds, strategies, judges, limits and prices. Unknown
 * keys, unknown strategies, missing targets and negative limits are errors naming the line.
 */
public record CampaignFile(String name, List<TargetConfig> targets, String attacker,
                           @JsonProperty("attacker_base_url") String attackerBaseUrl, Seeds seeds,
                           List<JsonNode> strategies, List<JsonNode> judges, Limits limits,
                           Map<String, Price> prices, Injection injection,
                           @com.fasterxml.jackson.annotation.JsonFormat(
                                   with = com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                           List<Benign> benign,
                           @JsonProperty("benign_strategies") List<JsonNode> benignStrategies) {

    /**
     * The injection strategies' settings, all optional: the seed the canary is drawn from, the
     * user's own canary instead, the system prompt holding {@code {canary}} (text or a file), and
     * whether redteam4j sends it (false: the application already has one, with the user's canary).
     */
    public record Injection(Long seed, String canary, @JsonProperty("system_prompt") String systemPrompt,
                            @JsonProperty("send_system_prompt") Boolean sendSystemPrompt) {
    }

    /**
     * One source of benign prompts (over-refusal), exactly one key: {@code text: FILE} (one prompt a
     * line; blank lines and {@code #} comments skipped) or {@code xstest: FILE} (XSTest's prompt file;
     * its safe types only).
     */
    public record Benign(String text, String xstest) {
    }

    /** Where seeds come from. */
    public record Seeds(Boolean builtin, String harmbench, String text, List<SeedFile> files, Boolean imported,
                        @JsonProperty("from_db") FromDb fromDb, Integer limit) {
    }

    /** A seed file in one of import's seed formats ({@code strongreject}, {@code jbb-behaviors}, …), or {@code auto}. */
    public record SeedFile(String format, String path) {

        public static final String AUTO = "auto";

        @com.fasterxml.jackson.annotation.JsonCreator
        public SeedFile(@JsonProperty("format") String format, @JsonProperty("path") String path) {
            this.format = format;
            this.path = path;
        }

        /** A bare path ({@code files: [sr.csv]}): refused with the item's shape, not Jackson's words for a missing creator. */
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        static SeedFile of(String path) {
            throw new IllegalArgumentException("write each seed file as {format: FORMAT, path: FILE} (format auto or left "
                    + "out: told by its header), got '" + path + "'");
        }

        /** The format as given, {@code auto} when left out. */
        public String formatOrAuto() {
            return format == null ? AUTO : format;
        }
    }

    /** Seeds from the task descriptions of successful human attempts in the store. */
    public record FromDb(@JsonProperty("min_rating") Double minRating, Integer limit) {
    }

    /** Concurrency, rate, budget and repetitions. */
    public record Limits(Integer concurrency, @JsonProperty("requests_per_minute") Integer requestsPerMinute,
                         @JsonProperty("max_requests") Long maxRequests, @JsonProperty("max_tokens") Long maxTokens,
                         Integer repetitions) {
    }

    /** Prices per 1,000 tokens, for --dry-run estimates. */
    public record Price(Double input, Double output) {
    }

    /**
     * The file's targets with the JVM's: a file target of {@code model: java:NAME} is the declaration
     * of the JVM's target NAME (its intervention, limits and sampling apply), kept whether the JVM's
     * targets join the file's or replace them; every other JVM target comes after, as a bare
     * {@code java:NAME}. Without this a declared one was attacked twice, or refused as a second
     * target of its name, or (replaced) lost its settings.
     */
    private static List<TargetConfig> withInProcessTargets(List<TargetConfig> fileTargets, LibraryAdditions additions) {
        List<TargetConfig> targets = new java.util.ArrayList<>();
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (TargetConfig target : fileTargets) {
            String inProcess = target != null && target.model() != null && target.runtime().equals("java")
                    ? target.model().substring(target.model().indexOf(':') + 1) : null;
            if (inProcess != null && additions.inProcessTargets().contains(inProcess)) {
                declared.add(inProcess);
                targets.add(target);
            } else if (!additions.replaceFileTargets()) {
                targets.add(target);
            }
        }
        for (String name : additions.inProcessTargets()) {
            if (!declared.contains(name)) {
                targets.add(TargetConfig.of(name, "java:" + name, null));
            }
        }
        return targets;
    }

    /** Parses and checks a campaign's YAML; {@code origin} names it in errors (a file name). */
    static CampaignFile parse(String yaml, String origin) {
        return parse(yaml, origin, LibraryAdditions.NONE);
    }

    /**
     * As above, with what a library caller adds ({@link LibraryAdditions}): targets of its JVM
     * ({@code model: java:NAME}, named NAME) after the file's or instead of them (then the file may
     * declare none; a file target of {@code model: java:NAME} declares NAME's settings, and stays), and a
     * request budget where the file sets none.
     */
    static CampaignFile parse(String yaml, String origin, LibraryAdditions additions) {
        CampaignFile campaign = StrictYaml.read(yaml, origin, CampaignFile.class);
        if (campaign == null) {
            throw new BadInput(origin + ": the file is empty");
        }
        List<TargetConfig> targets = campaign.targets;
        if (!additions.inProcessTargets().isEmpty()) {
            targets = withInProcessTargets(campaign.targets == null ? List.of() : campaign.targets, additions);
        }
        Limits limits = campaign.limits;
        if (additions.defaultMaxRequests() != null && (limits == null || limits.maxRequests() == null)) {
            limits = limits == null ? new Limits(null, null, additions.defaultMaxRequests(), null, null)
                    : new Limits(limits.concurrency(), limits.requestsPerMinute(), additions.defaultMaxRequests(),
                            limits.maxTokens(), limits.repetitions());
        }
        campaign = new CampaignFile(campaign.name, targets, campaign.attacker, campaign.attackerBaseUrl, campaign.seeds,
                campaign.strategies, campaign.judges, limits, campaign.prices, campaign.injection, campaign.benign,
                campaign.benignStrategies);
        campaign.validate(origin, yaml);
        return campaign;
    }

    private void validate(String file, String yaml) {
        if (name == null || name.isBlank()) {
            throw new BadInput(file + ": missing 'name' (the campaign's name in results)");
        }
        if (targets == null || targets.isEmpty()) {
            throw new BadInput(file + line(yaml, "targets") + ": no targets; declare at least one under 'targets:'");
        }
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == null || targets.get(i).model() == null) {
                throw new BadInput(file + ": targets[" + i + "]: missing 'model' (e.g. sim, openai:gpt-4o-mini)");
            }
        }
        if (strategies == null || strategies.isEmpty()) {
            throw new BadInput(file + line(yaml, "strategies") + ": no strategies; e.g. '- direct'");
        }
        if (judges == null || judges.isEmpty()) {
            throw new BadInput(file + line(yaml, "judges") + ": no judges; e.g. '- refusal'");
        }
        if (limits != null) {
            nonNegative(file, yaml, "concurrency", limits.concurrency() == null ? null : limits.concurrency() - 1L);
            nonNegative(file, yaml, "requests_per_minute", limits.requestsPerMinute() == null ? null : (long) limits.requestsPerMinute());
            nonNegative(file, yaml, "max_requests", limits.maxRequests());
            nonNegative(file, yaml, "max_tokens", limits.maxTokens());
            nonNegative(file, yaml, "repetitions", limits.repetitions() == null ? null : limits.repetitions() - 1L);
        }
        if (benign != null && benign.isEmpty()) {
            throw new BadInput(file + line(yaml, "benign") + ": benign is empty; give sources (- text: FILE, - xstest: FILE) "
                    + "or leave it out");
        }
        if (benign != null) {
            for (int i = 0; i < benign.size(); i++) {
                Benign source = benign.get(i);
                if (source == null || (source.text() == null) == (source.xstest() == null)) {
                    throw new BadInput(file + line(yaml, "benign") + ": benign[" + i + "]: give exactly one of 'text: FILE' "
                            + "(one prompt a line) or 'xstest: FILE' (XSTest's prompt file)");
                }
            }
        }
        if (benignStrategies != null && benignStrategies.isEmpty()) {
            throw new BadInput(file + line(yaml, "benign_strategies") + ": benign_strategies is empty; leave it out for [direct]");
        }
        if (seeds != null && seeds.files() != null) {
            validateSeedFiles(file, yaml, seeds.files());
        }
        if (seeds != null && seeds.limit() != null && seeds.limit() < 1
                || seeds != null && seeds.fromDb() != null && seeds.fromDb().limit() != null && seeds.fromDb().limit() < 1) {
            throw new BadInput(file + line(yaml, "seeds") + ": a seeds limit must be 1 or more");
        }
    }

    private static void validateSeedFiles(String file, String yaml, List<SeedFile> files) {
        if (files.isEmpty()) {
            throw new BadInput(file + line(yaml, "files") + ": seeds.files is empty; give files (- {format: strongreject, "
                    + "path: FILE}) or leave it out");
        }
        for (int i = 0; i < files.size(); i++) {
            SeedFile item = files.get(i);
            String at = file + line(yaml, "files") + ": seeds.files[" + i + "]: ";
            if (item == null || item.path() == null || item.path().isBlank()) {
                throw new BadInput(at + "missing 'path' (the seed file, relative to this campaign file)");
            }
            String format = item.formatOrAuto();
            boolean seedFormat = DatasetFormat.fromId(format).map(DatasetFormat::holdsSeeds).orElse(false);
            if (!format.equals(SeedFile.AUTO) && !seedFormat) {
                throw new BadInput(at + "format '" + format + "' is not a seed format; expected auto, " + DatasetFormat.seedIds());
            }
        }
    }

    private static void nonNegative(String file, String yaml, String key, Long value) {
        if (value != null && value < 0) {
            throw new BadInput(file + line(yaml, key) + ": limits." + key + " must be "
                    + (key.equals("concurrency") || key.equals("repetitions") ? "1 or more" : "0 (no limit) or more"));
        }
    }

    /** ": line N" of the first line that mentions {@code token} as a key or list item, or "" when none does. */
    static String line(String yaml, String token) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(token + ":") || startsWithWord(line, "- " + token) || startsWithWord(line, "- {" + token)
                    || line.equals(token)) {
                return ": line " + (i + 1);
            }
        }
        return "";
    }

    /** Whether {@code line} starts with {@code prefix} as a whole word: "- system_prompt" is not "- system_prompt_extraction". */
    private static boolean startsWithWord(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            return false;
        }
        if (line.length() == prefix.length()) {
            return true;
        }
        char next = line.charAt(prefix.length());
        return !(Character.isLetterOrDigit(next) || next == '_' || next == '-');
    }

    /**
     * This campaign's share when it runs as one of {@code parts} pieces at once (Spark's
     * CampaignJob): rates, concurrency and budget divided, each at least 1 where set; 0 (no
     * limit) stays 0.
     */
    CampaignFile shareOf(int parts) {
        if (parts < 1) {
            throw new BadInput("parts must be 1 or more");
        }
        Limits shared = new Limits(share(concurrency(), parts), limits == null || limits.requestsPerMinute() == null ? null
                : share(limits.requestsPerMinute(), parts), limits == null || limits.maxRequests() == null ? null
                : share(limits.maxRequests(), parts), limits == null || limits.maxTokens() == null ? null
                : share(limits.maxTokens(), parts), limits == null ? null : limits.repetitions());
        List<TargetConfig> sharedTargets = targets.stream().map(target -> {
            TargetConfig.LimitsConfig own = target.limits();
            if (own == null) {
                return target;
            }
            return target.withLimits(new TargetConfig.LimitsConfig(own.timeoutSeconds(), own.maxAttempts(), own.initialBackoffMs(),
                    own.maxBackoffSeconds(), own.maxRetryAfterSeconds(),
                    own.concurrency() == null ? null : share(own.concurrency(), parts),
                    own.requestsPerMinute() == null ? null : share(own.requestsPerMinute(), parts)));
        }).toList();
        List<JsonNode> sharedJudges = judges.stream().map(judge -> shareJudge(judge, parts)).toList();
        return new CampaignFile(name, sharedTargets, attacker, attackerBaseUrl, seeds, strategies, sharedJudges, shared, prices,
                injection, benign, benignStrategies);
    }

    /** A judge with its own {@code limits} (beside its id or inside its settings) gets its share of their concurrency and rate. */
    private static JsonNode shareJudge(JsonNode judge, int parts) {
        if (!judge.isObject() || judge.isEmpty()) {
            return judge;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = judge.deepCopy();
        JsonNode settings = copy.elements().next();
        JsonNode limits = (settings.isObject() ? settings : copy).get("limits");
        if (limits instanceof com.fasterxml.jackson.databind.node.ObjectNode own) {
            for (String key : List.of("concurrency", "requests_per_minute")) {
                if (own.path(key).isInt()) {
                    own.put(key, share(own.get(key).intValue(), parts));
                }
            }
        }
        return copy;
    }

    private static int share(int value, int parts) {
        return value == 0 ? 0 : Math.max(1, value / parts);
    }

    private static long share(long value, int parts) {
        return value == 0 ? 0 : Math.max(1, value / parts);
    }

    public int concurrency() {
        return limits == null || limits.concurrency() == null ? 4 : limits.concurrency();
    }

    public int repetitions() {
        return limits == null || limits.repetitions() == null ? 1 : limits.repetitions();
    }

    public long maxRequests() {
        return limits == null || limits.maxRequests() == null ? 0 : limits.maxRequests();
    }

    public long maxTokens() {
        return limits == null || limits.maxTokens() == null ? 0 : limits.maxTokens();
    }

    public int requestsPerMinute() {
        return limits == null || limits.requestsPerMinute() == null ? 0 : limits.requestsPerMinute();
    }
}
