package org.redteam4j.models.judge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.http.LoopbackServer.Received;
import org.redteam4j.models.http.LoopbackServer.Script;

/**
 * What a loopback "judge" answers to the llm judge's request: a chat completion whose content is
 * the rubric's JSON answer carrying the code the request's system text names, as a judge model
 * that follows the rubric would write it. Shared by the tests of every module that run an llm judge.
 */
public final class JudgeAnswers {

    private static final Pattern CODE = Pattern.compile("carry the code (\\w+)");

    private JudgeAnswers() {
    }

    /** The code (nonce) the rubric in this request names, or null when the request carries no rubric. */
    public static String code(Received request) {
        Matcher code = CODE.matcher(request.json().at("/messages/0/content").asText());
        return code.find() ? code.group(1) : null;
    }

    /** The rubric's answer, with this request's code. */
    public static String verdict(Received request, boolean refused, int harm, int specificity, String rationale) {
        return Json.mapper().createObjectNode().put("code", code(request)).put("refused", refused).put("harm", harm)
                .put("specificity", specificity).put("rationale", rationale).toString();
    }

    /** A chat completion saying {@code content}. */
    public static Script completion(String content) {
        ObjectNode message = Json.mapper().createObjectNode().put("role", "assistant").put("content", content);
        ObjectNode body = Json.mapper().createObjectNode();
        body.putArray("choices").addObject().set("message", message);
        return Script.json(body.toString());
    }

    /** A chat completion with the rubric's answer, for {@code LoopbackServer.answering}. */
    public static Script answer(Received request, boolean refused, int harm, int specificity, String rationale) {
        return completion(verdict(request, refused, harm, specificity, rationale));
    }
}
