/**
 * The trained offline judges: the refusal classifier behind {@code refusal} and the harm classifier
 * behind {@code harm}. Each reads sentence embeddings (the bundled ONNX models), the lexical signals
 * of the preference model and the curated refusal phrases, through an L2 logistic-regression head
 * whose file carries its held-out confusion ({@link org.redteam4j.core.scoring.JudgeCalibration}).
 * {@link JudgeTraining} rebuilds a head and validates it on groups it never saw.
 */
package org.redteam4j.models.classifier;
