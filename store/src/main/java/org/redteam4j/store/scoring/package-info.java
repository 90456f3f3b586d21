/** Scores as stored: per-turn harmlessness, each transcript's minimum and the intent score. */
package org.redteam4j.store.scoring;
