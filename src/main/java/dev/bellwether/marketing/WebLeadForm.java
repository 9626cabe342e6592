package dev.bellwether.marketing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.util.StringUtils;

/**
 * A public web-to-lead form: the key its snippet posts to, the web sites allowed to post
 * from a browser, and what each lead it creates is given (source, campaign, owner).
 *
 * @param allowedOrigins the origins ({@code https://host[:port]}) a browser may post
 * from; a post that names any other origin is refused, and an empty list lets only posts
 * without an {@code Origin} (server-side integrations) through
 * @param consentText what the visitor is asked to agree to, or {@code null}
 * @param thankYouUrl where a browser goes after an HTML post, or {@code null} for
 * Bellwether's own thank-you page
 */
public record WebLeadForm(UUID id, String name, String publicKey, List<String> allowedOrigins, boolean active,
		String leadSource, UUID campaignId, String consentText, boolean consentRequired, String thankYouUrl,
		UUID ownerId, Instant keyRotatedAt, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
		long version) {

	/**
	 * @param origin the {@code Origin} header as sent
	 * @return whether a browser on that origin may post to this form
	 */
	public boolean allowsOrigin(String origin) {
		return WebLeadOrigins.normalise(origin).map(this.allowedOrigins::contains).orElse(false);
	}

	/** Whether the form shows a consent checkbox. */
	public boolean asksConsent() {
		return StringUtils.hasText(this.consentText);
	}

	public WebLeadFormDetails details() {
		return new WebLeadFormDetails(this.name, this.allowedOrigins, this.active, this.leadSource, this.campaignId,
				this.consentText, this.consentRequired, this.thankYouUrl, this.ownerId);
	}

}
