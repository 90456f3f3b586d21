package org.redteam4j.store.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.store.Database;
import org.redteam4j.store.TestDatabases;

/**
 * One run of a campaign at a time: a second is refused while the first holds the lease, and the
 * lease passes on as soon as its holder is gone — closed, or (SQLite) its process dead or its
 * process id reused — but not from a process another host may still be running.
 */
@Tag("reliability")
class CampaignLeaseTest {

    @TempDir
    Path dir;

    private static AttackStore open(Database database) {
        return AttackStore.open(database, "leased", "{}", null, List.of());
    }

    private static void refusesASecondRunUntilTheFirstCloses(Database database, String holder) {
        AttackStore first = open(database);

        assertThatThrownBy(() -> open(database)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("campaign 'leased' is already being run by " + holder)
                .hasMessageContaining("wait for it to finish, or stop it and run again with --resume");

        first.close();
        open(database).close();
    }

    @Test
    void sqliteRefusesASecondRunUntilTheFirstCloses() {
        refusesASecondRunUntilTheFirstCloses(Database.open(TestDatabases.sqlite(dir)),
                "process " + ProcessHandle.current().pid() + " on ");
    }

    @Test
    void postgresRefusesASecondRunUntilTheFirstCloses() {
        String url = TestDatabases.createPostgres();
        try {
            refusesASecondRunUntilTheFirstCloses(Database.open(url), "another process");
        } finally {
            TestDatabases.dropPostgres(url);
        }
    }

    private static void leaseHeldBy(Database database, CampaignLease.Holder holder) {
        long campaign;
        try (AttackStore store = open(database)) {
            campaign = store.campaignId();
        }
        database.useTransaction(handle -> CampaignLease.claim(database, handle, campaign, "leased", holder));
    }

    @Test
    void aLeaseOfAProcessThatIsGoneIsTakenOver() throws Exception {
        Database database = Database.open(TestDatabases.sqlite(dir));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        CampaignLease.Holder me = CampaignLease.Holder.current();
        leaseHeldBy(database, new CampaignLease.Holder(me.host(), gone.pid(), me.startedMs(), "killed"));

        open(database).close();
    }

    @Test
    void aLeaseOfAProcessIdNowReusedIsTakenOver() {
        Database database = Database.open(TestDatabases.sqlite(dir));
        CampaignLease.Holder me = CampaignLease.Holder.current();
        leaseHeldBy(database, new CampaignLease.Holder(me.host(), me.pid(), me.startedMs() - 3_600_000, "an hour before us"));

        open(database).close();
    }

    @Test
    void aLeaseHeldOnAnotherHostIsNotTakenOver() {
        Database database = Database.open(TestDatabases.sqlite(dir));
        leaseHeldBy(database, new CampaignLease.Holder("elsewhere.example", 1, null, "far"));

        assertThatThrownBy(() -> open(database)).isInstanceOf(BadInput.class)
                .hasMessageStartingWith("campaign 'leased' is already being run by process 1 on elsewhere.example")
                .hasMessageEndingWith("(from elsewhere.example, which can see whether it is gone)");
    }
}
