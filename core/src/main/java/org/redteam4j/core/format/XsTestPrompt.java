package org.redteam4j.core.format;

import java.util.Map;

/**
 * One row of XSTest's prompt file ({@code id,prompt,type,label,focus,note}): a prompt and its type.
 * Every {@code contrast_*} type is unsafe (the harmful twin of a safe prompt); the others are safe
 * prompts a well-calibrated model answers.
 *
 * @param columns every column of the row by header name
 */
public record XsTestPrompt(String id, String prompt, String type, Map<String, String> columns) {

    /** The prefix of XSTest's unsafe (contrast) types. */
    public static final String CONTRAST_PREFIX = "contrast_";

    public XsTestPrompt {
        columns = Map.copyOf(columns);
    }

    /** Whether the prompt is one of XSTest's safe ones: not a {@code contrast_*} type, and not labelled unsafe where a label is given. */
    public boolean safe() {
        return !type.startsWith(CONTRAST_PREFIX) && !"unsafe".equals(columns.get("label"));
    }
}
