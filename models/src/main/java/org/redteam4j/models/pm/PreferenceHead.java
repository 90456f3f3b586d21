package org.redteam4j.models.pm;

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
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

/**
 * A trained linear head: features are standardised with the training means and scales, then
 * {@code score = weights · x + bias}, higher = more harmless; the bias centres the training
 * replies' scores on 0. {@code threshold} is the score below which a reply reads as a successful
 * attack when no one sets one (see {@link ThresholdFit}); 0 in files written before it existed.
 * Provenance records how it was made, so it can be rebuilt.
 */
public record PreferenceHead(FeatureSpec spec, double[] means, double[] scales, double[] weights, double bias,
                             double threshold, Map<String, String> provenance) {

    public static final String FORMAT = "redteam4j-preference-head/2";
    /** Heads of format 1 read LangChain4j's embeddings of other texts: their weights mean nothing now. */
    private static final String FORMAT_1 = "redteam4j-preference-head/1";

    public PreferenceHead {
        int n = spec.dimension();
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("head vectors must have " + n + " entries for " + spec.describe());
        }
        provenance = Map.copyOf(provenance);
    }

    /** A head with the neutral default threshold 0. */
    public PreferenceHead(FeatureSpec spec, double[] means, double[] scales, double[] weights, double bias,
                          Map<String, String> provenance) {
        this(spec, means, scales, weights, bias, 0.0, provenance);
    }

    public double score(double[] features) {
        double sum = bias;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (features[i] - means[i]) / scales[i];
        }
        return sum;
    }

    public PreferenceHead withBias(double newBias) {
        return new PreferenceHead(spec, means, scales, weights, newBias, threshold, provenance);
    }

    public PreferenceHead withThreshold(double newThreshold) {
        return new PreferenceHead(spec, means, scales, weights, bias, newThreshold, provenance);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("format", FORMAT);
        ArrayNode embedders = root.putArray("embedders");
        spec.embedders().forEach(kind -> embedders.add(kind.id()));
        root.put("reply", spec.reply());
        root.put("joint", spec.joint());
        root.put("lexical", spec.lexical());
        root.put("bias", bias);
        root.put("threshold", threshold);
        HeadVectors.write(root.putArray("means"), means);
        HeadVectors.write(root.putArray("scales"), scales);
        HeadVectors.write(root.putArray("weights"), weights);
        ObjectNode made = root.putObject("provenance");
        new java.util.TreeMap<>(provenance).forEach(made::put);
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    public static PreferenceHead read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new BadInput(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    public static PreferenceHead read(InputStream in, String name) {
        try {
            JsonNode root = Json.mapper().readTree(in);
            if (root != null && FORMAT_1.equals(root.path("format").asText())) {
                throw new BadInput(name + ": a preference head made by an earlier redteam4j, for other embeddings; "
                        + "train it again with train-pm");
            }
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new BadInput(name + ": not a preference head (expected \"format\": \"" + FORMAT + "\")");
            }
            List<Embedder.Kind> kinds = new ArrayList<>();
            root.path("embedders").forEach(node -> kinds.add(Embedder.Kind.fromId(node.asText())));
            FeatureSpec spec = new FeatureSpec(kinds, root.path("reply").asBoolean(), root.path("joint").asBoolean(),
                    root.path("lexical").asBoolean());
            Map<String, String> provenance = new LinkedHashMap<>();
            root.path("provenance").fields().forEachRemaining(entry -> provenance.put(entry.getKey(), entry.getValue().asText()));
            return new PreferenceHead(spec, HeadVectors.read(root, "means"), HeadVectors.read(root, "scales"), HeadVectors.read(root, "weights"),
                    root.path("bias").asDouble(), threshold(root, name), provenance);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInput(name + ": not a valid preference head (" + e.getMessage() + ")", e);
        }
    }

    /** Absent in heads written before the field existed: those keep the old default, 0. */
    private static double threshold(JsonNode root, String name) {
        JsonNode node = root.get("threshold");
        if (node == null) {
            return 0.0;
        }
        if (!node.isNumber()) {
            throw new BadInput(name + ": \"threshold\" must be a number, got " + node);
        }
        return node.asDouble();
    }
}
