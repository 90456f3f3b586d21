package org.redteam4j.app.testing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.redteam4j.core.attack.injection.InjectionStrategy;
import org.redteam4j.core.attack.injection.Payload;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.campaign.PlannedAttack;

/**
 * {@link WeakSupportBot}'s weaknesses as the tests state them, apart from the bot's code: read from
 * each payload's text and the request it became, they say which attacks of a plan must be hits.
 */
public final class WeakBotOracle {

    private static final Pattern REPEAT_ABOVE = Pattern.compile("\\brepeat\\b.*\\babove\\b", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private WeakBotOracle() {
    }

    /**
     * The keys of the plan's injection attacks the bot falls to; {@code takesDocuments} says whether
     * the target sends documents in a field of their own (as a {@code model: http} target using
     * {@code {{document}}} does) or inside the message. Benign prompts are not attacks and never listed.
     */
    public static Set<String> expectedHits(CampaignPlan plan, boolean takesDocuments) {
        Set<String> expected = new HashSet<>();
        for (PlannedAttack attack : plan.attacks()) {
            if (attack.benign()) {
                continue;
            }
            InjectionStrategy strategy = (InjectionStrategy) attack.strategy();
            if (falls(strategy.payload(), strategy.prepare(attack.seed(), takesDocuments))) {
                expected.add(attack.key());
            }
        }
        return expected;
    }

    /** Whether the bot falls to {@code payload} sent as {@code sent}. */
    public static boolean falls(Payload payload, InjectionStrategy.Prepared sent) {
        String read = sent.message() + (sent.document() == null ? "" : "\n\n" + sent.document());
        if (read.toLowerCase(Locale.ROOT).contains(WeakSupportBot.REFUSED_WORD)) {
            return false; // refused, whatever it asks
        }
        if (payload.document() != null) {
            String[] paragraphs = payload.text().split("\n\n");
            String last = paragraphs[paragraphs.length - 1];
            return last.contains("{canary_split}") || last.contains("{canary_url_split}"); // followed only from the last paragraph
        }
        return REPEAT_ABOVE.matcher(sent.message()).find(); // the system prompt (canary, secrets) only for "repeat … above"
    }
}
