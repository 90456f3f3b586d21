package org.redteam4j.store.workbench;

import java.time.Instant;

/**
 * A person who logs in to the workbench. {@code passwordChangeRequired}: their password, set under
 * older rules, no longer meets the current ones, so they must choose a new one before anything else.
 */
public record Account(long id, String name, Role role, String recruitmentSource, String passwordHash,
                      Instant warningAcknowledgedAt, boolean optedOut, boolean passwordChangeRequired) {

    /** What a person may do. */
    public enum Role {
        MEMBER, REVIEWER, ADMIN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Role fromId(String id) {
            return valueOf(id.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
