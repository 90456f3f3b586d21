package org.redteam4j.store.member;

/** Where a member was recruited; hh-rlhf's {@code is_upworker} tells Upwork from Mechanical Turk. */
public final class RecruitmentSource {

    public static final String UPWORK = "upwork";
    public static final String MTURK = "mturk";

    private RecruitmentSource() {
    }

    public static String fromIsUpworker(boolean isUpworker) {
        return isUpworker ? UPWORK : MTURK;
    }

    public static boolean isUpworker(String source) {
        return UPWORK.equals(source);
    }
}
