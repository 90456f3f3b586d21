package org.redteam4j.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.PreparedCampaign;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.format.AttackResultJson;
import org.redteam4j.core.format.Json;

/**
 * One partition's share of a campaign, run on an executor: the campaign rebuilt from its YAML text
 * with rates, concurrency and budget divided by the number of partitions, prepared as {@code
 * redteam4j attack} prepares it, run in memory over this partition's keys only. Each result becomes
 * one line of the attack-results format.
 */
final class CampaignShare {

    private CampaignShare() {
    }

    static Iterator<String> run(String yaml, String origin, List<Seed> seeds, int parts, Iterator<String> keys)
            throws InterruptedException {
        Set<String> mine = new HashSet<>();
        keys.forEachRemaining(mine::add);
        if (mine.isEmpty()) {
            return Collections.emptyIterator();
        }
        CampaignDefinition whole = CampaignDefinition.parse(yaml, origin, null);
        CampaignDefinition definition = whole.shareOf(parts);
        try (PreparedCampaign prepared = definition.prepare(definition.plan(seeds).only(mine), ExecutorEnvironment.get())) {
            PreparedCampaign.Run run = prepared.runInMemory((done, total, hits, errors) -> { });
            JsonNode settings = whole.settings(); // the campaign as written, not this partition's share of its limits
            JsonNode provenance = Json.mapper().readTree(prepared.provenance().toJson());
            Map<String, Target> targets = prepared.targets();
            List<String> lines = new ArrayList<>(run.results().size());
            for (AttackResult result : run.results()) {
                TargetFacts facts = targets.get(result.attack().target()).facts();
                lines.add(AttackResultJson.write(new AttackResultJson.Line(definition.name(), settings, provenance,
                        prepared.calibrations(), facts, result))
                        .toString());
            }
            return lines.iterator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("provenance is not JSON", e);
        }
    }
}
