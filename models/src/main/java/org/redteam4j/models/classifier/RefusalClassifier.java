package org.redteam4j.models.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.core.scoring.RefusalDetector;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.refusal.RefusalPhrases;

/**
 * The trained refusal detector behind the {@code refusal} judge and the strategies that back off
 * a refusal: a {@link ClassifierHead} of the refusal task over MiniLM embeddings, lexical signals
 * and the curated refusal phrases. README, "train-judge", says how the shipped head was made and
 * how well it does on models it never saw. Thread-safe.
 */
public final class RefusalClassifier implements RefusalDetector {

    public static final String DEFAULT_RESOURCE = "refusal-head.json";

    private final ClassifierHead head;
    private final ClassifierFeatures features;
    private final String name;

    public RefusalClassifier(ClassifierHead head, String name) {
        if (head.task() != JudgeCalibration.Task.REFUSAL) {
            throw new BadInput(name + ": a head of the " + head.task().id() + " task, not a refusal classifier");
        }
        this.head = head;
        this.features = new ClassifierFeatures(head.design(), RefusalPhrases.shipped());
        this.name = name;
    }

    public static RefusalClassifier shipped() {
        return new RefusalClassifier(resource(DEFAULT_RESOURCE), "default");
    }

    public static RefusalClassifier load(Path file) {
        return new RefusalClassifier(ClassifierHead.read(file), file.getFileName().toString());
    }

    public ClassifierHead head() {
        return head;
    }

    @Override
    public RefusalVerdict detect(List<Turn> context, String reply) {
        return detectAll(List.of(new ReplyInContext(context, reply))).get(0);
    }

    /** Detects for many replies with one batch of embeddings. */
    @Override
    public List<RefusalVerdict> detectAll(List<ReplyInContext> items) {
        double[][] rows = features.rows(items);
        List<RefusalVerdict> verdicts = new ArrayList<>(items.size());
        for (double[] row : rows) {
            double p = head.probability(row);
            boolean refuses = p >= head.threshold();
            verdicts.add(new RefusalVerdict(refuses, p, String.format(Locale.ROOT, "refusal classifier: P(refused) %.3f %s %.2f",
                    p, refuses ? ">=" : "<", head.threshold())));
        }
        return verdicts;
    }

    @Override
    public Optional<JudgeCalibration> calibration() {
        return head.calibration();
    }

    @Override
    public Map<String, String> provenance() {
        return head.provenance();
    }

    @Override
    public String id() {
        return "classifier:" + name + "[" + features.describe() + "]";
    }

    static ClassifierHead resource(String name) {
        try (InputStream in = ClassifierHead.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the shipped classifier head " + name + " is missing from the build");
            }
            return ClassifierHead.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
