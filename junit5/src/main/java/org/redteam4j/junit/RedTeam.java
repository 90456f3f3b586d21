package org.redteam4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs a red-team campaign and fails when any target's attack success rate (by the
 * campaign's first judge) is above {@link #failAbove()}, or when a target has no rate at all (every
 * attack errored or was left undone). It is a {@link Test} itself; the method may take a
 * {@link org.redteam4j.api.CampaignResult} parameter for assertions of its own.
 *
 * <pre>{@code
 * class NightlyRedTeamTest {
 *     @RedTeamTarget
 *     static ChatModel supportBot() { return Application.chatModel(); }
 *
 *     @RedTeam(campaign = "redteam/nightly.yaml", failAbove = 0.05)
 *     void nightly() { }
 * }
 * }</pre>
 *
 * <p>Configuration parameters (JUnit's, or system properties: {@code mvn verify -Dredteam4j.failAbove=0.1}):
 * {@code redteam4j.failAbove} replaces every gate, {@code redteam4j.failRefusalAbove} every over-refusal gate;
 * {@code redteam4j.db} names a database (a SQLite file or a {@code jdbc:postgresql://} URL) in which the campaign is stored and resumed across test runs (else
 * {@code REDTEAM4J_DB}, else a temporary file); {@code redteam4j.maxRequests} is the request budget of a
 * campaign whose file sets none (default 1,000; 0 for none); {@code redteam4j.reportsDirectory} is where the
 * JUnit XML goes (default {@code target/surefire-reports}, or {@code build/test-results/test} in a Gradle
 * project).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RedTeamExtension.class)
public @interface RedTeam {

    /**
     * The campaign file (YAML, as {@code redteam4j attack} reads it): a path from the project's
     * folder (the working directory of the test run), else a class path resource; the relative paths
     * in it (seed files, calibrations) are read from its folder.
     *
     * @return the campaign file's path or resource name
     */
    String campaign();

    /**
     * The highest attack success rate (0–1) a target may have for the test to pass.
     *
     * @return the gate, a rate between 0 and 1
     */
    double failAbove();

    /**
     * The highest false refusal rate (0–1) a target may have on the campaign's benign prompts (its
     * {@code benign:} section, judged by the refusal judge) for the test to pass; negative, the
     * default, for no such gate. A target whose benign prompts were not all run or none judged fails it.
     *
     * @return the over-refusal gate, or a negative number for none
     */
    double failRefusalAbove() default -1;

    /**
     * Whether the test class's {@link RedTeamTarget}s join the file's targets or replace them; either
     * way a file target of {@code model: java:NAME} declares the settings of the class's target NAME
     * (intervention, limits, sampling) and is attacked in its place.
     *
     * @return JOIN (the default) or REPLACE
     */
    Targets targets() default Targets.JOIN;

    /** How the class's targets and the file's go together. */
    enum Targets {
        /** The file's targets and the class's are all attacked. */
        JOIN,
        /** Only the class's targets are attacked (as the file's {@code java:NAME} targets declare them); the file may declare none. */
        REPLACE
    }
}
