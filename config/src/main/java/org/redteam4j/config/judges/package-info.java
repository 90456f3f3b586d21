/**
 * Judges and harmlessness scorers from one spec grammar ({@code refusal}, {@code pm[:FILE]},
 * {@code llm:SPEC}, alias {@code judge:SPEC}): {@link org.redteam4j.config.judges.JudgeSpec}
 * parses, {@link org.redteam4j.config.judges.Judges} builds.
 */
package org.redteam4j.config.judges;
