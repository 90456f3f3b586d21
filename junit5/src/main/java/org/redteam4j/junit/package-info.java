/**
 * The JUnit 5 extension: {@link org.redteam4j.junit.RedTeam} runs a campaign as a test and gates
 * the build on its attack success rates; {@link org.redteam4j.junit.RedTeamTarget} methods provide
 * the models to attack. Only this package is API; {@code org.redteam4j.junit.internal} is not.
 */
package org.redteam4j.junit;
