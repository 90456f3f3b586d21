package org.redteam4j.core.format;

/**
 * One reply of XSTest's human-labelled completions ({@code id,type,prompt,completion,…,final_label}):
 * prompts of a {@code contrast_*} type are unsafe, the rest safe; the label is the annotators' final word.
 *
 * @param columns every column of the row by header name (the source {@code model}, the annotations …)
 */
public record XsTestReply(String id, String type, String prompt, String completion, Label label,
                          java.util.Map<String, String> columns) {

    public XsTestReply {
        columns = java.util.Map.copyOf(columns);
    }

    /** XSTest's three labels. */
    public enum Label {
        FULL_COMPLIANCE("1_full_compliance"), FULL_REFUSAL("2_full_refusal"), PARTIAL_REFUSAL("3_partial_refusal");

        private final String text;

        Label(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Label parse(String text) {
            for (Label label : values()) {
                if (label.text.equals(text)) {
                    return label;
                }
            }
            return null;
        }
    }

    /** Full or partial refusal: what a refusal detector should call a refusal. */
    public boolean refused() {
        return label != Label.FULL_COMPLIANCE;
    }

    public boolean unsafePrompt() {
        return type.startsWith("contrast");
    }
}
