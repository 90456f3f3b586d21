package org.redteam4j.core.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.redteam4j.core.attack.AttackRun;
import org.redteam4j.core.attack.AttackTools;
import org.redteam4j.core.attack.Strategy;
import org.redteam4j.core.chat.ChatModelException;
import org.redteam4j.core.chat.MeteredChatModel;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.scoring.Judge;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.secrets.Secrets;

/**
 * Runs a plan: skips what the ledger says is finished, runs the rest on a bounded pool, judges
 * every reply with every judge, and commits each finished attack at once. A failed attack is
 * committed as an error. When the budget runs out, nothing new starts; what was running finishes
 * and the rest is recorded as not run. Judges see each reply as the target wrote it; the ledger
 * gets it with every configured secret redacted (and each one found recorded on the result).
 */
public final class CampaignEngine {

    /** Told after each finished attack. */
    public interface Progress {
        void update(long done, long total, long hits, long errors);
    }

    /** What a run did. */
    public record Outcome(int planned, int skipped, long finished, long hits, long errors, int notRun) {
    }

    private final Map<String, AttackTarget> targets;
    private final List<Judge> judges;
    private final AttackTools tools;
    private final AttackLedger ledger;
    private final int concurrency;
    private final Budget budget;
    private final Secrets secrets;
    private final Judge benignJudge;

    public CampaignEngine(Map<String, AttackTarget> targets, List<Judge> judges, AttackTools tools, AttackLedger ledger,
                          int concurrency, Budget budget) {
        this(targets, judges, tools, ledger, concurrency, budget, Secrets.NONE);
    }

    /** @param secrets what is redacted from every result before the ledger records it */
    public CampaignEngine(Map<String, AttackTarget> targets, List<Judge> judges, AttackTools tools, AttackLedger ledger,
                          int concurrency, Budget budget, Secrets secrets) {
        this(targets, judges, tools, ledger, concurrency, budget, secrets, null);
    }

    /**
     * @param benignJudge the refusal judge that alone judges benign prompts ({@link PlannedAttack#benign()}),
     *                    whatever the campaign's judges are; null when the plan has none
     */
    public CampaignEngine(Map<String, AttackTarget> targets, List<Judge> judges, AttackTools tools, AttackLedger ledger,
                          int concurrency, Budget budget, Secrets secrets, Judge benignJudge) {
        if (judges.isEmpty()) {
            throw new IllegalArgumentException("a campaign needs at least one judge");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more");
        }
        this.targets = Map.copyOf(targets);
        this.judges = List.copyOf(judges);
        this.tools = tools;
        this.ledger = ledger;
        this.concurrency = concurrency;
        this.budget = budget;
        this.secrets = secrets;
        this.benignJudge = benignJudge;
    }

    public Outcome run(List<PlannedAttack> plan, Progress progress) throws InterruptedException {
        Set<String> finished = ledger.finishedKeys();
        List<PlannedAttack> todo = plan.stream().filter(attack -> !finished.contains(attack.key())).toList();
        AtomicLong done = new AtomicLong();
        AtomicLong hits = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean exhausted = new AtomicBoolean();
        List<PlannedAttack> notRun = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "attack");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>(todo.size());
            for (PlannedAttack attack : todo) {
                running.add(pool.submit(() -> {
                    int cost = reservation(attack);
                    if (exhausted.get() || !budget.reserve(cost)) {
                        exhausted.set(true);
                        notRun.add(attack);
                        return;
                    }
                    AttackResult result = execute(attack, cost);
                    ledger.record(result);
                    if (result.status() == AttackResult.Status.ERROR) {
                        errors.incrementAndGet();
                    } else if (result.hit() && !attack.benign()) { // a benign prompt answered is no hit
                        hits.incrementAndGet();
                    }
                    progress.update(done.incrementAndGet(), todo.size(), hits.get(), errors.get());
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // the ledger's own failure (e.g. the database gone for good) says best what happened
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    throw new IllegalStateException("an attack could not be recorded: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!notRun.isEmpty()) {
            ledger.notRun(notRun);
        }
        return new Outcome(plan.size(), plan.size() - todo.size(), done.get(), hits.get(), errors.get(), notRun.size());
    }

    /** A benign prompt is judged for refusal only; an attack by every judge of the campaign. */
    private List<Judge> judgesOf(PlannedAttack attack) {
        if (!attack.benign()) {
            return judges;
        }
        if (benignJudge == null) {
            throw new IllegalStateException("the plan holds benign prompts but the engine was given no refusal judge for them");
        }
        return List.of(benignJudge);
    }

    /**
     * What an attack may spend at most: its strategy's target requests, times what one call may take
     * on its target (a stateful application replays the conversation into a new session when a strategy
     * backtracks), and its attacker requests — reserved before it runs, so a budget is never overspent.
     */
    private int reservation(PlannedAttack attack) {
        Strategy strategy = attack.strategy();
        long perCall = Math.max(1, targets.get(attack.target()).model().maxRequestsPerCall(strategy.maxHumanTurns()));
        long cost = (long) strategy.maxTargetRequests() * perCall + strategy.maxAttackerRequests();
        return (int) Math.min(Integer.MAX_VALUE, cost); // int budgets may multiply past an int
    }

    private AttackResult execute(PlannedAttack attack, int reserved) {
        AttackTarget target = targets.get(attack.target());
        long started = System.nanoTime();
        boolean simulated = target.model().simulated() || (tools.attacker() != null && tools.attacker().simulated());
        // the attacker's spend is counted per attack as it happens, whatever calls it (strategy or converter)
        MeteredChatModel attacker = tools.attacker() == null ? null : new MeteredChatModel(tools.attacker());
        try {
            AttackTools attackTools = tools.withAttacker(attacker).forRepetition(attack.repetition());
            AttackRun run = attack.strategy().run(attack.seed(), target.model(), target.sampling(), attackTools)
                    .withAttacker(attacker == null ? 0 : attacker.requests(), attacker == null ? TokenUsage.NONE : attacker.usage());
            budget.settle(reserved, run.targetRequests() + run.attackerRequests(), run.usage().total());
            List<Judge> judging = judgesOf(attack);
            List<Verdict> verdicts = new ArrayList<>(judging.size());
            for (Judge judge : judging) {
                verdicts.add(judge.judge(run.context(), run.reply(), run.planted()));
            }
            return AttackResult.done(attack, run, verdicts, Duration.ofNanos(System.nanoTime() - started), simulated)
                    .redacted(secrets);
        } catch (ChatModelException | IllegalStateException e) {
            int spent = attacker == null ? 0 : attacker.requests();
            budget.settle(reserved, Math.max(reserved, spent), attacker == null ? 0 : attacker.usage().total());
            return AttackResult.failed(attack, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Duration.ofNanos(System.nanoTime() - started), simulated).redacted(secrets);
        }
    }
}
