package org.redteam4j.config.targets;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.intervention.HhhPrompt;
import org.redteam4j.core.intervention.PlainPrompt;
import org.redteam4j.core.intervention.RejectionSampling;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.models.anthropic.AnthropicChatModel;
import org.redteam4j.models.gguf.GgufSettings;
import org.redteam4j.models.gguf.LlamaCppChatModel;
import org.redteam4j.models.http.ApiKey;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.http.KeyTransport;
import org.redteam4j.models.ollama.OllamaChatModel;
import org.redteam4j.models.openai.OpenAiCompatibleChatModel;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientChatModel;
import org.redteam4j.models.sim.SimSettings;
import org.redteam4j.models.sim.SimulatedAssistant;

/** Builds a {@link Target} from its declaration: runtime, then resilience, then intervention. */
public final class TargetFactory {

    private final ApiKeys keys;
    private final Supplier<HarmlessnessScorer> scorer;
    private final Map<String, ChatModel> inProcess;

    /**
     * @param keys   where API keys are found
     * @param scorer the harmlessness scorer that rejection sampling ranks with, built only when needed
     */
    public TargetFactory(ApiKeys keys, Supplier<HarmlessnessScorer> scorer) {
        this(keys, scorer, Map.of());
    }

    /** As above, where {@code java:NAME} names one of {@code inProcess}: models of this JVM. */
    public TargetFactory(ApiKeys keys, Supplier<HarmlessnessScorer> scorer, Map<String, ChatModel> inProcess) {
        this.keys = keys;
        this.scorer = scorer;
        this.inProcess = Map.copyOf(inProcess);
    }

    public Target create(TargetConfig config) {
        Objects.requireNonNull(config.model(), "a target needs a model spec");
        ChatModel model = runtime(config);
        return new Target(config, switch (config.interventionOrDefault()) {
            case NONE -> model;
            case PLAIN -> new PlainPrompt(model);
            case PROMPTED -> new HhhPrompt(model);
            case REJECTION_SAMPLING -> new RejectionSampling(new HhhPrompt(model), scorer.get(),
                    config.samples() != null ? config.samples() : RejectionSampling.DEFAULT_SAMPLES);
        });
    }

    private ChatModel runtime(TargetConfig config) {
        String spec = config.model();
        int colon = spec.indexOf(':');
        String runtime = config.runtime();
        String name = colon < 0 ? "" : spec.substring(colon + 1);
        if (config.http() != null && !runtime.equals("http")) {
            throw new BadInput("target " + config.displayName() + ": an http: block is only read with model: http, not '"
                    + spec + "'");
        }
        if (!runtime.equals("sim") && !runtime.equals("http") && name.isBlank()) {
            throw new BadInput("target " + config.displayName() + ": '" + spec
                    + "' names no model; expected RUNTIME:MODEL such as openai:gpt-4o-mini");
        }
        Catalogue.require(Kind.RUNTIME, runtime, "target " + config.displayName() + ": ");
        ResiliencePolicy policy = policy(config.limits());
        return switch (runtime) {
            case "openai" -> {
                URI url = baseUrl(config, "OPENAI_BASE_URL", OpenAiCompatibleChatModel.DEFAULT_BASE_URL);
                yield new ResilientChatModel(new OpenAiCompatibleChatModel(name, url, sendable(config, url, openAiKey(config)),
                        policy.timeout()), policy);
            }
            case "anthropic" -> {
                URI url = baseUrl(config, "ANTHROPIC_BASE_URL", AnthropicChatModel.DEFAULT_BASE_URL);
                yield new ResilientChatModel(new AnthropicChatModel(name, url,
                        sendable(config, url, requiredKey(config, AnthropicChatModel.KEY_VARIABLE)), policy.timeout()), policy);
            }
            case "ollama" -> new ResilientChatModel(new OllamaChatModel(name,
                    baseUrl(config, "OLLAMA_HOST", OllamaChatModel.DEFAULT_BASE_URL), policy.timeout()), policy);
            case "gguf" -> new LlamaCppChatModel(Path.of(name), gguf(config.gguf()));
            case "sim" -> new SimulatedAssistant(sim(config.sim()));
            case "http" -> HttpTargets.model(config, keys, policy);
            case "java" -> {
                // the JVM's model holds its own key, which redteam4j never handles: the providers' usual variables
                // are looked up, so such a key leaked in a reply is redacted as the keys redteam4j uses are
                keys.find(OpenAiCompatibleChatModel.KEY_VARIABLE);
                keys.find(AnthropicChatModel.KEY_VARIABLE);
                yield new ResilientChatModel(inProcess(config, name), policy);
            }
            default -> throw new IllegalStateException("catalogue runtime '" + runtime + "' has no implementation");
        };
    }

