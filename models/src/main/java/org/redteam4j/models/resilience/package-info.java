/**
 * Resilience around every remote model, configured per target: timeout, retries with
 * exponential backoff and jitter that honour {@code Retry-After}, a concurrency limit and a
 * requests-per-minute limit — built on resilience4j.
 */
package org.redteam4j.models.resilience;
