/**
 * The embedded harmlessness preference model: sentence embeddings from small ONNX models that
 * ship as Maven artifacts, lexical signals, and a linear head trained with the Bradley–Terry
 * loss on preference pairs. Runs offline in the JVM.
 */
package org.redteam4j.models.pm;
