/**
 * {@code sim}: a simulated assistant for offline demos and tests. It is a test double with a
 * name, not a model: every response says it is simulated, and its numbers are never findings.
 */
package org.redteam4j.models.sim;
