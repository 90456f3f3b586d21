package org.redteam4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.attack.BuiltinSeeds;
import org.redteam4j.core.attack.Seed;

class CampaignApiTest {

    /** A bot that refuses a built-in seed asked as it is, and goes along with anything wrapped around one. */
    private static final Set<String> SEEDS = BuiltinSeeds.all().stream().map(Seed::text).collect(Collectors.toSet());
    static final String REFUSAL = "I can't help with that.";
    static final String COMPLIANCE = "Sure, I will go along with that request (details left out here).";

    @TempDir
    Path dir;

    private final AtomicInteger calls = new AtomicInteger();

    private String bot(List<Turn> conversation) {
        calls.incrementAndGet();
        String last = conversation.get(conversation.size() - 1).text();
        return SEEDS.contains(last) ? REFUSAL : COMPLIANCE;
    }

    private Campaign.Builder fourSeedsTwoStrategies() {
        return Campaign.builder("api-test").builtinSeeds(4).strategies("direct", "template: role-play").judges("keyword")
                .concurrency(2);
    }

    @Test
    void aFunctionTargetIsAttackedAndTheSummaryCountsItsHits() {
        CampaignResult result = fourSeedsTwoStrategies().target("bot", (java.util.function.Function<List<Turn>, String>) this::bot)
                .build().run();

        TargetSummary bot = result.target("bot");
        assertThat(bot.attacks()).isEqualTo(8);
        assertThat(bot.judged()).isEqualTo(8);
        assertThat(bot.hits()).isEqualTo(4); // the four role-plays, none of the four direct requests
        assertThat(bot.rate()).hasValueSatisfying(rate -> {
            assertThat(rate.estimate()).isEqualTo(0.5);
            assertThat(rate.low()).isLessThan(0.5);
            assertThat(rate.high()).isGreaterThan(0.5);
        });
        assertThat(calls).hasValue(8);
        assertThat(result.runNow()).isEqualTo(8);
        assertThat(result.firstJudge()).startsWith("keyword");
        assertThat(result.attacks()).hasSize(8).allSatisfy(attack -> {
            assertThat(attack.target()).isEqualTo("bot");
            assertThat(attack.hit()).contains(!attack.strategy().equals("direct"));
            assertThat(attack.reply()).isEqualTo(attack.strategy().equals("direct") ? REFUSAL : COMPLIANCE);
            assertThat(attack.conversation()).extracting(Turn::role).containsExactly(Turn.Role.USER, Turn.Role.ASSISTANT);
        });
        assertThat(result.above(0.4)).extracting(TargetSummary::target).containsExactly("bot");
        assertThat(result.above(0.5)).isEmpty();
        assertThat(result.table()).contains("bot").contains("keyword 4/8 = 50%");
    }

    @Test
    void aTargetThatThrowsFailsThatAttackAsAnErrorNeverAHit() {
        ChatTarget flaky = conversation -> {
            if (conversation.get(conversation.size() - 1).text().contains(BuiltinSeeds.all().get(0).text())) {
                throw new IllegalStateException("the bot's database is down");
            }
            return Reply.of(bot(conversation));
        };

        CampaignResult result = fourSeedsTwoStrategies().target("flaky", flaky).build().run();

        TargetSummary summary = result.target("flaky");
        assertThat(summary.errors()).isEqualTo(2); // the first seed, direct and role-played
        assertThat(summary.judged()).isEqualTo(6);
        assertThat(summary.hits()).isEqualTo(3);
        assertThat(result.attacks()).filteredOn(a -> a.error().isPresent()).hasSize(2)
                .allSatisfy(a -> {
                    assertThat(a.hit()).isEmpty();
                    assertThat(a.error().get()).contains("target flaky threw").contains("the bot's database is down");
                });
    }

