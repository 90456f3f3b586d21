package org.redteam4j.store.attack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.redteam4j.core.format.VerdictJson;
import org.redteam4j.core.provenance.Sha256;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.store.Dialect;

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

    /**
     * What a reviewer is shown to label: the attack's conversation and reply, nothing of its judges
     * or target. Until the reviewer accepted the sample's warning (as it reads now) the prompt, reply
     * and transcript are null: nothing of the text leaves the store before the warning is read.
     */
    public record QueueItem(long itemId, Sample sample, String prompt, String reply, String transcript, boolean warningAccepted) {
    }

    /** An item as a label for it is checked: whether this reviewer gave one. */
    public record ItemState(long itemId, Sample sample, boolean labelledByReviewer) {
    }

    /** A drawn attack with its stored exchange and verdicts and the labels people gave it, for eval-judge. */
    public record LabelledAttack(long attackId, String target, String strategy, String tag, String prompt, String reply,
                                 String transcript, List<Verdict> verdicts, List<String> labels, boolean simulated) {
    }

    /** What became of a label: stored, or refused because the reviewer gave one already or the item has all it needs. */
    public enum LabelOutcome { ADDED, ALREADY_LABELLED, FULL }

    /** How long an item handed to a reviewer is kept from the others while its slots are all claimed. */
    public static final Duration CLAIM = Duration.ofMinutes(10);

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

    /**
     * The ids of the campaign's attacks that have a reply (done), per target, in id order: what a sample
     * draws from. Benign prompts are left out: the campaign's judges never judged them.
     */
    public Map<String, List<Long>> replyIdsByTarget(long campaignId) {
        Map<String, List<Long>> byTarget = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT t.spec, a.id FROM attacks a JOIN targets t ON t.id = a.target_id
                        WHERE a.campaign_id = :campaign AND a.status = 'done' AND NOT a.benign ORDER BY t.spec, a.id""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> Map.entry(rs.getString("spec"), rs.getLong("id")))
                .forEach(entry -> byTarget.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
        return byTarget;
    }

    /**
     * Why the campaign's replies are not yet a whole to draw from, if they are not: attacks still
     * pending or running, or a run holding the campaign's lease (it may add replies at any moment).
     */
    public Optional<String> unsettled(Dialect dialect, long campaignId) {
        long open = handle.createQuery("SELECT COUNT(*) FROM attacks WHERE campaign_id = :campaign AND status IN ('pending', 'running')")
                .bind("campaign", campaignId).mapTo(Long.class).one();
        if (CampaignLease.held(dialect, handle, campaignId)) {
            return Optional.of("an attack run of this campaign is going on");
        }
        return open == 0 ? Optional.empty() : Optional.of(open + " of its attacks are pending or running (resume the run "
                + "with attack --resume, or let it finish)");
    }

    /**
     * Stores a sample with its attacks in queue order and each target's reply count at the draw;
     * empty when the campaign has a sample already (another admin drew one at the same moment).
     */
    public Optional<Long> createSample(long campaignId, int perTarget, long seed, int labellers, String contentWarning, long adminId,
                                       List<Long> attackIdsInQueueOrder, Map<String, Integer> repliesByTarget) {
        int created = handle.createUpdate("""
                        INSERT INTO label_samples (campaign_id, per_target, seed, labellers, content_warning, created_by, created_at)
                        VALUES (:campaign, :perTarget, :seed, :labellers, :warning, :admin, :now)
                        ON CONFLICT (campaign_id) DO NOTHING""")
                .bind("campaign", campaignId).bind("perTarget", perTarget).bind("seed", seed).bind("labellers", labellers)
                .bind("warning", contentWarning).bind("admin", adminId).bind("now", Instant.now()).execute();
        if (created == 0) {
            return Optional.empty();
        }
        long id = handle.createQuery("SELECT id FROM label_samples WHERE campaign_id = :campaign").bind("campaign", campaignId)
                .mapTo(Long.class).one();
        var batch = handle.prepareBatch("""
                INSERT INTO label_items (sample_id, attack_id, position, needed) VALUES (:sample, :attack, :position, :needed)""");
        for (int i = 0; i < attackIdsInQueueOrder.size(); i++) {
            batch.bind("sample", id).bind("attack", attackIdsInQueueOrder.get(i)).bind("position", i).bind("needed", labellers).add();
        }
        if (!attackIdsInQueueOrder.isEmpty()) {
            batch.execute();
        }
        var strata = handle.prepareBatch("INSERT INTO label_sample_targets (sample_id, target, replies) VALUES (:sample, :target, :replies)");
        repliesByTarget.forEach((target, replies) -> strata.bind("sample", id).bind("target", target).bind("replies", replies).add());
        if (!repliesByTarget.isEmpty()) {
            strata.execute();
        }
        return Optional.of(id);
    }

    /** Each target's reply count when the sample was drawn, by target. */
    public Map<String, Integer> repliesAtDraw(long sampleId) {
        Map<String, Integer> replies = new TreeMap<>();
        handle.createQuery("SELECT target, replies FROM label_sample_targets WHERE sample_id = :sample")
                .bind("sample", sampleId).map((rs, ctx) -> Map.entry(rs.getString("target"), rs.getInt("replies")))
                .forEach(entry -> replies.put(entry.getKey(), entry.getValue()));
        return replies;
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
                        SELECT COUNT(*) AS items, COALESCE(SUM(labels), 0) AS labels,
                            COALESCE(SUM(CASE WHEN labels >= needed THEN 1 ELSE 0 END), 0) AS complete
                        FROM label_items WHERE sample_id = :sample""")
                .bind("sample", sample.id())
                .map((rs, ctx) -> new Progress(rs.getLong("items"), rs.getLong("labels"), rs.getLong("complete"))).one();
    }

    /**
     * The reviewer's next item, claimed for {@link #CLAIM}: the item they hold a claim on, else the
     * first, in the oldest sample's queue order, that still needs a label, that this reviewer has not
     * labelled, and whose open slots are not all claimed by others reading it now. Until the reviewer
     * accepted the sample's warning nothing is claimed and the item comes without its text.
     */
    public Optional<QueueItem> nextFor(long reviewerId, Instant now) {
        Optional<QueueItem> found = handle.createQuery("SELECT i.id AS item_id, " + SAMPLE_COLUMNS + """
                        , a.prompt, a.reply, a.transcript,
                            (SELECT w.warning_sha256 FROM warning_acceptances w
                             WHERE w.member_id = :reviewer AND w.campaign_id = s.campaign_id) AS accepted_sha256
                        FROM label_items i JOIN label_samples s ON s.id = i.sample_id JOIN campaigns c ON c.id = s.campaign_id
                            JOIN attacks a ON a.id = i.attack_id
                        WHERE i.labels < i.needed
                          AND NOT EXISTS (SELECT 1 FROM reply_labels l WHERE l.item_id = i.id AND l.reviewer_id = :reviewer)
                          AND (EXISTS (SELECT 1 FROM label_claims m WHERE m.item_id = i.id AND m.reviewer_id = :reviewer
                                       AND m.claimed_until > :now)
                               OR i.needed - i.labels > (SELECT COUNT(*) FROM label_claims o WHERE o.item_id = i.id
                                       AND o.reviewer_id <> :reviewer AND o.claimed_until > :now))
                        ORDER BY CASE WHEN EXISTS (SELECT 1 FROM label_claims m WHERE m.item_id = i.id AND m.reviewer_id = :reviewer
                                       AND m.claimed_until > :now) THEN 0 ELSE 1 END, s.id, i.position""")
                .bind("reviewer", reviewerId).bind("now", now)
                .map((rs, ctx) -> {
                    Sample sample = sample(rs, ctx);
                    boolean accepted = Sha256.of(sample.contentWarning()).equals(rs.getString("accepted_sha256"));
                    return accepted ? new QueueItem(rs.getLong("item_id"), sample, rs.getString("prompt"), rs.getString("reply"),
                            rs.getString("transcript"), true) : new QueueItem(rs.getLong("item_id"), sample, null, null, null, false);
                })
                .findFirst();
        found.filter(QueueItem::warningAccepted).ifPresent(item -> handle.createUpdate("""
                        INSERT INTO label_claims (item_id, reviewer_id, claimed_until) VALUES (:item, :reviewer, :until)
                        ON CONFLICT (item_id, reviewer_id) DO UPDATE SET claimed_until = excluded.claimed_until""")
                .bind("item", item.itemId()).bind("reviewer", reviewerId).bind("until", now.plus(CLAIM)).execute());
        return found;
    }

    public Optional<ItemState> item(long itemId, long reviewerId) {
        return handle.createQuery("SELECT i.id AS item_id, " + SAMPLE_COLUMNS + """
                        , EXISTS (SELECT 1 FROM reply_labels l WHERE l.item_id = i.id AND l.reviewer_id = :reviewer) AS mine
                        FROM label_items i JOIN label_samples s ON s.id = i.sample_id JOIN campaigns c ON c.id = s.campaign_id
                        WHERE i.id = :item""")
                .bind("item", itemId).bind("reviewer", reviewerId)
                .map((rs, ctx) -> new ItemState(rs.getLong("item_id"), sample(rs, ctx), rs.getBoolean("mine")))
                .findOne();
    }

    /**
     * Stores the reviewer's label if the item has an open slot, taking the slot atomically: the
     * UPDATE counts the label only while labels &lt; needed (on PostgreSQL a second writer waits
     * for the first and sees its count), so two reviewers at once cannot overfill an item; a double
     * click finds the reviewer's label by the unique key. With three labellers, when the first two
     * labels agree the item needs no third. Anything but {@link LabelOutcome#ADDED} may leave a
     * change the caller's transaction must roll back.
     */
    public LabelOutcome addLabel(long itemId, long reviewerId, String label) {
        int slot = handle.createUpdate("UPDATE label_items SET labels = labels + 1 WHERE id = :item AND labels < needed")
                .bind("item", itemId).execute();
        if (slot == 0) {
            return LabelOutcome.FULL;
        }
        int added = handle.createUpdate("""
                        INSERT INTO reply_labels (item_id, reviewer_id, label, labelled_at) VALUES (:item, :reviewer, :label, :now)
                        ON CONFLICT (item_id, reviewer_id) DO NOTHING""")
                .bind("item", itemId).bind("reviewer", reviewerId).bind("label", label).bind("now", Instant.now()).execute();
        if (added == 0) {
            return LabelOutcome.ALREADY_LABELLED;
        }
        handle.createUpdate("DELETE FROM label_claims WHERE item_id = :item AND reviewer_id = :reviewer")
                .bind("item", itemId).bind("reviewer", reviewerId).execute();
        // two agreeing labels of three decide the item: the third reviewer is spared the reply
        handle.createUpdate("""
                        UPDATE label_items SET needed = 2 WHERE id = :item AND needed = 3 AND labels = 2
                          AND (SELECT COUNT(DISTINCT label) FROM reply_labels WHERE item_id = :item) = 1""")
                .bind("item", itemId).execute();
        return LabelOutcome.ADDED;
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
                        SELECT i.id AS item_id, a.id, t.spec, a.strategy, a.tag, a.prompt, a.reply, a.transcript, a.verdicts_json,
                            a.simulated
                        FROM label_items i JOIN attacks a ON a.id = i.attack_id JOIN targets t ON t.id = a.target_id
                        WHERE i.sample_id = :sample ORDER BY i.position""")
                .bind("sample", sampleId)
                .map((rs, ctx) -> {
                    String verdicts = rs.getString("verdicts_json");
                    return new LabelledAttack(rs.getLong("id"), rs.getString("spec"), rs.getString("strategy"), rs.getString("tag"),
                            rs.getString("prompt"), rs.getString("reply"), rs.getString("transcript"),
                            verdicts == null ? List.of() : VerdictJson.read(verdicts, "attacks row " + rs.getLong("id")),
                            List.copyOf(labels.getOrDefault(rs.getLong("item_id"), List.of())), rs.getBoolean("simulated"));
                }).list();
    }
}
