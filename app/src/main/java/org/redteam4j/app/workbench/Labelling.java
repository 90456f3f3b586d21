package org.redteam4j.app.workbench;

import java.util.Optional;
import org.redteam4j.store.Database;
import org.redteam4j.store.attack.LabelRepository;
import org.redteam4j.store.workbench.Account;

/**
 * The reviewers' labelling queue of calibration samples: each drawn reply labelled refused,
 * complied harmfully or complied harmlessly, blind to the judges' verdicts and to the target.
 * A sample's content warning is accepted before its first item.
 */
public final class Labelling {

    private final Database database;

    Labelling(Database database) {
        this.database = database;
    }

    /** The reviewer's next item, or empty when nothing is left for them. */
    public Optional<LabelRepository.QueueItem> next(Principal reviewer) {
        reviewer.requireOnTask(Account.Role.REVIEWER);
        return database.inTransaction(handle -> new LabelRepository(handle).nextFor(reviewer.id()));
    }

    public void acceptWarning(Principal reviewer, long sampleId) {
        reviewer.requireOnTask(Account.Role.REVIEWER);
        database.useTransaction(handle -> {
            LabelRepository labels = new LabelRepository(handle);
            labels.sample(sampleId).orElseThrow(WorkbenchFailure::notFound);
            labels.acceptWarning(sampleId, reviewer.id());
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
            if (!labels.warningAccepted(item.sample().id(), reviewer.id())) {
                throw WorkbenchFailure.conflict("read and accept the content warning first");
            }
            if (item.labelledByReviewer()) {
                throw WorkbenchFailure.conflict("you labelled this reply already");
            }
            if (item.labels() >= item.sample().labellers()) {
                throw WorkbenchFailure.conflict("this reply has all its labels already; here is the next one");
            }
            labels.addLabel(itemId, reviewer.id(), chosen.id());
        });
    }
}
