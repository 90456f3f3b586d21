package org.redteam4j.spark;

import static org.redteam4j.core.format.RedTeamAttemptJson.IS_UPWORKER;
import static org.redteam4j.core.format.RedTeamAttemptJson.MEMBER_ID;
import static org.redteam4j.core.format.RedTeamAttemptJson.MIN_HARMLESSNESS_SCORE;
import static org.redteam4j.core.format.RedTeamAttemptJson.MODEL_TYPE;
import static org.redteam4j.core.format.RedTeamAttemptJson.NUM_PARAMS;
import static org.redteam4j.core.format.RedTeamAttemptJson.RATING;
import static org.redteam4j.core.format.RedTeamAttemptJson.TAGS;
import static org.redteam4j.core.format.RedTeamAttemptJson.TASK_DESCRIPTION;
import static org.redteam4j.core.format.RedTeamAttemptJson.TASK_DESCRIPTION_SCORE;
import static org.redteam4j.core.format.RedTeamAttemptJson.TRANSCRIPT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.attempt.RedTeamAttempt;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.RecordPosition;
import org.redteam4j.core.format.RedTeamAttemptJson;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Red-team attempts as Spark rows and Parquet columns: the hh-rlhf fields under their released
 * names, where each record came from ({@code source}, {@code record}), and the fields the format
 * does not define as one JSON object, so nothing is lost on the way through Parquet.
 */
public final class AttemptRows {

    public static final String SOURCE = "source";
    public static final String RECORD = "record";
    public static final String EXTRA_FIELDS = "extra_fields";

    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
        DataTypes.createStructField(RECORD, DataTypes.LongType, false),
        DataTypes.createStructField(TRANSCRIPT, DataTypes.StringType, false),
        DataTypes.createStructField(MIN_HARMLESSNESS_SCORE, DataTypes.DoubleType, true),
        DataTypes.createStructField(NUM_PARAMS, DataTypes.StringType, false),
        DataTypes.createStructField(MODEL_TYPE, DataTypes.StringType, false),
        DataTypes.createStructField(RATING, DataTypes.DoubleType, false),
        DataTypes.createStructField(TASK_DESCRIPTION, DataTypes.StringType, false),
        DataTypes.createStructField(TASK_DESCRIPTION_SCORE, DataTypes.DoubleType, true),
        DataTypes.createStructField(MEMBER_ID, DataTypes.LongType, false),
        DataTypes.createStructField(IS_UPWORKER, DataTypes.BooleanType, false),
        DataTypes.createStructField(TAGS, DataTypes.createArrayType(DataTypes.StringType, false), true),
        DataTypes.createStructField(EXTRA_FIELDS, DataTypes.StringType, true),
    });

    private AttemptRows() {
    }

    public static Row toRow(RedTeamAttempt attempt, String source, long record) {
        return RowFactory.create(source, record, attempt.transcript().text(), attempt.minHarmlessnessScore(), attempt.numParams(),
                attempt.modelType().label(), attempt.rating(), attempt.taskDescription(), attempt.taskDescriptionHarmlessnessScore(),
                attempt.redTeamMemberId(), attempt.isUpworker(), attempt.tags() == null ? null : attempt.tags().toArray(String[]::new),
                attempt.extraFields().isEmpty() ? null : json(attempt.extraFields()));
    }

    /** The attempt in a row of {@link #SCHEMA} (or any row with its columns), checked as strictly as a file record. */
    public static RedTeamAttempt toAttempt(Row row) {
        RecordPosition position = new RecordPosition(row.getAs(SOURCE), row.<Long>getAs(RECORD), 0);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put(TRANSCRIPT, row.<String>getAs(TRANSCRIPT));
        node.put(MIN_HARMLESSNESS_SCORE, row.<Double>getAs(MIN_HARMLESSNESS_SCORE));
        node.put(NUM_PARAMS, row.<String>getAs(NUM_PARAMS));
        node.put(MODEL_TYPE, row.<String>getAs(MODEL_TYPE));
        node.put(RATING, row.<Double>getAs(RATING));
        node.put(TASK_DESCRIPTION, row.<String>getAs(TASK_DESCRIPTION));
        node.put(TASK_DESCRIPTION_SCORE, row.<Double>getAs(TASK_DESCRIPTION_SCORE));
        node.put(MEMBER_ID, row.<Long>getAs(MEMBER_ID));
        node.put(IS_UPWORKER, row.<Boolean>getAs(IS_UPWORKER));
        List<String> tags = strings(row.getAs(TAGS));
        if (tags == null) {
            node.putNull(TAGS);
        } else {
            tags.forEach(node.putArray(TAGS)::add);
        }
        String extra = row.getAs(EXTRA_FIELDS);
        if (extra != null) {
            readObject(extra).properties().forEach(field -> node.set(field.getKey(), field.getValue()));
        }
        return RedTeamAttemptJson.read(node, position);
    }

    /** What the analyses need of the attempt in a row, without parsing its transcript. */
    public static AttemptFacts toFacts(Row row) {
        return new AttemptFacts(row.getAs(MODEL_TYPE), row.getAs(NUM_PARAMS), row.<Double>getAs(RATING), row.getAs(MIN_HARMLESSNESS_SCORE),
                row.getAs(TASK_DESCRIPTION_SCORE), row.<Long>getAs(MEMBER_ID), strings(row.getAs(TAGS)), simulated(row));
    }

    /** The record's extra fields say {@code "simulated": true} (generated example data). */
    private static boolean simulated(Row row) {
        String extra = row.getAs(EXTRA_FIELDS);
        if (extra == null || !extra.contains(AttemptFacts.SIMULATED_FIELD)) {
            return false;
        }
        var flag = readObject(extra).get(AttemptFacts.SIMULATED_FIELD);
        return flag != null && flag.isBoolean() && flag.booleanValue();
    }

    /** A Spark array column as a Java list (null stays null). */
    static List<String> strings(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof String[] array) {
            return Arrays.asList(array);
        }
        if (column instanceof scala.collection.Seq<?> seq) {
            return CollectionConverters.asJava(seq).stream().map(String.class::cast).toList();
        }
        if (column instanceof List<?> list) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException("not a string array: " + column.getClass().getName());
    }

    private static String json(Map<String, JsonNode> fields) {
        try {
            return Json.mapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode readObject(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
