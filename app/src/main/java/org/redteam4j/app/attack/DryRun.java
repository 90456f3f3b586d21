package org.redteam4j.app.attack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.format.TerminalText;
import org.redteam4j.config.campaign.CampaignFile;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.chat.ChatModel;

/** What a campaign would cost, without calling anything. */
final class DryRun {

    private DryRun() {
    }

    /**
     * @param models each target's model, by name: a call to one that replays conversations (a stateful
     *               http application) may take a request per human turn, example turns included
     */
    static String describe(CampaignFile campaign, List<PlannedAttack> plan, Map<String, ChatModel> models) {
        Map<String, long[]> perTarget = new LinkedHashMap<>(); // attacks, target requests, attacker requests, benign prompts
        java.util.Set<String> replayed = new java.util.LinkedHashSet<>();
        for (PlannedAttack attack : plan) {
            long[] sums = perTarget.computeIfAbsent(attack.target(), t -> new long[5]);
            sums[attack.benign() ? 3 : 0]++;
            ChatModel model = models.get(attack.target());
            int perCall = model == null ? 1 : model.maxRequestsPerCall(attack.strategy().maxHumanTurns());
            if (perCall > 1) {
                replayed.add(attack.target());
            }
            long requests = (long) attack.strategy().maxTargetRequests() * perCall;
            sums[1] += requests;
            sums[2] += attack.strategy().maxAttackerRequests();
            if (attack.benign()) {
                sums[4] += requests;
            }
        }
        boolean benign = perTarget.values().stream().anyMatch(sums -> sums[3] > 0);
        StringBuilder out = new StringBuilder();
        out.append(String.format("Campaign '%s' (dry run; nothing is called)%n", TerminalText.line(campaign.name())));
        out.append(String.format("%-20s %9s %16s %18s %14s%n", "target", "attacks", "target requests", "attacker requests",
                "est. cost"));
        double totalCost = 0;
        boolean priced = false;
        for (Map.Entry<String, long[]> entry : perTarget.entrySet()) {
            long[] sums = entry.getValue();
            CampaignFile.Price price = campaign.prices() == null ? null : campaign.prices().get(entry.getKey());
            String cost = "—";
            if (price != null) {
                double dollars = sums[1] * (AttackCommand.ESTIMATED_INPUT_TOKENS / 1000.0 * nz(price.input())
                        + AttackCommand.ESTIMATED_OUTPUT_TOKENS / 1000.0 * nz(price.output()));
                totalCost += dollars;
                priced = true;
                cost = String.format("%.2f", dollars);
            }
            out.append(String.format("%-20s %,9d %,16d %,18d %14s%n", TerminalText.line(entry.getKey()), sums[0], sums[1], sums[2], cost));
        }
        if (benign) {
            // counted apart: over-refusal, never in an attack rate; its requests are in the totals above and in the budget
            out.append(String.format("Benign prompts (over-refusal), included in the requests above:%n"));
            out.append(String.format("%-20s %9s %16s%n", "target", "benign", "target requests"));
            perTarget.forEach((target, sums) -> out.append(String.format("%-20s %,9d %,16d%n", TerminalText.line(target),
                    sums[3], sums[4])));
        }
        out.append(String.format("Requests are upper bounds (iterative, multi-turn, tree and adaptive may stop early).%n"));
        List<String> http = campaign.targets().stream().filter(t -> "http".equals(t.model()))
                .map(t -> TerminalText.line(t.displayName())).toList();
        if (!http.isEmpty() && (campaign.prices() != null || campaign.limits() != null && campaign.limits().maxTokens() != null)) {
            // an application's API reports no tokens: its spend would read 0 and never stop a token budget
            out.append(String.format("%s: model: http reports no token counts, so limits.max_tokens and prices do not "
                    + "apply to it (its real cost shows as 0); bound it with limits.max_requests.%n", String.join(", ", http)));
        }
        if (!replayed.isEmpty()) {
            out.append(String.format("%s: replayed to (a stateful application): each call counted as one request per "
                    + "human turn its conversation may hold, an intervention's example turns included.%n",
                    String.join(", ", replayed.stream().map(TerminalText::line).toList())));
        }
        if (priced) {
            out.append(String.format("Estimated cost %.2f, assuming %d input and %d output tokens per target request and "
                    + "the prices per 1,000 tokens in the file.%n", totalCost, AttackCommand.ESTIMATED_INPUT_TOKENS,
                    AttackCommand.ESTIMATED_OUTPUT_TOKENS));
        }
        return out.toString();
    }

    private static double nz(Double value) {
        return value == null ? 0 : value;
    }
}
