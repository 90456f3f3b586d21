package org.redteam4j.config.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.failure.BadInput;

/**
 * Refuses a campaign too big to plan, or able to make more requests than anyone meant, before its
 * plan is made: by arithmetic on its counts alone, so {@code repetitions: 2000000000} is an error
 * naming its line in milliseconds, not an out-of-memory error after minutes.
 */
final class PlanBounds {

    private PlanBounds() {
    }

    static void check(CampaignDefinition definition, int targets, int seeds, List<Strategy> strategies) {
        CampaignFile file = definition.file();
        int repetitions = file.repetitions();
        CampaignPlan.Size size = CampaignPlan.size(targets, seeds, strategies, repetitions);
        if (size.attacks() > CampaignPlan.MAX_ATTACKS) {
            String where = repetitions > 1 ? definition.where("repetitions", "limits") : definition.where("seeds", "strategies");
            throw new BadInput(where + String.format("this campaign plans %s attacks (%s × %s × %s × %s); one run plans at "
                    + "most %,d — lower limits.repetitions or seeds.limit, or split it into several campaigns",
                    count(size.attacks()), some(targets, "target"), some(seeds, "seed"), some(strategies.size(), "strategy"),
                    some(repetitions, "repetition"), CampaignPlan.MAX_ATTACKS));
        }
        if (file.maxRequests() == 0 && size.requests() > CampaignPlan.MAX_REQUESTS) {
            throw new BadInput(whereCostliest(definition) + String.format("this campaign could make %s requests (%,d attacks, "
                    + "each strategy using its whole budget), more than the %,d allowed without a budget — set "
                    + "limits.max_requests to the most it may spend, or lower the strategies' streams, depth or turns",
                    count(size.requests()), size.attacks(), CampaignPlan.MAX_REQUESTS));
        }
    }

    /** The line of the strategy item whose attacks can cost the most requests each. */
    private static String whereCostliest(CampaignDefinition definition) {
        JsonNode costliest = null;
        long most = -1;
        for (JsonNode item : definition.file().strategies()) {
            long cost = CampaignPlan.size(1, 1, Strategies.of(item, ""), 1).requests();
            if (cost > most) {
                most = cost;
                costliest = item;
            }
        }
        return costliest == null ? definition.where("strategies") : definition.where(CampaignDefinition.token(costliest), "strategies");
    }

    private static String some(long n, String thing) {
        return String.format("%,d %s", n, n == 1 ? thing : thing.endsWith("y") ? thing.replaceAll("y$", "ies") : thing + "s");
    }

    private static String count(long value) {
        return value == Long.MAX_VALUE ? "more than " + String.format("%,d", Long.MAX_VALUE) : String.format("%,d", value);
    }
}
