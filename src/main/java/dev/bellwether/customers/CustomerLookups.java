package dev.bellwether.customers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding accounts and contacts by the keys another system knows them by — its own id
 * (the external id an import keeps), an account's name or web domain, a contact's e-mail
 * address — many at a time, for imports and their matching. Records in the recycle bin
 * are not found. Keys are compared trimmed and case-insensitively; the maps are keyed by
 * the key so normalised (see {@link #key(String)}).
 */
@Service
@Transactional(readOnly = true)
public class CustomerLookups {

	private final JdbcClient jdbc;

	CustomerLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the key as the maps are keyed: trimmed, lower case; {@code null} for blank
	 */
	public static String key(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.trim().toLowerCase(Locale.ROOT);
	}

	/** Accounts by external id (exact, as the old system wrote it). */
	public Map<String, UUID> accountsByExternalId(Collection<String> externalIds) {
		return unique("select external_id as k, id from accounts where external_id in (:keys) and deleted_at is null",
				exact(externalIds));
	}

	/** Accounts by name: several accounts may share a name. */
	public Map<String, List<UUID>> accountsByName(Collection<String> names) {
		return all("select lower(name) as k, id from accounts where lower(name) in (:keys) and deleted_at is null",
				keys(names));
	}

	/** Accounts by web domain (as {@link AccountDetails#domain()} derives it). */
	public Map<String, List<UUID>> accountsByDomain(Collection<String> domains) {
		return all("select domain as k, id from accounts where domain in (:keys) and deleted_at is null",
				keys(domains));
	}

	/** Contacts by external id (exact). */
	public Map<String, UUID> contactsByExternalId(Collection<String> externalIds) {
		return unique("select external_id as k, id from contacts where external_id in (:keys) and deleted_at is null",
				exact(externalIds));
	}

	/** Contacts by e-mail address: several contacts may share one. */
	public Map<String, List<UUID>> contactsByEmail(Collection<String> emails) {
		return all("select lower(email) as k, id from contacts where lower(email) in (:keys) and deleted_at is null",
				keys(emails));
	}

	/**
	 * @return those of the accounts that exist and are not in the recycle bin
	 */
	public java.util.Set<UUID> existingAccounts(Collection<UUID> ids) {
		return existing("select id from accounts where id in (:ids) and deleted_at is null", ids);
	}

	/**
	 * @return those of the contacts that exist and are not in the recycle bin
	 */
	public java.util.Set<UUID> existingContacts(Collection<UUID> ids) {
		return existing("select id from contacts where id in (:ids) and deleted_at is null", ids);
	}

	/**
	 * @return the account of each of the contacts that exist (not in the recycle bin) and
	 * work at an account
	 */
	public Map<UUID, UUID> accountsOfContacts(Collection<UUID> contactIds) {
		Map<UUID, UUID> found = new HashMap<>();
		List<UUID> wanted = contactIds.stream().filter(id -> id != null).distinct().toList();
		if (!wanted.isEmpty()) {
			this.jdbc
				.sql("select id, account_id from contacts where id in (:ids) and deleted_at is null"
						+ " and account_id is not null")
				.param("ids", wanted)
				.query((rs, n) -> found.put(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class)))
				.list();
		}
		return found;
	}

	/**
	 * @return the owner of each of the accounts that exist (not in the recycle bin), for
	 * modules whose records are seen by the account's owner (cases)
	 */
	public Map<UUID, UUID> ownersOfAccounts(Collection<UUID> accountIds) {
		Map<UUID, UUID> found = new HashMap<>();
		List<UUID> wanted = accountIds.stream().filter(id -> id != null).distinct().toList();
		if (!wanted.isEmpty()) {
			this.jdbc.sql("select id, owner_id from accounts where id in (:ids) and deleted_at is null")
				.param("ids", wanted)
				.query((rs, n) -> found.put(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class)))
				.list();
		}
		return found;
	}

	/**
	 * @return the accounts (not in the recycle bin) any of these users own, for modules
	 * whose records are seen by the account's owner (cases)
	 */
	public List<UUID> accountsOwnedBy(Collection<UUID> ownerIds) {
		List<UUID> owners = ownerIds.stream().filter(id -> id != null).distinct().toList();
		if (owners.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select id from accounts where owner_id in (:owners) and deleted_at is null")
			.param("owners", owners)
			.query(UUID.class)
			.list();
	}

	/**
	 * @return the e-mail address of each of the contacts that exist (not in the recycle
	 * bin) and have one
	 */
	public Map<UUID, String> emailsOfContacts(Collection<UUID> contactIds) {
		Map<UUID, String> found = new HashMap<>();
		List<UUID> wanted = contactIds.stream().filter(id -> id != null).distinct().toList();
		if (!wanted.isEmpty()) {
			this.jdbc
				.sql("select id, email from contacts where id in (:ids) and deleted_at is null"
						+ " and email is not null and email <> ''")
				.param("ids", wanted)
				.query((rs, n) -> found.put(rs.getObject("id", UUID.class), rs.getString("email")))
				.list();
		}
		return found;
	}

	/**
	 * A contact as campaign attribution sees it: where it works and when it was created.
	 */
	public record ContactAt(UUID id, UUID accountId, java.time.Instant createdAt) {

	}

	/**
	 * The contacts (not in the recycle bin) working at any of the accounts, and those
	 * with any of the ids, in one query.
	 */
	public List<ContactAt> contactsAt(Collection<UUID> accountIds, Collection<UUID> contactIds) {
		return this.jdbc.sql("""
				select c.id, c.account_id, c.created_at
				from contacts c join unnest(cast(:accounts as uuid[])) as a(id) on a.id = c.account_id
				where c.deleted_at is null
				union
				select c.id, c.account_id, c.created_at
				from contacts c join unnest(cast(:contacts as uuid[])) as w(id) on w.id = c.id
				where c.deleted_at is null
				""")
			.param("accounts",
					dev.bellwether.platform.SqlArrays
						.of(accountIds.stream().filter(id -> id != null).distinct().toList()))
			.param("contacts",
					dev.bellwether.platform.SqlArrays
						.of(contactIds.stream().filter(id -> id != null).distinct().toList()))
			.query((rs, n) -> new ContactAt(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
					dev.bellwether.platform.SqlValues.instant(rs, "created_at")))
			.list();
	}

	/**
	 * @return whether any contact (not in the recycle bin) works at the account
	 */
	public boolean hasContacts(UUID accountId) {
		return this.jdbc.sql("select exists (select 1 from contacts where account_id = :id and deleted_at is null)")
			.param("id", accountId)
			.query(Boolean.class)
			.single();
	}

	private java.util.Set<UUID> existing(String sql, Collection<UUID> ids) {
		java.util.Set<UUID> found = new java.util.HashSet<>();
		List<UUID> wanted = ids.stream().filter(id -> id != null).distinct().toList();
		if (!wanted.isEmpty()) {
			this.jdbc.sql(sql).param("ids", wanted).query((rs, n) -> found.add(rs.getObject("id", UUID.class))).list();
		}
		return found;
	}

	private Map<String, UUID> unique(String sql, List<String> keys) {
		Map<String, UUID> found = new HashMap<>();
		if (!keys.isEmpty()) {
			this.jdbc.sql(sql)
				.param("keys", keys)
				.query((rs, n) -> found.put(rs.getString("k"), rs.getObject("id", UUID.class)))
				.list();
		}
		return found;
	}

	private Map<String, List<UUID>> all(String sql, List<String> keys) {
		Map<String, List<UUID>> found = new HashMap<>();
		if (!keys.isEmpty()) {
			this.jdbc.sql(sql + " order by id")
				.param("keys", keys)
				.query((rs, n) -> found.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>())
					.add(rs.getObject("id", UUID.class)))
				.list();
		}
		return found;
	}

	private static List<String> keys(Collection<String> texts) {
		return texts.stream().map(CustomerLookups::key).filter(k -> k != null).distinct().toList();
	}

	private static List<String> exact(Collection<String> texts) {
		return texts.stream().filter(t -> t != null && !t.isBlank()).map(String::trim).distinct().toList();
	}

}
