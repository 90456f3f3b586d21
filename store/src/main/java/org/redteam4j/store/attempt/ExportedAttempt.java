package org.redteam4j.store.attempt;

import org.redteam4j.core.attempt.RedTeamAttempt;

/**
 * An attempt as an export writes it. {@code rated} is false only for an abandoned attempt its member
 * never rated: the record then holds 0, and exports write {@code "rating": null} in its place.
 * {@code id} is the attempt's row id (what the report's explorer reads the same attempts by).
 */
public record ExportedAttempt(RedTeamAttempt attempt, boolean rated, long id) {
}
