package org.redteam4j.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redteam4j.core.catalogue.FrameworkIds;
import org.redteam4j.core.catalogue.FrameworkMapping;

/**
 * A campaign's attacks grouped by framework entry: per OWASP Top 10 for LLM Applications 2025 id
 * and per MITRE ATLAS id, the attacks that land under it ({@link FrameworkMapping#of}: the union of
 * their tag's, strategy's and primary judge's ids), the errors among them, and the primary judge's
 * hits with the success rate and its 95% interval. An attack lands under several ids of a framework,
 * or under {@link #NONE} when none of its parts maps to that framework.
 *
 * <p>Made from the summary's rows ({@link AttackSummary.Row}): every attack of a row shares its
 * strategy, tag and primary judge (the row's first), so the grouping is exact and works on a
 * tables file too. The interval is as the rows' (seed-cluster bootstrap widened to Wilson's when
 * the rows carry per-seed counts, else Wilson's).
 */
public final class FrameworkGrouping {

    /** The group of attacks that map to no entry of a framework. */
    public static final String NONE = "none";

    /** The two frameworks, as JSON and the report name them. */
    public enum Framework {
        OWASP("owasp", "OWASP Top 10 for LLM Applications 2025"), ATLAS("atlas", "MITRE ATLAS");

        private final String key;
        private final String title;

        Framework(String key, String title) {
            this.key = key;
            this.title = title;
        }

        public String key() {
            return key;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One framework entry's attacks.
     *
     * @param title the entry's title ("Prompt Injection"); "no entry fits" for {@link #NONE}
     * @param rate      the primary judge's hits over the attacks it judged; its {@code rate()} is null when none was judged
     * @param simulated some of its attacks were against or by the simulated assistant: not findings about a real model
     */
    public record Group(Framework framework, String id, String title, int attacks, int errors,
                        AttackSummary.Rate rate, boolean simulated) {
    }

    private FrameworkGrouping() {
    }

    /** Both frameworks' groups, OWASP's first, each in the framework's order with {@link #NONE} last. */
    public static List<Group> of(List<AttackSummary.Row> rows, FrameworkMapping mapping) {
        List<Group> groups = new ArrayList<>();
        for (Framework framework : Framework.values()) {
            groups.addAll(of(rows, mapping, framework));
        }
        return groups;
    }

    /** One framework's groups, in its order with {@link #NONE} last; entries no attack lands under are left out. */
    public static List<Group> of(List<AttackSummary.Row> rows, FrameworkMapping mapping, Framework framework) {
        Map<String, Sums> byId = new TreeMap<>();
        Sums none = new Sums();
        for (AttackSummary.Row row : rows) {
            Map.Entry<String, AttackSummary.Rate> primary = row.judges().entrySet().stream().findFirst().orElse(null);
            FrameworkIds ids = mapping.of(row.tag(), row.strategy(), primary == null ? null : primary.getKey());
            List<String> landed = framework == Framework.OWASP ? ids.owasp() : ids.atlas();
            if (landed.isEmpty()) {
                none.add(row, primary);
            }
            landed.forEach(id -> byId.computeIfAbsent(id, k -> new Sums()).add(row, primary));
        }
        List<Group> groups = new ArrayList<>();
        byId.forEach((id, sums) -> groups.add(sums.group(framework, id, mapping.title(id).orElse(id))));
        if (none.attacks > 0) {
            groups.add(none.group(framework, NONE, "no entry fits"));
        }
        return groups;
    }

    /** One group's counts, and the per-seed counts when the rows carry them. */
    private static final class Sums {
        private int attacks;
        private int errors;
        private int hits;
        private int judged;
        private boolean clustered;
        private boolean simulated;
        private final Map<String, int[]> seeds = new TreeMap<>();

        void add(AttackSummary.Row row, Map.Entry<String, AttackSummary.Rate> primary) {
            attacks += row.attacks();
            errors += row.errors();
            simulated |= row.simulated();
            if (primary == null) {
                return;
            }
            AttackSummary.Rate rate = primary.getValue();
            hits += rate.hits();
            judged += rate.judged();
            clustered |= rate.clusteredBySeed();
            rate.seeds().forEach((seed, c) -> {
                int[] sum = seeds.computeIfAbsent(seed, s -> new int[2]);
                sum[0] += c[0];
                sum[1] += c[1];
            });
        }

        Group group(Framework framework, String id, String title) {
            // the row name seeds the bootstrap's stream, so a group's interval is the same on every run
            AttackSummary.Rate rate = AttackSummary.rate(hits, judged, "primary", null, framework.key() + "\u0000" + id,
                    clustered ? new LinkedHashMap<>(seeds) : null);
            return new Group(framework, id, title, attacks, errors, rate, simulated);
        }
    }
}
