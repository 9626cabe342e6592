package dev.bellwether.customers.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Account;

/**
 * An account as the API returns it.
 */
record AccountResource(UUID id, String name, String website, String domain, String industry, String phone,
		String billingStreet, String billingCity, String billingState, String billingPostalCode, String country,
		Integer employees, BigDecimal annualRevenue, UUID parentId, String parentName, UUID ownerId, String ownerName,
		String description, Instant deletedAt, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
		Instant lastTouchedAt, UUID lastTouchedBy, long version, Map<String, Object> customFields) {

	static AccountResource of(Account a, Map<UUID, String> userNames) {
		return new AccountResource(a.id(), a.name(), a.website(), a.domain(), a.industry(), a.phone(),
				a.billingStreet(), a.billingCity(), a.billingState(), a.billingPostalCode(), a.country(), a.employees(),
				a.annualRevenue(), a.parentId(), a.parentName(), a.ownerId(), userNames.get(a.ownerId()),
				a.description(), a.deletedAt(), a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy(),
				a.lastTouchedAt(), a.lastTouchedBy(), a.version(), a.customFields().asMap());
	}

}
