package dev.bellwether.imports.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.activities.TaskStatus;
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

	/**
	 * An activity: the fields of another kind a file's columns fill (a call's due date or
	 * status in a task export) are left out, as the kind has none; a call or meeting
	 * without a start takes its due date's morning, a meeting without an end lasts an
	 * hour.
	 */
	static ActivityDetails activity(ActivityDetails base, Map<String, Object> v, UUID owner, Clock clock) {
		ActivityKind kind = base != null ? base.kind()
				: v.get("kind") instanceof String k ? ActivityKind.valueOf(k) : null;
		ActivityDetails b = base != null ? base : new ActivityDetails(kind, null, null, null, null, null, owner, null,
				null, null, null, null, List.of());
		boolean task = kind == ActivityKind.TASK;
		boolean timed = kind == ActivityKind.CALL || kind == ActivityKind.MEETING;
		LocalDate due = value(v, "dueDate", b.dueDate());
		Instant startsAt = value(v, "startsAt", b.startsAt());
		if (timed && startsAt == null && due != null) {
			startsAt = due.atTime(9, 0).atZone(clock.getZone()).toInstant();
		}
		Instant endsAt = value(v, "endsAt", b.endsAt());
		if (kind == ActivityKind.MEETING && endsAt == null && startsAt != null) {
			endsAt = startsAt.plus(Duration.ofHours(1));
		}
		String status = text(v, "status", b.status() == null ? null : b.status().name());
		String priority = text(v, "priority", b.priority() == null ? null : b.priority().name());
		return new ActivityDetails(kind, text(v, "subject", b.subject()), text(v, "body", b.body()),
				value(v, "account", b.accountId()), value(v, "contact", b.contactId()),
				value(v, "opportunity", b.opportunityId()), value(v, "owner", b.ownerId()), task ? due : null,
				task && status != null ? TaskStatus.valueOf(status) : null,
				task && priority != null ? TaskPriority.valueOf(priority) : null, timed ? startsAt : null,
				timed ? endsAt : null, b.attendees(), b.subType());
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
			case "primaryContactId", "contactId" -> "contact";
			case "opportunityId" -> "opportunity";
			default -> detailsField;
		};
	}

	static LocalDate closeDate(Map<String, Object> values) {
		return (LocalDate) values.get("closeDate");
	}

}
