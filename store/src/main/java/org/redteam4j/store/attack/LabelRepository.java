package org.redteam4j.store.attack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.format.VerdictJson;
import org.redteam4j.core.scoring.Verdict;

/**
 * Calibration samples of automated campaigns and the labels reviewers give their replies, on the
 * caller's handle. The queue a reviewer reads carries no verdict, judge, target or strategy.
 */
public final class LabelRepository {

    /** A campaign's sample: how it was drawn (so it can be drawn again) and how many labels decide an item. */
    public record Sample(long id, long campaignId, String campaign, int perTarget, long seed, int labellers,
                         String contentWarning) {
    }

    /** How far the labelling of a sample has come. */
    public record Progress(long items, long labels, long complete) {
    }

    /** What a reviewer is shown to label: the attack's conversation and reply, nothing of its judges or target. */
    public record QueueItem(long itemId, Sample sample, String prompt, String reply, String transcript, boolean warningAccepted) {
    }

    /** An item as a label for it is checked: how many labels it has and whether this reviewer gave one. */
    public record ItemState(long itemId, Sample sample, long labels, boolean labelledByReviewer) {
    }

    /** A drawn attack with its stored exchange and verdicts and the labels people gave it, for eval-judge. */
    public record LabelledAttack(long attackId, String target, String strategy, String tag, String prompt, String reply,
                                 String transcript, List<Verdict> verdicts, List<String> labels) {
    }

    private static final String SAMPLE_COLUMNS = "s.id, s.campaign_id, c.name, s.per_target, s.seed, s.labellers, s.content_warning";

    private final Handle handle;

    public LabelRepository(Handle handle) {
        this.handle = handle;
    }

    public Optional<Sample> sampleOf(long campaignId) {
        return handle.createQuery("SELECT " + SAMPLE_COLUMNS + " FROM label_samples s JOIN campaigns c ON c.id = s.campaign_id "
                + "WHERE s.campaign_id = :campaign").bind("campaign", campaignId).map(LabelRepository::sample).findOne();
    }

    private static Sample sample(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Sample(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("name"), rs.getInt("per_target"),
                rs.getLong("seed"), rs.getInt("labellers"), rs.getString("content_warning"));
    }

    /** The ids of the campaign's attacks that have a reply (done), per target, in id order: what a sample draws from. */
    public Map<String, List<Long>> replyIdsByTarget(long campaignId) {
        Map<String, List<Long>> byTarget = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT t.spec, a.id FROM attacks a JOIN targets t ON t.id = a.target_id
                        WHERE a.campaign_id = :campaign AND a.status = 'done' ORDER BY t.spec, a.id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> Map.entry(rs.getString("spec"), rs.getLong("id")))
                .forEach(entry -> byTarget.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return byTarget;
    }

    /** Stores a sample with its attacks in queue order. */
    public long createSample(long campaignId, int perTarget, long seed, int labellers, String contentWarning, long adminId,
                             List<Long> attackIdsInQueueOrder) {
        long id = handle.createUpdate("""
                        INSERT INTO label_samples (campaign_id, per_target, seed, labellers, content_warning, created_by, created_at)
                        VALUES (:campaign, :perTarget, :seed, :labellers, :warning, :admin, :now)""")
                .bind("campaign", campaignId).bind("perTarget", perTarget).bind("seed", seed).bind("labellers", labellers)
                .bind("warning", contentWarning).bind("admin", adminId).bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        var batch = handle.prepareBatch("INSERT INTO label_items (sample_id, attack_id, position) VALUES (:sample, :attack, :position)");
        for (int i = 0; i < attackIdsInQueueOrder.size(); i++) {
            batch.bind("sample", id).bind("attack", attackIdsInQueueOrder.get(i)).bind("position", i).add();
        }
        if (!attackIdsInQueueOrder.isEmpty()) {
            batch.execute();
        }
        return id;
    }

    /** A drawn attack's place in the queue. */
    public record Item(long itemId, long attackId) {
    }

    /** The sample's items in queue order. */
    public List<Item> items(long sampleId) {
        return handle.createQuery("SELECT id, attack_id FROM label_items WHERE sample_id = :sample ORDER BY position")
                .bind("sample", sampleId).map((rs, ctx) -> new Item(rs.getLong("id"), rs.getLong("attack_id"))).list();
    }

    /** The sampled attack ids in queue order. */
    public List<Long> sampledAttacks(long sampleId) {
        return items(sampleId).stream().map(Item::attackId).toList();
    }

    public Progress progress(Sample sample) {
        return handle.createQuery("""
                        SELECT COUNT(*) AS items, COALESCE(SUM(n), 0) AS labels,
                            COALESCE(SUM(CASE WHEN n >= :labellers THEN 1 ELSE 0 END), 0) AS complete
                        FROM (SELECT i.id, (SELECT COUNT(*) FROM reply_labels l WHERE l.item_id = i.id) AS n
                              FROM label_items i WHERE i.sample_id = :sample) AS counted""")
                .bind("sample", sample.id()).bind("labellers", sample.labellers())
                .map((rs, ctx) -> new Progress(rs.getLong("items"), rs.getLong("labels"), rs.getLong("complete"))).one();
    }

