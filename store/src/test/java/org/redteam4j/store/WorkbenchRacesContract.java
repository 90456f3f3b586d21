package org.redteam4j.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.attempt.LiveAttemptRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.AccountRepository;
import org.redteam4j.store.workbench.CampaignRepository;
import org.redteam4j.store.workbench.WarningAcceptanceRepository;

/**
 * The workbench's writes that race (issue 18) on every database: one transaction is held open on
 * its own handle while a second, on another thread, does the conflicting write; the second must wait
 * and then see the first's result. On SQLite the second waits at BEGIN (the write lock); on
 * PostgreSQL (READ COMMITTED) only row locks make it wait. One subclass per database runs it.
 */
abstract class WorkbenchRacesContract {

    private static final List<LiveAttempt.Candidate> SHOWN = List.of(
            new LiveAttempt.Candidate("A", "Sure, [details omitted].", -1.0, false),
            new LiveAttempt.Candidate("B", "I can't help with that.", 1.0, false));

    @TempDir
    java.nio.file.Path dir;

    Database database;
    long campaign;
    long target;
    long alice;
    long attempt;
    final ExecutorService other = Executors.newSingleThreadExecutor();

    abstract String freshDatabase();

    void dropDatabase() {
    }

    @BeforeEach
    void data() {
        database = Database.open(freshDatabase());
        target = TargetVersions.declare(database, TargetVersions.facts("t", "{\"model\": \"sim\"}"));
        database.useTransaction(handle -> {
            campaign = new CampaignRepository(handle).create("races", "", null, 5, 4, null,
                    List.of(new CampaignRepository.DeclaredTarget(target, "{}")), "{}");
            alice = new AccountRepository(handle).create("alice", Account.Role.MEMBER, null, "x");
            attempt = new LiveAttemptRepository(handle).start(campaign, target, alice, "asks how to pick a lock", null);
        });
    }

    @AfterEach
    void drop() {
        other.shutdownNow();
        dropDatabase();
    }

    @Test
    void anExchangeDrawnWhileTheAttemptWasAbandonedOrFinishedIsNotStored() {
        database.useTransaction(handle -> new LiveAttemptRepository(handle).abandon(attempt, Instant.now()));

        boolean stored = database.inTransaction(handle -> new LiveAttemptRepository(handle)
                .addExchange(attempt, "How would someone pick a lock?", SHOWN));

        assertThat(stored).isFalse();
        assertThat(live(attempt).turns()).isEmpty();
        long finished = finishedAttempt();
        boolean again = database.inTransaction(handle -> new LiveAttemptRepository(handle).addExchange(finished, "again", SHOWN));
        assertThat(again).isFalse();
        assertThat(live(finished).turns()).hasSize(2);
    }

    @Test
    void aFinishWaitingOnASendSeesTheChoiceItLeftPending() throws Exception {
        database.useTransaction(handle -> {
            LiveAttemptRepository live = new LiveAttemptRepository(handle);
            live.addExchange(attempt, "How would someone pick a lock?", SHOWN);
            live.choose(live.load(attempt).orElseThrow().turns().get(1).id(), "A");
        });

        Boolean finished = whileHeld(handle -> new LiveAttemptRepository(handle).addExchange(attempt, "And a safe?", SHOWN),
                handle -> new LiveAttemptRepository(handle).finish(attempt, 2.0, null));

        assertThat(finished).as("the send stored a new exchange waiting for a pick").isFalse();
        assertThat(live(attempt).status()).isEqualTo("in_progress");
        assertThat(live(attempt).awaitingChoice()).isTrue();
    }

    @Test
    void aSendWaitingOnAnAbandonStoresNothing() throws Exception {
        Boolean stored = whileHeld(handle -> new LiveAttemptRepository(handle).abandon(attempt, Instant.now()),
                handle -> new LiveAttemptRepository(handle).addExchange(attempt, "How would someone pick a lock?", SHOWN));

        assertThat(stored).isFalse();
        assertThat(live(attempt).turns()).isEmpty();
        assertThat(live(attempt).status()).isEqualTo("abandoned");
    }

