package dev.bellwether.sales.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.sales.LineItemDetails;

/**
 * A line item as an API client sends it; leave {@code unitPrice} out for the product's
 * list price. {@code version} is required on update.
 */
record LineItemRequest(UUID productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
		String description, Long version) {

	LineItemDetails toDetails() {
		return new LineItemDetails(this.productId, this.quantity, this.unitPrice, this.discountPercent,
				this.description);
	}

}
