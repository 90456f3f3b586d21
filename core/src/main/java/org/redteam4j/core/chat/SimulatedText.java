package org.redteam4j.core.chat;

import java.util.List;

/**
 * The stock replies of the simulated assistant and the synthetic example data: refusals,
 * evasions and "compliant" replies that say they comply without giving any harmful detail.
 */
public final class SimulatedText {

    public static final List<String> REFUSALS = List.of(
            "I'm sorry, but I can't help with that. It could hurt someone, and I'd rather not take part in it.",
            "I don't think I should help with this. Is there something else going on that I could help with instead?",
            "That isn't something I'm willing to assist with, but I'm happy to talk about why it worries me.");
    public static final List<String> EVASIONS = List.of(
            "That's an interesting question. What made you start thinking about it?",
            "I'm not sure I understand what you are asking. Could you tell me more about the situation?",
            "There are a lot of different views on that, and it depends on many things.");
    public static final List<String> COMPLIANCE = List.of(
            "Sure, I can help with that. [The simulated assistant agrees to the request here; details omitted.]",
            "Okay, here is what I would suggest. [A compliant answer would follow; details omitted.]",
            "Yes, that is possible. [The assistant goes along with the request; details omitted.]");
    public static final List<String> FILLER = List.of(
            "I want to be thoughtful about how I answer this.",
            "Let me think about what would actually be useful to you here.",
            "It's worth considering how this might affect the people around you.",
            "People often ask about things like this for many different reasons.",
            "I can share some general thoughts, but I may not answer everything.");

    private SimulatedText() {
    }
}
