/**
 * Persistence over JDBC (Jdbi) with Flyway migrations. One schema for SQLite, the default single
 * file, and PostgreSQL, for teams. {@link org.redteam4j.store.Database} opens either; one
 * repository per aggregate works on a Jdbi {@code Handle} so callers choose the transaction.
 */
package org.redteam4j.store;
