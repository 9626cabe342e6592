package dev.bellwether.marketing;

/**
 * What a web-to-lead form has received, all time.
 *
 * @param submissions posts that created a lead (rows of {@code web_lead_submissions})
 * @param spam posts with the honeypot field filled in: answered as if received, nothing
 * stored
 * @param rateLimited posts refused with 429 because their client address had sent the
 * form its posts for the minute already
 */
public record WebLeadFormCounts(long submissions, long spam, long rateLimited) {

}
