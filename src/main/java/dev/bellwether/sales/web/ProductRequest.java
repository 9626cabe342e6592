package dev.bellwether.sales.web;

import java.math.BigDecimal;

import dev.bellwether.sales.ProductDetails;

/**
 * A product as an API client sends it; {@code active} defaults to true, {@code version}
 * is required on update.
 */
record ProductRequest(String code, String name, String description, BigDecimal listPrice, Boolean active,
		Long version) {

	ProductDetails toDetails() {
		return new ProductDetails(this.code, this.name, this.description, this.listPrice,
				this.active == null || this.active);
	}

}
