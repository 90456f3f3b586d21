package org.redteam4j.spark;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.models.pm.Featurizer;
import org.redteam4j.models.pm.PreferenceHead;

/**
 * The preference model of an executor JVM: loaded once (the ONNX embedders take seconds and
 * hundreds of MB) and shared by every task that runs there, with its embedding cache.
 */
final class ExecutorScorer {

    private static final Map<String, EmbeddedPreferenceModel> MODELS = new ConcurrentHashMap<>();

    private ExecutorScorer() {
    }

    /** The shipped model when {@code head} is null, else the head file's bytes. */
    static EmbeddedPreferenceModel get(String name, byte[] head) {
        return MODELS.computeIfAbsent(name + "@" + (head == null ? 0 : Arrays.hashCode(head)), key -> {
            if (head == null) {
                return EmbeddedPreferenceModel.loadDefault();
            }
            PreferenceHead parsed = PreferenceHead.read(new ByteArrayInputStream(head), name);
            return new EmbeddedPreferenceModel(parsed, Featurizer.embeddersFor(parsed.spec()), name);
        });
    }
}
