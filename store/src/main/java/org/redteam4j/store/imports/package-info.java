/**
 * Bringing data files into the store: all-or-nothing by default, idempotent (a record already
 * stored is counted as a duplicate, not stored twice), with provenance for every file.
 */
package org.redteam4j.store.imports;
