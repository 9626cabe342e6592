package dev.bellwether.customers;

import dev.bellwether.platform.edit.VersionedRecords;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.RecycleBin;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.TextSearch;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomizedList;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.customfield.CustomValues;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;
import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Accounts: every read goes through {@link #ACCESS} and {@link RecordVisibility}; every
 * change is checked, versioned and published as a {@link RecordChanged}.
 */
@Service
@Transactional(readOnly = true)
public class Accounts implements VersionedRecords<Viewer, Account, AccountDetails> {

	public static final String RECORD_TYPE = "account";

	public static final AccessPolicy ACCESS = AccessPolicy.sharedRecord(RECORD_TYPE, Role.SALES_ADMIN, Role.ADMIN);

	private static final Map<String, String> SORTABLE = Map.of("name", "lower(a.name)", "industry", "a.industry",
			"country", "a.country", "city", "lower(a.billing_city)", "employees", "a.employees", "annualRevenue",
			"a.annual_revenue", "createdAt", "a.created_at", "updatedAt", "a.updated_at", "lastTouchedAt",
			"a.last_touched_at");

	/**
	 * The sort expressions that are never null (keyset paging uses row comparisons on
	 * them).
	 */
	private static final Set<String> NOT_NULL = Set.of("a.id", "lower(a.name)", "a.created_at", "a.updated_at");

	private static final String SELECT = """
			select a.*, p.name as parent_name from accounts a left join accounts p on p.id = a.parent_id
			""";

	static final String INSERT = """
			insert into accounts (id, name, website, domain, industry, phone, billing_street, billing_city,
			  billing_state, billing_postal_code, country, employees, annual_revenue, parent_id, owner_id,
			  description, created_at, created_by, updated_at, updated_by, last_touched_at, last_touched_by, version,
			  import_id, external_id)
			values (:id, :name, :website, :domain, :industry, :phone, :billingStreet, :billingCity, :billingState,
			  :billingPostalCode, :country, :employees, :annualRevenue, :parentId, :ownerId, :description, :createdAt,
			  :actor, :now, :actor, :createdAt, :actor, 0, :importId, :externalId)
			""";

	private static final CustomizedList<Account> LIST = new CustomizedList<>(RECORD_TYPE, "a",
			new PagedQuery(SELECT, "from accounts a"), SORTABLE, NOT_NULL, List.of("lower(a.name)", "a.id"),
			Accounts::map);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final RecordVisibility visibility;

	private final UserDirectory users;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecordOwners owners;

	private final PickLists pickLists;

	private final CustomFields customFields;

	private final RecycleBin recycleBin;

	Accounts(JdbcClient jdbc, NamedParameterJdbcTemplate batch, RecordVisibility visibility, UserDirectory users,
			InputValidation validation, ApplicationEventPublisher events, Clock clock, RecordOwners owners,
			PickLists pickLists, CustomFields customFields, RecycleBin recycleBin) {
		this.recycleBin = recycleBin;
		this.customFields = customFields;
		this.owners = owners;
		this.pickLists = pickLists;
		this.jdbc = jdbc;
		this.batch = batch;
		this.visibility = visibility;
		this.users = users;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the account, if it exists, is not in the recycle bin and the viewer may
	 * read it
	 * @throws RecordNotFoundException otherwise
	 */
	public Account get(Viewer viewer, UUID id) {
		Account account = load(id).filter(a -> !a.isDeleted())
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		this.visibility.requireRead(viewer, ACCESS, id, account.ownerId());
		return account;
	}

	public boolean canEdit(Viewer viewer, Account account) {
		return this.visibility.canEdit(viewer, ACCESS, account.ownerId());
	}

	public Page<Account> list(Viewer viewer, AccountFilter filter, Pageable pageable) {
		return list(viewer, filter, CustomFilter.NONE, pageable);
	}

	/**
	 * Accounts matching the filter and the criteria on custom fields ({@code cf.<key>}),
	 * sortable by custom fields too.
	 */
	public Page<Account> list(Viewer viewer, AccountFilter filter, CustomFilter custom, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		return LIST.page(this.jdbc, this.customFields, where(viewer, filter, params, false), params, custom, pageable);
	}

	/**
	 * Accounts in the recycle bin that the viewer may read, most recently deleted first.
	 */
	public Page<Account> deleted(Viewer viewer, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		return LIST.deleted(this.jdbc, where(viewer, AccountFilter.all(), params, true), params, pageable);
	}

	/**
	 * Accounts whose name or domain matches the text — containing it, a near miss of it,
	 * or all its words — best matches first, for the search box (see {@link TextSearch}).
	 */
	public List<Account> search(Viewer viewer, String text, int limit) {
		return search(viewer, TextSearch.prepare(this.jdbc, text), limit);
	}

	/**
	 * {@link #search(Viewer, String, int)} with the text prepared once for several record
	 * types.
	 */
	public List<Account> search(Viewer viewer, TextSearch search, int limit) {
		if (search.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>(search.parameters());
		String where = where(viewer, AccountFilter.all(), params, false);
		String order = search.rank("lower(a.name)", "lower(a.domain)") + " desc, lower(a.name), a.id";
		List<Account> found = this.jdbc
			.sql(SELECT + " where " + search.best("a", "accounts", where, SEARCH_DOCUMENT, order) + " order by "
					+ order)
			.params(params)
			.param("limit", limit)
			.query(Accounts::map)
			.list();
		return LIST.thenByCustomText(found, limit, Account::id, search, "lower(a.name), a.id",
				condition -> this.jdbc.sql(SELECT + " where " + where + " and " + condition).params(params));
	}

	/** The full-text document of an account, as indexed by V15__search_vocabulary.sql. */
	private static final String SEARCH_DOCUMENT = "to_tsvector('simple', coalesce(a.name, '') || ' ' || coalesce(a.domain, '') "
			+ "|| ' ' || translate(coalesce(a.domain, ''), '.-_@/:+', '       '))";

	public List<Account> children(Viewer viewer, UUID parentId) {
		return this.jdbc.sql(SELECT + " where a.parent_id = :id and a.deleted_at is null order by lower(a.name)")
			.param("id", parentId)
			.query(Accounts::map)
			.list()
			.stream()
			.filter(a -> this.visibility.canRead(viewer, ACCESS, a.ownerId()))
			.toList();
	}

	private String where(Viewer viewer, AccountFilter filter, Map<String, Object> params, boolean deleted) {
		SqlFilter visible = this.visibility.readFilter(viewer, ACCESS, "a.owner_id");
		return new ListConditions(params).inRecycleBin("a", deleted)
			.add(visible.sql(), visible.parameters())
			.containing(filter.query(), "(lower(a.name) like :q or lower(a.domain) like :q)")
			.when(!StringUtils.hasText(filter.industry()) ? null
					: this.pickLists.find("industry", filter.industry())
						.map(value -> value.label())
						.orElse(filter.industry().trim()),
					"a.industry = :industry", "industry")
			.when(!StringUtils.hasText(filter.country()) ? null
					: this.pickLists.find("country", filter.country())
						.map(value -> value.key())
						.orElse(filter.country().trim()),
					"a.country = :country", "country")
			.when(filter.ownerId(), "a.owner_id = :ownerId", "ownerId")
			.sql();
	}

	@Transactional
	public Account create(Viewer viewer, AccountDetails input) {
		return create(viewer, input, null);
	}

	/**
	 * @param custom custom field values by key, as a form or the API sent them (see
	 * {@link CustomFields#apply})
	 */
	@Transactional
	public Account create(Viewer viewer, AccountDetails input, Map<String, ?> custom) {
		return create(viewer, input, custom, null);
	}

	/**
	 * Creates an account an import brings in: created at the file's date (not touched
	 * since), with the import as its source and the old system's id.
	 * @param origin the import, or {@code null} for an account a person creates
	 */
	@Transactional
	public Account create(Viewer viewer, AccountDetails input, Map<String, ?> custom, ImportOrigin origin) {
		Validated validated = validate(null, input, null, CustomValues.NONE, custom);
		AccountDetails details = validated.details();
		CustomValues values = validated.values();
		this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		insert(id, details, viewer.id(), now, origin);
		storeCustom(id, values);
		Account created = load(id).orElseThrow();
		List<FieldChange> changes = new ArrayList<>(diff(AccountDetails.empty(), details));
		changes.addAll(this.customFields.changes(RECORD_TYPE, CustomValues.NONE, values));
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, viewer.id(), now, changes,
				origin == null ? null : origin.importId()));
		return created;
	}

	private void storeCustom(UUID id, CustomValues values) {
		this.jdbc.sql("update accounts set custom = cast(:custom as jsonb), custom_text = :text where id = :id")
			.param("custom", values.json())
			.param("text", this.customFields.searchText(RECORD_TYPE, values))
			.param("id", id)
			.update();
	}

	@Transactional
	public Account update(Viewer viewer, UUID id, long expectedVersion, AccountDetails input) {
		return update(viewer, id, expectedVersion, input, null);
	}

	/**
	 * @param custom custom field values by key to set (a key not sent keeps its value)
	 */
	@Transactional
	public Account update(Viewer viewer, UUID id, long expectedVersion, AccountDetails input, Map<String, ?> custom) {
		return update(viewer, id, expectedVersion, input, custom, null);
	}

	/**
	 * @param importId the import that makes the change (it does not count as a touch), or
	 * {@code null} for a person's change
	 */
	@Transactional
	public Account update(Viewer viewer, UUID id, long expectedVersion, AccountDetails input, Map<String, ?> custom,
			UUID importId) {
		Account before = get(viewer, id);
		this.visibility.requireEdit(viewer, ACCESS, before.ownerId());
		Validated validated = validate(id, input, before.details(), before.customFields(), custom);
		AccountDetails details = validated.details();
		CustomValues values = validated.values();
		this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), before.ownerId());
		VersionedUpdate save = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		Instant now = this.clock.instant();
		save.run(this.jdbc.sql("""
				update accounts set name = :name, website = :website, domain = :domain, industry = :industry,
				  phone = :phone, billing_street = :billingStreet, billing_city = :billingCity,
				  billing_state = :billingState, billing_postal_code = :billingPostalCode, country = :country,
				  employees = :employees, annual_revenue = :annualRevenue, parent_id = :parentId, owner_id = :ownerId,
				  description = :description, updated_at = :now, updated_by = :actor,
				  last_touched_at = case when :touches then :now else last_touched_at end,
				  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1
				where id = :id and version = :version and deleted_at is null
				""")
			.params(columns(details))
			.param("touches", importId == null && this.users.touchesRecords(viewer.id())), viewer.id(), now);
		List<FieldChange> changes = new ArrayList<>(diff(before.details(), details));
		if (!values.equals(before.customFields())) {
			storeCustom(id, values);
			changes.addAll(this.customFields.changes(RECORD_TYPE, before.customFields(), values));
		}
		if (!changes.isEmpty()) {
			this.events.publishEvent(
					new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, viewer.id(), now, changes, importId));
		}
		return load(id).orElseThrow();
	}

	/**
	 * Moves the account to the recycle bin if it is still as {@code version} left it (an
	 * import's undo never removes what someone has changed since).
	 * @return whether it was moved; {@code false} when it changed or is gone
	 */
	@Transactional
	public boolean deleteIfUnchanged(Viewer viewer, UUID id, long version) {
		Optional<Account> account = load(id).filter(a -> !a.isDeleted() && a.version() == version);
		if (account.isEmpty()) {
			return false;
		}
		delete(viewer, id);
		return true;
	}

	/**
	 * Moves the account, and its contacts with it, to the recycle bin.
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		Account account = get(viewer, id);
		this.visibility.requireEdit(viewer, ACCESS, account.ownerId());
		Instant now = this.recycleBin.moveIn(RECORD_TYPE, id, viewer.id(), this.jdbc
			.sql("update accounts set deleted_at = :now, deleted_by = :actor, version = version + 1 where id = :id"));
		this.recycleBin.withIt(ChangeKind.DELETED, Contacts.RECORD_TYPE, id, viewer.id(), now, this.jdbc.sql("""
				update contacts set deleted_at = :now, deleted_by = :actor, deleted_with = :id, version = version + 1
				where account_id = :id and deleted_at is null returning id
				"""));
	}

	/**
	 * Brings the account back from the recycle bin, with the contacts that were deleted
	 * with it.
	 */
	@Transactional
	public Account restore(Viewer viewer, UUID id) {
		Account account = load(id).filter(Account::isDeleted).orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		this.visibility.requireEdit(viewer, ACCESS, account.ownerId());
		Instant now = this.recycleBin.restore(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update accounts set deleted_at = null, deleted_by = null, merged_into = null, updated_at = :now,
				  updated_by = :actor,
				  last_touched_at = :now, last_touched_by = :actor, version = version + 1 where id = :id
				"""));
		this.recycleBin.withIt(ChangeKind.RESTORED, Contacts.RECORD_TYPE, id, viewer.id(), now, this.jdbc.sql("""
				update contacts set deleted_at = null, deleted_by = null, deleted_with = null, updated_at = :now,
				  updated_by = :actor, last_touched_at = :now, last_touched_by = :actor, version = version + 1
				where deleted_with = :id returning id
				"""));
		return load(id).orElseThrow();
	}

	/**
	 * Deletes an account from the recycle bin for good (administrators only), with the
	 * contacts that went to the bin with it; other links to it are cleared.
	 */
	@Transactional
	public void purge(Viewer viewer, UUID id) {
		RecycleBin.requirePurgeRight(viewer.isAdmin());
		load(id).filter(Account::isDeleted).orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		List<UUID> contacts = this.jdbc.sql("delete from contacts where deleted_with = :id returning id")
			.param("id", id)
			.query(UUID.class)
			.list();
		this.jdbc.sql("update contacts set account_id = null where account_id = :id").param("id", id).update();
		this.jdbc.sql("update accounts set parent_id = null where parent_id = :id").param("id", id).update();
		Instant now = this.recycleBin.purge(RECORD_TYPE, id, viewer.id(),
				this.jdbc.sql("delete from accounts where id = :id"));
		this.recycleBin.publish(ChangeKind.PURGED, Contacts.RECORD_TYPE, contacts, viewer.id(), now);
	}

	/**
	 * Writes many new accounts at once (demo data, imports), validated like any other;
	 * publishes no per-record events.
	 * @return the new accounts' ids, in order
	 */
	@Transactional
	public List<UUID> createAll(UUID actorId, List<AccountDetails> accounts) {
		Instant now = this.clock.instant();
		List<UUID> ids = new ArrayList<>(accounts.size());
		List<MapSqlParameterSource> rows = new ArrayList<>(accounts.size());
		for (AccountDetails input : accounts) {
			Map<String, String> errors = new LinkedHashMap<>();
			AccountDetails details = withListValues(input, null, errors);
			errors.putAll(this.validation.violations(details));
			InputValidation.throwIfAny(errors);
			UUID id = Ids.newId();
			rows.add(new MapSqlParameterSource(columns(details)).addValue("id", id)
				.addValue("now", utc(now))
				.addValue("createdAt", utc(now))
				.addValue("importId", null)
				.addValue("externalId", null)
				.addValue("actor", actorId));
			ids.add(id);
		}
		this.batch.batchUpdate(INSERT, rows.toArray(MapSqlParameterSource[]::new));
		return ids;
	}

	private void insert(UUID id, AccountDetails details, UUID actorId, Instant now, ImportOrigin origin) {
		this.jdbc.sql(INSERT)
			.params(columns(details))
			.param("id", id)
			.param("now", utc(now))
			.param("createdAt", utc(origin == null ? now : origin.createdAt(now)))
			.param("importId", origin == null ? null : origin.importId())
			.param("externalId", origin == null ? null : blankToNull(origin.externalId()))
			.param("actor", actorId)
			.update();
	}

	// one statement, so no transaction of its own: its BEGIN and COMMIT would cost a
	// round trip each time a page shows names (inside a caller's transaction it joins it)
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<UUID, String> namesOf(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		this.jdbc.sql("select id, name from accounts where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	Optional<Account> load(UUID id) {
		return this.jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(Accounts::map).optional();
	}

	/**
	 * The details and custom values as they are stored, checked.
	 */
	private record Validated(AccountDetails details, CustomValues values) {
	}

	/**
	 * @param before the account as it is, {@code null} for a new one: a retired industry
	 * it has is kept while the edit leaves it alone
	 * @return the details with industry and country as stored (matched case-insensitively
	 * against the pick lists), and the custom values
	 */
	private Validated validate(UUID id, AccountDetails input, AccountDetails before, CustomValues customBefore,
			Map<String, ?> custom) {
		Map<String, String> listErrors = new LinkedHashMap<>();
		AccountDetails details = withListValues(input, before, listErrors);
		Map<String, String> errors = new LinkedHashMap<>(this.validation.violations(details));
		errors.putAll(listErrors);
		CustomValues values = this.customFields.apply(RECORD_TYPE, customBefore, custom, CustomFields.REQUIRED_ALWAYS,
				errors);
		if (details.ownerId() != null) {
			Optional<User> owner = this.users.find(details.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + details.ownerId() + ".");
			}
			else if (!owner.get().active()) {
				errors.putIfAbsent("ownerId", owner.get().fullName() + " is deactivated and can't own accounts.");
			}
		}
		if (details.parentId() != null) {
			Optional<Account> parent = load(details.parentId());
			if (parent.isEmpty() || parent.get().isDeleted()) {
				errors.putIfAbsent("parentId", "There is no account with id " + details.parentId() + ".");
			}
			else if (id != null && (id.equals(details.parentId()) || isAncestorOf(id, details.parentId()))) {
				errors.putIfAbsent("parentId", parent.get().name()
						+ " belongs to this account already; an account hierarchy can't go round in a circle.");
			}
		}
		InputValidation.throwIfAny(errors);
		return new Validated(details, values);
	}

	AccountDetails withListValues(AccountDetails input, AccountDetails before, Map<String, String> errors) {
		String industry = pick("industry", "industry", input.industry(), before == null ? null : before.industry(),
				errors);
		String country = pick("country", "country", input.country(), before == null ? null : before.country(), errors);
		return new AccountDetails(input.name(), input.website(), industry, input.phone(), input.billingStreet(),
				input.billingCity(), input.billingState(), input.billingPostalCode(), country, input.employees(),
				input.annualRevenue(), input.parentId(), input.ownerId(), input.description());
	}

	private String pick(String list, String field, String input, String current, Map<String, String> errors) {
		try {
			return this.pickLists.resolve(list, field, input, current);
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
			return input;
		}
	}

	private boolean isAncestorOf(UUID ancestor, UUID account) {
		return this.jdbc
			.sql("""
					with recursive up(id, parent_id, depth) as (
					  select id, parent_id, 0 from accounts where id = :account
					  union select a.id, a.parent_id, u.depth + 1 from accounts a join up u on a.id = u.parent_id where u.depth < 50)
					select count(*) from up where id = :ancestor
					""")
			.param("account", account)
			.param("ancestor", ancestor)
			.query(Long.class)
			.single() > 0;
	}

	static Map<String, Object> columns(AccountDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", details.name().trim());
		columns.put("website", blankToNull(details.website()));
		columns.put("domain", details.domain());
		columns.put("industry", blankToNull(details.industry()));
		columns.put("phone", blankToNull(details.phone()));
		columns.put("billingStreet", blankToNull(details.billingStreet()));
		columns.put("billingCity", blankToNull(details.billingCity()));
		columns.put("billingState", blankToNull(details.billingState()));
		columns.put("billingPostalCode", blankToNull(details.billingPostalCode()));
		columns.put("country", blankToNull(details.country()));
		columns.put("employees", details.employees());
		columns.put("annualRevenue", details.annualRevenue());
		columns.put("parentId", details.parentId());
		columns.put("ownerId", details.ownerId());
		columns.put("description", blankToNull(details.description()));
		return columns;
	}

	static List<FieldChange> diff(AccountDetails before, AccountDetails after) {
		return new FieldChange.Diff().compare("name", trim(before.name()), trim(after.name()))
			.compare("website", trim(before.website()), trim(after.website()))
			.compare("industry", before.industry(), after.industry())
			.compare("phone", trim(before.phone()), trim(after.phone()))
			.compare("billingStreet", trim(before.billingStreet()), trim(after.billingStreet()))
			.compare("billingCity", trim(before.billingCity()), trim(after.billingCity()))
			.compare("billingState", trim(before.billingState()), trim(after.billingState()))
			.compare("billingPostalCode", trim(before.billingPostalCode()), trim(after.billingPostalCode()))
			.compare("country", before.country(), after.country())
			.compare("employees", before.employees(), after.employees())
			.compare("annualRevenue", before.annualRevenue(), after.annualRevenue())
			.compare("parentId", before.parentId(), after.parentId())
			.compare("ownerId", before.ownerId(), after.ownerId())
			.compare("description", trim(before.description()), trim(after.description()))
			.changes();
	}

	static Account map(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("website"),
				rs.getString("domain"), rs.getString("industry"), rs.getString("phone"), rs.getString("billing_street"),
				rs.getString("billing_city"), rs.getString("billing_state"), rs.getString("billing_postal_code"),
				rs.getString("country"), (Integer) rs.getObject("employees"),
				rs.getObject("annual_revenue", BigDecimal.class), rs.getObject("parent_id", UUID.class),
				rs.getString("parent_name"), rs.getObject("owner_id", UUID.class), rs.getString("description"),
				instant(rs, "deleted_at"), rs.getObject("deleted_by", UUID.class), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), instant(rs, "last_touched_at"),
				rs.getObject("last_touched_by", UUID.class), rs.getLong("version"),
				CustomValues.fromJson(rs.getString("custom")));
	}

}
