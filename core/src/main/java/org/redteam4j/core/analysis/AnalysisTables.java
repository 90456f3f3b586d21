package org.redteam4j.core.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;

/**
 * {@code tables.json}: the analyses as one JSON document, with where the data came from and
 * whether the simulated assistant was involved. {@code redteam4j analyze} and the Spark
 * {@code AnalyzeJob} both write it, and {@code analyze --tables} renders a report from it.
 */
public final class AnalysisTables {

    public static final String SOURCE = "source";
    public static final String SIMULATED = "simulated";
    /** What the intervals resampled: members or attempts ({@link RedTeamAnalysis.Resampling}). */
    public static final String BOOTSTRAP = "bootstrap";

    private AnalysisTables() {
    }

    public static ObjectNode of(RedTeamAnalysis.Report report, String source, boolean simulated) {
        ObjectNode tables = Json.mapper().valueToTree(report);
        tables.put(SOURCE, source);
        tables.put(SIMULATED, simulated);
        return tables;
    }

    /** The analyses in a tables.json document; {@code name} names it in errors. */
    public static RedTeamAnalysis.Report report(JsonNode tables, String name) {
        if (!(tables instanceof ObjectNode object) || !object.has("table1")) {
            throw new BadInput(name + ": not a tables.json written by redteam4j analyze or AnalyzeJob (no \"table1\")");
        }
        if (!object.hasNonNull(BOOTSTRAP)) { // written before the choice existed: its intervals resampled attempts
            object = object.deepCopy().put(BOOTSTRAP, RedTeamAnalysis.Resampling.ATTEMPTS.label());
        }
        try {
            return withInterpolatedShare(Json.mapper().readerFor(RedTeamAnalysis.Report.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(object));
        } catch (IOException e) {
            throw new BadInput(name + ": cannot be read as tables.json (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A file written before issue 19 has a top-15% share rounded to whole members; it has the counts
     * per member, so the share is recomputed from them, interpolated (for a newer file, the same number).
     */
    private static RedTeamAnalysis.Report withInterpolatedShare(RedTeamAnalysis.Report r) {
        RedTeamAnalysis.Members m = r.members();
        if (m == null || m.attemptsPerMember() == null || m.attemptsPerMember().isEmpty()) {
            return r;
        }
        java.util.List<Long> descending = m.attemptsPerMember().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        RedTeamAnalysis.Members members = new RedTeamAnalysis.Members(m.members(), m.attemptsPerMember(),
                MemberStatistics.topShare(descending, 0.15), m.effectiveness(), m.method(), m.tau2(), m.sigma2(), m.tau2PValue(),
                m.permutations(), m.tau2PermutedWithin());
        return new RedTeamAnalysis.Report(r.attempts(), r.successful(), r.seed(), r.resamples(), r.bootstrap(), r.meanRating(),
                r.table1(), r.minHarmlessnessByType(), r.scaling(), members, r.ratings(), r.minHarmlessness(), r.intent(), r.tags(),
                r.ratingVsHarmlessness(), r.spearman());
    }

    public static String pretty(ObjectNode tables) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