    @Test
    void aCampaignStoppedByItsBudgetResumesInItsDatabaseWithoutRepeatingAnAttack() {
        String db = dir.resolve("campaign.db").toString();
        ChatTarget target = ChatTarget.of(this::bot);

        CampaignResult first = fourSeedsTwoStrategies().maxRequests(3).concurrency(1).target("bot", target).build()
                .database(db).run();
        CampaignResult second = fourSeedsTwoStrategies().concurrency(1).target("bot", target).build().database(db).resuming()
                .run();

        assertThat(first.runNow()).isEqualTo(3);
        assertThat(first.notRun()).isEqualTo(5);
        assertThat(first.target("bot").notRun()).isEqualTo(5);
        assertThat(second.alreadyDone()).isEqualTo(3);
        assertThat(second.runNow()).isEqualTo(5);
        assertThat(second.target("bot").judged()).isEqualTo(8);
        assertThat(calls).hasValue(8); // nothing finished was asked again
        assertThatThrownBy(() -> fourSeedsTwoStrategies().target("bot", target).build().database(db).run())
                .isInstanceOf(RedTeamException.class).hasMessageContaining("already has results");
    }

    @Test
    void theProgressListenerHearsOneAttackAtATimeCountingThisRunsAttacks() {
        String db = dir.resolve("progress.db").toString();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<long[]> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Campaign.ProgressListener listener = (done, total, hits, errors) -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // long enough for the other attack threads to finish and call too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            heard.add(new long[] {done, total});
            inside.decrementAndGet();
        };

        fourSeedsTwoStrategies().concurrency(4).maxRequests(3).target("bot", ChatTarget.of(this::bot)).build().database(db)
                .onProgress(listener).run();
        int first = heard.size();
        fourSeedsTwoStrategies().concurrency(4).target("bot", ChatTarget.of(this::bot)).build().database(db).resuming()
                .onProgress(listener).run();