    /**
     * The reviewer's next item: the first, in the oldest sample's queue order, that still needs a
     * label and that this reviewer has not labelled.
     */
    public Optional<QueueItem> nextFor(long reviewerId) {
        return handle.createQuery("SELECT i.id AS item_id, " + SAMPLE_COLUMNS + """
                        , a.prompt, a.reply, a.transcript,
                            EXISTS (SELECT 1 FROM label_warnings w WHERE w.sample_id = s.id AND w.reviewer_id = :reviewer) AS accepted
                        FROM label_items i JOIN label_samples s ON s.id = i.sample_id JOIN campaigns c ON c.id = s.campaign_id
                            JOIN attacks a ON a.id = i.attack_id
                        WHERE (SELECT COUNT(*) FROM reply_labels l WHERE l.item_id = i.id) < s.labellers
                          AND NOT EXISTS (SELECT 1 FROM reply_labels l WHERE l.item_id = i.id AND l.reviewer_id = :reviewer)
                        ORDER BY s.id, i.position""")
                .bind("reviewer", reviewerId)
                .map((rs, ctx) -> new QueueItem(rs.getLong("item_id"), sample(rs, ctx), rs.getString("prompt"),
                        rs.getString("reply"), rs.getString("transcript"), rs.getBoolean("accepted")))
                .findFirst();
    }

    public Optional<ItemState> item(long itemId, long reviewerId) {
        return handle.createQuery("SELECT i.id AS item_id, " + SAMPLE_COLUMNS + """
                        , (SELECT COUNT(*) FROM reply_labels l WHERE l.item_id = i.id) AS labels,
                            EXISTS (SELECT 1 FROM reply_labels l WHERE l.item_id = i.id AND l.reviewer_id = :reviewer) AS mine
                        FROM label_items i JOIN label_samples s ON s.id = i.sample_id JOIN campaigns c ON c.id = s.campaign_id
                        WHERE i.id = :item""")
                .bind("item", itemId).bind("reviewer", reviewerId)
                .map((rs, ctx) -> new ItemState(rs.getLong("item_id"), sample(rs, ctx), rs.getLong("labels"), rs.getBoolean("mine")))
                .findOne();
    }

    public void addLabel(long itemId, long reviewerId, String label) {
        handle.createUpdate("""
                        INSERT INTO reply_labels (item_id, reviewer_id, label, labelled_at) VALUES (:item, :reviewer, :label, :now)""")
                .bind("item", itemId).bind("reviewer", reviewerId).bind("label", label).bind("now", Instant.now()).execute();
    }

    public boolean warningAccepted(long sampleId, long reviewerId) {
        return handle.createQuery("SELECT COUNT(*) FROM label_warnings WHERE sample_id = :sample AND reviewer_id = :reviewer")
                .bind("sample", sampleId).bind("reviewer", reviewerId).mapTo(Long.class).one() > 0;
    }

    public void acceptWarning(long sampleId, long reviewerId) {
        if (!warningAccepted(sampleId, reviewerId)) {
            handle.createUpdate("INSERT INTO label_warnings (sample_id, reviewer_id, accepted_at) VALUES (:sample, :reviewer, :now)")
                    .bind("sample", sampleId).bind("reviewer", reviewerId).bind("now", Instant.now()).execute();
        }
    }

    public Optional<Sample> sample(long sampleId) {
        return handle.createQuery("SELECT " + SAMPLE_COLUMNS + " FROM label_samples s JOIN campaigns c ON c.id = s.campaign_id "
                + "WHERE s.id = :id").bind("id", sampleId).map(LabelRepository::sample).findOne();
    }

    /** Every drawn attack of the sample in queue order, with its labels (oldest first; none yet is an empty list). */
    public List<LabelledAttack> labelled(long sampleId) {
        Map<Long, List<String>> labels = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT l.item_id, l.label FROM reply_labels l JOIN label_items i ON i.id = l.item_id
                        WHERE i.sample_id = :sample ORDER BY l.id""")
                .bind("sample", sampleId).map((rs, ctx) -> Map.entry(rs.getLong("item_id"), rs.getString("label")))
                .forEach(entry -> labels.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return handle.createQuery("""
                        SELECT i.id AS item_id, a.id, t.spec, a.strategy, a.tag, a.prompt, a.reply, a.transcript, a.verdicts_json
                        FROM label_items i JOIN attacks a ON a.id = i.attack_id JOIN targets t ON t.id = a.target_id
                        WHERE i.sample_id = :sample ORDER BY i.position""")
                .bind("sample", sampleId)
                .map((rs, ctx) -> {
                    String verdicts = rs.getString("verdicts_json");
                    return new LabelledAttack(rs.getLong("id"), rs.getString("spec"), rs.getString("strategy"), rs.getString("tag"),
                            rs.getString("prompt"), rs.getString("reply"), rs.getString("transcript"),
                            verdicts == null ? List.of() : VerdictJson.read(verdicts, "attacks row " + rs.getLong("id")),
                            List.copyOf(labels.getOrDefault(rs.getLong("item_id"), List.of())));
                }).list();
    }
}
