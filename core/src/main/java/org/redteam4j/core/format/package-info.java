/**
 * The data formats redteam4j reads and writes, all streaming so that memory never grows with
 * the file: hh-rlhf {@code red_team_attempts} (a JSON array or JSON Lines, plain or gzip),
 * hh-rlhf preference pairs, HarmBench behaviour CSV, plain-text seeds and the published seed sets
 * (AdvBench, StrongREJECT, JailbreakBench behaviours, XSTest prompts, SORRY-Bench, Do-Not-Answer). Bad records raise
 * {@link org.redteam4j.core.format.InvalidRecordException}, which names the file, the record,
 * the line and the field.
 */
package org.redteam4j.core.format;
