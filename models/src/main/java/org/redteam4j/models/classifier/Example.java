package org.redteam4j.models.classifier;

import java.util.List;
import org.redteam4j.core.scoring.ReplyInContext;
import org.redteam4j.core.transcript.Turn;

/**
 * One labelled reply for training or validation.
 *
 * @param request      the human's request the reply answers
 * @param reply        the reply
 * @param positive     refused (refusal task) or gave the harmful help (harm task)
 * @param source       where it comes from, e.g. an XSTest model or a JailbreakBench attack method
 * @param group        what must never be split between training and validation (a goal, a prompt)
 * @param unsafePrompt whether the request is one people call unsafe (XSTest's contrast prompts, JailbreakBench goals)
 */
public record Example(String request, String reply, boolean positive, String source, String group, boolean unsafePrompt) {

    public ReplyInContext inContext() {
        return new ReplyInContext(request.isEmpty() ? List.of() : List.of(Turn.human(request)), reply);
    }
}
