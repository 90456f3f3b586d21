package org.redteam4j.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign's target as the store declares it and the attack-results format carries it: its
 * name in results, the paper's model type, size label, its declaration as JSON, and whether it is
 * the simulated assistant.
 */
public record TargetFacts(String name, String modelType, String size, JsonNode config, boolean simulated) {
}
