package dev.bellwether.marketing;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an administrator or a marketing user enters about a web-to-lead form; the same
 * rules apply to the pages and the API. Origins, the source, the campaign, the owner and
 * the thank-you address are checked by {@link WebLeadForms}.
 *
 * @param allowedOrigins {@code https://host[:port]} each (see {@link WebLeadOrigins})
 * @param consentRequired whether a post without the consent box ticked is refused; needs
 * a consent text
 */
public record WebLeadFormDetails(
		@NotBlank(message = "Enter the form's name.") @Size(max = 120,
				message = "Keep the name to 120 characters.") String name,
		@Size(max = 20, message = "List at most 20 origins.") List<String> allowedOrigins, boolean active,
		@NotBlank(message = "Choose the lead source the form's leads get.") @Size(max = 40,
				message = "Choose a lead source from the list.") String leadSource,
		UUID campaignId, @Size(max = 2000, message = "Keep the consent text to 2,000 characters.") String consentText,
		boolean consentRequired,
		@Size(max = 2000, message = "Keep the thank-you address to 2,000 characters.") String thankYouUrl,
		@NotNull(message = "Choose who owns the leads the form creates.") UUID ownerId) {

	public WebLeadFormDetails {
		allowedOrigins = (allowedOrigins == null) ? List.of() : List.copyOf(allowedOrigins);
	}

}
