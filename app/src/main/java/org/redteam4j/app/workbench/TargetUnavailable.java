package org.redteam4j.app.workbench;

/**
 * A target did not answer a member's message. It says only that, whatever went wrong: the model,
 * its endpoint and the error would unblind the member, so they reach admins only (the campaign's
 * dashboard and the server log, through {@link TargetFailures}). The member's message was not
 * stored, so they may send it again.
 */
public final class TargetUnavailable extends RuntimeException {

    public static final String MESSAGE = "the model did not answer; your message was kept, try again";

    TargetUnavailable() {
        super(MESSAGE, null, false, false);
    }
}
