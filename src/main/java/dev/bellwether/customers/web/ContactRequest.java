package dev.bellwether.customers.web;

import java.util.UUID;

import dev.bellwether.customers.ContactDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A contact as an API client sends it. {@code version} is required on update: it must be
 * the version the client read, or the update is refused with 409.
 */
record ContactRequest(@Schema(maxLength = 80, example = "Hank") String firstName,
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 80, example = "Scorpio") String lastName,
		@Schema(maxLength = 120, example = "Chief Executive Officer") String title,
		@Schema(format = "email", maxLength = 254, example = "hank.scorpio@globex.example") String email,
		@Schema(maxLength = 40, pattern = "^$|^[+0-9 ()./-]{3,40}$", example = "+1 555 0101") String phone,
		@Schema(maxLength = 40, pattern = "^$|^[+0-9 ()./-]{3,40}$", example = "+1 555 0199") String mobile,
		@Schema(description = "The account the contact works for") UUID accountId,
		@Schema(description = "Defaults to the caller on create; left out on update, the owner stays") UUID ownerId,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version,
		@Schema(description = "Custom field values by key; a key left out keeps its value, null clears it") java.util.Map<String, Object> customFields) {

	ContactDetails toDetails(UUID defaultOwner) {
		return new ContactDetails(this.firstName, this.lastName, this.title, this.email, this.phone, this.mobile,
				this.accountId, this.ownerId == null ? defaultOwner : this.ownerId);
	}

}
