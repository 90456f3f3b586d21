/** The attack strategies run end to end: campaign file → loopback OpenAI-protocol target and attacker → results. */
package org.redteam4j.config.strategies;
