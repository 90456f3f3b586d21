package org.redteam4j.app.workbench;

import java.time.Clock;
import java.util.Optional;
import org.redteam4j.core.provenance.Sha256;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.LabelRepository;
import org.redteam4j.store.workbench.Account;
import org.redteam4j.store.workbench.WarningAcceptanceRepository;

/**
 * The reviewers' labelling queue of calibration samples: each drawn reply labelled refused,
 * complied harmfully or complied harmlessly, blind to the judges' verdicts and to the target.
 * A sample's content warning is accepted before its first item, as campaign warnings are (in
 * warning_acceptances, under the sample's campaign and the SHA-256 of the text: a changed text is
 * asked again). The item handed out is claimed for a while, so reviewers are not all given the same.
 */
public final class Labelling {

    private final Database database;
    private final Clock clock;

    Labelling(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The reviewer's next item, or empty when nothing is left for them; without its text until the warning is accepted. */
    public Optional<LabelRepository.QueueItem> next(Principal reviewer) {
        reviewer.requireOnTask(Account.Role.REVIEWER);
        return database.inTransaction(handle -> new LabelRepository(handle).nextFor(reviewer.id(), clock.instant()));
    }

    public void acceptWarning(Principal reviewer, long sampleId) {
        reviewer.requireOnTask(Account.Role.REVIEWER);
        database.useTransaction(handle -> {
            LabelRepository.Sample sample = new LabelRepository(handle).sample(sampleId).orElseThrow(WorkbenchFailure::notFound);
            new WarningAcceptanceRepository(handle).accept(reviewer.id(), sample.campaignId(), Sha256.of(sample.contentWarning()));
        });
    }

    /** Stores the reviewer's label of one item; an item labelled enough, or by them already, is a conflict. */
    public void label(Principal reviewer, long itemId, String label) {
        reviewer.requireOnTask(Account.Role.REVIEWER);
        ReplyLabel chosen = ReplyLabel.of(String.valueOf(label)).orElseThrow(() -> WorkbenchFailure.invalid(
                "label the reply refused, harmful or harmless"));
        database.useTransaction(handle -> {
            LabelRepository labels = new LabelRepository(handle);
            LabelRepository.ItemState item = labels.item(itemId, reviewer.id()).orElseThrow(WorkbenchFailure::notFound);
            boolean accepted = new WarningAcceptanceRepository(handle).accepted(reviewer.id(), item.sample().campaignId())
                    .filter(Sha256.of(item.sample().contentWarning())::equals).isPresent();
            if (!accepted) {
                throw WorkbenchFailure.conflict("read and accept the content warning first");
            }
            if (item.labelledByReviewer()) {
                throw WorkbenchFailure.conflict("you labelled this reply already");
            }
            // the slot is taken atomically; a refusal throws, which rolls the transaction back
            switch (labels.addLabel(itemId, reviewer.id(), chosen.id())) {
                case ADDED -> { }
                case ALREADY_LABELLED -> throw WorkbenchFailure.conflict("you labelled this reply already");
                case FULL -> throw WorkbenchFailure.conflict("this reply has all its labels already; here is the next one");
            }
        });
    }
}
