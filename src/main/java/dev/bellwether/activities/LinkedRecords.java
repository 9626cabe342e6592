package dev.bellwether.activities;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.sales.OpportunityAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.contains;

/**
 * What activities need to know about the records they hang off: an opportunity's account
 * and owner, and the names of linked records for lists.
 * <p>
 * The sales module has no public service for reading opportunities yet (it is being
 * written alongside this one), so this class reads the few columns it needs from the
 * {@code opportunities} table directly, always together with {@link OpportunityAccess}
 * for visibility. Likewise contacts' names, which the customers module does not offer in
 * bulk. Once those services exist, these queries should be replaced by calls to them.
 */
@Component
class LinkedRecords {

	/**
	 * An opportunity as activities see it.
	 */
	record Deal(UUID id, String name, UUID accountId, UUID ownerId) {
	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final OpportunityAccess opportunities;

	LinkedRecords(JdbcClient jdbc, Accounts accounts, OpportunityAccess opportunities) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.opportunities = opportunities;
	}

	/**
	 * @return the opportunity, if it exists and is not in the recycle bin (whoever asks)
	 */
	Optional<Deal> deal(UUID id) {
		return this.jdbc
			.sql("select id, name, account_id, owner_id from opportunities where id = :id and deleted_at is null")
			.param("id", id)
			.query((rs, n) -> new Deal(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("account_id", UUID.class), rs.getObject("owner_id", UUID.class)))
			.optional();
	}

	/**
	 * Opportunities the viewer may see whose name contains the text, for the form's
	 * picker.
	 */
	List<Deal> findDeals(Viewer viewer, String text, UUID accountId, int limit) {
		SqlFilter visible = this.opportunities.readFilter(viewer, "o.owner_id");
		StringBuilder sql = new StringBuilder(
				"select o.id, o.name, o.account_id, o.owner_id from opportunities o where o.deleted_at is null and ")
			.append(visible.sql());
		Map<String, Object> params = new LinkedHashMap<>(visible.parameters());
		if (StringUtils.hasText(text)) {
			sql.append(" and lower(o.name) like :q");
			params.put("q", contains(text));
		}
		if (accountId != null) {
			sql.append(" and o.account_id = :accountId");
			params.put("accountId", accountId);
		}
		sql.append(" order by o.closed_at is not null, o.close_date, lower(o.name) limit :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Deal(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getObject("account_id", UUID.class), rs.getObject("owner_id", UUID.class)))
			.list();
	}

	Map<UUID, String> accountNames(Collection<UUID> ids) {
		return this.accounts.namesOf(ids.stream().filter(java.util.Objects::nonNull).distinct().toList());
	}

	Map<UUID, String> contactNames(Collection<UUID> ids) {
		List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
		Map<UUID, String> names = new LinkedHashMap<>();
		if (!wanted.isEmpty()) {
			this.jdbc.sql("""
					select id, trim(coalesce(first_name, '') || ' ' || last_name) as name from contacts
					where id in (:ids)
					""")
				.param("ids", wanted)
				.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
				.list();
		}
		return names;
	}

	/**
	 * Names of the opportunities, without visibility checks: only for deals whose
	 * activities the viewer was allowed to load.
	 */
	Map<UUID, String> dealNames(Collection<UUID> ids) {
		List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
		Map<UUID, String> names = new LinkedHashMap<>();
		if (!wanted.isEmpty()) {
			this.jdbc.sql("select id, name from opportunities where id in (:ids)")
				.param("ids", wanted)
				.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
				.list();
		}
		return names;
	}

}
