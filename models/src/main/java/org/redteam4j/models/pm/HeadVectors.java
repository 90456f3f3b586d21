package org.redteam4j.models.pm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** The number arrays of a linear head file (means, scales, weights): how the preference and classifier heads write and read them. */
public final class HeadVectors {

    private HeadVectors() {
    }

    public static void write(ArrayNode node, double[] values) {
        for (double value : values) {
            node.add((float) value); // float precision keeps the file small and is plenty for a linear head
        }
    }

    public static double[] read(JsonNode root, String field) {
        JsonNode node = root.path(field);
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).asDouble();
        }
        return values;
    }
}
