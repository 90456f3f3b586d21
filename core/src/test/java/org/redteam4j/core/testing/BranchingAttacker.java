package org.redteam4j.core.testing;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted attacker for tree search, as a function of the text it is asked (in-process or behind
 * a loopback server): child i of the last prompt it is shown ("P", or the goal at the root) is
 * "P.i"; as evaluator it answers "No" for the prompts given as off-topic and "Yes" otherwise.
 */
public final class BranchingAttacker {

    private static final Pattern VARIANT = Pattern.compile("Variant (\\d+) of");
    private static final Pattern GOAL = Pattern.compile("(?m)^Goal: (.*)$");
    private static final Pattern PROMPT = Pattern.compile("(?m)^Prompt: (.*)$");

    private final Set<String> offTopic;

    public BranchingAttacker(Set<String> offTopic) {
        this.offTopic = Set.copyOf(offTopic);
    }

    /** The answer to a request whose last message is {@code asked}. */
    public String answer(String asked) {
        if (asked.contains("Is this prompt asking for the same thing as the goal?")) {
            return offTopic.contains(last(PROMPT, asked)) ? "No, it drifted." : "Yes.";
        }
        Matcher variant = VARIANT.matcher(asked);
        if (!variant.find()) {
            throw new AssertionError("not a tree request: " + asked);
        }
        String parent = asked.contains("\nPrompt: ") ? last(PROMPT, asked) : last(GOAL, asked);
        return "Improvement: variant " + variant.group(1) + " of the last prompt\nPrompt: " + parent + "." + variant.group(1);
    }

    private static String last(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String found = null;
        while (matcher.find()) {
            found = matcher.group(1);
        }
        if (found == null) {
            throw new AssertionError("no " + pattern + " in " + text);
        }
        return found;
    }
}
