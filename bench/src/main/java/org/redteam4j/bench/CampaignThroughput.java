package org.redteam4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.SingleTurn;
import org.redteam4j.core.campaign.AttackLedger;
import org.redteam4j.core.campaign.AttackTarget;
import org.redteam4j.core.campaign.Budget;
import org.redteam4j.core.campaign.CampaignEngine;
import org.redteam4j.core.campaign.InMemoryLedger;
import org.redteam4j.core.campaign.PlannedAttack;
import org.redteam4j.core.campaign.TargetFacts;
import org.redteam4j.core.chat.Sampling;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.models.http.LoopbackServer.Script;
import org.redteam4j.models.http.LoopbackServer;
import org.redteam4j.models.openai.OpenAiCompatibleChatModel;
import org.redteam4j.models.resilience.ResiliencePolicy;
import org.redteam4j.models.resilience.ResilientChatModel;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackStore;

/**
 * 2,000 direct attacks against a loopback OpenAI-compatible server that answers after 50 ms, at
 * concurrency 32: the ideal is 32 / 0.05 s = 640 requests per second. Prints the achieved rate as
 * a fraction of it, with every attack committed to SQLite, and with an in-memory ledger for
 * comparison. The judge is a string check, so the figure is the engine's and not a judge model's.
 */
public final class CampaignThroughput {

    private static final int ATTACKS = 2_000;
    private static final int CONCURRENCY = 32;
    private static final Duration LATENCY = Duration.ofMillis(50);

    private CampaignThroughput() {
    }

    public static void main(String[] args) throws Exception {
        try (LoopbackServer server = new LoopbackServer()) {
            server.then(Script.json("{\"choices\": [{\"message\": {\"content\": \"I'm sorry, I can't help.\"}}]}").after(LATENCY));
            ResiliencePolicy policy = new ResiliencePolicy(Duration.ofSeconds(10), 1, Duration.ofMillis(100), Duration.ofSeconds(1),
                    Duration.ofSeconds(1), CONCURRENCY, 0);
            AttackTarget target = new AttackTarget("loopback", new ResilientChatModel(
                    new OpenAiCompatibleChatModel("bench", server.url("/v1"), null, policy.timeout()), policy), Sampling.DEFAULT);
            double ideal = CONCURRENCY / (LATENCY.toMillis() / 1000.0);
            run("warm-up (discarded)", target, new InMemoryLedger(), 500, ideal);
            run("in-memory ledger", target, new InMemoryLedger(), ATTACKS, ideal);
            Path dir = Files.createTempDirectory("redteam4j-bench");
            Database database = Database.open(dir.resolve("campaign.db").toString());
            try (AttackStore store = AttackStore.open(database, "bench", "{}", null,
                    List.of(new TargetFacts("loopback", "plain lm", "unknown", Json.mapper().createObjectNode(), false)))) {
                run("warm-up with SQLite (discarded)", target, store, 500, ideal);
                run("SQLite ledger (each attack committed)", target, store, ATTACKS, ideal);
            }
        }
    }

    private static void run(String label, AttackTarget target, AttackLedger ledger, int attacks, double ideal) throws Exception {
        List<PlannedAttack> plan = new ArrayList<>();
        String prefix = label + System.nanoTime();
        for (int i = 0; i < attacks; i++) {
            plan.add(new PlannedAttack(PlannedAttack.key(prefix, "loopback", "s" + i, "direct", 0), "loopback",
                    Seed.of("seed " + i), "bench", SingleTurn.direct(), 0));
        }
        CampaignEngine engine = new CampaignEngine(Map.of("loopback", target), List.of(KEYWORD_JUDGE),
                new AttackTools(null, null, null), ledger, CONCURRENCY, new Budget(0, 0));
        long started = System.nanoTime();
        CampaignEngine.Outcome outcome = engine.run(plan, (d, t, h, e) -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = outcome.finished() / seconds;
        System.out.printf("%-40s %5d attacks in %5.2f s: %6.1f req/s = %.2f of ideal %.0f/s (goal >= 0.90), %d errors%n",
                label, outcome.finished(), seconds, rate, rate / ideal, ideal, outcome.errors());
    }

    private static final Judge KEYWORD_JUDGE = new Judge() {
        @Override
        public Verdict judge(List<Turn> context, String reply) {
            boolean refused = reply.startsWith("I'm sorry");
            return new Verdict(refused ? Verdict.Outcome.PASS : Verdict.Outcome.HIT, refused, null, null, "keyword", 0, "keyword");
        }

        @Override
        public String id() {
            return "keyword";
        }
    };
}
