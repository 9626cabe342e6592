package dev.bellwether.customers.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.AccountDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An account as an API client sends it. {@code version} is required on update: it must be
 * the version the client read, or the update is refused with 409.
 */
record AccountRequest(
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 255, example = "Globex Corporation") String name,
		@Schema(description = "A web address, with or without http(s)://; its host becomes the account's domain",
				maxLength = 255, example = "https://www.globex.example") String website,
		@Schema(description = "One of the industries Bellwether knows", maxLength = 60,
				example = "Manufacturing") String industry,
		@Schema(maxLength = 40, pattern = "^$|^[+0-9 ()./-]{3,40}$", example = "+1 555 0100") String phone,
		@Schema(maxLength = 255, example = "1 Globex Way") String billingStreet,
		@Schema(maxLength = 120, example = "Springfield") String billingCity,
		@Schema(maxLength = 120, example = "OR") String billingState,
		@Schema(maxLength = 20, example = "97477") String billingPostalCode,
		@Schema(description = "ISO 3166-1 alpha-2 country code, upper case", minLength = 2, maxLength = 2,
				example = "US") String country,
		@Schema(minimum = "0", maximum = "10000000", example = "250") Integer employees,
		@Schema(description = "In the company currency; at most 17 digits and 2 decimals", minimum = "0",
				maximum = "99999999999999999.99", example = "12500000.00") BigDecimal annualRevenue,
		@Schema(description = "The parent company's account") UUID parentId,
		@Schema(description = "Defaults to the caller on create; left out on update, the owner stays") UUID ownerId,
		@Schema(maxLength = 10000, example = "Buys through its Oregon subsidiary.") String description,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version,
		@Schema(description = "Custom field values by key; a key left out keeps its value, null clears it") Map<String, Object> customFields) {

	AccountDetails toDetails(UUID defaultOwner) {
		return new AccountDetails(this.name, this.website, this.industry, this.phone, this.billingStreet,
				this.billingCity, this.billingState, this.billingPostalCode, this.country, this.employees,
				this.annualRevenue, this.parentId, this.ownerId == null ? defaultOwner : this.ownerId,
				this.description);
	}

}
