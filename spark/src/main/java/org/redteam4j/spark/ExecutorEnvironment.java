package org.redteam4j.spark;

import org.redteam4j.config.Environment;
import org.redteam4j.models.http.ApiKeys;
import org.redteam4j.models.classifier.RefusalClassifier;

/**
 * The environment of an executor JVM, made once and shared by its tasks: the executor's own API
 * keys (never shipped from the driver), the shared preference model and the refusal detector.
 */
final class ExecutorEnvironment {

    private static volatile Environment environment;

    private ExecutorEnvironment() {
    }

    static Environment get() {
        if (environment == null) {
            synchronized (ExecutorEnvironment.class) {
                if (environment == null) {
                    environment = new Environment(ApiKeys.fromSystem(), () -> ExecutorScorer.get("pm:default", null),
                            RefusalClassifier::shipped);
                }
            }
        }
        return environment;
    }
}
