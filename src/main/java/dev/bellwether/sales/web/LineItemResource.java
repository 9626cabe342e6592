package dev.bellwether.sales.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.sales.LineItem;

record LineItemResource(UUID id, UUID opportunityId, UUID productId, String productCode, String productName,
		int position, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal total,
		String description, long version) {

	static LineItemResource of(LineItem i) {
		return new LineItemResource(i.id(), i.opportunityId(), i.productId(), i.productCode(), i.productName(),
				i.position(), i.quantity(), i.unitPrice(), i.discountPercent(), i.total(), i.description(),
				i.version());
	}

}
