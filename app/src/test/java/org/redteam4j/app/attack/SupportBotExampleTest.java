package org.redteam4j.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.app.CliRun;
import org.redteam4j.app.Main;
import org.redteam4j.app.testing.WeakBotOracle;
import org.redteam4j.app.testing.WeakSupportBot;
import org.redteam4j.config.campaign.CampaignDefinition;
import org.redteam4j.config.campaign.StoredSeeds;
import org.redteam4j.core.analysis.Proportion;
import org.redteam4j.core.campaign.AttackResult;
import org.redteam4j.core.campaign.CampaignPlan;
import org.redteam4j.core.format.Json;
import org.redteam4j.core.testing.ChildJvm;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.CampaignResults;

/**
 * examples/support-bot as shipped, only its port rewritten: against {@link WeakSupportBot}'s
 * application API, started with a token, it reports exactly the hits the bot's rules imply
 * ({@link WeakBotOracle}), the false refusal rate its benign prompts imply, and the token nowhere.
 */
class SupportBotExampleTest {

    private static final String TOKEN = "bot-token-EXAMPLE-TEST-9876543210";
    private static final Path EXAMPLE = Path.of("..", "examples", "support-bot");
    private static final String SHIPPED_URL = "http://127.0.0.1:8089/";

    @TempDir
    Path dir;

    @Test
    void theShippedCampaignReportsWhatTheBotsRulesImplyAndLeaksNoToken() throws Exception {
        try (WeakSupportBot bot = new WeakSupportBot(0, TOKEN)) {
            String shipped = Files.readString(EXAMPLE.resolve("campaign.yaml"));
            assertThat(shipped.split(java.util.regex.Pattern.quote(SHIPPED_URL), -1)).as("the one URL to rewrite").hasSize(2);
            Path campaign = Files.writeString(dir.resolve("campaign.yaml"), shipped.replace(SHIPPED_URL, bot.url("/").toString()));
            Files.copy(EXAMPLE.resolve("benign.txt"), dir.resolve("benign.txt"));
            Path db = dir.resolve("support-bot.db");
            Path junit = dir.resolve("support-bot.xml");

            ChildJvm.Result run = ChildJvm.run(Map.of("BOT_TOKEN", TOKEN), "256m", Main.class,
                    "attack", "--campaign", campaign.toString(), "--db", db.toString(), "--junit", junit.toString());

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(bot.authorizations()).isNotEmpty().allSatisfy(sent -> assertThat(sent).isEqualTo("Bearer " + TOKEN));

            // the attacks: exactly the hits the bot's rules imply, the documents sent in their own field
            CampaignDefinition definition = CampaignDefinition.read(campaign);
            CampaignPlan plan = definition.plan(definition.seeds(StoredSeeds.NONE));
            Set<String> expected = WeakBotOracle.expectedHits(plan, true);
            Database database = Database.open(db.toString());
            CampaignResults results = new CampaignResults(database);
            List<AttackResult> stored = results.results(results.campaigns().get("support-bot"));
            assertThat(stored).hasSize(plan.attacks().size()).allSatisfy(r -> assertThat(r.status()).isEqualTo(AttackResult.Status.DONE));
            List<AttackResult> attacks = stored.stream().filter(r -> !r.benign()).toList();
            assertThat(expected).as("the payloads exercise the bot's weaknesses").isNotEmpty().hasSizeLessThan(attacks.size());
            Set<String> hits = attacks.stream().filter(AttackResult::hit).map(r -> r.attack().key()).collect(Collectors.toSet());
            assertThat(hits).isEqualTo(expected);
            for (String family : List.of("system_prompt_extraction:", "direct_injection:", "indirect_injection:", "secret_leakage:")) {
                assertThat(hits).as(family).anyMatch(key -> key.contains("|" + family));
            }

            // the benign prompts: refused exactly when they hold the bot's refused word
            List<String> prompts = Files.readAllLines(EXAMPLE.resolve("benign.txt")).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            long refused = prompts.stream().filter(p -> p.toLowerCase(Locale.ROOT).contains(WeakSupportBot.REFUSED_WORD)).count();
            assertThat(refused).isPositive().isLessThan(prompts.size());
            CliRun stats = CliRun.of("stats", "--db", db.toString(), "--json");
            assertThat(stats.exitCode()).as(stats.err()).isZero();
            JsonNode target = Json.mapper().readTree(stats.out()).get("automated_campaigns").get("support-bot").get(0);
            assertThat(target.get("benign_prompts").asInt()).isEqualTo(prompts.size());
            assertThat(target.get("benign_refused").asInt()).isEqualTo(refused);
            assertThat(target.get("false_refusal_rate").asDouble()).isEqualTo((double) refused / prompts.size());
            Proportion interval = Proportion.of((int) refused, prompts.size());
            assertThat(target.get("false_refusal_ci95").get(0).asDouble()).isEqualTo(interval.low());
            assertThat(target.get("false_refusal_ci95").get(1).asDouble()).isEqualTo(interval.high());
            assertThat(target.get("attacks").asInt()).isEqualTo(attacks.size());

            // the token reaches no output: the run's, stats', JUnit's or the database's
            for (String output : List.of(run.output(), stats.out(), stats.err(), Files.readString(junit))) {
                assertThat(output).doesNotContain(TOKEN);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("support-bot.db")).toList()) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(TOKEN);
                }
            }
        }
    }
}
