package dev.bellwether.sales.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.sales.LineItemDetails;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A line item as an API client sends it; leave {@code unitPrice} out for the product's
 * list price. {@code version} is required on update.
 */
record LineItemRequest(
		@Schema(requiredMode = REQUIRED,
				description = "A product of the catalogue (GET /api/v1/products)") UUID productId,
		@Schema(requiredMode = REQUIRED, description = "At most 10 digits and 2 decimals", minimum = "0.01",
				maximum = "9999999999.99", example = "5") BigDecimal quantity,
		@Schema(description = "Left out for the product's list price; at most 17 digits and 2 decimals", minimum = "0",
				maximum = "99999999999999999.99", example = "1200.00") BigDecimal unitPrice,
		@Schema(description = "Percent, at most 2 decimals; left out for none", minimum = "0", maximum = "100",
				example = "10") BigDecimal discountPercent,
		@Schema(maxLength = 255, example = "First-year licences") String description,
		@Schema(description = "Required on update: the version of the record you read; a stale one is refused with "
				+ "409 Conflict. Ignored on create.", example = "0") Long version) {

	LineItemDetails toDetails() {
		return new LineItemDetails(this.productId, this.quantity, this.unitPrice, this.discountPercent,
				this.description);
	}

}
