package org.redteam4j.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.redteam4j.api.internal.CampaignRun;

/**
 * A red-team campaign: targets × seeds × strategies × repetitions, judged by its judges, within its
 * limits — the campaign file of {@code redteam4j attack} (README, "attack"), read from YAML or
 * built in code, with targets of this JVM added. Immutable: each {@code with…} returns a new campaign.
 *
 * <pre>{@code
 * CampaignResult result = Campaign.fromYaml(Path.of("redteam/nightly.yaml"))
 *         .withTarget("support-bot", Targets.from(chatModel))
 *         .run();
 * assertThat(result.above(0.05)).isEmpty();
 * }</pre>
 */
public final class Campaign {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final CampaignRun run;

    /**
     * Told after each finished attack; called from the campaign's threads, one call at a time (a
     * listener need not be thread-safe). The counts are this run's: a resumed campaign's earlier
     * attacks are in {@link CampaignResult#alreadyDone()}.
     */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * @param done   attacks this run has finished so far
         * @param total  attacks this run has to do: those planned, less those finished in earlier runs
         * @param hits   successes so far in this run, by the first judge
         * @param errors attacks of this run failed because a model failed
         */
        void update(long done, long total, long hits, long errors);
    }

    private Campaign(CampaignRun run) {
        this.run = run;
    }

    /**
     * The campaign in a YAML file; relative seed and calibration paths are read from the file's folder.
     *
     * @param file the campaign file
     * @return the campaign, checked when it runs
     */
    public static Campaign fromYaml(Path file) {
        try {
            return new Campaign(CampaignRun.of(Files.readString(file), file.toString(), file.toAbsolutePath().getParent()));
        } catch (IOException e) {
            throw new RedTeamException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A campaign from YAML text; {@code origin} names it in errors, relative paths are read from the working directory.
     *
     * @param yaml the campaign file's text
     * @param origin how errors name it, e.g. a file or resource name
     * @return the campaign, checked when it runs
     */
    public static Campaign fromYamlText(String yaml, String origin) {
        return new Campaign(CampaignRun.of(Objects.requireNonNull(yaml, "yaml"), origin, null));
    }

    /**
     * A campaign built in code; every setting is one of the campaign file's.
     *
     * @param name the campaign's name in results (and the key its database resumes by)
     * @return a builder with no targets, seeds, strategies or judges yet
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * The same campaign with {@code target} attacked too, under {@code name} (as {@code model: java:NAME}
     * would be); it joins the file's targets unless {@link #replacingFileTargets()}. A file target of
     * {@code model: java:NAME} declares this one's settings (its intervention, limits, sampling) and
     * is attacked in its place.
     *
     * @param name the target's name in results: letters, digits, '.', '_' or '-'
     * @param target what is attacked
     * @return the same campaign, with one more target
     */
    public Campaign withTarget(String name, ChatTarget target) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a target's name is letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        return new Campaign(run.withTarget(name, Objects.requireNonNull(target, "target")));
    }

    /**
     * As above, for any model {@link Targets#from} accepts (a LangChain4j or Spring AI model with its adapter, a function).
     *
     * @param name the target's name in results
     * @param model the model: whatever {@link Targets#from} accepts
     * @return the same campaign, with one more target
     */
    public Campaign withTarget(String name, Object model) {
        return withTarget(name, Targets.from(model));
    }

    /**
     * The same campaign, attacking only the targets given with {@link #withTarget}: the file's are left
     * out, except those of {@code model: java:NAME} that declare one of them.
     *
     * @return the same campaign, attacking the JVM's targets only
     */
    public Campaign replacingFileTargets() {
        return new Campaign(run.replacingFileTargets());
    }

    /**
     * The same campaign, stored in {@code location} (as {@code --db}: a file path for SQLite, or a
     * {@code jdbc:postgresql://} URL) instead of a temporary SQLite file deleted after the run.
     *
     * @param location a SQLite file path or a {@code jdbc:postgresql://} URL
     * @return the same campaign, stored there
     */
    public Campaign database(String location) {
        return new Campaign(run.withDatabase(Objects.requireNonNull(location, "location")));
    }

    /**
     * The same campaign, continuing its results in the database when it has some: nothing finished
     * is repeated. Without it, a campaign of that name with results is refused.
     *
     * @return the same campaign, resuming what its database holds
     */
    public Campaign resuming() {
        return new Campaign(run.resuming());
    }

    /**
     * The same campaign, with {@code value} redacted as {@code [redacted NAME]} from every model text
     * before it is stored or shown, and reported as a finding where it appears: a secret of the
     * application under test (a token its tools use, a system prompt's canary) that redteam4j would
     * not otherwise know. API keys in the environment under the runtimes' variables are known already.
     *
     * @param name  how it is shown, e.g. {@code CRM_TOKEN}
     * @param value the secret itself
     * @return the same campaign, with one more secret to redact
     */
    public Campaign redacting(String name, String value) {
        return new Campaign(run.withSecret(new org.redteam4j.core.secrets.Secret(name, value))); // refuses blanks now
    }

    /**
     * The same campaign, telling {@code listener} after each finished attack (for a progress bar or a log line).
     *
     * @param listener told of every finished attack; null for none
     * @return the same campaign, with that listener
     */
    public Campaign onProgress(ProgressListener listener) {
        if (listener == null) {
            return new Campaign(run.withProgress(null));
        }
        // the engine tells from each attack's thread as it finishes; the listener hears one at a time
        Object lock = new Object();
        return new Campaign(run.withProgress((done, total, hits, errors) -> {
            synchronized (lock) {
                listener.update(done, total, hits, errors);
            }
        }));
    }

    /**
     * The same campaign with {@code limits.max_requests} of {@code maxRequests} where its file sets
     * none (0: no budget): what stops a campaign whose file forgot a budget from spending without end.
     *
     * @param maxRequests the budget in requests, 0 for none
     * @return the same campaign, with that default budget
     */
    public Campaign withDefaultMaxRequests(long maxRequests) {
        if (maxRequests < 0) {
            throw new IllegalArgumentException("a budget cannot be negative, was " + maxRequests);
        }
        return new Campaign(run.withDefaultMaxRequests(maxRequests));
    }

    /**
     * Runs the campaign: checks it whole (file, targets, keys, judges, database) before any attack,
     * then runs every attack, committing each as it finishes.
     *
     * @throws RedTeamException when the campaign cannot run; the message names the file and line
     * @return every attack of the campaign (earlier runs' included) and the summary per target
     */
    public CampaignResult run() {
        return run.run(Results::of);
    }

    /** Builds a campaign in code, as its YAML file would declare it. */
    public static final class Builder {

        private final ObjectNode root = YAML.createObjectNode();
        private final Map<String, ChatTarget> targets = new LinkedHashMap<>();

        private Builder(String name) {
            root.put("name", Objects.requireNonNull(name, "name"));
        }

        /**
         * A target of this JVM.
         *
         * @param name the target's name in results
         * @param model the model: whatever {@link Targets#from} accepts
         * @return this builder
         */
        public Builder target(String name, Object model) {
            if (targets.put(name, Targets.from(model)) != null) {
                throw new IllegalArgumentException("two targets are named '" + name + "'");
            }
            return this;
        }

        /**
         * A target declared as in a campaign file, e.g. {@code "{name: prod, model: openai:gpt-4o-mini}"}.
         *
         * @param yaml one item of a campaign file's {@code targets:} list
         * @return this builder
         */
        public Builder declaredTarget(String yaml) {
            array("targets").add(node(yaml));
            return this;
        }

        /**
         * The built-in seeds, at most {@code limit} of them (0: all).
         *
         * @param limit how many seeds at most; 0 for all
         * @return this builder
         */
        public Builder builtinSeeds(int limit) {
            ObjectNode seeds = root.withObject("/seeds");
            seeds.put("builtin", true);
            if (limit > 0) {
                seeds.put("limit", limit);
            }
            return this;
        }

        /**
         * Seeds from a file in one of {@code import}'s seed formats ({@code auto}: told by its header).
         *
         * @param format the seed format's id, or {@code auto}
         * @param file the seed file
         * @return this builder
         */
        public Builder seedFile(String format, Path file) {
            root.withObject("/seeds").withArray("files").addObject().put("format", format).put("path", file.toString());
            return this;
        }

        /**
         * Strategies as a campaign file writes them: {@code "direct"}, {@code "multi_turn: {turns: 3}"}.
         *
         * @param strategies each as one item of a campaign file's {@code strategies:} list
         * @return this builder
         */
        public Builder strategies(String... strategies) {
            for (String strategy : strategies) {
                array("strategies").add(node(strategy));
            }
            return this;
        }

        /**
         * Judges as a campaign file writes them; the first is the one rates and gates are by.
         *
         * @param judges each as one item of a campaign file's {@code judges:} list
         * @return this builder
         */
        public Builder judges(String... judges) {
            for (String judge : judges) {
                array("judges").add(node(judge));
            }
            return this;
        }

        /**
         * The model that writes attacks for the strategies that need one, e.g. {@code openai:gpt-4o-mini} or {@code sim}.
         *
         * @param model a model spec as {@code --target} takes it
         * @return this builder
         */
        public Builder attacker(String model) {
            root.put("attacker", model);
            return this;
        }

        /**
         * How many times each target × seed × strategy is attacked (default 1); repetitions of a seed are resampled together.
         *
         * @param repetitions 1 or more
         * @return this builder
         */
        public Builder repetitions(int repetitions) {
            return limit("repetitions", repetitions);
        }

        /**
         * How many attacks run at once (default 4); each target takes as many calls at once unless it sets its own.
         *
         * @param concurrency 1 or more
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            return limit("concurrency", concurrency);
        }

        /**
         * At most this many requests to targets and attacker; the rest are left not run, to resume.
         *
         * @param maxRequests the budget in requests, 0 for none
         * @return this builder
         */
        public Builder maxRequests(long maxRequests) {
            return limit("max_requests", maxRequests);
        }

        /**
         * At most this many tokens, prompt and completion, over targets and attacker, where they report them.
         *
         * @param maxTokens the budget in tokens, 0 for none
         * @return this builder
         */
        public Builder maxTokens(long maxTokens) {
            return limit("max_tokens", maxTokens);
        }

        /**
         * The campaign, checked when it runs: a bad setting fails {@link Campaign#run()} naming it.
         *
         * @return the campaign, with the targets given to this builder
         */
        public Campaign build() {
            String text;
            try {
                text = YAML.writeValueAsString(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Campaign campaign = fromYamlText(text, "campaign '" + root.get("name").asText() + "' (built in code)");
            for (Map.Entry<String, ChatTarget> target : targets.entrySet()) {
                campaign = campaign.withTarget(target.getKey(), target.getValue());
            }
            return campaign;
        }

        private Builder limit(String key, long value) {
            root.withObject("/limits").put(key, value);
            return this;
        }

        private ArrayNode array(String field) {
            return root.withArray(field);
        }

        private static JsonNode node(String yaml) {
            try {
                return YAML.readTree(yaml);
            } catch (IOException e) {
                throw new IllegalArgumentException("not YAML: " + yaml + " (" + e.getMessage() + ")", e);
            }
        }
    }
}
