/**
 * One family of failures for every module: {@link org.redteam4j.core.failure.BadInput} (exit 2)
 * and {@link org.redteam4j.core.failure.ExternalFailure} (exit 3, retriable or not). A refusal by
 * a model is a result, never a failure.
 */
package org.redteam4j.core.failure;
