package dev.bellwether.imports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.sales.OpportunityDetails;

/**
 * A row's values laid over a record's details: a value the row has replaces the field's,
 * a field the row leaves blank keeps what the record has (nothing, for a new record).
 */
final class Binders {

	private Binders() {
	}

	static AccountDetails account(AccountDetails base, Map<String, Object> v, UUID owner) {
		AccountDetails b = base != null ? base : new AccountDetails(null, null, null, null, null, null, null, null,
				null, null, null, null, owner, null);
		return new AccountDetails(text(v, "name", b.name()), text(v, "website", b.website()),
				text(v, "industry", b.industry()), text(v, "phone", b.phone()),
				text(v, "billingStreet", b.billingStreet()), text(v, "billingCity", b.billingCity()),
				text(v, "billingState", b.billingState()), text(v, "billingPostalCode", b.billingPostalCode()),
				text(v, "country", b.country()), value(v, "employees", b.employees()),
				value(v, "annualRevenue", b.annualRevenue()), value(v, "parent", b.parentId()),
				value(v, "owner", b.ownerId()), text(v, "description", b.description()));
	}

	static ContactDetails contact(ContactDetails base, Map<String, Object> v, UUID owner) {
		ContactDetails b = base != null ? base : new ContactDetails(null, null, null, null, null, null, null, owner);
		return new ContactDetails(text(v, "firstName", b.firstName()), text(v, "lastName", b.lastName()),
				text(v, "title", b.title()), text(v, "email", b.email()), text(v, "phone", b.phone()),
				text(v, "mobile", b.mobile()), value(v, "account", b.accountId()), value(v, "owner", b.ownerId()));
	}

	static OpportunityDetails opportunity(OpportunityDetails base, Map<String, Object> v, UUID owner) {
		OpportunityDetails b = base != null ? base : new OpportunityDetails(null, null, null, owner, null, null, false,
				null, null, null, null, null, null, null, null, null);
		BigDecimal amount = value(v, "amount", b.amount());
		return new OpportunityDetails(text(v, "name", b.name()), value(v, "account", b.accountId()),
				value(v, "contact", b.primaryContactId()), value(v, "owner", b.ownerId()),
				value(v, "stage", b.stageId()), amount, v.containsKey("amount") ? false : b.amountFromLineItems(),
				value(v, "closeDate", b.closeDate()), value(v, "probability", b.probability()), b.forecastCategory(),
				text(v, "nextStep", b.nextStep()), text(v, "leadSource", b.leadSource()),
				text(v, "lossReason", b.lossReason()), text(v, "description", b.description()),
				text(v, "lossReasonDetail", b.lossReasonDetail()), text(v, "competitor", b.competitor()));
	}

	private static String text(Map<String, Object> values, String key, String current) {
		Object value = values.get(key);
		return value == null ? current : value.toString();
	}

	@SuppressWarnings("unchecked")
	private static <T> T value(Map<String, Object> values, String key, T current) {
		Object value = values.get(key);
		return value == null ? current : (T) value;
	}

	/** The field the details' validation names, as the import's field key. */
	static String fieldOf(String detailsField) {
		return switch (detailsField) {
			case "accountId" -> "account";
			case "ownerId" -> "owner";
			case "stageId" -> "stage";
			case "parentId" -> "parent";
			case "primaryContactId" -> "contact";
			default -> detailsField;
		};
	}

	static LocalDate closeDate(Map<String, Object> values) {
		return (LocalDate) values.get("closeDate");
	}

}
