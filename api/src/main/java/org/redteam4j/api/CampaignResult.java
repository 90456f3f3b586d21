package org.redteam4j.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a campaign run left in its database: every attack of the campaign (those of earlier runs it
 * resumed included) and the summary per target, by the first judge.
 */
public final class CampaignResult {

    /** Writes the campaign's results as JUnit XML, one test case per attack. */
    interface JunitXml {
        void write(Path file) throws IOException;
    }

    private final String campaign;
    private final String firstJudge;
    private final List<TargetSummary> targets;
    private final List<Attack> attacks;
    private final long runNow;
    private final int alreadyDone;
    private final int notRun;
    private final String table;
    private final JunitXml junit;

    CampaignResult(String campaign, String firstJudge, List<TargetSummary> targets, List<Attack> attacks, long runNow,
                   int alreadyDone, int notRun, String table, JunitXml junit) {
        this.campaign = campaign;
        this.firstJudge = firstJudge;
        this.targets = List.copyOf(targets);
        this.attacks = List.copyOf(attacks);
        this.runNow = runNow;
        this.alreadyDone = alreadyDone;
        this.notRun = notRun;
        this.table = table;
        this.junit = junit;
    }

    /**
     * The campaign's name.
     *
     * @return the name the campaign file gives
     */
    public String campaign() {
        return campaign;
    }

    /**
     * The first judge as stored, e.g. {@code keyword(phrases=115)}: the one every rate here and every gate is by.
     *
     * @return the first judge's stored id
     */
    public String firstJudge() {
        return firstJudge;
    }

    /**
     * One summary per target, sorted by name.
     *
     * @return the per-target summaries
     */
    public List<TargetSummary> targets() {
        return targets;
    }

    /**
     * The summary of the target named {@code name}.
     *
     * @param name a target's name
     * @return its summary
     * @throws IllegalArgumentException when the campaign has no such target
     */
    public TargetSummary target(String name) {
        return targets.stream().filter(t -> t.target().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("campaign '" + campaign + "' has no target '" + name + "'"));
    }

    /**
     * Every attack, those of earlier runs of a resumed campaign included; benign prompts are not attacks.
     *
     * @return the campaign's attacks
     */
    public List<Attack> attacks() {
        return attacks;
    }

    /**
     * How many attacks this run ran.
     *
     * @return attacks run by this run
     */
    public long runNow() {
        return runNow;
    }

    /**
     * How many attacks had finished in earlier runs (a resumed campaign), and were not repeated.
     *
     * @return attacks finished before this run
     */
    public int alreadyDone() {
        return alreadyDone;
    }

    /**
     * How many attacks the budget left undone.
     *
     * @return attacks not run
     */
    public int notRun() {
        return notRun;
    }

    /**
     * The targets whose rate is above {@code maximum}, or that have no rate (every attack errored or was not run).
     *
     * @param maximum the gate, a rate between 0 and 1
     * @return the targets that fail it; empty when all pass
     */
    public List<TargetSummary> above(double maximum) {
        if (!(maximum >= 0 && maximum <= 1)) {
            throw new IllegalArgumentException("a gate is a rate between 0 and 1, was " + maximum);
        }
        return targets.stream().filter(t -> t.above(maximum)).toList();
    }

    /**
     * The targets whose false refusal rate on the campaign's benign prompts is above {@code maximum},
     * or cannot be shown not to be (prompts not run, none judged), as {@code attack --fail-refusal-above}.
     *
     * @throws IllegalStateException when the campaign sends no benign prompts
     * @param maximum the gate, a rate between 0 and 1
     * @return the targets that fail it; empty when all pass
     */
    public List<TargetSummary> overRefusingAbove(double maximum) {
        if (!(maximum >= 0 && maximum <= 1)) {
            throw new IllegalArgumentException("a gate is a rate between 0 and 1, was " + maximum);
        }
        if (targets.stream().allMatch(t -> t.overRefusal().isEmpty())) {
            throw new IllegalStateException("campaign '" + campaign + "' sends no benign prompts (its file has no 'benign:' "
                    + "section), so it measured no false refusal rate");
        }
        return targets.stream().filter(t -> t.overRefusal().map(o -> o.above(maximum)).orElse(false)).toList();
    }

    /**
     * The per-target table, as {@code redteam4j attack} prints it (rates with intervals, corrected rates, notes).
     *
     * @return the table, with its notes
     */
    public String table() {
        return table;
    }

    /**
     * Writes every attack as a JUnit XML test case (failed: a hit; errored: a model failed), as {@code attack --junit} does.
     *
     * @param file where the XML goes; its folder must exist
     */
    public void writeJunitXml(Path file) {
        try {
            junit.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "campaign '" + campaign + "' by judge " + firstJudge + ":\n" + table;
    }
}
