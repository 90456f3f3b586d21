package org.redteam4j.app.workbench;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackQueries;
import org.redteam4j.store.attack.LabelRepository;
import org.redteam4j.store.workbench.Account;

/**
 * Automated campaigns (those {@code redteam4j attack} ran) for admins: their attacks filtered and
 * paged, each attack's conversation with every judge's verdict, and the calibration sample drawn
 * for reviewers to label.
 */
public final class AutomatedResults {

    public static final int DEFAULT_PER_TARGET = 50;
    public static final int MAX_PER_TARGET = 10_000;
    public static final int PAGE = 50;
    public static final String DEFAULT_WARNING = "These replies come from automated attacks on AI models. Some may be "
            + "offensive, disturbing or describe harmful acts. Each conversation stays blurred until you reveal it; take a break whenever you need.";

    /** A campaign as its page shows it: counts, filter values, and its sample with the labelling's progress. */
    public record CampaignView(AttackQueries.CampaignRow campaign, AttackQueries.Facets facets,
                               Optional<LabelRepository.Sample> sample, Optional<LabelRepository.Progress> progress) {
    }

    private final Database database;
    private final SecureRandom seeds = new SecureRandom();

    AutomatedResults(Database database) {
        this.database = database;
    }

    public List<AttackQueries.CampaignRow> campaigns(Principal admin) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> new AttackQueries(handle).campaigns());
    }

    public CampaignView campaign(Principal admin, long campaignId) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> {
            AttackQueries queries = new AttackQueries(handle);
            AttackQueries.CampaignRow row = queries.campaign(campaignId).orElseThrow(WorkbenchFailure::notFound);
            LabelRepository labels = new LabelRepository(handle);
            Optional<LabelRepository.Sample> sample = labels.sampleOf(campaignId);
            return new CampaignView(row, queries.facets(campaignId), sample, sample.map(labels::progress));
        });
    }

    /** The page of attacks the filter matches; {@code page} counts from 1. */
    public AttackQueries.Page attacks(Principal admin, long campaignId, AttackQueries.Filter filter, int page) {
        admin.require(Account.Role.ADMIN);
        if (page < 1) {
            throw WorkbenchFailure.invalid("pages count from 1");
        }
        return database.read(handle -> {
            AttackQueries queries = new AttackQueries(handle);
            queries.campaign(campaignId).orElseThrow(WorkbenchFailure::notFound);
            return queries.page(campaignId, filter, (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * PAGE), PAGE);
        });
    }

    public AttackQueries.AttackDetail attack(Principal admin, long attackId) {
        admin.require(Account.Role.ADMIN);
        return database.read(handle -> new AttackQueries(handle).attack(attackId)).orElseThrow(WorkbenchFailure::notFound);
    }

    /**
     * Draws the campaign's calibration sample: {@code perTarget} replies per target, uniformly at
     * random ({@link UniformSample}), into the reviewers' labelling queue. One sample per campaign
     * (two admins at once: the second is a conflict). Refused while the campaign is still running or
     * has pending attacks: a draw from part of it would not be uniform over the campaign. Each
     * target's reply count is kept with the sample (its stratum's size).
     *
     * @param seed the draw's seed; null draws one (it is stored either way, so the draw can be made again)
     */
    public LabelRepository.Sample drawSample(Principal admin, long campaignId, int perTarget, int labellers, Long seed,
                                             String contentWarning) {
        admin.require(Account.Role.ADMIN);
        if (perTarget < 1 || perTarget > MAX_PER_TARGET) {
            throw WorkbenchFailure.invalid("draw from 1 to " + MAX_PER_TARGET + " replies per target");
        }
        if (labellers != 1 && labellers != 3) {
            throw WorkbenchFailure.invalid("each reply is labelled by 1 reviewer, or by 3 with the majority label");
        }
        long chosen = seed != null ? seed : seeds.nextLong();
        String warning = Text.blankToNull(contentWarning) == null ? DEFAULT_WARNING : contentWarning.strip();
        return database.inTransaction(handle -> {
            new AttackQueries(handle).campaign(campaignId).orElseThrow(WorkbenchFailure::notFound);
            LabelRepository labels = new LabelRepository(handle);
            if (labels.sampleOf(campaignId).isPresent()) {
                throw WorkbenchFailure.conflict("this campaign has its calibration sample already");
            }
            labels.unsettled(database.dialect(), campaignId).ifPresent(why -> {
                throw WorkbenchFailure.conflict("this campaign is not finished, so a sample of it would not be uniform over "
                        + "its replies: " + why + "; draw the sample when it is done");
            });
            Map<String, List<Long>> replies = labels.replyIdsByTarget(campaignId);
            if (replies.isEmpty()) {
                throw WorkbenchFailure.conflict("this campaign has no finished attack with a reply to label");
            }
            Map<String, Integer> sizes = new java.util.TreeMap<>();
            replies.forEach((target, ids) -> sizes.put(target, ids.size()));
            labels.createSample(campaignId, perTarget, chosen, labellers, warning, admin.id(),
                    UniformSample.draw(replies, perTarget, chosen), sizes)
                    .orElseThrow(() -> WorkbenchFailure.conflict("this campaign has its calibration sample already"));
            return labels.sampleOf(campaignId).orElseThrow();
        });
    }
}
