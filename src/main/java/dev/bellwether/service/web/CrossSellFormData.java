package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.service.CrossSellRequest;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The case page's "New deal from this case" form.
 */
public class CrossSellFormData {

	private String name;

	private BigDecimal amount;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate closeDate;

	private UUID stageId;

	private UUID productId;

	private UUID ownerId;

	static CrossSellFormData of(CrossSellRequest defaults) {
		CrossSellFormData form = new CrossSellFormData();
		form.name = defaults.name();
		form.amount = defaults.amount();
		form.closeDate = defaults.closeDate();
		form.stageId = defaults.stageId();
		form.productId = defaults.productId();
		form.ownerId = defaults.ownerId();
		return form;
	}

	CrossSellRequest toRequest() {
		return new CrossSellRequest(this.name, this.amount, this.closeDate, this.stageId, this.productId, this.ownerId);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public LocalDate getCloseDate() {
		return this.closeDate;
	}

	public void setCloseDate(LocalDate closeDate) {
		this.closeDate = closeDate;
	}

	public UUID getStageId() {
		return this.stageId;
	}

	public void setStageId(UUID stageId) {
		this.stageId = stageId;
	}

	public UUID getProductId() {
		return this.productId;
	}

	public void setProductId(UUID productId) {
		this.productId = productId;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(UUID ownerId) {
		this.ownerId = ownerId;
	}

}
