package org.redteam4j.store.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.analysis.Agreement;
import org.redteam4j.core.analysis.AttackSummary;
import org.redteam4j.core.analysis.AttemptFacts;
import org.redteam4j.core.attempt.Tags;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.CampaignResults;
import org.redteam4j.store.attempt.AttemptRepository;
import org.redteam4j.store.attempt.AttemptSelection;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.ReviewRepository;

/**
 * What {@code analyze} needs from a database: the completed attempts' facts and descriptions, the
 * automated campaigns' summaries, each target's label, reviewer agreement per human campaign, and
 * whether the simulated assistant or the example-data generator made any of it.
 *
 * @param targetLabels a target's label ({@code name}, {@code name v2}…, as results name it) → "model type size"
 * @param attemptIds   each attempt's row id, in the order of {@code attempts}: the report's explorer reads these
 *                     (not a second query, which on a live database could list other attempts) so that its
 *                     attempt i is the attack map's point i
 */
public record AnalysisFacts(List<AttemptFacts> attempts, List<String> descriptions,
                            Map<String, List<AttackSummary.Row>> campaigns, Map<String, String> targetLabels,
                            Map<String, Agreement> agreement, boolean simulated, List<Long> attemptIds) {

    /** Over the finished attempts: an abandoned one has no rating to analyse. */
    public static AnalysisFacts read(Database database) {
        return read(database, false);
    }

    /** The same; with {@code clusteredBySeed}, campaigns' rates have intervals over seeds, not Wilson's. */
    public static AnalysisFacts read(Database database, boolean clusteredBySeed) {
        List<AttemptFacts> facts = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        AttemptSelection selection = AttemptSelection.finished();
        database.useTransaction(handle -> new AttemptRepository(handle).forEachRatedWithId(selection, exported -> {
            facts.add(AttemptFacts.of(exported.attempt()));
            descriptions.add(exported.attempt().attackDescription());
            ids.add(exported.id());
        }));
        Map<String, List<AttackSummary.Row>> campaigns = new LinkedHashMap<>();
        CampaignResults stored = new CampaignResults(database);
        stored.campaigns().forEach((name, id) -> campaigns.put(name, stored.summary(id, clusteredBySeed)));
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Agreement> agreement = new LinkedHashMap<>();
        boolean simulated = database.inTransaction(handle -> {
            handle.createQuery("SELECT spec, model_type, num_params FROM targets ORDER BY id")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2) + " " + rs.getString(3)))
                    .forEach(row -> labels.put(row.getKey(), row.getValue()));
            // every human campaign, closed and archived ones too: closing one ends its work, not its findings
            for (Campaign campaign : new CampaignRepository(handle).forAdmins(true).stream().map(CampaignRepository.Listed::campaign)
                    .toList()) {
                List<ReviewRepository.Reviewed> reviews = new ReviewRepository(handle).doneReviews(campaign.id());
                if (!reviews.isEmpty()) {
                    agreement.put(campaign.name(), Agreement.of(reviews.stream()
                            .map(r -> new Agreement.Reviewed(r.ratings(), r.tags())).toList(), campaign.reviewsPerAttempt(), Tags.ALL));
                }
            }
            return handle.createQuery("""
                            SELECT COUNT(*) FROM targets t WHERE t.simulated = TRUE AND (
                                EXISTS (SELECT 1 FROM attempts a WHERE a.target_id = t.id)
                                OR EXISTS (SELECT 1 FROM attacks k WHERE k.target_id = t.id))""")
                    .mapTo(Long.class).one() > 0;
        });
        // imported example data says so in each record ("simulated": true), as sim targets do in the targets table
        boolean generated = facts.stream().anyMatch(AttemptFacts::simulated);
        return new AnalysisFacts(facts, descriptions, campaigns, labels, agreement, simulated || generated, List.copyOf(ids));
    }
}
