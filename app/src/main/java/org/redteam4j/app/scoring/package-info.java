/** Commands that train, measure and apply scorers: train-pm, eval-pm, score. */
package org.redteam4j.app.scoring;
