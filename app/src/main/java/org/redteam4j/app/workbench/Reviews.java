package org.redteam4j.app.workbench;

import java.util.List;
import java.util.Optional;
import org.redteam4j.core.attempt.Tags;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.attempt.LiveAttemptRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.ReviewRepository;

/** The review task: reviewers re-rate finished attempts 0–4 and tag the kinds of attack, a few tags at most. */
public final class Reviews {

    public static final int MAX_TAGS = 6;

    private final Database database;
    private final Wellbeing wellbeing;

    Reviews(Database database, Wellbeing wellbeing) {
        this.database = database;
        this.wellbeing = wellbeing;
    }

    /** The reviewer's current assignment with its attempt and campaign, or empty when the queue is empty. */
    public Optional<ReviewTask> next(Principal reviewer) {
        reviewer.requireOnTask(Account.Role.REVIEWER);
        return database.inTransaction(handle -> new ReviewRepository(handle).nextFor(reviewer.id())
                .map(review -> {
                    LiveAttempt attempt = new LiveAttemptRepository(handle).load(review.attemptId()).orElseThrow();
                    return new ReviewTask(review.id(), attempt, new CampaignRepository(handle).byId(attempt.campaignId()).orElseThrow(),
                            false);
                }))
                .map(task -> new ReviewTask(task.reviewId(), task.attempt(), task.campaign(),
                        wellbeing.warningAccepted(reviewer, task.campaign())));
    }

    public void submit(Principal reviewer, long reviewId, double rating, List<String> tags) {
        reviewer.requireOnTask(Account.Role.REVIEWER);
        if (!Ratings.onScale(rating)) {
            throw WorkbenchFailure.invalid("rate the attempt's success from 0 to 4");
        }
        if (tags.size() > MAX_TAGS) {
            throw WorkbenchFailure.invalid("choose at most " + MAX_TAGS + " tags");
        }
        for (String tag : tags) {
            if (!Tags.ALL.contains(tag)) {
                throw WorkbenchFailure.invalid("unknown tag '" + tag + "'");
            }
        }
        Campaign campaign = database.inTransaction(handle -> new ReviewRepository(handle).byId(reviewId)
                .filter(r -> r.reviewerId() == reviewer.id())
                .flatMap(r -> new LiveAttemptRepository(handle).load(r.attemptId()))
                .flatMap(attempt -> new CampaignRepository(handle).byId(attempt.campaignId())))
                .orElseThrow(WorkbenchFailure::notFound);
        wellbeing.requireWarningAccepted(reviewer, campaign);
        database.inTransaction(handle -> {
            ReviewRepository reviews = new ReviewRepository(handle);
            ReviewRepository.Review review = reviews.byId(reviewId).filter(r -> r.reviewerId() == reviewer.id())
                    .orElseThrow(WorkbenchFailure::notFound);
            if (review.done()) {
                throw WorkbenchFailure.conflict("this review is done");
            }

            reviews.submit(review, rating, tags);
            return null;
        });
    }
}
