/**
 * The paper's safety interventions, each a wrapper around any ChatModel: {@link
 * org.redteam4j.core.intervention.PlainPrompt} (1-shot), {@link
 * org.redteam4j.core.intervention.HhhPrompt} (few-shot helpful-honest-harmless) and {@link
 * org.redteam4j.core.intervention.RejectionSampling} (best of k by a harmlessness scorer), and
 * the rule each one declares for the two candidates a red team member sees ({@link
 * org.redteam4j.core.intervention.CandidateRule}).
 */
package org.redteam4j.core.intervention;
