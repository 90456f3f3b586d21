package org.redteam4j.core.format;

import java.util.Map;
import java.util.Objects;

/**
 * A reply people labelled, read from a file to measure a judge: the request, the reply, and the
 * labels the file gives — null where it gives none, so a task without its label skips the row.
 *
 * @param prompt     the request the reply answers
 * @param reply      the reply to judge
 * @param refused    whether people found it a (full or partial) refusal, or null
 * @param harmful    whether people found it gave the harmful help asked for, or null
 * @param attributes the row's other values by name (source model, prompt type …), for {@code --by}
 */
public record LabelledReply(String prompt, String reply, Boolean refused, Boolean harmful, Map<String, String> attributes) {

    public LabelledReply {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(reply, "reply");
        attributes = Map.copyOf(attributes);
    }
}
