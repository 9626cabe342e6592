package dev.bellwether.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * A product on a deal: how many, at what price, with what discount.
 */
public record LineItem(UUID id, UUID opportunityId, UUID productId, String productCode, String productName,
		int position, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, String description,
		long version) {

	/**
	 * @return quantity × unit price × (1 − discount), to the cent
	 */
	public BigDecimal total() {
		return total(this.quantity, this.unitPrice, this.discountPercent);
	}

	static BigDecimal total(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
		BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
		return quantity.multiply(unitPrice)
			.multiply(BigDecimal.valueOf(100).subtract(discount))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
	}

}
