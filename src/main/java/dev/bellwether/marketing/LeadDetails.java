package dev.bellwether.marketing;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user enters about a lead; the same rules apply to forms, the API and inline
 * edits. The status rules (which move is allowed, a reason to disqualify) are checked by
 * {@link Leads}.
 *
 * @param status {@code null} for a new lead means {@link LeadStatus#NEW}
 * @param disqualifyReason required for a disqualified lead, dropped for any other
 */
public record LeadDetails(@Size(max = 80, message = "Keep the first name to 80 characters.") String firstName,
		@NotBlank(message = "Enter the lead's last name.") @Size(max = 80,
				message = "Keep the last name to 80 characters.") String lastName,
		@Size(max = 255, message = "Keep the company to 255 characters.") String company,
		@Size(max = 120, message = "Keep the title to 120 characters.") String title,
		@Size(max = 254, message = "Keep the e-mail address to 254 characters.") @Email(
				regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
				message = "Enter an e-mail address such as name@example.com.") String email,
		@Size(max = 40, message = "Keep the phone number to 40 characters.") @Pattern(
				regexp = "^$|^[+0-9 ()./-]{3,40}$",
				message = "Enter a phone number using digits, spaces and + ( ) - . / only.") String phone,
		@Size(max = 2, message = "Choose a country from the list.") String country,
		@Size(max = 40, message = "Choose a lead source from the list.") String source, LeadStatus status,
		@Size(max = 120, message = "Choose a disqualify reason from the list.") String disqualifyReason,
		@NotNull(message = "Choose an owner.") UUID ownerId,
		@Size(max = 10_000, message = "Keep the description to 10,000 characters.") String description) {

	static LeadDetails empty() {
		return new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The same details in another status, with its reason.
	 */
	LeadDetails withStatus(LeadStatus newStatus, String reason) {
		return new LeadDetails(this.firstName, this.lastName, this.company, this.title, this.email, this.phone,
				this.country, this.source, newStatus, reason, this.ownerId, this.description);
	}

}
