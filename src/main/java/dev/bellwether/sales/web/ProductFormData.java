package dev.bellwether.sales.web;

import java.math.BigDecimal;

import dev.bellwether.sales.Product;
import dev.bellwether.sales.ProductDetails;

/**
 * The product form as the browser posts it; the rules live in {@link ProductDetails}.
 */
public class ProductFormData {

	private String code;

	private String name;

	private String description;

	private BigDecimal listPrice;

	private boolean active = true;

	private long version;

	static ProductFormData of(Product product) {
		ProductFormData form = new ProductFormData();
		form.code = product.code();
		form.name = product.name();
		form.description = product.description();
		form.listPrice = product.listPrice();
		form.active = product.active();
		form.version = product.version();
		return form;
	}

	ProductDetails toDetails() {
		return new ProductDetails(this.code, this.name, this.description, this.listPrice, this.active);
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public BigDecimal getListPrice() {
		return this.listPrice;
	}

	public void setListPrice(BigDecimal listPrice) {
		this.listPrice = listPrice;
	}

	public boolean isActive() {
		return this.active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
