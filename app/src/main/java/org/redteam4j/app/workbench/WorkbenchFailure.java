package org.redteam4j.app.workbench;

import java.time.Duration;
import java.util.Optional;

/**
 * A request that broke a workbench rule: not a bug, so no stack trace. The {@link Kind} says which
 * sort of rule; the web layer turns it into a status code in one place, the message is shown as is.
 */
public final class WorkbenchFailure extends RuntimeException {

    /** Which sort of rule was broken. */
    public enum Kind {
        /** Nobody is signed in, or the name or password is wrong. */
        NOT_SIGNED_IN,
        /** The person may not do this. */
        FORBIDDEN,
        /** It does not exist, or it is not the person's to see (so ids reveal nothing). */
        NOT_FOUND,
        /** Not now: the state forbids it, e.g. a reply must be picked first. */
        CONFLICT,
        /** Too many tries or attempts; {@link #retryAfter()} says how long to wait. */
        TOO_MANY,
        /** What the person entered is not acceptable. */
        INVALID
    }

    private final Kind kind;
    private final Duration retryAfter;

    private WorkbenchFailure(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static WorkbenchFailure notSignedIn(String message) {
        return new WorkbenchFailure(Kind.NOT_SIGNED_IN, message, null);
    }

    public static WorkbenchFailure forbidden() {
        return forbidden("you are not allowed to do that");
    }

    public static WorkbenchFailure forbidden(String message) {
        return new WorkbenchFailure(Kind.FORBIDDEN, message, null);
    }

    public static WorkbenchFailure notFound() {
        return notFound("not found");
    }

    public static WorkbenchFailure notFound(String message) {
        return new WorkbenchFailure(Kind.NOT_FOUND, message, null);
    }

    public static WorkbenchFailure conflict(String message) {
        return new WorkbenchFailure(Kind.CONFLICT, message, null);
    }

    public static WorkbenchFailure tooMany(String message, Duration retryAfter) {
        return new WorkbenchFailure(Kind.TOO_MANY, message, retryAfter);
    }

    public static WorkbenchFailure invalid(String message) {
        return new WorkbenchFailure(Kind.INVALID, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** How long to wait before trying again; present for {@link Kind#TOO_MANY} only. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
