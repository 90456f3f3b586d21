package org.redteam4j.config.targets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.redteam4j.core.attempt.ModelType;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.intervention.Intervention;

/**
 * One target as declared in YAML (snake_case keys) or built from command-line options.
 *
 * @param name         how results and reports name it; defaults to the model spec
 * @param model        runtime and model: {@code openai:MODEL}, {@code anthropic:MODEL}, {@code ollama:MODEL},
 *                     {@code gguf:PATH} or {@code sim}
 * @param baseUrl      the server, for HTTP runtimes (e.g. a vLLM or llama.cpp server)
 * @param apiKeyEnv    the environment variable (or credentials-file key) holding the API key
 * @param intervention none, plain, prompted or rejection-sampling
 * @param samples      k for rejection sampling
 * @param size         a size label such as {@code 8B}, as reports group by it
 * @param rlhf         whether the model is RLHF-trained (the paper's fourth model type)
 * @param sampling     default sampling settings
 * @param limits       timeout, retries, concurrency and rate for remote runtimes
 * @param sim          the simulated assistant's knobs, for {@code sim}
 * @param gguf         llama.cpp settings, for {@code gguf:}
 * @param allowPlainHttpKey whether the API key may be sent over plain {@code http://} to a host other than this
 *                     machine (a trusted network); without it such a target is refused. Left out of the stored
 *                     declaration when unset.
 * @param http         the application's HTTP API, for {@code model: http}: URL, method, headers, body template,
 *                     reply path, session and stream; left out of the stored declaration when unset
 */
public record TargetConfig(
        String name,
        String model,
        @JsonProperty("base_url") String baseUrl,
        @JsonProperty("api_key_env") String apiKeyEnv,
        String intervention,
        Integer samples,
        String size,
        Boolean rlhf,
        SamplingConfig sampling,
        LimitsConfig limits,
        SimConfig sim,
        GgufConfig gguf,
        @JsonProperty("allow_plain_http_key") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean allowPlainHttpKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) HttpConfig http) {

    /** A declaration without an {@code http:} block. */
    public TargetConfig(String name, String model, String baseUrl, String apiKeyEnv, String intervention, Integer samples,
                        String size, Boolean rlhf, SamplingConfig sampling, LimitsConfig limits, SimConfig sim, GgufConfig gguf,
                        Boolean allowPlainHttpKey) {
        this(name, model, baseUrl, apiKeyEnv, intervention, samples, size, rlhf, sampling, limits, sim, gguf, allowPlainHttpKey,
                null);
    }

    /** A declaration without {@code allow_plain_http_key}. */
    public TargetConfig(String name, String model, String baseUrl, String apiKeyEnv, String intervention, Integer samples,
                        String size, Boolean rlhf, SamplingConfig sampling, LimitsConfig limits, SimConfig sim, GgufConfig gguf) {
        this(name, model, baseUrl, apiKeyEnv, intervention, samples, size, rlhf, sampling, limits, sim, gguf, null);
    }

    public static TargetConfig of(String model) {
        return of(null, model, null);
    }

    /** A target with only a name, a model and a server; everything else takes its default. */
    public static TargetConfig of(String name, String model, String baseUrl) {
        return new TargetConfig(name, model, baseUrl, null, null, null, null, null, null, null, null, null);
    }

    /** This target with other limits. */
    public TargetConfig withLimits(LimitsConfig newLimits) {
        return new TargetConfig(name, model, baseUrl, apiKeyEnv, intervention, samples, size, rlhf, sampling, newLimits, sim, gguf,
                allowPlainHttpKey, http);
    }

    /** The runtime's catalogue id: what comes before the colon of the model spec ({@code sim} has none). */
    public String runtime() {
        int colon = model.indexOf(':');
        return colon < 0 ? model : model.substring(0, colon);
    }

    public String displayName() {
        return name != null ? name : model;
    }

    public Intervention interventionOrDefault() {
        if (intervention == null) {
            return Intervention.NONE;
        }
        return Intervention.fromId(intervention).orElseThrow(() -> new BadInput(
                "target " + displayName() + ": unknown intervention '" + intervention + "'; expected " + Intervention.ids()));
    }

    /** The paper's model type of this target: rlhf when labelled so, else by its intervention. */
    public ModelType modelType() {
        if (Boolean.TRUE.equals(rlhf)) {
            return ModelType.RLHF;
        }
        return switch (interventionOrDefault()) {
            case NONE, PLAIN -> ModelType.PLAIN_LM;
            case PROMPTED -> ModelType.CONTEXT_DISTILLATION;
            case REJECTION_SAMPLING -> ModelType.REJECTION_SAMPLING;
        };
    }

    public String sizeLabel() {
        return size == null || size.isBlank() ? "unknown" : size;
    }

    public Sampling defaultSampling() {
        return sampling == null ? Sampling.DEFAULT : sampling.toSampling();
    }

    /** Sampling settings in YAML. */
    public record SamplingConfig(Double temperature, @JsonProperty("top_p") Double topP,
                                 @JsonProperty("max_tokens") Integer maxTokens, Long seed, List<String> stop) {

        Sampling toSampling() {
            return new Sampling(temperature, topP, maxTokens, 1, seed, stop);
        }
    }

    /** Resilience settings in YAML; absent values take {@link org.redteam4j.models.resilience.ResiliencePolicy#DEFAULT}. */
    public record LimitsConfig(@JsonProperty("timeout_seconds") Double timeoutSeconds,
                               @JsonProperty("max_attempts") Integer maxAttempts,
                               @JsonProperty("initial_backoff_ms") Long initialBackoffMs,
                               @JsonProperty("max_backoff_seconds") Double maxBackoffSeconds,
                               @JsonProperty("max_retry_after_seconds") Double maxRetryAfterSeconds,
                               Integer concurrency,
                               @JsonProperty("requests_per_minute") Integer requestsPerMinute) {
    }

    /** The simulated assistant's knobs in YAML. */
    public record SimConfig(Double refusal, Double evasion, Double compliance, Long seed,
                            @JsonProperty("latency_ms") Long latencyMs) {
    }

    /**
     * An application's HTTP API in YAML, for {@code model: http}; {@code ${ENV}} only in {@code url} and
     * {@code headers}, resolved when the target is built (the declaration keeps it unresolved).
     */
    public record HttpConfig(String url, String method, java.util.Map<String, String> headers, String body, String reply,
                             HttpSessionConfig session, String stream,
                             @JsonProperty("blocked_status") @JsonInclude(JsonInclude.Include.NON_NULL)
                             java.util.List<Integer> blockedStatus,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String system,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean stateful) {

        /** A declaration without {@code blocked_status}, {@code system} or {@code stateful}. */
        public HttpConfig(String url, String method, java.util.Map<String, String> headers, String body, String reply,
                          HttpSessionConfig session, String stream) {
            this(url, method, headers, body, reply, session, stream, null, null, null);
        }
    }

    /**
     * Where the application's own session id is found in its replies: {@code session: {from: $.session_id}},
     * or {@code session: $.session_id} for short.
     */
    public record HttpSessionConfig(String from) {

        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        static HttpSessionConfig of(String from) {
            return new HttpSessionConfig(from);
        }
    }

    /** llama.cpp settings in YAML. */
    public record GgufConfig(@JsonProperty("context_size") Integer contextSize, Integer threads,
                             @JsonProperty("chat_template") Boolean chatTemplate) {
    }
}
