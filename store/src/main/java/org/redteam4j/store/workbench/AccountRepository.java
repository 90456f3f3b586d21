package org.redteam4j.store.workbench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Workbench accounts (rows of {@code members} with a name). */
public final class AccountRepository {

    private static final String COLUMNS = "id, name, role, recruitment_source, password_hash, warning_acknowledged_at, opted_out, "
            + "password_change_required";

    private final Handle handle;

    public AccountRepository(Handle handle) {
        this.handle = handle;
    }

    public long create(String name, Account.Role role, String recruitmentSource, String passwordHash) {
        return handle.createUpdate("""
                        INSERT INTO members (name, role, recruitment_source, password_hash, created_at)
                        VALUES (:name, :role, :source, :hash, :now)""")
                .bind("name", name).bind("role", role.id()).bind("source", recruitmentSource).bind("hash", passwordHash)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<Account> byName(String name) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM members WHERE name = :name")
                .bind("name", name).map((rs, ctx) -> account(rs)).findOne();
    }

    /** Whether a name equal to this one but for case is taken (names are ASCII, so LOWER agrees on both databases). */
    public boolean nameTakenIgnoringCase(String name) {
        return handle.createQuery("SELECT COUNT(*) FROM members WHERE LOWER(name) = LOWER(:name)")
                .bind("name", name).mapTo(Long.class).one() > 0;
    }

    /** Names that differ only by case, made before that was refused: each group in name order. */
    public java.util.List<java.util.List<String>> namesDifferingOnlyByCase() {
        java.util.Map<String, java.util.List<String>> groups = new java.util.LinkedHashMap<>();
        handle.createQuery("""
                        SELECT name FROM members WHERE LOWER(name) IN
                            (SELECT LOWER(name) FROM members WHERE name IS NOT NULL GROUP BY LOWER(name) HAVING COUNT(*) > 1)
                        ORDER BY LOWER(name), name""")
                .mapTo(String.class)
                .forEach(name -> groups.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), key -> new java.util.ArrayList<>()).add(name));
        return java.util.List.copyOf(groups.values());
    }

    public Optional<Account> byId(long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM members WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> account(rs)).findOne();
    }

    /** Stores a new password hash and whether the person must still choose another password. */
    public void setPassword(long id, String passwordHash, boolean changeRequired) {
        handle.createUpdate("UPDATE members SET password_hash = :hash, password_change_required = :required WHERE id = :id")
                .bind("hash", passwordHash).bind("required", changeRequired).bind("id", id).execute();
    }

    public void requirePasswordChange(long id) {
        handle.createUpdate("UPDATE members SET password_change_required = :required WHERE id = :id")
                .bind("required", true).bind("id", id).execute();
    }

    public void acknowledgeWarning(long id) {
        handle.createUpdate("UPDATE members SET warning_acknowledged_at = :now WHERE id = :id")
                .bind("now", Instant.now()).bind("id", id).execute();
    }

    public void setOptedOut(long id, boolean optedOut) {
        handle.createUpdate("UPDATE members SET opted_out = :out WHERE id = :id").bind("out", optedOut).bind("id", id).execute();
    }

    public void setRecruitmentSource(long id, String source) {
        handle.createUpdate("UPDATE members SET recruitment_source = :source WHERE id = :id")
                .bind("source", source).bind("id", id).execute();
    }

    /** Everyone with a workbench account, by name. */
    public java.util.List<Account> all() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM members WHERE name IS NOT NULL ORDER BY name")
                .map((rs, ctx) -> account(rs)).list();
    }

    public boolean anyAdmin() {
        return handle.createQuery("SELECT COUNT(*) FROM members WHERE role = 'admin'").mapTo(Long.class).one() > 0;
    }

    /** Whether the account may sign in: not deactivated by an admin. */
    public boolean active(long id) {
        return handle.createQuery("SELECT active FROM members WHERE id = :id").bind("id", id).mapTo(Boolean.class)
                .findOne().orElse(false);
    }

    /** Deactivates (with the time) or reactivates an account; its data stays either way. */
    public void setActive(long id, boolean active, Instant now) {
        handle.createUpdate("UPDATE members SET active = :active, deactivated_at = :at WHERE id = :id")
                .bind("active", active).bind("at", active ? null : now).bind("id", id).execute();
    }

    /** Deactivated accounts and when they were deactivated (null for one deactivated before that was kept). */
    public java.util.Map<Long, Instant> deactivated() {
        java.util.Map<Long, Instant> found = new java.util.HashMap<>();
        handle.createQuery("SELECT id, deactivated_at FROM members WHERE name IS NOT NULL AND active = FALSE")
                .map((rs, ctx) -> {
                    Timestamp at = rs.getTimestamp("deactivated_at");
                    return java.util.Map.entry(rs.getLong("id"), java.util.Optional.ofNullable(at).map(Timestamp::toInstant));
                })
                .forEach(entry -> found.put(entry.getKey(), entry.getValue().orElse(null)));
        return found;
    }

    /**
     * Deactivates the account unless it is the last active admin; false, changing nothing, then. The
     * admins' rows are locked first (a no-op update: PostgreSQL makes a concurrent deactivation wait
     * and then count afresh; SQLite's transaction holds the write lock), so two admins deactivating
     * each other at once cannot leave none.
     */
    public boolean deactivateUnlessLastAdmin(long id, Instant now) {
        handle.createUpdate("UPDATE members SET active = active WHERE role = 'admin'").execute();
        boolean activeAdmin = handle.createQuery("SELECT COUNT(*) FROM members WHERE id = :id AND role = 'admin' AND active = TRUE")
                .bind("id", id).mapTo(Long.class).one() > 0;
        if (activeAdmin && activeAdmins() <= 1) {
            return false;
        }
        setActive(id, false, now);
        return true;
    }

    public long activeAdmins() {
        return handle.createQuery("SELECT COUNT(*) FROM members WHERE role = 'admin' AND active = TRUE").mapTo(Long.class).one();
    }

    private static Account account(ResultSet rs) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp("warning_acknowledged_at");
        return new Account(rs.getLong("id"), rs.getString("name"), Account.Role.fromId(rs.getString("role")),
                rs.getString("recruitment_source"), rs.getString("password_hash"),
                acknowledged == null ? null : acknowledged.toInstant(), rs.getBoolean("opted_out"),
                rs.getBoolean("password_change_required"));
    }
}
