package org.redteam4j.models.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.models.pm.HeadVectors;
import org.redteam4j.core.format.InvalidRecordException;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JudgeCalibrationJson;
import org.redteam4j.core.scoring.JudgeCalibration;
import org.redteam4j.models.pm.Embedder;
import org.redteam4j.models.pm.FeatureSpec;
import org.redteam4j.models.refusal.RefusalPhrases;

/**
 * A trained binary classifier head: features standardised with the training means and scales, then
 * {@code P(positive) = σ(weights · x + bias)}; positive (refused, or harmful — see {@code task}) when
 * the probability reaches {@code threshold}. The file carries the pooled held-out confusion of its
 * validation ({@code calibration}) and how it was made ({@code provenance}), so it can be rebuilt.
 */
public record ClassifierHead(JudgeCalibration.Task task, Design design, String phrasesSha256,
                             double[] means, double[] scales, double[] weights, double bias, double threshold,
                             Optional<JudgeCalibration> calibration, Map<String, String> provenance) {

    public static final String FORMAT = "redteam4j-classifier-head/1";

    public ClassifierHead {
        int n = design.dimension(RefusalPhrases.shipped());
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("head vectors must have " + n + " entries, got " + weights.length);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be a probability in (0, 1), got " + threshold);
        }
        provenance = Map.copyOf(provenance);
    }

    public double probability(double[] features) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (features[i] - means[i]) / scales[i];
        }
        return LogisticTrainer.sigmoid(z);
    }

    public ClassifierHead withCalibration(JudgeCalibration measured) {
        return new ClassifierHead(task, design, phrasesSha256, means, scales, weights, bias, threshold,
                Optional.of(measured), provenance);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("task", task.id());
        ArrayNode embedders = root.putArray("embedders");
        design.embedders().forEach(kind -> embedders.add(kind.id()));
        root.put("reply", design.spec().reply());
        root.put("joint", design.spec().joint());
        root.put("lexical", design.spec().lexical());
        root.put("opening", design.opening());
        root.put("relevance", design.relevance());
        root.put("phrases", design.phrases());
        root.put("phrases_sha256", phrasesSha256);
        root.put("bias", bias);
        root.put("threshold", threshold);
        calibration.ifPresent(measured -> root.set("calibration", JudgeCalibrationJson.write(measured)));
        HeadVectors.write(root.putArray("means"), means);
        HeadVectors.write(root.putArray("scales"), scales);
        HeadVectors.write(root.putArray("weights"), weights);
        ObjectNode made = root.putObject("provenance");
        new TreeMap<>(provenance).forEach(made::put);
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    public static ClassifierHead read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new BadInput(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a head; {@code name} names the file in errors. */
    public static ClassifierHead read(InputStream in, String name) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new BadInput(name + ": not a classifier head (invalid JSON: " + e.getMessage() + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new BadInput(name + ": not a classifier head (expected \"format\": \"" + FORMAT + "\"; train-judge writes them)");
        }
        String phrasesSha256 = root.path("phrases_sha256").asText();
        if (root.path("phrases").asBoolean() && !phrasesSha256.equals(RefusalPhrases.shipped().sha256())) {
            throw new BadInput(name + ": \"phrases_sha256\" is not this build's refusal-phrase list; its weights are per "
                    + "phrase, so train it again with train-judge");
        }
        try {
            JudgeCalibration.Task task = JudgeCalibration.Task.of(root.path("task").asText());
            List<Embedder.Kind> kinds = new ArrayList<>();
            root.path("embedders").forEach(node -> kinds.add(Embedder.Kind.fromId(node.asText())));
            FeatureSpec spec = new FeatureSpec(kinds, root.path("reply").asBoolean(), root.path("joint").asBoolean(),
                    root.path("lexical").asBoolean());
            Optional<JudgeCalibration> calibration = root.has("calibration")
                    ? Optional.of(JudgeCalibrationJson.read(root.get("calibration"), name + " (calibration)"))
                    : Optional.empty();
            Map<String, String> provenance = new LinkedHashMap<>();
            root.path("provenance").fields().forEachRemaining(entry -> provenance.put(entry.getKey(), entry.getValue().asText()));
            Design design = new Design(spec, root.path("opening").asBoolean(), root.path("relevance").asBoolean(),
                    root.path("phrases").asBoolean());
            return new ClassifierHead(task, design, phrasesSha256, HeadVectors.read(root, "means"),
                    HeadVectors.read(root, "scales"), HeadVectors.read(root, "weights"), number(root, "bias", name),
                    number(root, "threshold", name), calibration, provenance);
        } catch (InvalidRecordException e) {
            throw new BadInput(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadInput(name + ": not a valid classifier head (" + e.getMessage() + ")", e);
        }
    }

    private static double number(JsonNode root, String field, String name) {
        JsonNode node = root.get(field);
        if (node == null || !node.isNumber()) {
            throw new BadInput(name + ": \"" + field + "\" must be a number, got " + node);
        }
        return node.asDouble();
    }
}
