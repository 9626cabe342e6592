package dev.bellwether.customers.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.customers.AccountDetails;

/**
 * An account as an API client sends it. {@code version} is required on update: it must be
 * the version the client read, or the update is refused with 409.
 */
record AccountRequest(String name, String website, String industry, String phone, String billingStreet,
		String billingCity, String billingState, String billingPostalCode, String country, Integer employees,
		BigDecimal annualRevenue, UUID parentId, UUID ownerId, String description, Long version) {

	AccountDetails toDetails(UUID defaultOwner) {
		return new AccountDetails(this.name, this.website, this.industry, this.phone, this.billingStreet,
				this.billingCity, this.billingState, this.billingPostalCode, this.country, this.employees,
				this.annualRevenue, this.parentId, this.ownerId == null ? defaultOwner : this.ownerId,
				this.description);
	}

}
