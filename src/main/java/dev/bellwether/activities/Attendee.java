package dev.bellwether.activities;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * Someone at a meeting: a contact, a user, or only an e-mail address (exactly one of the
 * three).
 *
 * @param name how pages show the attendee (filled in when read; ignored when written)
 */
public record Attendee(UUID contactId, UUID userId,
		@Email(message = "Enter a valid e-mail address for each attendee.") @Size(max = 254,
				message = "Keep e-mail addresses to 254 characters.") String email,
		String name) {

	public static Attendee contact(UUID contactId) {
		return new Attendee(contactId, null, null, null);
	}

	public static Attendee user(UUID userId) {
		return new Attendee(null, userId, null, null);
	}

	public static Attendee email(String email) {
		return new Attendee(null, null, email, null);
	}

	/**
	 * @return the attendee without a display name, for comparing what was entered
	 */
	Attendee key() {
		return new Attendee(this.contactId, this.userId,
				this.email == null ? null : this.email.trim().toLowerCase(java.util.Locale.ROOT), null);
	}

	/**
	 * @return how the audit trail names the attendee
	 */
	@Override
	public String toString() {
		if (this.contactId != null) {
			return "contact:" + this.contactId;
		}
		if (this.userId != null) {
			return "user:" + this.userId;
		}
		return String.valueOf(this.email);
	}

}
