package org.redteam4j.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.List;
import java.util.Objects;
import org.redteam4j.app.workbench.Wellbeing;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.format.JsonFields;
import org.redteam4j.store.attempt.LiveAttempt;

/** The JSON API's review task: the next assignment, and a review's rating and tags. */
final class ReviewApi {

    private final Workbench workbench;

    ReviewApi(Workbench workbench) {
        this.workbench = workbench;
    }

    void register(Javalin app) {
        app.get("/api/reviews/next", ctx -> {
            ObjectNode result = Json.mapper().createObjectNode();
            workbench.reviews().next(WebApp.principal(ctx)).ifPresentOrElse(task -> {
                result.put("review_id", task.reviewId());
                result.putObject("campaign").put("id", task.campaign().id()).put("name", task.campaign().name())
                        .put("content_warning", task.campaign().contentWarning())
                        .put("warning_sha256", Wellbeing.warningSha256(task.campaign()).orElse(null));
                result.put("warning_accepted", task.warningAccepted());
                if (task.warningAccepted()) { // the attempt only once its campaign's warning was accepted, as the page shows it
                    result.set("attempt", underReview(task.attempt()));
                }
            }, () -> result.putNull("review_id"));
            ApiBodies.json(ctx, result);
        });
        app.post("/api/reviews/{id}", ctx -> {
            JsonFields body = ApiBodies.body(ctx);
            workbench.reviews().submit(WebApp.principal(ctx), Params.id(ctx), body.number("rating"),
                    Objects.requireNonNullElse(body.optionalStrings("tags"), List.of()));
            ApiBodies.ok(ctx);
        });
    }

    /**
     * What a reviewer sees of an attempt, as the review page shows it: the task and the conversation
     * as it went — never the member's own rating (reviewers rate blind to it), the candidates not
     * picked, the member or the target.
     */
    static ObjectNode underReview(LiveAttempt attempt) {
        ObjectNode node = Json.mapper().createObjectNode().put("task_description", attempt.taskDescription());
        ArrayNode turns = node.putArray("turns");
        attempt.turns().forEach(turn -> turns.addObject().put("speaker", turn.speaker()).put("text", turn.text()));
        return node;
    }
}
