package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Something the company sells, at a list price in the company currency.
 *
 * @param active offered for new line items (inactive products stay on the deals that have
 * them)
 */
public record Product(UUID id, String code, String name, String description, BigDecimal listPrice, String currency,
		boolean active, Instant createdAt, Instant updatedAt, long version) {

	public ProductDetails details() {
		return new ProductDetails(this.code, this.name, this.description, this.listPrice, this.active);
	}

}
