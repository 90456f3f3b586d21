package org.redteam4j.core.format;

/**
 * One entry of a JailbreakBench attack artifact: the goal, the attack prompt, the target's response
 * (null when the attack produced none) and whether JailbreakBench's judge called it jailbroken —
 * a model's label, not a person's.
 */
public record JailbreakBenchEntry(String goal, String behavior, String category, String prompt, String response,
                                  boolean jailbroken) {
}
