package dev.bellwether.customers;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which of their fields accounts and contacts have filled, for the data-quality module's
 * completeness scores: one set-based read per record type over the records not in the
 * recycle bin, each record's filled fields as bits of a mask (in the order of
 * {@link #ACCOUNT_FIELDS} and {@link #CONTACT_FIELDS}), so that a company of hundreds of
 * thousands of records is read in one pass without holding a set per record.
 */
@Service
@Transactional(readOnly = true)
public class CustomerQualityFacts {

	/** The account fields completeness rules may count, in mask order. */
	public static final List<String> ACCOUNT_FIELDS = List.of("website", "industry", "phone", "street", "city",
			"country", "employees", "annualRevenue", "description", "parent");

	/** The contact fields completeness rules may count, in mask order. */
	public static final List<String> CONTACT_FIELDS = List.of("firstName", "title", "email", "phone", "mobile",
			"account");

	private static final String ACCOUNT_FILLED = """
			(case when nullif(btrim(a.website), '') is not null then 1 else 0 end)
			| (case when nullif(btrim(a.industry), '') is not null then 2 else 0 end)
			| (case when nullif(btrim(a.phone), '') is not null then 4 else 0 end)
			| (case when nullif(btrim(a.billing_street), '') is not null then 8 else 0 end)
			| (case when nullif(btrim(a.billing_city), '') is not null then 16 else 0 end)
			| (case when a.country is not null then 32 else 0 end)
			| (case when a.employees is not null then 64 else 0 end)
			| (case when a.annual_revenue is not null then 128 else 0 end)
			| (case when nullif(btrim(a.description), '') is not null then 256 else 0 end)
			| (case when a.parent_id is not null then 512 else 0 end)
			""";

	private static final String CONTACT_FILLED = """
			(case when nullif(btrim(c.first_name), '') is not null then 1 else 0 end)
			| (case when nullif(btrim(c.title), '') is not null then 2 else 0 end)
			| (case when nullif(btrim(c.email), '') is not null then 4 else 0 end)
			| (case when nullif(btrim(c.phone), '') is not null then 8 else 0 end)
			| (case when nullif(btrim(c.mobile), '') is not null then 16 else 0 end)
			| (case when c.account_id is not null then 32 else 0 end)
			""";

	private final JdbcClient jdbc;

	CustomerQualityFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Each account not in the recycle bin, with its filled fields.
	 * @param ownerIds whose accounts, or {@code null} for everyone's
	 */
	public void accounts(Collection<UUID> ownerIds, Consumer<FilledFields> each) {
		read("select a.id, a.name, a.owner_id, a.version, " + ACCOUNT_FILLED + " as filled from accounts a"
				+ " where a.deleted_at is null and " + owners(ownerIds, "a.owner_id"), ownerIds, each);
	}

	/**
	 * Each contact not in the recycle bin, with its filled fields ({@code account}: it
	 * belongs to an account).
	 * @param ownerIds whose contacts, or {@code null} for everyone's
	 */
	public void contacts(Collection<UUID> ownerIds, Consumer<FilledFields> each) {
		read("select c.id, concat_ws(' ', c.first_name, c.last_name) as name, c.owner_id, c.version, " + CONTACT_FILLED
				+ " as filled from contacts c where c.deleted_at is null and " + owners(ownerIds, "c.owner_id"),
				ownerIds, each);
	}

	private void read(String sql, Collection<UUID> ownerIds, Consumer<FilledFields> each) {
		if (ownerIds != null && ownerIds.isEmpty()) {
			return;
		}
		var statement = this.jdbc.sql(sql);
		if (ownerIds != null) {
			statement = statement.param("qualityOwners",
					ownerIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
		}
		statement.query(rs -> {
			each.accept(new FilledFields(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("owner_id", UUID.class), rs.getLong("version"), rs.getInt("filled")));
		});
	}

	private static String owners(Collection<UUID> ids, String column) {
		// one array parameter, unnested so that PostgreSQL hashes it (see
		// PipelineHygiene)
		return ids == null ? "true" : column + " in (select unnest(cast(:qualityOwners as uuid[])))";
	}

	/**
	 * An account's or contact's filled fields.
	 *
	 * @param filled bit {@code i} set when field {@code i} of the record type's list is
	 * filled (text not blank, a number or reference present)
	 * @param version the record's version, for changing it in place
	 */
	public record FilledFields(UUID id, String name, UUID ownerId, long version, int filled) {

		public boolean has(List<String> fields, String field) {
			int index = fields.indexOf(field);
			return index >= 0 && (this.filled & (1 << index)) != 0;
		}

	}

}
