package org.redteam4j.core.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

/**
 * {@code tables.json}: the analyses as one JSON document, with where the data came from and
 * whether the simulated assistant was involved. {@code redteam4j analyze} and the Spark
 * {@code AnalyzeJob} both write it, and {@code analyze --tables} renders a report from it.
 */
public final class AnalysisTables {

    public static final String SOURCE = "source";
    public static final String SIMULATED = "simulated";
    /** What the intervals resampled: members or attempts ({@link RedTeamAnalysis.Resampling}). */
    public static final String BOOTSTRAP = "bootstrap";

    private AnalysisTables() {
    }

    public static ObjectNode of(RedTeamAnalysis.Report report, String source, boolean simulated) {
        ObjectNode tables = Json.mapper().valueToTree(report);
        tables.put(SOURCE, source);
        tables.put(SIMULATED, simulated);
        return tables;
    }

    /** The analyses in a tables.json document; {@code name} names it in errors. */
    public static RedTeamAnalysis.Report report(JsonNode tables, String name) {
        if (!(tables instanceof ObjectNode object) || !object.has("table1")) {
            throw new BadInput(name + ": not a tables.json written by redteam4j analyze or AnalyzeJob (no \"table1\")");
        }
        if (!object.hasNonNull(BOOTSTRAP)) { // written before the choice existed: its intervals resampled attempts
            object = object.deepCopy().put(BOOTSTRAP, RedTeamAnalysis.Resampling.ATTEMPTS.label());
        }
        try {
            return Json.mapper().readerFor(RedTeamAnalysis.Report.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(object);
        } catch (IOException e) {
            throw new BadInput(name + ": cannot be read as tables.json (" + e.getMessage() + ")", e);
        }
    }

    public static String pretty(ObjectNode tables) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
