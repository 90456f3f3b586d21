/** Attacks on a target: the seeds they start from, and (in later work) converters and strategies. */
package org.redteam4j.core.attack;
