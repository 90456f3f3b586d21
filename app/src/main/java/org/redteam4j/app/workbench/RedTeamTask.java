package org.redteam4j.app.workbench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.redteam4j.core.failure.Failure;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.core.transcript.Speaker;
import org.redteam4j.core.transcript.Turn;
import org.redteam4j.store.Database;
import org.redteam4j.store.attempt.LiveAttempt;
import org.redteam4j.store.attempt.LiveAttemptRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.Campaign;
import org.redteam4j.store.workbench.CampaignRepository;

/**
 * The red-team task, blinded: a member describes their plan, chats with a target chosen for them
 * (never shown), picks the more harmful of two replies each turn and rates their success 0–4.
 * A campaign's daily cap limits how many attempts a member starts in a day.
 */
public final class RedTeamTask {

    /** The cap counts the attempts of the last 24 hours, so a day is the longest anyone waits. */
    private static final Duration CAP_WINDOW = Duration.ofDays(1);

    private final Database database;
    private final TargetModels models;
    private final Supplier<HarmlessnessScorer> scorer;
    private final Clock clock;
    private final TargetFailures failures;
    private final Wellbeing wellbeing;
    private final AnswerFloor floor;
    /** The sends drawing replies now, by attempt: one at a time per attempt, in this server. */
    private final ConcurrentMap<Long, Draw> drawing = new ConcurrentHashMap<>();

    RedTeamTask(Database database, TargetModels models, Supplier<HarmlessnessScorer> scorer, Clock clock, Wellbeing wellbeing,
                AnswerFloor floor) {
        this.database = database;
        this.floor = floor;
        this.models = models;
        this.scorer = scorer;
        this.clock = clock;
        this.failures = new TargetFailures(database, clock);
        this.wellbeing = wellbeing;
    }

    /**
     * Starts an attempt on a target chosen for the member (balanced, never shown to them), or returns the one in progress.
     * The campaign's own content warning must be accepted first, and the daily cap leave room.
     */
    public long start(Principal member, long campaignId, String taskDescription) {
        member.requireOnTask(Account.Role.MEMBER);
        if (member.account().warningAcknowledgedAt() == null) {
            throw WorkbenchFailure.conflict("read and accept the content warning first");
        }
        Campaign open = openCampaign(campaignId);
        wellbeing.requireWarningAccepted(member, open);
        if (taskDescription == null || taskDescription.isBlank()) {
            throw WorkbenchFailure.invalid("describe your task before you start");
        }
        return database.inTransaction(handle -> {
            Campaign campaign = new CampaignRepository(handle).byId(campaignId).filter(Campaign::open)
                    .orElseThrow(() -> WorkbenchFailure.conflict("the campaign '" + open.name() + "' was closed just now"));
            LiveAttemptRepository attempts = new LiveAttemptRepository(handle);
            Optional<Long> inProgress = attempts.inProgress(member.id(), campaignId);
            if (inProgress.isPresent()) {
                return inProgress.get();
            }
            if (campaign.dailyCap() != null && attempts.countedTowardsCap(member.id(), campaignId, clock.instant()) >= campaign.dailyCap()) {
                throw WorkbenchFailure.tooMany("you reached today's limit of " + campaign.dailyCap()
                        + " attempts in this campaign; please take a break and come back tomorrow", CAP_WINDOW);
            }
            long target = attempts.leastUsedTarget(campaignId, clock.instant().getNano() + member.id());
            return attempts.start(campaignId, target, member.id(), taskDescription.strip(), member.account().recruitmentSource());
        });
    }

    /**
     * How many attempts the member may still start today in this campaign, so the page can say so
     * before they write a task description; empty when the campaign has no cap.
     */
    public Optional<Integer> attemptsLeftToday(Principal member, Campaign campaign) {
        member.requireOnTask(Account.Role.MEMBER);
        if (campaign.dailyCap() == null) {
            return Optional.empty();
        }
        long counted = database.read(handle -> new LiveAttemptRepository(handle).countedTowardsCap(member.id(), campaign.id(), clock.instant()));
        return Optional.of((int) Math.max(0, campaign.dailyCap() - counted));
    }

    /** The member's own attempt; anyone else gets "not found", so ids reveal nothing. */
    public LiveAttempt attempt(Principal member, long attemptId) {
        member.requireOnTask(Account.Role.MEMBER);
        return own(member, attemptId);
    }

    /** The member's own attempt, opted out or not: stopping (cancel, abandon) is always allowed. */
    private LiveAttempt own(Principal member, long attemptId) {
        member.require(Account.Role.MEMBER);
        return database.read(handle -> new LiveAttemptRepository(handle).load(attemptId))
                .filter(attempt -> attempt.memberId() == member.id())
                .orElseThrow(WorkbenchFailure::notFound);
    }

