/**
 * What a red-team attack talks to. {@link org.redteam4j.core.target.ChatModel} is the one SPI
 * every runtime implements (in the {@code models} module); interventions wrap any ChatModel
 * with the paper's safety measures: {@link org.redteam4j.core.target.PlainPrompt} (1-shot),
 * {@link org.redteam4j.core.target.HhhPrompt} (few-shot helpful-honest-harmless) and
 * {@link org.redteam4j.core.target.RejectionSampling} (best of k by a harmlessness scorer).
 * Errors are one unchecked family rooted at {@link org.redteam4j.core.target.ChatModelException},
 * split into retriable and non-retriable branches.
 */
package org.redteam4j.core.target;
