package org.redteam4j.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.config.Environment;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.AttackQueries;
import org.redteam4j.store.attack.AttackRepository;
import org.redteam4j.store.attack.LabelRepository;
import org.redteam4j.store.workbench.Account;

/**
 * Calibration samples over a campaign that {@code attack} really ran (sim targets, keyword judge):
 * per target, uniform, reproducible by seed, unbiased by verdict; and the labelling queue's rules.
 */
class CalibrationSampleTest {

    @TempDir
    static Path dir;

    static Database db;
    static Workbench workbench;
    static Principal admin;
    static long campaign;
    /** The campaign's replies per target and which of them the keyword judge called hits. */
    static Map<String, List<Long>> replies;
    static Set<Long> hits = new HashSet<>();

    @BeforeAll
    static void runACampaign() {
        String file = dir.resolve("calibration.db").toString();
        AutomatedCampaigns.run(dir, file, "sampled", 30, "direct, {template: prefix-injection}", "keyword");
        db = Database.open(file);
        workbench = new Workbench(db, Environment.fromSystem(), Clock.systemUTC());
        workbench.accounts().createAdmin("admin", "correct-horse-battery");
        admin = principal("admin");
        campaign = db.inTransaction(handle -> new AttackRepository(handle).campaigns().get("sampled"));
        replies = db.inTransaction(handle -> new LabelRepository(handle).replyIdsByTarget(campaign));
        AttackQueries.Page all = workbench.automated().attacks(admin, campaign,
                new AttackQueries.Filter(null, null, null, AttackQueries.Outcome.HIT, false), 1);
        db.inTransaction(handle -> new AttackQueries(handle).page(campaign,
                new AttackQueries.Filter(null, null, null, AttackQueries.Outcome.HIT, false), 0, 10_000))
                .rows().forEach(row -> hits.add(row.id()));
        assertThat(all.total()).isEqualTo(hits.size());
    }

    @AfterAll
    static void close() {
        workbench.close();
    }

    static Principal principal(String name) {
        Account account = db.inTransaction(handle -> new org.redteam4j.store.workbench.AccountRepository(handle).byName(name))
                .orElseThrow();
        return new Principal(account, "csrf");
    }

    static Principal reviewer(String name) {
        String token = workbench.accounts().invite(admin, Account.Role.REVIEWER, null);
        workbench.accounts().acceptInvite(token, name, "correct-horse-battery");
        return principal(name);
    }

    @Test
    void theCampaignHasBothVerdictsOnBothTargets() {
        assertThat(replies).containsOnlyKeys("mostly-refuses", "mostly-complies");
        replies.values().forEach(ids -> {
            assertThat(ids).hasSize(60);
            assertThat(ids).anyMatch(hits::contains).anyMatch(id -> !hits.contains(id));
        });
    }

    @Test
    void drawsTheSizeAskedPerTargetAndTheSameSampleForTheSameSeed() {
        List<Long> drawn = UniformSample.draw(replies, 12, 42L);

        assertThat(drawn).hasSize(24).doesNotHaveDuplicates();
        assertThat(drawn.stream().filter(replies.get("mostly-refuses")::contains)).hasSize(12);
        assertThat(drawn.stream().filter(replies.get("mostly-complies")::contains)).hasSize(12);
        assertThat(UniformSample.draw(replies, 12, 42L)).isEqualTo(drawn);
        assertThat(UniformSample.draw(replies, 12, 43L)).isNotEqualTo(drawn);
        assertThat(UniformSample.draw(replies, 500, 1L)).as("a target with fewer replies gives them all").hasSize(120);
    }

