package org.redteam4j.store.attempt;

/**
 * Which red-team attempts an export or an analysis reads: finished ones (rated, status
 * {@code complete}) — of one workbench campaign, or all — and, for an export that asks
 * ({@code export --include-abandoned}), those their member abandoned. The workbench never rates an
 * abandoned attempt, so it is exported with {@code "rating": null} (not the hh-rlhf format's), and
 * stats and analyses, which need a rating, read finished attempts only.
 *
 * @param campaignId the campaign's id, or null for every attempt
 */
public record AttemptSelection(Long campaignId, boolean includeAbandoned) {

    /** The field exports add to an abandoned attempt's record. */
    public static final String ABANDONED_FIELD = "abandoned";

    /** The field exports add to an attempt made with a simulated target ({@code model: sim}). */
    public static final String SIMULATED_FIELD = "simulated";

    /** Finished attempts of every campaign and import: what exports and analyses read by default. */
    public static AttemptSelection finished() {
        return new AttemptSelection(null, false);
    }

    /**
     * The SQL condition on {@code attempts a} (binds {@code :campaign} when a campaign is chosen);
     * {@code ratedOnly} leaves out abandoned attempts without a rating.
     */
    public String where(boolean ratedOnly) {
        String abandoned = ratedOnly ? "(a.status = 'abandoned' AND a.rating IS NOT NULL)" : "a.status = 'abandoned'";
        String status = includeAbandoned
                ? "((a.status = 'complete' AND a.rating IS NOT NULL) OR " + abandoned + ")"
                : "a.status = 'complete' AND a.rating IS NOT NULL";
        return campaignId == null ? status : status + " AND a.campaign_id = :campaign";
    }
}
