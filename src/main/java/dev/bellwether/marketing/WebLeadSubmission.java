package dev.bellwether.marketing;

import java.time.Instant;
import java.util.UUID;

/**
 * How a lead came through a web-to-lead form: when, the consent as the visitor saw it and
 * whether they gave it, and where the post came from (the client's network only, never
 * its whole address).
 *
 * @param consentText the consent text the form showed at the time, or {@code null} when
 * it asked for none
 * @param consentTextSha256 the SHA-256 of that text, hex, to tell versions apart
 */
public record WebLeadSubmission(UUID id, UUID formId, String formName, UUID leadId, Instant submittedAt,
		boolean consentGiven, String consentText, String consentTextSha256, String pageUrl, String referrer,
		String userAgent, String clientNetwork) {

}