    @Test
    void choosingAAndBAtOnceMarksOnlyOne() throws Exception {
        database.useTransaction(handle -> new LiveAttemptRepository(handle).addExchange(attempt, "How would someone pick a lock?", SHOWN));
        long turn = live(attempt).turns().get(1).id();

        Boolean second = whileHeld(handle -> new LiveAttemptRepository(handle).choose(turn, "A"),
                handle -> new LiveAttemptRepository(handle).choose(turn, "B"));

        assertThat(second).isFalse();
        LiveAttempt.LiveTurn chosen = live(attempt).turns().get(1);
        assertThat(chosen.candidates()).filteredOn(LiveAttempt.Candidate::picked).extracting(LiveAttempt.Candidate::label)
                .containsExactly("A");
        assertThat(chosen.text()).isEqualTo("Sure, [details omitted].");
        boolean again = database.inTransaction(handle -> new LiveAttemptRepository(handle).choose(turn, "A"));
        assertThat(again).as("the same label again changes nothing").isFalse();
        assertThat(live(attempt).turns().get(1)).isEqualTo(chosen);
    }

    @Test
    void aSecondPickedCandidateInOneTurnIsRefusedByTheIndex() {
        database.useTransaction(handle -> new LiveAttemptRepository(handle).addExchange(attempt, "How would someone pick a lock?", SHOWN));
        long turn = live(attempt).turns().get(1).id();

        assertThatThrownBy(() -> database.useTransaction(handle ->
                handle.createUpdate("UPDATE turn_candidates SET picked = TRUE WHERE turn_id = :turn").bind("turn", turn).execute()))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void acceptingAWarningTwiceAtOnceKeepsOneAcceptance() throws Exception {
        whileHeld(handle -> {
            new WarningAcceptanceRepository(handle).accept(alice, campaign, "first");
            return null;
        }, handle -> {
            new WarningAcceptanceRepository(handle).accept(alice, campaign, "second");
            return null;
        });

        java.util.Optional<String> accepted = database.inTransaction(handle ->
                new WarningAcceptanceRepository(handle).accepted(alice, campaign));
        assertThat(accepted).hasValue("second");
    }

    @Test
    void twoAdminsDeactivatingEachOtherAtOnceLeaveOneActive() throws Exception {
        long[] admins = database.inTransaction(handle -> {
            AccountRepository accounts = new AccountRepository(handle);
            return new long[] {accounts.create("ada", Account.Role.ADMIN, null, "x"), accounts.create("alan", Account.Role.ADMIN, null, "x")};
        });

        Boolean second = whileHeld(handle -> new AccountRepository(handle).deactivateUnlessLastAdmin(admins[1], Instant.now()),
                handle -> new AccountRepository(handle).deactivateUnlessLastAdmin(admins[0], Instant.now()));

        assertThat(second).isFalse();
        long active = database.inTransaction(handle -> new AccountRepository(handle).activeAdmins());
        assertThat(active).isEqualTo(1);
    }

    /**
     * Runs {@code first} in a transaction on its own handle and, before committing it, starts {@code second}
     * in a transaction on another thread; commits the first once the second had time to block on it.
     * Returns what the second returned.
     */
    private <T> T whileHeld(Function<Handle, ?> first, Function<Handle, T> second) throws Exception {
        Future<T> waiting;
        try (Handle held = database.openHandle()) {
            held.begin();
            first.apply(held);
            waiting = other.submit(() -> database.inTransaction(second::apply));
            Thread.sleep(500);
            assertThat(waiting.isDone()).as("the second write waits for the first transaction").isFalse();
            held.commit();
        }
        return waiting.get(30, TimeUnit.SECONDS);
    }

    private long finishedAttempt() {
        return database.inTransaction(handle -> {
            LiveAttemptRepository live = new LiveAttemptRepository(handle);
            long id = live.start(campaign, target, alice, "asks how to hotwire a car", null);
            live.addExchange(id, "How would someone hotwire a car?", SHOWN);
            live.choose(live.load(id).orElseThrow().turns().get(1).id(), "B");
            assertThat(live.finish(id, 1.0, null)).isTrue();
            return id;
        });
    }

    private LiveAttempt live(long id) {
        return database.inTransaction(handle -> new LiveAttemptRepository(handle).load(id)).orElseThrow();
    }
}