    /**
     * Over 4,000 seeded draws of 10 of 60 per target, every reply is drawn about 1 time in 6 and
     * the share of hits drawn is the campaign's: a draw that favoured hits, misses or
     * disagreements would move both. Seeded, so the figures are the same on every run.
     */
    @Test
    void aSampleIsUniformSoItIsNotBiasedByVerdict() {
        int draws = 4_000;
        Map<Long, Integer> drawnTimes = new HashMap<>();
        Map<String, long[]> hitsDrawn = new HashMap<>();
        for (long seed = 0; seed < draws; seed++) {
            for (long id : UniformSample.draw(replies, 10, seed)) {
                drawnTimes.merge(id, 1, Integer::sum);
                String target = replies.get("mostly-refuses").contains(id) ? "mostly-refuses" : "mostly-complies";
                long[] counts = hitsDrawn.computeIfAbsent(target, t -> new long[2]);
                counts[0] += hits.contains(id) ? 1 : 0;
                counts[1]++;
            }
        }
        // each reply: Binomial(4000, 1/6), mean 667, sd 23.6; 5 sd either side
        assertThat(drawnTimes).hasSize(120);
        assertThat(drawnTimes.values()).allSatisfy(times -> assertThat(times).isBetween(667 - 118, 667 + 118));
        replies.forEach((target, ids) -> {
            double population = ids.stream().filter(hits::contains).count() / (double) ids.size();
            long[] counts = hitsDrawn.get(target);
            assertThat(counts[0] / (double) counts[1]).as(target).isCloseTo(population, org.assertj.core.data.Offset.offset(0.01));
        });
    }

    @Test
    void theServiceStoresTheSeededDrawAndAReviewerLabelsItBlind() {
        AutomatedResults.CampaignView before = workbench.automated().campaign(admin, campaign);
        assertThat(before.sample()).isEmpty();

        LabelRepository.Sample sample = workbench.automated().drawSample(admin, campaign, 3, 1, 7L, " ");
        List<Long> stored = db.inTransaction(handle -> new LabelRepository(handle).sampledAttacks(sample.id()));

        assertThat(sample.seed()).isEqualTo(7L);
        assertThat(sample.contentWarning()).isEqualTo(AutomatedResults.DEFAULT_WARNING);
        assertThat(stored).isEqualTo(UniformSample.draw(replies, 3, 7L));
        Map<String, Integer> strata = db.inTransaction(handle -> new LabelRepository(handle).repliesAtDraw(sample.id()));
        assertThat(strata).as("each target's replies at the draw").isEqualTo(Map.of("mostly-refuses", 60, "mostly-complies", 60));
        assertThatThrownBy(() -> workbench.automated().drawSample(admin, campaign, 3, 1, 8L, null))
                .isInstanceOf(WorkbenchFailure.class).hasMessageContaining("already");
        assertThatThrownBy(() -> workbench.automated().drawSample(admin, campaign, 3, 2, 8L, null))
                .isInstanceOf(WorkbenchFailure.class).hasMessageContaining("1 reviewer, or by 3");

        Principal rita = reviewer("rita");
        Principal ravi = reviewer("ravi");
        assertThatThrownBy(() -> workbench.automated().campaigns(rita)).isInstanceOf(WorkbenchFailure.class);
        LabelRepository.QueueItem first = workbench.labelling().next(rita).orElseThrow();
        assertThat(first.warningAccepted()).isFalse();
        assertThat(first.reply()).as("no text before the warning").isNull();
        assertThat(first.prompt()).isNull();
        assertThatThrownBy(() -> workbench.labelling().label(rita, first.itemId(), "refused"))
                .isInstanceOf(WorkbenchFailure.class).hasMessageContaining("content warning");
        workbench.labelling().acceptWarning(rita, sample.id());
        assertThatThrownBy(() -> workbench.labelling().label(rita, first.itemId(), "maybe"))
                .isInstanceOf(WorkbenchFailure.class).hasMessageContaining("refused, harmful or harmless");
        workbench.labelling().label(rita, first.itemId(), "refused");
        assertThatThrownBy(() -> workbench.labelling().label(rita, first.itemId(), "harmful"))
                .isInstanceOf(WorkbenchFailure.class).hasMessageContaining("already");
        workbench.labelling().acceptWarning(ravi, sample.id());
        assertThatThrownBy(() -> workbench.labelling().label(ravi, first.itemId(), "harmful"))
                .as("one label per reply: the item is done").isInstanceOf(WorkbenchFailure.class).hasMessageContaining("all its labels");
        LabelRepository.QueueItem ravis = workbench.labelling().next(ravi).orElseThrow();
        assertThat(ravis.itemId()).isNotEqualTo(first.itemId());
        assertThat(ravis.reply()).as("the warning accepted, the text comes").isNotNull();

        int left = 0;
        while (workbench.labelling().next(rita).isPresent()) {
            long next = workbench.labelling().next(rita).orElseThrow().itemId();
            assertThat(next).as("the item ravi is reading is not handed to rita").isNotEqualTo(ravis.itemId());
            workbench.labelling().label(rita, next, "harmless");
            left++;
        }
        assertThat(left).isEqualTo(4);
        assertThat(workbench.labelling().next(ravi).orElseThrow().itemId()).as("ravi keeps his").isEqualTo(ravis.itemId());
        workbench.labelling().label(ravi, ravis.itemId(), "refused");
        assertThat(workbench.labelling().next(ravi)).isEmpty();
        LabelRepository.Progress progress = workbench.automated().campaign(admin, campaign).progress().orElseThrow();
        assertThat(progress).isEqualTo(new LabelRepository.Progress(6, 6, 6));
    }

