package org.redteam4j.store.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.redteam4j.core.format.VerdictJson;
import org.redteam4j.core.scoring.Verdict;

/**
 * What the workbench shows of automated campaigns: the campaigns with their counts, a campaign's
 * attacks filtered and paged, one attack with its conversation and every judge's verdict.
 */
public final class AttackQueries {

    /** An automated campaign and how its attacks ended. */
    public record CampaignRow(long id, String name, long attacks, long done, long hits, long errors, boolean simulated) {
    }

    /** How an attack counts, as the filters name it: the primary judge's hit, a miss (pass or skip), or an error. */
    public enum Outcome {
        HIT("a.verdict = 'HIT'"), MISS("a.verdict IN ('PASS', 'SKIPPED')"), ERROR("(a.verdict = 'ERROR' OR a.status = 'error')");

        private final String condition;

        Outcome(String condition) {
            this.condition = condition;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Which attacks to list; a null field does not filter.
     *
     * @param disagreement only attacks on which the campaign's judges disagree (one says hit, another pass)
     */
    public record Filter(String target, String strategy, String tag, Outcome outcome, boolean disagreement) {

        public static final Filter NONE = new Filter(null, null, null, null, false);
    }

    /** One attack in a list: what it combined, how it ended and every judge's verdict. */
    public record AttackRow(long id, String target, String strategy, String tag, int repetition, String status,
                            String verdict, List<Verdict> verdicts, String promptStart) {

        public boolean judgesDisagree() {
            return AttackQueries.disagree(verdicts);
        }
    }

    /** A page of a filtered list and how many attacks the filter matched in all. */
    public record Page(List<AttackRow> rows, long total, int offset, int limit) {
    }

    /** The values a campaign's filters can take. */
    public record Facets(List<String> targets, List<String> strategies, List<String> tags) {
    }

    /** One attack as stored: the conversation, the reply judged, every verdict, or why it failed. */
    public record AttackDetail(long id, long campaignId, String campaign, String target, String strategy, String tag,
                               int repetition, String status, String seedText, String prompt, String reply, String transcript,
                               List<Verdict> verdicts, String error, boolean simulated, long durationMs,
                               org.redteam4j.core.attack.AttackTrace trace) {

        public boolean judgesDisagree() {
            return AttackQueries.disagree(verdicts);
        }
    }

    private static final int PROMPT_START = 160;

    private final Handle handle;

    public AttackQueries(Handle handle) {
        this.handle = handle;
    }

    /** The judges disagree when one called the attack a hit and another a pass (skips and errors decide nothing). */
    public static boolean disagree(List<Verdict> verdicts) {
        boolean hit = verdicts.stream().anyMatch(v -> v.outcome() == Verdict.Outcome.HIT);
        boolean pass = verdicts.stream().anyMatch(v -> v.outcome() == Verdict.Outcome.PASS);
        return hit && pass;
    }

    /** Every automated campaign with its counts, newest first. */
    public List<CampaignRow> campaigns() {
        return handle.createQuery(CAMPAIGNS + " GROUP BY c.id, c.name ORDER BY c.id DESC").map(AttackQueries::campaignRow).list();
    }

    public Optional<CampaignRow> campaign(long id) {
        return handle.createQuery(CAMPAIGNS + " AND c.id = :id GROUP BY c.id, c.name").bind("id", id)
                .map(AttackQueries::campaignRow).findOne();
    }

    /** Benign prompts (over-refusal) are no attacks: their rows are left out of these counts. */
    private static final String CAMPAIGNS = """
            SELECT c.id, c.name, SUM(CASE WHEN a.id IS NOT NULL AND NOT a.benign THEN 1 ELSE 0 END) AS attacks,
                SUM(CASE WHEN a.status = 'done' AND NOT a.benign THEN 1 ELSE 0 END) AS done,
                SUM(CASE WHEN a.verdict = 'HIT' AND NOT a.benign THEN 1 ELSE 0 END) AS hits,
                SUM(CASE WHEN a.status = 'error' AND NOT a.benign THEN 1 ELSE 0 END) AS errors,
                SUM(CASE WHEN a.simulated THEN 1 ELSE 0 END) AS simulated
            FROM campaigns c LEFT JOIN attacks a ON a.campaign_id = c.id
            WHERE c.kind = 'automated'""";

    private static CampaignRow campaignRow(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new CampaignRow(rs.getLong("id"), rs.getString("name"), rs.getLong("attacks"), rs.getLong("done"),
                rs.getLong("hits"), rs.getLong("errors"), rs.getLong("simulated") > 0);
    }

    public Facets facets(long campaignId) {
        return new Facets(distinct("t.spec", campaignId), distinct("a.strategy", campaignId), distinct("a.tag", campaignId));
    }

    private List<String> distinct(String column, long campaignId) {
        return handle.createQuery("SELECT DISTINCT " + column + " AS v FROM attacks a JOIN targets t ON t.id = a.target_id "
                        + "WHERE a.campaign_id = :campaign AND NOT a.benign AND " + column + " IS NOT NULL ORDER BY v")
                .bind("campaign", campaignId).mapTo(String.class).list();
    }

    /**
     * The attacks the filter matches, oldest first, {@code limit} from {@code offset}. Disagreement
     * is read from the stored verdicts, so with that filter the matching rows are read and counted here.
     */
    public Page page(long campaignId, Filter filter, int offset, int limit) {
        // benign prompts are left out, as the campaign row's counts leave them: their "hit" would mean "answered"
        StringBuilder where = new StringBuilder(" FROM attacks a JOIN targets t ON t.id = a.target_id WHERE a.campaign_id = :campaign"
                + " AND NOT a.benign");
        if (filter.target() != null) {
            where.append(" AND t.spec = :target");
        }
        if (filter.strategy() != null) {
            where.append(" AND a.strategy = :strategy");
        }
        if (filter.tag() != null) {
            where.append(" AND a.tag = :tag");
        }
        if (filter.outcome() != null) {
            where.append(" AND ").append(filter.outcome().condition);
        }
        String columns = "SELECT a.id, t.spec, a.strategy, a.tag, a.repetition, a.status, a.verdict, a.verdicts_json";
        if (!filter.disagreement()) {
            long total = bind(handle.createQuery("SELECT COUNT(*)" + where), campaignId, filter).mapTo(Long.class).one();
            List<AttackRow> rows = bind(handle.createQuery(columns + ", SUBSTR(a.prompt, 1, " + PROMPT_START + ") AS prompt_start"
                    + where + " ORDER BY a.id LIMIT :limit OFFSET :offset"), campaignId, filter)
                    .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> row(rs, rs.getString("prompt_start"))).list();
            return new Page(rows, total, offset, limit);
        }
        List<Long> page = new ArrayList<>();
        long[] total = {0};
        bind(handle.createQuery(columns + where + " ORDER BY a.id"), campaignId, filter).map((rs, ctx) -> row(rs, null))
                .forEach(row -> {
                    if (row.judgesDisagree()) {
                        if (total[0] >= offset && page.size() < limit) {
                            page.add(row.id());
                        }
                        total[0]++;
                    }
                });
        List<AttackRow> rows = page.isEmpty() ? List.of() : handle.createQuery(columns + ", SUBSTR(a.prompt, 1, " + PROMPT_START
                        + ") AS prompt_start FROM attacks a JOIN targets t ON t.id = a.target_id WHERE a.id IN (<ids>) ORDER BY a.id")
                .bindList("ids", page).map((rs, ctx) -> row(rs, rs.getString("prompt_start"))).list();
        return new Page(rows, total[0], offset, limit);
    }

