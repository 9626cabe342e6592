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
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.sales.LineItemDetails;
import dev.bellwether.sales.ProductDetails;
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

	/**
	 * A user's profile: a full name from the first and last names when the file has no
	 * full name, a username from the e-mail address when it has none; a new user is a
	 * sales rep unless the row says otherwise.
	 * @param manager the manager the row names, resolved ({@code null}: the profile's)
	 */
	static UserProfile user(UserProfile base, Map<String, Object> v, UUID manager) {
		UserProfile b = base != null ? base
				: new UserProfile(null, null, null, null, Role.REP, null, null, null, null, false, null);
		String fullName = text(v, "fullName", null);
		if (fullName == null && (v.get("firstName") != null || v.get("lastName") != null)) {
			fullName = String.join(" ",
					java.util.stream.Stream.of(v.get("firstName"), v.get("lastName"))
						.filter(java.util.Objects::nonNull)
						.map(Object::toString)
						.toList());
		}
		String email = text(v, "email", b.email());
		String username = text(v, "username", b.username());
		if (username == null && email != null) {
			username = usernameFrom(email);
		}
		String role = text(v, "role", b.role() == null ? null : b.role().name());
		return new UserProfile(username == null ? null : username.toLowerCase(java.util.Locale.ROOT),
				fullName != null ? fullName : b.fullName(), email, text(v, "title", b.title()),
				role == null ? null : Role.valueOf(role), manager != null ? manager : b.managerId(),
				text(v, "team", b.team()), text(v, "region", b.region()), value(v, "hiredOn", b.hiredOn()),
				b.integrationAccount(), b.notCountedReason());
	}

	/**
	 * @return a username from an e-mail address's local part: lower case, letters,
	 * digits, dots, dashes and underscores
	 */
	static String usernameFrom(String email) {
		String local = email.trim().toLowerCase(java.util.Locale.ROOT);
		int at = local.indexOf('@');
		local = (at > 0 ? local.substring(0, at) : local).replaceAll("[^a-z0-9._-]", "");
		local = local.replaceAll("^[._-]+", "");
		return local.length() > 60 ? local.substring(0, 60) : local;
	}

	/** A product: a new one is active unless the row says it is not. */
	static ProductDetails product(ProductDetails base, Map<String, Object> v) {
		ProductDetails b = base != null ? base : new ProductDetails(null, null, null, null, true);
		Object active = v.get("active");
		return new ProductDetails(text(v, "code", b.code()), text(v, "name", b.name()),
				text(v, "description", b.description()), value(v, "listPrice", b.listPrice()),
				active == null ? b.active() : Boolean.parseBoolean(active.toString()));
	}

	/** A line item: the product's list price unless the row gives a price. */
	static LineItemDetails lineItem(LineItemDetails base, Map<String, Object> v) {
		LineItemDetails b = base != null ? base : new LineItemDetails(null, null, null, null, null);
		BigDecimal discount = v.get("discount") instanceof Integer percent ? BigDecimal.valueOf(percent)
				: b.discountPercent();
		return new LineItemDetails(value(v, "product", b.productId()), value(v, "quantity", b.quantity()),
				value(v, "unitPrice", b.unitPrice()), discount, text(v, "description", b.description()));
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
			case "productId" -> "product";
			case "discountPercent" -> "discount";
			case "managerId" -> "manager";
			default -> detailsField;
		};
	}

	static LocalDate closeDate(Map<String, Object> values) {
		return (LocalDate) values.get("closeDate");
	}

}
