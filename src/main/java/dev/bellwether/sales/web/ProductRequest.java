package dev.bellwether.sales.web;

import java.math.BigDecimal;

import dev.bellwether.sales.ProductDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A product as an API client sends it; {@code active} defaults to true, {@code version}
 * is required on update.
 */
record ProductRequest(
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 40, pattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
				example = "CRM-SEAT") String code,
		@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 200, example = "CRM seat, one year") String name,
		@Schema(maxLength = 10000, example = "One named user for twelve months.") String description,
		@Schema(requiredMode = REQUIRED, description = "In the company currency; at most 17 digits and 2 decimals",
				minimum = "0", maximum = "99999999999999999.99", example = "1200.00") BigDecimal listPrice,
		@Schema(description = "Whether the product can be added to deals", defaultValue = "true",
				example = "true") Boolean active,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version) {

	ProductDetails toDetails() {
		return new ProductDetails(this.code, this.name, this.description, this.listPrice,
				this.active == null || this.active);
	}

}