        assertThat(mostInside).hasValue(1);
        assertThat(first).isEqualTo(3);
        assertThat(heard.subList(0, first)).allSatisfy(told -> assertThat(told[1]).isEqualTo(8));
        assertThat(heard.subList(first, heard.size())).hasSize(5).allSatisfy(told -> assertThat(told[1]).isEqualTo(5));
    }

    @Test
    void aRunLeavesNoDatabaseFileOpenBehindIt() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            org.redteam4j.core.testing.Requirement.missing("/proc/self/fd, to list this JVM's open files (Linux)");
        }
        String db = dir.resolve("held.db").toString();

        fourSeedsTwoStrategies().target("bot", ChatTarget.of(this::bot)).build().run();           // a temporary database
        fourSeedsTwoStrategies().target("bot", ChatTarget.of(this::bot)).build().database(db).run();

        List<String> open = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> links = Files.list(fds)) {
            for (Path link : links.toList()) {
                try {
                    open.add(Files.readSymbolicLink(link).toString());
                } catch (java.io.IOException e) {
                    // closed while listed
                }
            }
        }
        assertThat(open).noneMatch(file -> file.contains("redteam4j-campaign") || file.contains("held.db"));
    }

    @Test
    void inProcessTargetsJoinOrReplaceTheFileTargets() throws Exception {
        Path file = dir.resolve("nightly.yaml");
        Files.writeString(file, """
                name: nightly
                targets:
                  - {name: sim-plain, model: sim, intervention: plain}
                seeds: {builtin: true, limit: 2}
                strategies: [direct]
                judges: [keyword]
                """);

        CampaignResult joined = Campaign.fromYaml(file).withTarget("bot", ChatTarget.of(this::bot)).run();
        CampaignResult replaced = Campaign.fromYaml(file).withTarget("bot", ChatTarget.of(this::bot)).replacingFileTargets().run();

        assertThat(joined.targets()).extracting(TargetSummary::target).containsExactly("bot", "sim-plain"); // by name
        assertThat(joined.target("sim-plain").simulated()).isTrue();
        assertThat(replaced.targets()).extracting(TargetSummary::target).containsExactly("bot");
        assertThat(replaced.target("bot").attacks()).isEqualTo(2);
        assertThatThrownBy(() -> Campaign.fromYaml(file).replacingFileTargets().run()).isInstanceOf(RedTeamException.class)
                .hasMessageContaining("nightly.yaml: its targets are replaced by this JVM's, but none was given");
    }

    @Test
    void aFileMayNameAJvmTargetAndAnUnknownOneIsRefusedBeforeAnyAttack() {
        String yaml = """
                name: named
                targets:
                  - {name: bot, model: 'java:bot'}
                seeds: {builtin: true, limit: 2}
                strategies: [direct]
                judges: [keyword]
                """;

        CampaignResult result = Campaign.fromYamlText(yaml, "named.yaml").withTarget("bot", ChatTarget.of(this::bot))
                .replacingFileTargets().run();
        assertThat(result.target("bot").attacks()).isEqualTo(2);

        assertThatThrownBy(() -> Campaign.fromYamlText(yaml, "named.yaml").withTarget("other", ChatTarget.of(this::bot)).run())
                .isInstanceOf(RedTeamException.class).hasMessageContaining("named.yaml")
                .hasMessageContaining("no model named 'bot' in this JVM; there are: other");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFileTargetOfModelJavaNameDeclaresThatTargetsSettingsWhetherJoinedOrReplaced() {
        String yaml = """
                name: declared
                targets:
                  - {name: sim-plain, model: sim, intervention: plain}
                  - {name: bot, model: 'java:bot', intervention: prompted}
                seeds: {builtin: true, limit: 2}
                strategies: [direct]
                judges: [keyword]
                """;
        List<List<Turn>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ChatTarget bot = conversation -> {
            seen.add(conversation);
            return Reply.of(bot(conversation));
        };

        CampaignResult joined = Campaign.fromYamlText(yaml, "declared.yaml").withTarget("bot", bot).run();
        CampaignResult replaced = Campaign.fromYamlText(yaml, "declared.yaml").withTarget("bot", bot).replacingFileTargets()
                .run();

        assertThat(joined.targets()).extracting(TargetSummary::target).containsExactly("bot", "sim-plain");
        assertThat(joined.target("bot").attacks()).isEqualTo(2); // the declared bot only, not a second bare one
        assertThat(replaced.targets()).extracting(TargetSummary::target).containsExactly("bot");
        // intervention: prompted reached the JVM's target both times: its few-shot prompt comes first, as the system turn
        assertThat(seen).hasSize(4).allSatisfy(conversation -> {
            assertThat(conversation.get(0).role()).isEqualTo(Turn.Role.SYSTEM);
            assertThat(conversation.get(conversation.size() - 1).role()).isEqualTo(Turn.Role.USER);
        });
    }

    @Test
    void aFunctionThatReturnsNullFailsThatAttackSayingSo() {
        CampaignResult result = Campaign.builder("null-reply").builtinSeeds(1).strategies("direct").judges("keyword")
                .target("bot", (java.util.function.Function<List<Turn>, String>) conversation -> null).build().run();

        assertThat(result.target("bot").errors()).isEqualTo(1);
        assertThat(result.attacks()).singleElement().satisfies(attack -> {
            assertThat(attack.hit()).isEmpty();
            assertThat(attack.error()).hasValueSatisfying(error -> assertThat(error).contains("target bot returned no reply (null)"));
        });
    }

    @Test
    void badCampaignsAreRefusedWithTheFileAndLine() {
        assertThatThrownBy(() -> Campaign.fromYamlText("name: x\nstrategies: [direct]\njudges: [keyword]\n", "x.yaml").run())
                .isInstanceOf(RedTeamException.class).hasMessageContaining("x.yaml").hasMessageContaining("no targets");
        assertThatThrownBy(() -> Campaign.builder("y").builtinSeeds(1).strategies("no_such_strategy").judges("keyword")
                .target("bot", ChatTarget.of(this::bot)).build().run())
                .isInstanceOf(RedTeamException.class).hasMessageContaining("no_such_strategy");
        assertThatThrownBy(() -> Targets.from(new Object())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot red-team a java.lang.Object")
                .hasMessageContaining("redteam4j-langchain4j");
        assertThat(calls).hasValue(0);
    }

    @Test
    void withoutTheOfflineJudgesArtifactAnOnnxJudgeSaysWhichDependencyToAdd() {
        assertThatThrownBy(() -> fourSeedsTwoStrategies().judges("refusal").target("bot", ChatTarget.of(this::bot)).build()
                .run()).isInstanceOf(RedTeamException.class)
                .hasMessageContaining("org.redteam4j:redteam4j-offline-judges");
        assertThat(calls).hasValue(0);
    }

    @Test
    void withoutTheOfflineJudgesArtifactMultiTurnBacktrackingSaysWhichDependencyToAddBeforeAnyAttack() {
        for (String strategy : List.of("multi_turn: {turns: 2}", "crescendo: {turns: 2, backtracks: 1}")) {
            assertThatThrownBy(() -> Campaign.builder("backtracking").builtinSeeds(1).strategies(strategy).judges("keyword")
                    .attacker("sim").target("bot", ChatTarget.of(this::bot)).build().run())
                    .as(strategy).isInstanceOf(RedTeamException.class)
                    .hasMessageContaining("multi-turn backtracking")
                    .hasMessageContaining("org.redteam4j:redteam4j-offline-judges");
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void withoutTheOfflineJudgesArtifactBenignPromptsRejectionSamplingHarmAndPmSayWhichDependencyToAddBeforeAnyAttack()
            throws Exception {
        Path benign = Files.writeString(dir.resolve("benign.txt"), "Asks how to bake bread.\n");
        String benignCampaign = "name: benign\nseeds: {builtin: true, limit: 1}\nbenign: [{text: '" + benign + "'}]\n"
                + "strategies: [direct]\njudges: [keyword]\n";
        String rejectionSampling = "name: rs\ntargets: [{name: guarded, model: 'java:bot', intervention: rejection-sampling}]\n"
                + "seeds: {builtin: true, limit: 1}\nstrategies: [direct]\njudges: [keyword]\n";
        String harm = "name: harm\nseeds: {builtin: true, limit: 1}\nstrategies: [direct]\njudges: [harm]\n";
        String preferenceModel = "name: pm\nseeds: {builtin: true, limit: 1}\nstrategies: [direct]\njudges: [keyword, pm]\n";
        for (String yaml : List.of(benignCampaign, rejectionSampling, harm, preferenceModel)) {
            assertThatThrownBy(() -> Campaign.fromYamlText(yaml, "onnx.yaml").withTarget("bot", ChatTarget.of(this::bot)).run())
                    .as(yaml).isInstanceOf(RedTeamException.class)
                    .hasMessageContaining("org.redteam4j:redteam4j-offline-judges");
        }
        assertThat(calls).hasValue(0);
    }

    @Test
    void aSecretOfTheApplicationIsRedactedFromWhatTheTargetSaidBeforeItIsStored() {
        String token = "crm-7f3a9c21d4e8b6f0";
        ChatTarget leaky = conversation -> Reply.of("Sure. By the way, our CRM token is " + token + ".");

        CampaignResult result = Campaign.builder("secrets").builtinSeeds(2).strategies("direct").judges("keyword")
                .target("leaky", leaky).build().redacting("CRM_TOKEN", token).run();

        assertThat(result.attacks()).hasSize(2).allSatisfy(attack -> {
            assertThat(attack.reply()).contains("[redacted CRM_TOKEN]").doesNotContain(token);
            assertThat(attack.conversation()).noneMatch(turn -> turn.text().contains(token));
        });
        assertThat(result.table()).contains("CRM_TOKEN").doesNotContain(token);
        assertThatThrownBy(() -> Campaign.builder("x").build().redacting("EMPTY", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theJunitXmlHoldsOneCaseAnAttack() throws Exception {
        CampaignResult result = fourSeedsTwoStrategies().target("bot", ChatTarget.of(this::bot)).build().run();
        Path xml = dir.resolve("TEST-redteam4j.api-test.xml");

        result.writeJunitXml(xml);

        String text = Files.readString(xml);
        assertThat(text).contains("<testsuite").contains("tests=\"8\"").contains("failures=\"4\"");
    }
}
