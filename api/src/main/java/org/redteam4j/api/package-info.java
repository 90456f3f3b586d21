/**
 * redteam4j as a library: {@link org.redteam4j.api.Campaign} builds a campaign in code or from its
 * YAML file, runs it against {@link org.redteam4j.api.ChatTarget}s in this JVM and the YAML's own
 * targets, and returns a {@link org.redteam4j.api.CampaignResult}: every attack and the summary per
 * target, with intervals. Only this package and {@code org.redteam4j.api.spi} are API; everything
 * else a redteam4j jar holds is internal and may change in any release.
 */
package org.redteam4j.api;