    private ChatModel inProcess(TargetConfig config, String name) {
        ChatModel model = inProcess.get(name);
        if (model == null) {
            throw new BadInput("target " + config.displayName() + ": no model named '" + name + "' in this JVM"
                    + (inProcess.isEmpty() ? " (java: targets come from the library API or a @RedTeamTarget method)"
                            : "; there are: " + String.join(", ", new java.util.TreeSet<>(inProcess.keySet()))));
        }
        return model;
    }

    /**
     * The key, unless it would cross the network in clear text: plain http to a host other than
     * this machine needs {@code allow_plain_http_key: true}. Checked here, before any connection.
     */
    private static ApiKey sendable(TargetConfig config, URI url, ApiKey key) {
        if (key != null && KeyTransport.exposes(url) && !Boolean.TRUE.equals(config.allowPlainHttpKey())) {
            throw new BadInput("target " + config.displayName() + ": refusing to send the API key (" + key.name()
                    + ") over plain http to " + url.getHost() + "; use https, or set allow_plain_http_key: true on the "
                    + "target if the network between is trusted");
        }
        return key;
    }

    /** OpenAI's own API needs a key; a local compatible server usually does not. */
    private ApiKey openAiKey(TargetConfig config) {
        String variable = config.apiKeyEnv() != null ? config.apiKeyEnv() : OpenAiCompatibleChatModel.KEY_VARIABLE;
        ApiKey key = keys.find(variable).orElse(null);
        boolean official = baseUrl(config, "OPENAI_BASE_URL", OpenAiCompatibleChatModel.DEFAULT_BASE_URL).getHost()
                .endsWith("openai.com");
        if (key == null && official) {
            throw new BadInput("target " + config.displayName() + " needs an API key: " + keys.whereToPut(variable)
                    + ", or point --base-url at a compatible server");
        }
        return key;
    }

    private ApiKey requiredKey(TargetConfig config, String defaultVariable) {
        String variable = config.apiKeyEnv() != null ? config.apiKeyEnv() : defaultVariable;
        return keys.find(variable).orElseThrow(() -> new BadInput(
                "target " + config.displayName() + " needs an API key: " + keys.whereToPut(variable)));
    }

    private static URI baseUrl(TargetConfig config, String variable, String fallback) {
        String value = config.baseUrl() != null ? config.baseUrl() : System.getenv(variable);
        if (value == null || value.isBlank()) {
            value = fallback;
        }
        if (!value.contains("://")) {
            value = "http://" + value; // OLLAMA_HOST is often host:port
        }
        try {
            URI uri = URI.create(value);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new BadInput("target " + config.displayName() + ": bad base URL '" + value + "'");
        }
    }

    /** The resilience policy of {@code limits}: the one rule they are checked by (a wrong value is bad input). */
    public static ResiliencePolicy policy(TargetConfig.LimitsConfig limits) {
        ResiliencePolicy d = ResiliencePolicy.DEFAULT;
        if (limits == null) {
            return d;
        }
        return new ResiliencePolicy(
                limits.timeoutSeconds() != null ? seconds(limits.timeoutSeconds()) : d.timeout(),
                limits.maxAttempts() != null ? limits.maxAttempts() : d.maxAttempts(),
                limits.initialBackoffMs() != null ? Duration.ofMillis(limits.initialBackoffMs()) : d.initialBackoff(),
                limits.maxBackoffSeconds() != null ? seconds(limits.maxBackoffSeconds()) : d.maxBackoff(),
                limits.maxRetryAfterSeconds() != null ? seconds(limits.maxRetryAfterSeconds()) : d.maxRetryAfter(),
                limits.concurrency() != null ? limits.concurrency() : d.concurrency(),
                limits.requestsPerMinute() != null ? limits.requestsPerMinute() : d.requestsPerMinute());
    }

    private static SimSettings sim(TargetConfig.SimConfig sim) {
        SimSettings d = SimSettings.DEFAULT;
        if (sim == null) {
            return d;
        }
        return new SimSettings(
                sim.refusal() != null ? sim.refusal() : d.refusal(),
                sim.evasion() != null ? sim.evasion() : d.evasion(),
                sim.compliance() != null ? sim.compliance() : d.compliance(),
                sim.seed() != null ? sim.seed() : d.seed(),
                sim.latencyMs() != null ? Duration.ofMillis(sim.latencyMs()) : d.latency());
    }

    private static GgufSettings gguf(TargetConfig.GgufConfig gguf) {
        GgufSettings d = GgufSettings.DEFAULT;
        if (gguf == null) {
            return d;
        }
        return new GgufSettings(
                gguf.contextSize() != null ? gguf.contextSize() : d.contextSize(),
                gguf.threads() != null ? gguf.threads() : d.threads(),
                gguf.chatTemplate() != null ? gguf.chatTemplate() : d.useChatTemplate());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
