package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * A judge's calibration as JSON — written by {@code eval-judge --out}, shipped inside the trained
 * classifiers' files, read by a campaign's {@code calibration: FILE}. The confusion counts are the
 * data; sensitivity and specificity for a hit are written beside them for people and never read back.
 */
public final class JudgeCalibrationJson {

    public static final String FORMAT = "redteam4j-judge-calibration/1";

    private JudgeCalibrationJson() {
    }

    public static ObjectNode write(JudgeCalibration calibration) {
        return write(calibration, java.util.Map.of());
    }

    /** With {@code provenance} (version, input hashes …) written beside it for people; it is never read back. */
    public static ObjectNode write(JudgeCalibration calibration, java.util.Map<String, String> provenance) {
        ObjectNode node = Json.mapper().createObjectNode().put("format", FORMAT).put("judge", calibration.judge())
                .put("task", calibration.task().id()).put("positive", calibration.task().positive())
                .put("data", calibration.data());
        node.putObject("confusion").put("tp", calibration.tp()).put("fp", calibration.fp())
                .put("fn", calibration.fn()).put("tn", calibration.tn());
        ObjectNode hit = node.putObject("hit");
        finiteOrNull(hit, "sensitivity", calibration.hitSensitivity());
        hit.put("true_hits", calibration.trueHits());
        finiteOrNull(hit, "specificity", calibration.hitSpecificity());
        hit.put("true_passes", calibration.truePasses());
        if (!provenance.isEmpty()) {
            ObjectNode written = node.putObject("provenance");
            provenance.forEach(written::put);
        }
        return node;
    }

    /** A rate with an empty denominator is unknown: null, never the string "NaN". */
    private static void finiteOrNull(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** Reads a calibration object; {@code where} names the file (and the place inside it) in errors. */
    public static JudgeCalibration read(JsonNode node, String where) {
        RecordPosition position = new RecordPosition(where, 1, 1);
        if (!(node instanceof ObjectNode object)) {
            throw InvalidRecordException.field(position, "(calibration)", "expected a JSON object");
        }
        JsonFields fields = new JsonFields(object, position);
        if (!FORMAT.equals(fields.string("format"))) {
            throw InvalidRecordException.field(position, "format", "expected \"" + FORMAT + "\", got \""
                    + fields.string("format") + "\"");
        }
        JudgeCalibration.Task task = JudgeCalibration.Task.of(fields.choice("task", List.of("refusal", "harm")));
        JsonNode confusion = object.get("confusion");
        if (!(confusion instanceof ObjectNode counts)) {
            throw InvalidRecordException.field(position, "confusion", "expected an object {tp, fp, fn, tn}");
        }
        JsonFields cells = new JsonFields(counts, position);
        try {
            return new JudgeCalibration(fields.string("judge"), task, fields.string("data"), cells.integer("tp"),
                    cells.integer("fp"), cells.integer("fn"), cells.integer("tn"));
        } catch (InvalidRecordException e) {
            throw InvalidRecordException.field(position, "confusion." + e.field(), e.problem());
        } catch (IllegalArgumentException e) {
            throw InvalidRecordException.field(position, "confusion", e.getMessage());
        }
    }

    /** Reads a calibration file: a bad file is {@link BadInput} naming it. */
    public static JudgeCalibration read(Path file) {
        try {
            return read(Json.mapper().readTree(DataFile.text(file)), file.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInput(file + ": not a judge calibration (invalid JSON: " + e.getOriginalMessage() + ")");
        } catch (InvalidRecordException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
