package org.redteam4j.config;

import java.util.Map;
import java.util.function.Supplier;
import org.redteam4j.config.targets.TargetFactory;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.scoring.RefusalDetector;
import org.redteam4j.core.secrets.Secrets;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.classifier.RefusalClassifier;

/**
 * What declarations are built with, made once at the top of a command, a Spark executor or a
 * library call and passed down: the API keys, the shipped preference model and the refusal
 * detector (each loaded on first use, then shared), and the one target factory over them. Its
 * {@link #secrets()} are what every model text is redacted of before it is stored or shown.
 */
public final class Environment {

    private final ApiKeys keys;
    private final Supplier<HarmlessnessScorer> preferenceModel;
    private final Supplier<RefusalDetector> refusals;
    private final TargetFactory targets;
    private final Secrets others;
    private final Map<String, ChatModel> inProcess;

    public Environment(ApiKeys keys, Supplier<HarmlessnessScorer> preferenceModel, Supplier<RefusalDetector> refusals) {
        this(keys, preferenceModel, refusals, Secrets.NONE, Map.of());
    }

    private Environment(ApiKeys keys, Supplier<HarmlessnessScorer> preferenceModel, Supplier<RefusalDetector> refusals,
                        Secrets others, Map<String, ChatModel> inProcess) {
        this.keys = keys;
        this.others = others;
        this.inProcess = Map.copyOf(inProcess);
        this.preferenceModel = memoised(preferenceModel);
        this.refusals = memoised(refusals);
        this.targets = new TargetFactory(keys, this.preferenceModel, this.inProcess);
    }

    /** Keys from the environment and the credentials file; the shipped PM and refusal detector. */
    public static Environment fromSystem() {
        return new Environment(ApiKeys.fromSystem(), EmbeddedPreferenceModel::loadDefault, RefusalClassifier::shipped);
    }

    /**
     * What a dry run builds a campaign with: the keys as a run finds them, so every declaration is
     * checked as a run checks it, and stand-ins for the shipped models, which it would never call.
     */
    public static Environment forDryRun() {
        return new Environment(ApiKeys.fromSystem(), () -> NotLoaded.PREFERENCE_MODEL, () -> NotLoaded.REFUSAL_DETECTOR);
    }

    /** The same keys and refusal detector, with another preference model (rejection sampling ranks with it). */
    public Environment withPreferenceModel(Supplier<HarmlessnessScorer> other) {
        return new Environment(keys, other, refusals, others, inProcess);
    }

    /** The same environment, with more secrets to redact (a database URL's password, say). */
    public Environment withSecrets(Secrets more) {
        return new Environment(keys, preferenceModel, refusals, others.plus(more), inProcess);
    }

    /**
     * The same environment, where {@code model: java:NAME} is the model of that name here: an object
     * of the caller's JVM (the library API's and the JUnit extension's targets).
     */
    public Environment withInProcessModels(Map<String, ChatModel> models) {
        Map<String, ChatModel> all = new java.util.LinkedHashMap<>(inProcess);
        all.putAll(models);
        return new Environment(keys, preferenceModel, refusals, others, all);
    }

    /**
     * The configured secrets: every API key a target, judge or attacker built from this environment
     * was given so far (under the variable it was read from), and those added by {@link #withSecrets}.
     */
    public Secrets secrets() {
        return keys.found().plus(others);
    }

    public ApiKeys keys() {
        return keys;
    }

    /** The shipped preference model, loaded once. */
    public HarmlessnessScorer preferenceModel() {
        return preferenceModel.get();
    }

    public Supplier<HarmlessnessScorer> preferenceModelSupplier() {
        return preferenceModel;
    }

    /** The refusal detector, loaded once. */
    public RefusalDetector refusals() {
        return refusals.get();
    }

    public TargetFactory targets() {
        return targets;
    }

    /** Loads once, on first use; safe to share between threads. */
    public static <T> Supplier<T> memoised(Supplier<T> loader) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = loader.get();
                        }
                        result = value;
                    }
                }
                return result;
            }
        };
    }
}
