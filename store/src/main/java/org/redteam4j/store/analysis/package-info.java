/** Query classes for the analyses: everything {@code analyze} reads from a database, in one place. */
package org.redteam4j.store.analysis;
