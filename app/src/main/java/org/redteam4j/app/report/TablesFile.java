package org.redteam4j.app.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.Agreement;
import org.redteam4j.core.analysis.AnalysisTables;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.BestOfNCurve;
import org.redteam4j.core.analysis.FalseRefusals;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.InputFiles;
import org.redteam4j.core.format.Json;

/** Reads a tables.json back into what the report shows, for {@code analyze --tables}. */
final class TablesFile {

    private TablesFile() {
    }

    static ReportData read(Path file) {
        InputFiles.requireRegularFile(file);
        JsonNode tables;
        try {
            tables = Json.mapper().readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new BadInput(file + ": no such file");
        } catch (IOException e) {
            throw new BadInput(file + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        var report = AnalysisTables.report(tables, file.toString());
        ObjectReader lenient = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            Map<String, List<AttackSummary.Row>> campaigns = tables.has("campaigns")
                    ? lenient.forType(new TypeReference<LinkedHashMap<String, List<AttackSummary.Row>>>() { }).readValue(tables.get("campaigns"))
                    : Map.of();
            Map<String, Agreement> agreement = tables.has("agreement")
                    ? lenient.forType(new TypeReference<LinkedHashMap<String, Agreement>>() { }).readValue(tables.get("agreement"))
                    : Map.of();
            Map<String, List<FalseRefusals.Row>> falseRefusals = tables.has("false_refusals")
                    ? lenient.forType(new TypeReference<LinkedHashMap<String, List<FalseRefusals.Row>>>() { })
                            .readValue(tables.get("false_refusals"))
                    : Map.of();
            Map<String, String> targetLabels = tables.has("target_labels") // absent in files written before it was kept
                    ? lenient.forType(new TypeReference<LinkedHashMap<String, String>>() { }).readValue(tables.get("target_labels"))
                    : Map.of();
            Map<String, List<BestOfNCurve.Curve>> bestOfN = tables.has("best_of_n")
                    ? lenient.forType(new TypeReference<LinkedHashMap<String, List<BestOfNCurve.Curve>>>() { })
                            .readValue(tables.get("best_of_n"))
                    : Map.of();
            return new ReportData(tables.path(AnalysisTables.SOURCE).asText(file.getFileName().toString()),
                    tables.path(AnalysisTables.SIMULATED).asBoolean(false), report, campaigns, targetLabels, agreement, null,
                    "not in tables.json (the map needs each attempt's description; run analyze on the data for it)",
                    Explorer.absent("this report was made from a tables.json (--tables), which holds the numbers, not the attempts"),
                    falseRefusals, bestOfN);
        } catch (IOException e) {
            throw new BadInput(file + ": cannot be read as tables.json (" + e.getMessage() + ")", e);
        }
    }
}
