/**
 * The paper's domain: a {@link org.redteam4j.core.attempt.RedTeamAttempt} (one red-team
 * conversation with its rating and scores), {@link org.redteam4j.core.attempt.PreferencePair}s,
 * the four {@link org.redteam4j.core.attempt.ModelType}s, model sizes and the 20 {@link
 * org.redteam4j.core.attempt.Tags}. Reading and writing them is {@code core.format}'s job.
 */
package org.redteam4j.core.attempt;