    /**
     * Sends the member's message and stores the two candidate replies; the model call happens outside any transaction.
     * A target that does not answer is a {@link TargetUnavailable}, its details kept for admins. One send per attempt
     * at a time: a second while one is drawing is refused. A draw {@link #cancel cancelled} meanwhile is discarded:
     * neither the message nor the replies are stored.
     */
    public LiveAttempt send(Principal member, long attemptId, String message) {
        member.requireOnTask(Account.Role.MEMBER);
        if (message == null || message.isBlank()) {
            throw WorkbenchFailure.invalid("write a message first");
        }
        Draw draw = new Draw();
        if (drawing.putIfAbsent(attemptId, draw) != null) {
            attempt(member, attemptId); // someone else's attempt stays "not found"
            throw WorkbenchFailure.conflict("a reply is already being drawn; wait for it or cancel it");
        }
        try {
            LiveAttempt attempt = attempt(member, attemptId); // read inside the guard: a send that just ended is seen
            if (attempt.finished()) {
                throw WorkbenchFailure.conflict("this attempt is finished");
            }
            if (attempt.awaitingChoice()) {
                throw WorkbenchFailure.conflict("pick the more harmful reply first");
            }
            List<Turn> conversation = conversation(attempt);
            conversation.add(Turn.human(message.strip()));
            // the target as the attempt's campaign declared it, never as a later campaign re-declared its name
            String settings = database.read(handle -> new CampaignRepository(handle)
                            .targetSettings(attempt.campaignId(), attempt.targetId()))
                    .orElseThrow(() -> new IllegalStateException("campaign " + attempt.campaignId() + " has no declaration of target "
                            + attempt.targetId()));
            LiveAttempt.Drawn candidates;
            try {
                candidates = models.candidates(settings, conversation); // may fail: nothing stored yet
            } catch (Failure e) {
                if (draw.cancelled()) {
                    throw cancelled();
                }
                throw failures.record(attempt, e);
            }
            floor.hold(attempt.campaignId(), attempt.targetId(), candidates.drawMillis()); // targets not told apart by latency
            if (!draw.store()) { // a cancel while the floor held the answer still discards it
                throw cancelled();
            }
            // refused when a finish or abandon (another tab, another server) landed during the draw
            if (!database.inTransaction(handle -> new LiveAttemptRepository(handle).addExchange(attemptId, message.strip(), candidates))) {
                throw WorkbenchFailure.conflict("this attempt was finished or abandoned while the reply was drawn; "
                        + "your message was not sent");
            }
            return attempt(member, attemptId);
        } finally {
            drawing.remove(attemptId, draw);
        }
    }

