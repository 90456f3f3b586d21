package org.redteam4j.app.workbench;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.redteam4j.config.Environment;
import org.redteam4j.core.scoring.HarmlessnessScorer;
import org.redteam4j.store.Database;

/**
 * The workbench's services over one database, built together because they share the target
 * models (each built once) and the password encoder. Closing it frees the models.
 */
public final class Workbench implements AutoCloseable {

    private final TargetModels models;
    private final Accounts accounts;
    private final Sessions sessions;
    private final Wellbeing wellbeing;
    private final Campaigns campaigns;
    private final RedTeamTask task;
    private final AnswerFloor answerFloor;
    private final Reviews reviews;
    private final Dashboards dashboards;
    private final AutomatedResults automated;
    private final Labelling labelling;
    private final CampaignLifecycle lifecycle;
    private final Transcripts transcripts;
    private final CampaignExports exports;

    /** {@code environment}'s preference model scores the candidates and ranks rejection sampling's samples. */
    public Workbench(Database database, Environment environment, Clock clock) {
        this(database, environment, clock, Accounts.INVITE_LIFETIME);
    }

    /** @param inviteLifetime how long an invitation link works ({@code serve --invite-days}) */
    public Workbench(Database database, Environment environment, Clock clock, Duration inviteLifetime) {
        Passwords passwords = new Passwords();
        Supplier<HarmlessnessScorer> scorer = environment.preferenceModelSupplier();
        this.models = new TargetModels(environment);
        this.accounts = new Accounts(database, passwords, clock, inviteLifetime);
        this.sessions = new Sessions(database, passwords, clock);
        this.wellbeing = new Wellbeing(database);
        this.campaigns = new Campaigns(database, models, wellbeing);
        this.answerFloor = new AnswerFloor(database);
        this.task = new RedTeamTask(database, models, scorer, clock, wellbeing, answerFloor);
        this.reviews = new Reviews(database, wellbeing);
        this.dashboards = new Dashboards(database);
        this.automated = new AutomatedResults(database);
        this.labelling = new Labelling(database, clock);
        this.lifecycle = new CampaignLifecycle(database, clock);
        this.transcripts = new Transcripts(database);
        this.exports = new CampaignExports(database);
    }

    public Accounts accounts() {
        return accounts;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public Wellbeing wellbeing() {
        return wellbeing;
    }

    public RedTeamTask task() {
        return task;
    }

    public AnswerFloor answerFloor() {
        return answerFloor;
    }

    public Reviews reviews() {
        return reviews;
    }

    public Dashboards dashboards() {
        return dashboards;
    }

    public AutomatedResults automated() {
        return automated;
    }

    public Labelling labelling() {
        return labelling;
    }

    /** Closing, reopening and archiving campaigns (admins). */
    public CampaignLifecycle lifecycle() {
        return lifecycle;
    }

    public Transcripts transcripts() {
        return transcripts;
    }

    public CampaignExports exports() {
        return exports;
    }

    @Override
    public void close() {
        models.close();
    }
}
