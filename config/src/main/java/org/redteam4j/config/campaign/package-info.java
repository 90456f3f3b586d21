/**
 * Campaign files (YAML) to one prepared campaign: targets, attacker, judges, strategies, seeds
 * and the plan, built once by {@code prepare} for the command line, Spark partitions and library
 * users alike.
 */
package org.redteam4j.config.campaign;
