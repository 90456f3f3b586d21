package org.redteam4j.store.attempt;

/**
 * Which red-team attempts an export or an analysis reads: finished ones (rated, status
 * {@code complete}) — of one workbench campaign, or all — and, when asked for
 * ({@code --include-abandoned}), those their member abandoned. An abandoned attempt without a
 * rating is exported with {@code "rating": null}; the analyses, which need a rating, read only the
 * abandoned attempts that have one.
 *
 * @param campaignId the campaign's id, or null for every attempt
 */
public record AttemptSelection(Long campaignId, boolean includeAbandoned) {

    /** The field exports add to an abandoned attempt's record. */
    public static final String ABANDONED_FIELD = "abandoned";

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
