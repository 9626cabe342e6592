package dev.bellwether.dataquality.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.MergeSide;

/**
 * The compare page of a duplicate pair: each field's two values side by side, the one to
 * keep preselected (the first record's unless it has none), and the form's answer turned
 * into a merge request's choices.
 */
final class MergeChoice {

	/** One field of the two records. */
	record Row(String field, String label, String a, String b, String keep) {

		boolean same() {
			return Objects.equals(this.a, this.b);
		}

	}

	private static final Map<String, String> ACCOUNT_LABELS = labels("name", "Name", "website", "Website", "industry",
			"Industry", "phone", "Phone", "billingStreet", "Street", "billingCity", "City", "billingState",
			"State or region", "billingPostalCode", "Postal code", "country", "Country", "employees", "Employees",
			"annualRevenue", "Annual revenue", "parentId", "Parent account", "ownerId", "Owner", "description",
			"Description");

	private static final Map<String, String> CONTACT_LABELS = labels("firstName", "First name", "lastName", "Last name",
			"title", "Title", "email", "E-mail", "phone", "Phone", "mobile", "Mobile", "accountId", "Account",
			"ownerId", "Owner");

	private MergeChoice() {
	}

	static List<Row> accountRows(Account a, Account b, Map<UUID, String> names) {
		List<Row> rows = new ArrayList<>();
		Function<UUID, String> name = id -> id == null ? null : names.getOrDefault(id, id.toString());
		add(rows, ACCOUNT_LABELS, "name", a.name(), b.name());
		add(rows, ACCOUNT_LABELS, "website", a.website(), b.website());
		add(rows, ACCOUNT_LABELS, "industry", a.industry(), b.industry());
		add(rows, ACCOUNT_LABELS, "phone", a.phone(), b.phone());
		add(rows, ACCOUNT_LABELS, "billingStreet", a.billingStreet(), b.billingStreet());
		add(rows, ACCOUNT_LABELS, "billingCity", a.billingCity(), b.billingCity());
		add(rows, ACCOUNT_LABELS, "billingState", a.billingState(), b.billingState());
		add(rows, ACCOUNT_LABELS, "billingPostalCode", a.billingPostalCode(), b.billingPostalCode());
		add(rows, ACCOUNT_LABELS, "country", a.countryName(), b.countryName());
		add(rows, ACCOUNT_LABELS, "employees", a.employees(), b.employees());
		add(rows, ACCOUNT_LABELS, "annualRevenue", a.annualRevenue(), b.annualRevenue());
		add(rows, ACCOUNT_LABELS, "parentId", a.parentName(), b.parentName());
		add(rows, ACCOUNT_LABELS, "ownerId", name.apply(a.ownerId()), name.apply(b.ownerId()));
		add(rows, ACCOUNT_LABELS, "description", a.description(), b.description());
		return rows;
	}

	static List<Row> contactRows(Contact a, Contact b, Map<UUID, String> names) {
		List<Row> rows = new ArrayList<>();
		Function<UUID, String> name = id -> id == null ? null : names.getOrDefault(id, id.toString());
		add(rows, CONTACT_LABELS, "firstName", a.firstName(), b.firstName());
		add(rows, CONTACT_LABELS, "lastName", a.lastName(), b.lastName());
		add(rows, CONTACT_LABELS, "title", a.title(), b.title());
		add(rows, CONTACT_LABELS, "email", a.email(), b.email());
		add(rows, CONTACT_LABELS, "phone", a.phone(), b.phone());
		add(rows, CONTACT_LABELS, "mobile", a.mobile(), b.mobile());
		add(rows, CONTACT_LABELS, "accountId", a.accountName(), b.accountName());
		add(rows, CONTACT_LABELS, "ownerId", name.apply(a.ownerId()), name.apply(b.ownerId()));
		return rows;
	}

	/**
	 * @param survivor {@code a} or {@code b}
	 * @param kept each field's answer, {@code a} or {@code b}
	 * @return per field, whether the survivor keeps its own value or the other's
	 */
	static Map<String, MergeSide> sides(String survivor, Map<String, String> kept) {
		Map<String, MergeSide> sides = new LinkedHashMap<>();
		kept.forEach((field, side) -> sides.put(field, side.equals(survivor) ? MergeSide.SURVIVOR : MergeSide.LOSER));
		return sides;
	}

	private static void add(List<Row> rows, Map<String, String> labels, String field, Object a, Object b) {
		String aText = text(a);
		String bText = text(b);
		rows.add(new Row(field, labels.get(field), aText, bText, (aText == null && bText != null) ? "b" : "a"));
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString();
		return text.isBlank() ? null : text;
	}

	private static Map<String, String> labels(String... pairs) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			labels.put(pairs[i], pairs[i + 1]);
		}
		return labels;
	}

}
