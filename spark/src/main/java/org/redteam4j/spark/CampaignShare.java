package org.redteam4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.redteam4j.config.campaign.CampaignFile;
import org.redteam4j.config.campaign.CampaignSetup;
import org.redteam4j.config.targets.Target;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.campaign.AttackLedger;
import org.redteam4j.core.campaign.AttackRecord;
import org.redteam4j.core.campaign.Budget;
import org.redteam4j.core.campaign.CampaignEngine;
import org.redteam4j.core.campaign.FinishedAttack;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.chat.ChatModel;
import org.redteam4j.core.scoring.Judge;

/**
 * One partition's share of a campaign, run on an executor: the campaign file rebuilt from its text,
 * with rates, concurrency and budget divided by the number of partitions, the same engine as
 * {@code redteam4j attack}, and the attacks of this partition's keys only.
 */
final class CampaignShare {

    private CampaignShare() {
    }

    static Iterator<Row> run(String yaml, String fileName, List<Seed> seeds, int parts, Map<String, AttackRows.TargetFacts> facts,
                             Iterator<String> keys) throws IOException, InterruptedException {
        Set<String> mine = new java.util.HashSet<>();
        keys.forEachRemaining(mine::add);
        if (mine.isEmpty()) {
            return Collections.emptyIterator();
        }
        Path dir = Files.createTempDirectory("redteam4j-campaign");
        Path file = Files.writeString(dir.resolve(fileName), yaml);
        try {
            CampaignFile campaign = CampaignFile.read(file);
            CampaignFile share = campaign.shareOf(parts);
            CampaignSetup setup = new CampaignSetup(share, file, () -> ExecutorScorer.get("pm:default", null));
            ChatModel attacker = setup.attacker();
            List<Strategy> strategies = setup.strategies(attacker);
            List<Judge> judges = setup.judges();
            Map<String, Target> targets = setup.targets();
            List<PlannedAttack> plan = setup.plan(targets, seeds, strategies).stream().filter(a -> mine.contains(a.key())).toList();
            MemoryLedger ledger = new MemoryLedger();
            try {
                new CampaignEngine(CampaignSetup.attackTargets(targets), judges, setup.tools(attacker, judges, strategies), ledger,
                        share.concurrency(), new Budget(share.maxRequests(), share.maxTokens())).run(plan, (d, t, h, e) -> { });
            } finally {
                targets.values().forEach(Target::close);
                if (attacker != null) {
                    attacker.close();
                }
            }
            String settings = org.redteam4j.core.format.Json.mapper().writeValueAsString(campaign);
            List<Row> rows = new ArrayList<>();
            for (FinishedAttack attack : ledger.attacks) {
                rows.add(AttackRows.toRow(campaign.name(), settings, facts.get(attack.target()), attack));
            }
            return rows.iterator();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    /** Keeps a partition's results until the partition ends; Spark reruns a failed partition whole. */
    private static final class MemoryLedger implements AttackLedger {
        final List<FinishedAttack> attacks = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Set<String> finishedKeys() {
            return Set.of();
        }

        @Override
        public void record(AttackRecord record) {
            attacks.add(FinishedAttack.of(record));
        }

        @Override
        public void notRun(Collection<PlannedAttack> planned) {
            planned.forEach(plan -> attacks.add(FinishedAttack.notRun(plan)));
        }
    }
}
