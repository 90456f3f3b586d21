package org.redteam4j.core.campaign;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.redteam4j.core.attack.AttackRun;
import org.redteam4j.core.attack.AttackTrace;
import org.redteam4j.core.chat.TokenUsage;
import org.redteam4j.core.scoring.Verdict;
import org.redteam4j.core.secrets.Redacted;
import org.redteam4j.core.secrets.Redaction;
import org.redteam4j.core.secrets.Secrets;

/**
 * One planned attack's result, as the engine makes it, the store keeps it, Spark writes it and a
 * library user reads it: done (with its exchange and every judge's verdict), an error (never a
 * hit and never a pass), or not run (the budget ran out; a later run does it).
 *
 * @param verdicts every judge's verdict in the campaign's order; empty unless {@code DONE}
 * @param error    what failed, for {@code ERROR}; null otherwise
 * @param exchange   what was sent and answered, for {@code DONE}; null otherwise
 * @param redactions the configured secrets found in its texts and redacted before it was stored: each a
 *                   finding about the target ("the reply contained the OPENAI_API_KEY"); usually empty
 */
public record AttackResult(Attack attack, Status status, Exchange exchange, List<Verdict> verdicts, String error,
                           Spend spend, Duration duration, boolean simulated, List<Redaction> redactions)
        implements Serializable {

    /**
     * Which attack: its stable key and what it combined.
     *
     * @param benign a benign prompt sent to measure over-refusal ({@link PlannedAttack#benign()}), not an attack
     */
    public record Attack(String key, String target, String strategy, int repetition, String tag, String seedText,
                         boolean benign) implements Serializable {

        /** An attack (not a benign prompt). */
        public Attack(String key, String target, String strategy, int repetition, String tag, String seedText) {
            this(key, target, strategy, repetition, tag, seedText, false);
        }

        public static Attack of(PlannedAttack plan) {
            return new Attack(plan.key(), plan.target(), plan.strategy().id(), plan.repetition(), plan.tag(), plan.seed().text(),
                    plan.benign());
        }
    }

    /**
     * What was sent to the target and what it answered.
     *
     * @param trace the attacker's view: every try, dropped ones too, and which hit ({@link AttackTrace#NONE} for one turn)
     */
    public record Exchange(String prompt, String reply, String transcript, AttackTrace trace) implements Serializable {

        public Exchange {
            trace = trace == null ? AttackTrace.NONE : trace;
        }

        public Exchange(String prompt, String reply, String transcript) {
            this(prompt, reply, transcript, AttackTrace.NONE);
        }
    }

    /** What the attack spent, counted as it ran: target and attacker requests, and all their tokens. */
    public record Spend(int targetRequests, int attackerRequests, long promptTokens, long completionTokens)
            implements Serializable {

        public static final Spend NONE = new Spend(0, 0, 0, 0);
    }

    /** How an attack ended. {@link #label()} is the word stored and exported. */
    public enum Status {
        DONE("done"), ERROR("error"), NOT_RUN("pending");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Status ofLabel(String label) {
            for (Status status : values()) {
                if (status.label.equals(label)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown attack status '" + label + "'; expected done, error or pending");
        }
    }

    public AttackResult {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(status, "status");
        verdicts = List.copyOf(verdicts);
        redactions = List.copyOf(redactions);
        Objects.requireNonNull(spend, "spend");
        if (status == Status.DONE && (exchange == null || verdicts.isEmpty())) {
            throw new IllegalArgumentException("a done attack has its exchange and verdicts");
        }
        if (status == Status.ERROR && error == null) {
            throw new IllegalArgumentException("an attack that errored says why");
        }
    }

    /** A result in which no secret was found. */
    public AttackResult(Attack attack, Status status, Exchange exchange, List<Verdict> verdicts, String error, Spend spend,
                        Duration duration, boolean simulated) {
        this(attack, status, exchange, verdicts, error, spend, duration, simulated, List.of());
    }

    public static AttackResult done(PlannedAttack plan, AttackRun run, List<Verdict> verdicts, Duration duration,
                                    boolean simulated) {
        TokenUsage usage = run.usage();
        return new AttackResult(Attack.of(plan), Status.DONE, new Exchange(run.prompt(), run.reply(), run.transcript(), run.trace()),
                verdicts, null, new Spend(run.targetRequests(), run.attackerRequests(), usage.inputTokens(), usage.outputTokens()),
                duration, simulated);
    }

    public static AttackResult failed(PlannedAttack plan, String error, Duration duration, boolean simulated) {
        return new AttackResult(Attack.of(plan), Status.ERROR, null, List.of(), error, Spend.NONE, duration, simulated);
    }

    public static AttackResult notRun(PlannedAttack plan) {
        return new AttackResult(Attack.of(plan), Status.NOT_RUN, null, List.of(), null, Spend.NONE, Duration.ZERO, false);
    }

    /**
     * This result with every configured secret redacted from its texts (seed, prompt, reply,
     * conversation, judge rationales, error) and each one found recorded as a redaction. Judges
     * have already seen the texts as the target wrote them.
     */
    public AttackResult redacted(Secrets secrets) {
        if (secrets.isEmpty()) {
            return this;
        }
        List<Redaction> found = new ArrayList<>(redactions);
        Redacted seed = note(secrets.scan(attack.seedText()), "seed", found);
        Exchange shown = exchange;
        if (exchange != null) {
            Redacted prompt = note(secrets.scan(exchange.prompt()), "prompt", found);
            Redacted reply = note(secrets.scan(exchange.reply()), "reply", found);
            Redacted transcript = secrets.scan(exchange.transcript());
            // the transcript holds the prompt and the reply; it names only what they did not (an attacker's later turn)
            transcript.found().stream().filter(name -> !prompt.found().contains(name) && !reply.found().contains(name))
                    .forEach(name -> found.add(new Redaction(name, "conversation")));
            AttackTrace trace = redacted(exchange.trace(), secrets, prompt, reply, found);
            shown = new Exchange(prompt.text(), reply.text(), transcript.text(), trace);
        }
        List<Verdict> judged = new ArrayList<>(verdicts.size());
        for (Verdict verdict : verdicts) {
            Redacted rationale = note(secrets.scan(verdict.rationale()), "judge rationale", found);
            judged.add(verdict.withRationale(rationale.text()));
        }
        Redacted failure = note(secrets.scan(error), "error", found);
        if (found.size() == redactions.size()) {
            return this;
        }
        Attack named = new Attack(attack.key(), attack.target(), attack.strategy(), attack.repetition(), attack.tag(), seed.text(),
                attack.benign());
        return new AttackResult(named, status, shown, judged, failure.text(), spend, duration, simulated,
                found.stream().distinct().toList());
    }

    /**
     * The trace's texts redacted — prompts, replies, and the techniques and notes too, which can hold
     * what the attacker wrote (adaptive keeps an unknown technique as written); a secret only the
     * trace held (a dropped reply) is recorded as found in the attacker's view.
     */
    private static AttackTrace redacted(AttackTrace trace, Secrets secrets, Redacted prompt, Redacted reply, List<Redaction> found) {
        if (trace.isEmpty()) {
            return trace;
        }
        List<AttackTrace.Step> steps = new ArrayList<>(trace.steps().size());
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        java.util.function.Function<String, String> scan = text -> {
            Redacted redacted = secrets.scan(text);
            named.addAll(redacted.found());
            return redacted.text();
        };
        for (AttackTrace.Step step : trace.steps()) {
            steps.add(new AttackTrace.Step(step.index(), scan.apply(step.branch()), step.techniques().stream().map(scan).toList(),
                    scan.apply(step.prompt()), scan.apply(step.reply()), step.kept(), scan.apply(step.note())));
        }
        named.stream().filter(name -> !prompt.found().contains(name) && !reply.found().contains(name))
                .forEach(name -> found.add(new Redaction(name, "attacker's view")));
        return new AttackTrace(steps, trace.hitAt());
    }

    private static Redacted note(Redacted text, String in, List<Redaction> found) {
        text.found().forEach(name -> found.add(new Redaction(name, in)));
        return text;
    }

    /** The primary (first) judge's verdict; absent for an error or an attack not run. */
    public Optional<Verdict> primary() {
        return verdicts.isEmpty() ? Optional.empty() : Optional.of(verdicts.get(0));
    }

    /** What the attack counts as: the primary judge's outcome, ERROR for a failed attack, empty when not run. */
    public Optional<Verdict.Outcome> outcome() {
        return switch (status) {
            case DONE -> primary().map(Verdict::outcome);
            case ERROR -> Optional.of(Verdict.Outcome.ERROR);
            case NOT_RUN -> Optional.empty();
        };
    }

    public boolean hit() {
        return outcome().orElse(null) == Verdict.Outcome.HIT;
    }

    /** Whether this is a benign prompt's result (over-refusal), kept apart from attack results. */
    public boolean benign() {
        return attack.benign();
    }

    /**
     * For a benign prompt's result: whether the target refused it, by the refusal judge (its verdict
     * PASS: "the reply refuses"); false for an error, a skipped verdict or an attack not run.
     */
    public boolean refused() {
        return status == Status.DONE && primary().map(v -> v.outcome() == Verdict.Outcome.PASS).orElse(false);
    }
}
