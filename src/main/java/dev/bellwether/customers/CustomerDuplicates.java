package dev.bellwether.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Viewer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts and contacts that look like duplicates, set-based, in one statement per
 * record type: records are grouped by blocking keys (normalised name, domain, e-mail
 * address, phone digits — each an indexed expression, see V45__duplicates.sql) and only
 * records sharing a key are compared, so the work grows with the number of duplicates,
 * not with the square of the table. A key shared by more than {@code maxBlock} records
 * ("info@", a switchboard number) says nothing about any two of them and is skipped.
 * <p>
 * The same keys warn on create: {@link #forNewAccount} and {@link #forNewContact} look up
 * the records a new one would be paired with by the exact-key rules, one index probe per
 * rule.
 * <p>
 * The data-quality module stores and shows the pairs; the SQL over accounts and contacts
 * stays here, with the tables.
 */
@Service
@Transactional(readOnly = true)
public class CustomerDuplicates {

	/** Same normalised name: "ACME, Inc." and "Acme Inc". */
	public static final BigDecimal SAME_NAME = new BigDecimal("0.950");

	/** Same web domain. */
	public static final BigDecimal SAME_DOMAIN = new BigDecimal("0.900");

	/** Same e-mail address, whatever the case. */
	public static final BigDecimal SAME_EMAIL = new BigDecimal("0.950");

	/** Same full name at the same account. */
	public static final BigDecimal SAME_NAME_IN_ACCOUNT = new BigDecimal("0.900");

	/** Same phone number digits (at least seven). */
	public static final BigDecimal SAME_PHONE = new BigDecimal("0.700");

	/** Added to the best score for each further reason two records share (up to 1). */
	public static final BigDecimal EACH_MORE_REASON = new BigDecimal("0.030");

	// Each reason's pairs, then one row per pair: the reasons joined strongest first, the
	// best score plus a little for each further reason.
	private static final String COMBINE = """
			select p.a_id, p.b_id, ra.owner_id as a_owner_id, rb.owner_id as b_owner_id,
			  string_agg(p.reason, '+' order by p.score desc, p.reason) as reason,
			  least(1.0, max(p.score) + :more * (count(*) - 1)) as score
			from pairs p join %1$s ra on ra.id = p.a_id join %1$s rb on rb.id = p.b_id
			group by p.a_id, p.b_id, ra.owner_id, rb.owner_id
			""";

	// Similar names are compared only within blocks: names sharing a word's first five
	// letters, or the last five letters of the whole name (so a typo in a word's first
	// letters is still caught through the end). A word most names have ("company",
	// "group")
	// makes a block too big to say anything, and is skipped like any over-shared key.
	private static final String ACCOUNT_PAIRS = """
			with keyed as materialized (
			  select id, customer_match_name(name) as name_key, domain from accounts where deleted_at is null
			),
			names as (
			  select name_key from keyed where name_key is not null group by name_key
			  having count(*) between 2 and :maxBlock
			),
			domains as (
			  select domain from keyed where domain is not null group by domain having count(*) between 2 and :maxBlock
			),
			fuzzy as materialized (
			  select id, name_key from keyed where length(name_key) >= 4
			),
			fuzzy_keys as materialized (
			  select f.id, 'w:' || left(w, 5) as k
			  from fuzzy f cross join lateral unnest(string_to_array(f.name_key, ' ')) as w where length(w) >= 3
			  union
			  select f.id, 't:' || right(replace(f.name_key, ' ', ''), 5) from fuzzy f
			),
			blocks as (select k from fuzzy_keys group by k having count(*) between 2 and :maxFuzzyBlock),
			alike as (
			  select distinct a.id as a_id, b.id as b_id
			  from blocks k join fuzzy_keys a on a.k = k.k join fuzzy_keys b on b.k = k.k and a.id < b.id
			),
			pairs as (
			  select a.id as a_id, b.id as b_id, 'NAME' as reason, cast(:sameName as numeric) as score
			  from names k join keyed a on a.name_key = k.name_key join keyed b on b.name_key = k.name_key and a.id < b.id
			  union all
			  select a.id, b.id, 'DOMAIN', cast(:sameDomain as numeric)
			  from domains k join keyed a on a.domain = k.domain join keyed b on b.domain = k.domain and a.id < b.id
			  union all
			  select l.a_id, l.b_id, 'SIMILAR_NAME', round(cast(similarity(fa.name_key, fb.name_key) as numeric), 3)
			  from alike l join fuzzy fa on fa.id = l.a_id join fuzzy fb on fb.id = l.b_id
			  where fa.name_key <> fb.name_key and similarity(fa.name_key, fb.name_key) >= :similarity
			)
			"""
			+ COMBINE.formatted("accounts");

	private static final String CONTACT_PAIRS = """
			with keyed as materialized (
			  select id, account_id, lower(email) as email, customer_match_person(first_name, last_name) as person,
			    customer_phone_digits(phone) as phone
			  from contacts where deleted_at is null
			),
			emails as (
			  select email from keyed where email is not null group by email having count(*) between 2 and :maxBlock
			),
			people as (
			  select account_id, person from keyed where account_id is not null and person is not null
			  group by account_id, person having count(*) between 2 and :maxBlock
			),
			phones as (
			  select phone from keyed where length(phone) >= 7 group by phone having count(*) between 2 and :maxBlock
			),
			pairs as (
			  select a.id as a_id, b.id as b_id, 'EMAIL' as reason, cast(:sameEmail as numeric) as score
			  from emails k join keyed a on a.email = k.email join keyed b on b.email = k.email and a.id < b.id
			  union all
			  select a.id, b.id, 'NAME_IN_ACCOUNT', cast(:sameNameInAccount as numeric)
			  from people k join keyed a on a.account_id = k.account_id and a.person = k.person
			  join keyed b on b.account_id = k.account_id and b.person = k.person and a.id < b.id
			  union all
			  select a.id, b.id, 'PHONE', cast(:samePhone as numeric)
			  from phones k join keyed a on a.phone = k.phone join keyed b on b.phone = k.phone and a.id < b.id
			)
			""" + COMBINE.formatted("contacts");

	// The records sharing a key with one about to be created: each rule is a probe of its
	// expression index (V44, V45), at most maxBlock rows; a key shared by maxBlock
	// records
	// or more is skipped, as the detection skips it once the new record makes one more.
	private static final String COMBINE_HITS = """
			hits as (
			  select id, '%1$s' as reason, cast(:%2$s as numeric) as score from first_key
			  where (select count(*) from first_key) < :maxBlock
			  union all
			  select id, '%3$s', cast(:%4$s as numeric) from second_key where (select count(*) from second_key) < :maxBlock
			)
			select r.id, %5$s as name, r.owner_id, string_agg(h.reason, '+' order by h.score desc, h.reason) as reason,
			  least(1.0, max(h.score) + :more * (count(*) - 1)) as score
			from hits h join %6$s r on r.id = h.id
			group by r.id order by score desc, lower(%5$s), r.id limit :shown
			""";

	private static final String ACCOUNT_PROBE = """
			with first_key as (
			  select id from accounts
			  where deleted_at is null and customer_match_name(name) = customer_match_name(cast(:name as text))
			  limit :maxBlock
			),
			second_key as (
			  select id from accounts where deleted_at is null and domain = cast(:domain as text) limit :maxBlock
			),
			""" + COMBINE_HITS.formatted("NAME", "sameName", "DOMAIN", "sameDomain", "r.name", "accounts");

	private static final String CONTACT_PROBE = """
			with first_key as (
			  select id from contacts
			  where deleted_at is null and email is not null and lower(email) = lower(cast(:email as text))
			  limit :maxBlock
			),
			second_key as (
			  select id from contacts
			  where deleted_at is null and account_id = cast(:accountId as uuid)
			    and customer_match_person(first_name, last_name) = customer_match_person(cast(:firstName as text),
			      cast(:lastName as text))
			  limit :maxBlock
			),
			""" + COMBINE_HITS.formatted("EMAIL", "sameEmail", "NAME_IN_ACCOUNT", "sameNameInAccount",
			"trim(coalesce(r.first_name, '') || ' ' || r.last_name)", "contacts");

	/** The most possible duplicates a warning names. */
	private static final int SHOWN = 5;

	private static final String WORK_MEM = "256MB";

	/**
	 * Blocks of names that begin or end alike may be this many times bigger than blocks
	 * of equal keys: similar names are rarer than equal ones, so such a block says more.
	 */
	private static final int FUZZY_BLOCK_FACTOR = 4;

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final int maxBlock;

	/**
	 * @param maxBlock the detection's own setting, so that a create warns of exactly the
	 * records the next run pairs it with
	 */
	CustomerDuplicates(JdbcClient jdbc, RecordVisibility visibility,
			@Value("${bellwether.dataquality.duplicates.max-block:50}") int maxBlock) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.maxBlock = maxBlock;
	}

	/**
	 * Pairs of accounts with the same normalised name (case, punctuation and legal forms
	 * such as Inc, Ltd, LLC, GmbH, SA, plc and Corp left out), the same domain, or names
	 * at least {@code similarity} alike (trigram similarity of the normalised names,
	 * compared among names whose first or last five letters are the same).
	 * @param similarity 0 to 1; 0.6 catches "Globex Industries" and "Globex Industrie"
	 * @param maxBlock the most records one key may be shared by
	 */
	public List<DuplicateCandidate> accountCandidates(double similarity, int maxBlock) {
		setLocal("work_mem", WORK_MEM);
		return this.jdbc.sql(ACCOUNT_PAIRS)
			.param("maxBlock", maxBlock)
			.param("maxFuzzyBlock", maxBlock * FUZZY_BLOCK_FACTOR)
			.param("similarity", similarity)
			.param("sameName", SAME_NAME)
			.param("sameDomain", SAME_DOMAIN)
			.param("more", EACH_MORE_REASON)
			.query((rs, n) -> candidate(Accounts.RECORD_TYPE, rs))
			.list();
	}

	/**
	 * Pairs of contacts with the same e-mail address (whatever the case), the same full
	 * name at the same account, or the same phone number (its digits, at least seven).
	 * @param maxBlock the most records one key may be shared by
	 */
	public List<DuplicateCandidate> contactCandidates(int maxBlock) {
		setLocal("work_mem", WORK_MEM);
		return this.jdbc.sql(CONTACT_PAIRS)
			.param("maxBlock", maxBlock)
			.param("sameEmail", SAME_EMAIL)
			.param("sameNameInAccount", SAME_NAME_IN_ACCOUNT)
			.param("samePhone", SAME_PHONE)
			.param("more", EACH_MORE_REASON)
			.query((rs, n) -> candidate(Contacts.RECORD_TYPE, rs))
			.list();
	}

	/**
	 * The accounts a new account with this name and website would be paired with by the
	 * detection's exact rules: the same normalised name ({@code NAME}) or the same domain
	 * ({@code DOMAIN}); most likely first, at most five. Similar names are left to the
	 * detection (they are compared within blocks of the whole table, not probed).
	 * Accounts the user may not see are said to exist, never named.
	 */
	public List<PossibleDuplicate> forNewAccount(Viewer viewer, String name, String website) {
		return forNewAccount(viewer, Accounts.ACCESS, name, website);
	}

	List<PossibleDuplicate> forNewAccount(Viewer viewer, AccessPolicy policy, String name, String website) {
		String domain = AccountDetails.domainOf(website);
		if (blank(name) && domain == null) {
			return List.of();
		}
		return probe(viewer, policy, Accounts.RECORD_TYPE,
				this.jdbc.sql(ACCOUNT_PROBE)
					.param("name", name)
					.param("domain", domain)
					.param("sameName", SAME_NAME)
					.param("sameDomain", SAME_DOMAIN),
				Map.of("NAME", "same name", "DOMAIN", "same domain " + domain));
	}

	/**
	 * The contacts a new contact would be paired with by the detection's exact rules: the
	 * same e-mail address, whatever the case ({@code EMAIL}), or the same full name at
	 * the same account ({@code NAME_IN_ACCOUNT}); most likely first, at most five. Phone
	 * numbers are left to the detection (a switchboard number is shared by design).
	 * Contacts the user may not see are said to exist, never named.
	 */
	public List<PossibleDuplicate> forNewContact(Viewer viewer, String email, String firstName, String lastName,
			UUID accountId) {
		return forNewContact(viewer, Contacts.ACCESS, email, firstName, lastName, accountId);
	}

	List<PossibleDuplicate> forNewContact(Viewer viewer, AccessPolicy policy, String email, String firstName,
			String lastName, UUID accountId) {
		if (blank(email) && (accountId == null || blank(lastName) && blank(firstName))) {
			return List.of();
		}
		return probe(viewer, policy, Contacts.RECORD_TYPE,
				this.jdbc.sql(CONTACT_PROBE)
					.param("email", blank(email) ? null : email.trim())
					.param("firstName", firstName)
					.param("lastName", lastName)
					.param("accountId", accountId)
					.param("sameEmail", SAME_EMAIL)
					.param("sameNameInAccount", SAME_NAME_IN_ACCOUNT),
				Map.of("EMAIL", "same e-mail address", "NAME_IN_ACCOUNT", "same name at this account"));
	}

	private List<PossibleDuplicate> probe(Viewer viewer, AccessPolicy policy, String recordType,
			JdbcClient.StatementSpec statement, Map<String, String> words) {
		return statement.param("maxBlock", this.maxBlock)
			.param("more", EACH_MORE_REASON)
			.param("shown", SHOWN)
			.query((rs, n) -> {
				boolean visible = this.visibility.canRead(viewer, policy, rs.getObject("owner_id", UUID.class));
				String reason = rs.getString("reason");
				List<String> because = new ArrayList<>();
				for (String each : reason.split("\\+")) {
					because.add(words.get(each));
				}
				return new PossibleDuplicate(recordType, visible ? rs.getObject("id", UUID.class) : null,
						visible ? rs.getString("name") : null, reason,
						rs.getBigDecimal("score").setScale(3, RoundingMode.HALF_UP), String.join(", ", because));
			})
			.list();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/**
	 * The records as a list of duplicates shows them, also those in the recycle bin
	 * (accounts and contacts are readable by every user).
	 * @param recordType {@code account} or {@code contact}
	 */
	public Map<UUID, DuplicateRecord> records(String recordType, Collection<UUID> ids) {
		Map<UUID, DuplicateRecord> found = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		String sql = switch (recordType) {
			case Accounts.RECORD_TYPE ->
				"""
						select id, name, coalesce(domain, billing_city) as detail, owner_id, deleted_at is not null as deleted
						from accounts where id in (:ids)
						""";
			case Contacts.RECORD_TYPE -> """
					select c.id, trim(coalesce(c.first_name, '') || ' ' || c.last_name) as name,
					  concat_ws(' · ', coalesce(c.email, c.phone), a.name) as detail, c.owner_id,
					  c.deleted_at is not null as deleted
					from contacts c left join accounts a on a.id = c.account_id where c.id in (:ids)
					""";
			default -> throw new IllegalArgumentException("Not a customer record type: " + recordType);
		};
		this.jdbc.sql(sql).param("ids", List.copyOf(ids)).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return found.put(id, new DuplicateRecord(id, rs.getString("name"), rs.getString("detail"),
					rs.getObject("owner_id", UUID.class), rs.getBoolean("deleted")));
		}).list();
		return found;
	}

	/**
	 * A setting for this transaction only: the detection's hash joins and sorts of whole
	 * tables stay in memory rather than spill to disk, without raising every session's.
	 */
	private void setLocal(String setting, String value) {
		this.jdbc.sql("select set_config(:setting, :value, true)")
			.param("setting", setting)
			.param("value", value)
			.query(String.class)
			.single();
	}

	private static DuplicateCandidate candidate(String recordType, ResultSet rs) throws SQLException {
		return new DuplicateCandidate(recordType, rs.getObject("a_id", UUID.class), rs.getObject("b_id", UUID.class),
				rs.getObject("a_owner_id", UUID.class), rs.getObject("b_owner_id", UUID.class), rs.getString("reason"),
				rs.getBigDecimal("score").setScale(3, RoundingMode.HALF_UP));
	}

}
