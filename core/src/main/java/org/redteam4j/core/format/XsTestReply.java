package org.redteam4j.core.format;

/**
 * One reply of XSTest's human-labelled completions ({@code id,type,prompt,completion,…,final_label}):
 * prompts of a {@code contrast_*} type are unsafe, the rest safe; the label is the annotators' final word.
 */
public record XsTestReply(String id, String type, String prompt, String completion, Label label) {

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

    public boolean unsafePrompt() {
        return type.startsWith("contrast");
    }
}
