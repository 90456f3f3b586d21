/**
 * Measuring replies: the {@link org.redteam4j.core.scoring.HarmlessnessScorer} SPI (the paper's
 * preference model and anything that stands in for it) and transcript-level summaries.
 */
package org.redteam4j.core.scoring;