    /** What a cancel did: the draw's message and replies were discarded, or already stored, or nothing was drawing. */
    public enum Cancelled {
        DISCARDED, STORED, NONE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Cancels the draw in progress for this attempt: its replies are discarded when they arrive
     * ({@link Cancelled#DISCARDED}). {@link Cancelled#STORED} when they were already being stored (the
     * attempt shows them, as if the member had waited); {@link Cancelled#NONE} when nothing was
     * drawing, so the message was never sent. Allowed after opting out: stopping always is.
     */
    public Cancelled cancel(Principal member, long attemptId) {
        own(member, attemptId);
        Draw draw = drawing.get(attemptId);
        if (draw == null) {
            return Cancelled.NONE;
        }
        return draw.cancel() ? Cancelled.DISCARDED : Cancelled.STORED;
    }

    /**
     * Picks the more harmful reply. Picking again the label already picked for the last turn (a
     * double click, a stale tab) returns the same state; picking the other one then is refused.
     */
    public LiveAttempt choose(Principal member, long attemptId, String label) {
        member.requireOnTask(Account.Role.MEMBER);
        LiveAttempt attempt = attempt(member, attemptId);
        if (!attempt.awaitingChoice()) {
            return alreadyPicked(attempt, label).orElseThrow(() -> WorkbenchFailure.conflict("there is nothing to choose"));
        }
        long turn = attempt.turns().get(attempt.turns().size() - 1).id();
        if (!database.inTransaction(handle -> new LiveAttemptRepository(handle).choose(turn, label))) {
            LiveAttempt now = attempt(member, attemptId);
            if (!now.awaitingChoice()) { // another request picked it meanwhile
                return alreadyPicked(now, label).orElseThrow(() -> WorkbenchFailure.conflict("there is nothing to choose"));
            }
            throw WorkbenchFailure.invalid("choose A or B");
        }
        return attempt(member, attemptId);
    }

    /** The attempt, when its last turn's picked reply is {@code label}. */
    private static Optional<LiveAttempt> alreadyPicked(LiveAttempt attempt, String label) {
        if (attempt.turns().isEmpty()) {
            return Optional.empty();
        }
        LiveAttempt.LiveTurn last = attempt.turns().get(attempt.turns().size() - 1);
        return last.candidates().stream().filter(LiveAttempt.Candidate::picked).findFirst()
                .filter(picked -> picked.label().equals(label)).map(picked -> attempt);
    }

    /**
     * Abandons an attempt in progress at any point (before the first reply, with a choice pending,
     * after a failed model call): recorded as abandoned, so the member can start another. Allowed
     * after opting out. A draw in progress is cancelled; one already storing its replies either
     * lands before the abandon or finds the attempt abandoned and stores nothing.
     */
    public void abandon(Principal member, long attemptId) {
        LiveAttempt attempt = own(member, attemptId);
        if (attempt.finished()) {
            throw WorkbenchFailure.conflict("this attempt is finished");
        }
        Draw draw = drawing.get(attemptId);
        if (draw != null) {
            draw.cancel(); // a reply drawn for an abandoned attempt is never stored
        }
        if (!database.inTransaction(handle -> new LiveAttemptRepository(handle).abandon(attemptId, clock.instant()))) {
            throw WorkbenchFailure.conflict("this attempt is finished");
        }
    }

    public void finish(Principal member, long attemptId, double rating) {
        member.requireOnTask(Account.Role.MEMBER);
        LiveAttempt attempt = attempt(member, attemptId);
        if (attempt.finished()) {
            throw WorkbenchFailure.conflict("this attempt is finished");
        }
        if (drawing.containsKey(attemptId)) {
            throw WorkbenchFailure.conflict("a reply is being drawn; wait for it, pick, then finish");
        }
        if (attempt.awaitingChoice()) {
            throw WorkbenchFailure.conflict("pick the more harmful reply before you finish");
        }
        if (attempt.turns().isEmpty()) {
            throw WorkbenchFailure.conflict("send at least one message before you finish");
        }
        if (!Ratings.onScale(rating)) {
            throw WorkbenchFailure.invalid("rate your success from 0 to 4");
        }
        Double intent = scorer.get().score(List.of(), attempt.taskDescription());
        // refused when a send (another server) stored an exchange meanwhile, or the attempt was abandoned
        if (!database.inTransaction(handle -> new LiveAttemptRepository(handle).finish(attemptId, rating, intent))) {
            throw WorkbenchFailure.conflict("this attempt changed meanwhile (a new reply, or it was abandoned); reload it");
        }
    }

    /** The campaign if it takes attempts; a closed one says so (members saw it open), one that does not exist is not found. */
    private Campaign openCampaign(long campaignId) {
        Campaign campaign = database.read(handle -> new CampaignRepository(handle).byId(campaignId))
                .orElseThrow(WorkbenchFailure::notFound);
        if (!campaign.open()) {
            throw WorkbenchFailure.conflict("the campaign '" + campaign.name() + "' is closed: it takes no new attempts");
        }
        return campaign;
    }

    private static WorkbenchFailure cancelled() {
        return WorkbenchFailure.conflict("the draw was cancelled: its replies were discarded and your message was not sent");
    }

    /** One send's model call: cancelled before its replies are stored, or stored, never both. */
    private static final class Draw {
        private boolean cancelled;
        private boolean storing;

        synchronized boolean cancel() {
            if (storing) {
                return false;
            }
            cancelled = true;
            return true;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }

        /** Whether the replies may be stored; from now on a cancel is too late. */
        synchronized boolean store() {
            if (cancelled) {
                return false;
            }
            storing = true;
            return true;
        }
    }

    /** What the task list shows of one campaign for a member: attempts finished, warning accepted, left today, in progress. */
    public record Standing(long finished, boolean warningAccepted, Optional<Integer> leftToday, Optional<Long> inProgress) {
    }

    /** The member's {@link Standing} in the campaign, read in one transaction (the task list asks per campaign). */
    public Standing standing(Principal member, Campaign campaign) {
        member.requireOnTask(Account.Role.MEMBER);
        return database.read(handle -> {
            LiveAttemptRepository attempts = new LiveAttemptRepository(handle);
            Optional<Integer> left = campaign.dailyCap() == null ? Optional.empty() : Optional.of((int) Math.max(0,
                    campaign.dailyCap() - attempts.countedTowardsCap(member.id(), campaign.id(), clock.instant())));
            return new Standing(attempts.finishedInCampaign(member.id(), campaign.id()),
                    Wellbeing.accepted(handle, member.id(), campaign), left, attempts.inProgress(member.id(), campaign.id()));
        });
    }

    public long finishedInCampaign(Principal member, long campaignId) {
        return database.read(handle -> new LiveAttemptRepository(handle).finishedInCampaign(member.id(), campaignId));
    }

    public Optional<Long> inProgress(Principal member, long campaignId) {
        return database.read(handle -> new LiveAttemptRepository(handle).inProgress(member.id(), campaignId));
    }

    private static List<Turn> conversation(LiveAttempt attempt) {
        List<Turn> conversation = new ArrayList<>();
        for (LiveAttempt.LiveTurn turn : attempt.turns()) {
            conversation.add(new Turn(Speaker.fromId(turn.speaker()), turn.text()));
        }
        return conversation;
    }
}