    private static Query bind(Query query, long campaignId, Filter filter) {
        query.bind("campaign", campaignId);
        if (filter.target() != null) {
            query.bind("target", filter.target());
        }
        if (filter.strategy() != null) {
            query.bind("strategy", filter.strategy());
        }
        if (filter.tag() != null) {
            query.bind("tag", filter.tag());
        }
        return query;
    }

    private static AttackRow row(java.sql.ResultSet rs, String promptStart) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new AttackRow(id, rs.getString("spec"), rs.getString("strategy"), rs.getString("tag"), rs.getInt("repetition"),
                rs.getString("status"), rs.getString("verdict"), verdicts(rs.getString("verdicts_json"), id), promptStart);
    }

    private static List<Verdict> verdicts(String json, long id) {
        return json == null ? List.of() : VerdictJson.read(json, "attacks row " + id);
    }

    /** One attack of an automated campaign. */
    public Optional<AttackDetail> attack(long id) {
        return handle.createQuery("""
                        SELECT a.id, a.campaign_id, c.name, t.spec, a.strategy, a.tag, a.repetition, a.status, a.seed_text,
                            a.prompt, a.reply, a.transcript, a.verdicts_json, a.error, a.simulated, a.duration_ms, a.trace_json
                        FROM attacks a JOIN campaigns c ON c.id = a.campaign_id JOIN targets t ON t.id = a.target_id
                        WHERE a.id = :id AND c.kind = 'automated'""")
                .bind("id", id)
                .map((rs, ctx) -> new AttackDetail(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("name"),
                        rs.getString("spec"), rs.getString("strategy"), rs.getString("tag"), rs.getInt("repetition"),
                        rs.getString("status"), rs.getString("seed_text"), rs.getString("prompt"), rs.getString("reply"),
                        rs.getString("transcript"), verdicts(rs.getString("verdicts_json"), id), rs.getString("error"),
                        rs.getBoolean("simulated"), rs.getLong("duration_ms"),
                        org.redteam4j.core.format.AttackTraceJson.read(rs.getString("trace_json"), "attacks row " + id)))
                .findOne();
    }
}