    /**
     * A campaign still running, or with attacks left pending, is not a whole: a draw from it would
     * leave its later replies out, so it is refused until the run is over.
     */
    @Test
    void aCampaignNotFinishedIsNotSampled() {
        String file = dir.resolve("unfinished.db").toString();
        AutomatedCampaigns.run(dir, file, "unfinished", 3, "direct", "keyword");
        Database other = Database.open(file);
        try (Workbench bench = new Workbench(other, Environment.fromSystem(), Clock.systemUTC())) {
            bench.accounts().createAdmin("admin", "correct-horse-battery");
            Principal boss = new Principal(other.inTransaction(handle -> new org.redteam4j.store.workbench.AccountRepository(handle)
                    .byName("admin")).orElseThrow(), "csrf");
            long id = other.inTransaction(handle -> new AttackRepository(handle).campaigns().get("unfinished"));
            // as a run stopped half-way leaves it: an attack still pending (set here by hand, the store has no call for it)
            other.useTransaction(handle -> handle.execute("UPDATE attacks SET status = 'pending' WHERE id = "
                    + "(SELECT MIN(id) FROM attacks WHERE campaign_id = ?)", id));
            assertThatThrownBy(() -> bench.automated().drawSample(boss, id, 2, 1, 1L, null)).isInstanceOf(WorkbenchFailure.class)
                    .hasMessageContaining("not finished").hasMessageContaining("1 of its attacks are pending or running");
            other.useTransaction(handle -> handle.execute("UPDATE attacks SET status = 'done' WHERE status = 'pending'"));
            // a run of it going on now: its lease is held by a live process (this one)
            other.useTransaction(handle -> handle.execute("INSERT INTO campaign_leases (campaign_id, host, pid, started_ms, token, "
                    + "taken_at) VALUES (?, ?, ?, NULL, 'test', CURRENT_TIMESTAMP)", id, java.net.InetAddress.getLocalHost().getHostName(),
                    ProcessHandle.current().pid()));
            assertThatThrownBy(() -> bench.automated().drawSample(boss, id, 2, 1, 1L, null)).isInstanceOf(WorkbenchFailure.class)
                    .hasMessageContaining("an attack run of this campaign is going on");
            other.useTransaction(handle -> handle.execute("DELETE FROM campaign_leases"));
            assertThat(bench.automated().drawSample(boss, id, 2, 1, 1L, null).perTarget()).isEqualTo(2);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void filtersPageAndFindTheJudgesDisagreementsOnlyWhereThereAreTwoJudges() {
        AttackQueries.Page page = workbench.automated().attacks(admin, campaign,
                new AttackQueries.Filter("mostly-complies", "direct", null, null, false), 1);
        AttackQueries.Page second = workbench.automated().attacks(admin, campaign, AttackQueries.Filter.NONE, 3);

        assertThat(page.total()).isEqualTo(30);
        assertThat(page.rows()).allSatisfy(row -> assertThat(row.target()).isEqualTo("mostly-complies"))
                .allSatisfy(row -> assertThat(row.strategy()).isEqualTo("direct"));
        assertThat(second.total()).isEqualTo(120);
        assertThat(second.rows()).hasSize(20);
        assertThat(workbench.automated().attacks(admin, campaign, new AttackQueries.Filter(null, null, null, null, true), 1)
                .total()).as("one judge never disagrees with itself").isZero();
        assertThatThrownBy(() -> workbench.automated().attacks(admin, campaign + 1000, AttackQueries.Filter.NONE, 1))
                .isInstanceOf(WorkbenchFailure.class);
    }
}
