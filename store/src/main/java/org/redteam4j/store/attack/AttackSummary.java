package org.redteam4j.store.attack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.format.Json;
import org.redteam4j.store.Database;

/**
 * Results of an automated campaign per target × strategy × tag: attacks, errors, not run, and per
 * judge the hits with the success rate and its 95% interval. Errors and skipped verdicts are left
 * out of a rate's denominator — an error is never a success nor a resisted attack.
 */
public final class AttackSummary {

    /** One row of the summary. */
    public record Row(String target, String strategy, String tag, int attacks, int errors, int notRun,
                      Map<String, Rate> judges, boolean simulated) {
    }

    /** One judge's result in a row. */
    public record Rate(int hits, int judged, Proportion rate) {
    }

    private AttackSummary() {
    }

    public static List<Row> of(Database database, long campaignId) {
        List<Object[]> rows = database.inTransaction(handle -> handle.createQuery("""
                        SELECT t.spec, a.strategy, COALESCE(a.tag, '(none)') AS tag, a.status, a.verdicts_json, a.simulated
                        FROM attacks a JOIN targets t ON t.id = a.target_id WHERE a.campaign_id = :campaign""")
                .bind("campaign", campaignId)
                .map((rs, ctx) -> new Object[] {rs.getString("spec"), rs.getString("strategy"), rs.getString("tag"),
                    rs.getString("status"), rs.getString("verdicts_json"), rs.getBoolean("simulated")})
                .list());
        Map<String, Accumulator> groups = new TreeMap<>();
        for (Object[] row : rows) {
            String key = row[0] + "\u0000" + row[1] + "\u0000" + row[2];
            groups.computeIfAbsent(key, k -> new Accumulator((String) row[0], (String) row[1], (String) row[2]))
                    .add((String) row[3], (String) row[4], (Boolean) row[5]);
        }
        List<Row> result = new ArrayList<>();
        groups.values().forEach(accumulator -> result.add(accumulator.row()));
        return result;
    }

    /** Rows merged per target (over strategies and tags), for gates such as --fail-above. */
    public static List<Row> perTarget(List<Row> rows) {
        Map<String, List<Row>> byTarget = new LinkedHashMap<>();
        rows.forEach(row -> byTarget.computeIfAbsent(row.target(), t -> new ArrayList<>()).add(row));
        List<Row> merged = new ArrayList<>();
        byTarget.forEach((target, group) -> {
            int attacks = 0;
            int errors = 0;
            int notRun = 0;
            boolean simulated = false;
            Map<String, int[]> judges = new LinkedHashMap<>();
            for (Row row : group) {
                attacks += row.attacks();
                errors += row.errors();
                notRun += row.notRun();
                simulated |= row.simulated();
                row.judges().forEach((judge, rate) -> {
                    int[] sums = judges.computeIfAbsent(judge, j -> new int[2]);
                    sums[0] += rate.hits();
                    sums[1] += rate.judged();
                });
            }
            Map<String, Rate> rates = new LinkedHashMap<>();
            judges.forEach((judge, sums) -> rates.put(judge, rate(sums[0], sums[1])));
            merged.add(new Row(target, "(all)", "(all)", attacks, errors, notRun, rates, simulated));
        });
        return merged;
    }

    /** The automated campaigns in the store, name → id, oldest first. */
    public static Map<String, Long> campaigns(Database database) {
        Map<String, Long> campaigns = new LinkedHashMap<>();
        database.inTransaction(handle -> {
            handle.createQuery("SELECT name, id FROM campaigns WHERE kind = 'automated' ORDER BY id")
                    .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getLong("id")))
                    .forEach(entry -> campaigns.put(entry.getKey(), entry.getValue()));
            return null;
        });
        return campaigns;
    }

    private static Rate rate(int hits, int judged) {
        return new Rate(hits, judged, judged == 0 ? null : Proportion.of(hits, judged));
    }

    private static final class Accumulator {
        private final String target;
        private final String strategy;
        private final String tag;
        private int attacks;
        private int errors;
        private int notRun;
        private boolean simulated;
        private final Map<String, int[]> judges = new LinkedHashMap<>();

        Accumulator(String target, String strategy, String tag) {
            this.target = target;
            this.strategy = strategy;
            this.tag = tag;
        }

        void add(String status, String verdictsJson, boolean simulatedRow) {
            if ("pending".equals(status)) {
                notRun++;
                return;
            }
            attacks++;
            simulated |= simulatedRow;
            if ("error".equals(status)) {
                errors++;
                return;
            }
            try {
                for (JsonNode verdict : Json.mapper().readTree(verdictsJson)) {
                    String outcome = verdict.path("outcome").asText();
                    int[] sums = judges.computeIfAbsent(verdict.path("judge").asText(), j -> new int[2]);
                    if (outcome.equals("HIT") || outcome.equals("PASS")) {
                        sums[1]++;
                        if (outcome.equals("HIT")) {
                            sums[0]++;
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("attacks.verdicts_json is not valid JSON", e);
            }
        }

        Row row() {
            Map<String, Rate> rates = new LinkedHashMap<>();
            judges.forEach((judge, sums) -> rates.put(judge, rate(sums[0], sums[1])));
            return new Row(target, strategy, tag, attacks, errors, notRun, rates, simulated);
        }
    }
}
