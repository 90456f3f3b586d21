package org.redteam4j.app.scoring;

import java.util.List;
import java.util.Map;
import org.redteam4j.core.scoring.ReplyInContext;

/**
 * One thing people labelled, as a judge sees it: one reply (a row of a labelled file) or every reply
 * of a workbench attempt (positive when any reply is), with the label for the task measured.
 *
 * @param attributes what {@code --by} can group on (source model, prompt type, member …)
 */
record LabelledCase(List<ReplyInContext> replies, boolean label, Map<String, String> attributes) {

    LabelledCase {
        replies = List.copyOf(replies);
        attributes = Map.copyOf(attributes);
    }
}
