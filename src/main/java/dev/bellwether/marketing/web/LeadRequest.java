package dev.bellwether.marketing.web;

import java.util.UUID;

import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.LeadStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A lead as an API client sends it. {@code version} is required on update: it must be the
 * version the client read, or the update is refused with 409.
 */
record LeadRequest(@Schema(maxLength = 80, example = "Ada") String firstName,
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 80, example = "Lovelace") String lastName,
		@Schema(maxLength = 255, example = "Analytical Engines Ltd") String company,
		@Schema(maxLength = 120, example = "Head of Engineering") String title,
		@Schema(format = "email", maxLength = 254, example = "ada@engines.example") String email,
		@Schema(maxLength = 40, pattern = "^$|^[+0-9 ()./-]{3,40}$", example = "+44 20 7946 0000") String phone,
		@Schema(description = "ISO 3166-1 alpha-2 country code, upper case", minLength = 2, maxLength = 2,
				example = "GB") String country,
		@Schema(description = "One of the lead sources (the lead-source pick list, shared with deals)", maxLength = 40,
				example = "Webinar") String source,
		@Schema(description = "NEW on create when left out; left out on update, it stays. NEW moves to WORKING, "
				+ "QUALIFIED or DISQUALIFIED; WORKING to QUALIFIED or DISQUALIFIED; a qualified or disqualified "
				+ "lead is reopened to WORKING.") LeadStatus status,
		@Schema(description = "Required when the status is DISQUALIFIED (the lead-disqualify-reason pick list); "
				+ "dropped for any other status", maxLength = 120, example = "No budget") String disqualifyReason,
		@Schema(description = "Left out on create, the assignment rules choose (or the caller owns the lead); left out on update, the owner stays") UUID ownerId,
		@Schema(maxLength = 10000, example = "Asked for a demo at the London webinar.") String description,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version) {

	LeadDetails toDetails(UUID defaultOwner) {
		return new LeadDetails(this.firstName, this.lastName, this.company, this.title, this.email, this.phone,
				this.country, this.source, this.status, this.disqualifyReason,
				this.ownerId == null ? defaultOwner : this.ownerId, this.description);
	}

}
