/** Counts over the store: the paper's Table 1, ratings and members, for {@code redteam4j stats}. */
package org.redteam4j.store.stats;
