package dev.bellwether.customers;

import dev.bellwether.platform.edit.EditedRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.bellwether.platform.customfield.CustomValues;

/**
 * A company Bellwether's users sell to.
 */
public record Account(UUID id, String name, String website, String domain, String industry, String phone,
		String billingStreet, String billingCity, String billingState, String billingPostalCode, String country,
		Integer employees, BigDecimal annualRevenue, UUID parentId, String parentName, UUID ownerId, String description,
		Instant deletedAt, UUID deletedBy, Instant createdAt, UUID createdBy, Instant updatedAt, UUID updatedBy,
		Instant lastTouchedAt, UUID lastTouchedBy, long version,
		CustomValues customFields) implements EditedRecord<AccountDetails> {

	public boolean isDeleted() {
		return this.deletedAt != null;
	}

	public String countryName() {
		return Countries.name(this.country);
	}

	/**
	 * The values a user can edit, as they are now.
	 */
	public AccountDetails details() {
		return new AccountDetails(this.name, this.website, this.industry, this.phone, this.billingStreet,
				this.billingCity, this.billingState, this.billingPostalCode, this.country, this.employees,
				this.annualRevenue, this.parentId, this.ownerId, this.description);
	}

}
