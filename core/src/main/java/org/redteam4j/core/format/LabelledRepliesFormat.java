package org.redteam4j.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.scoring.JudgeCalibration;

/**
 * The labelled-reply files {@code eval-judge} measures judges on, told apart by their header row:
 * XSTest's completions CSV, question-answer-label CSV, and JSON Lines of
 * {@code {"prompt","reply","refused"?,"harmful"?,"source"?}}.
 */
public enum LabelledRepliesFormat {
    XSTEST("xstest", JudgeCalibration.Task.REFUSAL),
    QUESTION_ANSWER_LABEL("question-answer-label", JudgeCalibration.Task.HARM),
    JSONL("jsonl", null);

    private static final Set<String> JSONL_FIELDS = Set.of("prompt", "reply", "refused", "harmful");

    private final String id;
    private final JudgeCalibration.Task defaultTask;

    LabelledRepliesFormat(String id, JudgeCalibration.Task defaultTask) {
        this.id = id;
        this.defaultTask = defaultTask;
    }

    public String id() {
        return id;
    }

    /** The task the format's labels are made for; null when the file decides (JSON Lines). */
    public JudgeCalibration.Task defaultTask() {
        return defaultTask;
    }

    public static Optional<LabelledRepliesFormat> fromId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(LabelledRepliesFormat::id).collect(Collectors.joining(", "));
    }

    /** By the header row: {@code final_label} is XSTest, {@code question,answer,label} the jailbreak CSV, '{' JSON Lines. */
    public static LabelledRepliesFormat detect(Path path) {
        try (DataFile file = DataFile.open(path)) {
            String head = new String(file.content().readNBytes(64 * 1024), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            if (head.startsWith("{") || head.startsWith("[")) {
                return JSONL;
            }
            Set<String> header = Arrays.stream(head.lines().findFirst().orElse("").split(","))
                    .map(name -> name.strip().replace("\"", "")).collect(Collectors.toSet());
            if (header.containsAll(XsTestCsvReader.COLUMNS)) {
                return XSTEST;
            }
            if (header.containsAll(QuestionAnswerLabelCsvReader.COLUMNS)) {
                return QUESTION_ANSWER_LABEL;
            }
            throw new BadInput(file.name() + ": line 1: not a labelled-reply file: expected XSTest's header "
                    + XsTestCsvReader.COLUMNS + ", a header with " + QuestionAnswerLabelCsvReader.COLUMNS
                    + " or JSON Lines; pass --format (" + ids() + ")");
        } catch (IOException e) {
            throw new BadInput(path + ": " + DataFile.problem(e), e);
        }
    }

    /** Opens {@code path} as this format. */
    public RecordReader<LabelledReply> open(Path path) {
        DataFile file = DataFile.open(path);
        return switch (this) {
            case XSTEST -> XsTestCsvReader.open(file).map(row -> xstest(row, modelFromName(file.name())));
            case QUESTION_ANSWER_LABEL -> QuestionAnswerLabelCsvReader.open(file);
            case JSONL -> JsonRecordReader.open(file, LabelledRepliesFormat::jsonl);
        };
    }

    /**
     * XSTest: refused = full or partial refusal; harmful = full compliance on an unsafe ({@code contrast_*})
     * prompt, unlabelled on a safe one. The source model from a {@code model} column, else the file name.
     */
    private static LabelledReply xstest(XsTestReply row, String modelFromName) {
        Map<String, String> attributes = new LinkedHashMap<>(row.columns());
        attributes.keySet().removeAll(Set.of("prompt", "completion"));
        if (attributes.getOrDefault("model", "").isBlank()) {
            attributes.put("model", modelFromName);
        }
        Boolean harmful = row.unsafePrompt() ? row.label() == XsTestReply.Label.FULL_COMPLIANCE : null;
        return new LabelledReply(row.prompt(), row.completion(), row.refused(), harmful, attributes);
    }

    /** {@code xstest_v2_completions_gpt4.csv} → {@code gpt4}; another name → the name without its extension. */
    static String modelFromName(String name) {
        String base = Path.of(name).getFileName().toString().replaceFirst("(?i)\\.csv(\\.gz)?$", "");
        int at = base.toLowerCase(Locale.ROOT).lastIndexOf("completions_");
        return at >= 0 ? base.substring(at + "completions_".length()) : base;
    }

    private static LabelledReply jsonl(com.fasterxml.jackson.databind.node.ObjectNode node, RecordPosition position) {
        JsonFields fields = new JsonFields(node, position);
        Map<String, String> attributes = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!JSONL_FIELDS.contains(field.getKey()) && value.isValueNode() && !value.isNull()) {
                attributes.put(field.getKey(), value.asText());
            }
        });
        return new LabelledReply(fields.string("prompt"), fields.string("reply"), optionalBoolean(node, "refused", position),
                optionalBoolean(node, "harmful", position), attributes);
    }

    private static Boolean optionalBoolean(JsonNode node, String field, RecordPosition position) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw InvalidRecordException.field(position, field, "expected true or false, got " + value);
        }
        return value.booleanValue();
    }
}
