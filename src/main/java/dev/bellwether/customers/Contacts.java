package dev.bellwether.customers;

import dev.bellwether.platform.edit.VersionedRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import dev.bellwether.platform.Text;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.RecycleBin;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.TextSearch;
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

import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;
import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Contacts: read by everyone, changed by the owner chain, sales administrators and
 * administrators ({@link #ACCESS}); every change is versioned and published as a
 * {@link RecordChanged}.
 */
@Service
@Transactional(readOnly = true)
public class Contacts implements VersionedRecords<Viewer, Contact, ContactDetails> {

	public static final String RECORD_TYPE = "contact";

	public static final AccessPolicy ACCESS = AccessPolicy.sharedRecord(RECORD_TYPE, Role.SALES_ADMIN, Role.ADMIN);

	private static final Map<String, String> SORTABLE = Map.of("name", "lower(c.last_name), lower(c.first_name)",
			"firstName", "lower(c.first_name)", "lastName", "lower(c.last_name)", "email", "lower(c.email)", "title",
			"lower(c.title)", "account", "lower(a.name)", "createdAt", "c.created_at", "updatedAt", "c.updated_at",
			"lastTouchedAt", "c.last_touched_at");

	/**
	 * The sort expressions that are never null (keyset paging uses row comparisons on
	 * them).
	 */
	private static final Set<String> NOT_NULL = Set.of("c.id", "lower(c.last_name)", "c.created_at", "c.updated_at");

	private static final String SELECT = """
			select c.*, a.name as account_name from contacts c left join accounts a on a.id = c.account_id
			""";

	static final String INSERT = """
			insert into contacts (id, first_name, last_name, title, email, phone, mobile, account_id, owner_id,
			  created_at, created_by, updated_at, updated_by, last_touched_at, last_touched_by, version, import_id,
			  external_id)
			values (:id, :firstName, :lastName, :title, :email, :phone, :mobile, :accountId, :ownerId, :createdAt,
			  :actor, :now, :actor, :createdAt, :actor, 0, :importId, :externalId)
			""";

	private static final CustomizedList<Contact> LIST = new CustomizedList<>(RECORD_TYPE, "c",
			new PagedQuery(SELECT, "from contacts c"), SORTABLE, NOT_NULL,
			List.of("lower(c.last_name)", "lower(c.first_name)", "c.id"), Contacts::map);

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	private final RecordVisibility visibility;

	private final UserDirectory users;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecordOwners owners;

	private final CustomFields customFields;

	private final RecycleBin recycleBin;

	Contacts(JdbcClient jdbc, NamedParameterJdbcTemplate batch, RecordVisibility visibility, UserDirectory users,
			InputValidation validation, ApplicationEventPublisher events, Clock clock, RecordOwners owners,
			CustomFields customFields, RecycleBin recycleBin) {
		this.recycleBin = recycleBin;
		this.customFields = customFields;
		this.owners = owners;
		this.jdbc = jdbc;
		this.batch = batch;
		this.visibility = visibility;
		this.users = users;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
	}

	public Contact get(Viewer viewer, UUID id) {
		Contact contact = load(id).filter(c -> !c.isDeleted())
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		this.visibility.requireRead(viewer, ACCESS, id, contact.ownerId());
		return contact;
	}

	public boolean canEdit(Viewer viewer, Contact contact) {
		return this.visibility.canEdit(viewer, ACCESS, contact.ownerId());
	}

	public Page<Contact> list(Viewer viewer, ContactFilter filter, Pageable pageable) {
		return list(viewer, filter, CustomFilter.NONE, pageable);
	}

	/**
	 * Contacts matching the filter and the criteria on custom fields ({@code cf.<key>}),
	 * sortable by custom fields too.
	 */
	public Page<Contact> list(Viewer viewer, ContactFilter filter, CustomFilter custom, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		return LIST.page(this.jdbc, this.customFields, where(viewer, filter, params, false), params, custom, pageable);
	}

	public Page<Contact> deleted(Viewer viewer, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		return LIST.deleted(this.jdbc, where(viewer, ContactFilter.all(), params, true), params, pageable);
	}

	/**
	 * Contacts whose name or e-mail address matches the text — containing it, a near miss
	 * of it, or all its words in any order — best matches first, for the search box (see
	 * {@link TextSearch}).
	 */
	public List<Contact> search(Viewer viewer, String text, int limit) {
		return search(viewer, TextSearch.prepare(this.jdbc, text), limit);
	}

	/**
	 * {@link #search(Viewer, String, int)} with the text prepared once for several record
	 * types.
	 */
	public List<Contact> search(Viewer viewer, TextSearch search, int limit) {
		if (search.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>(search.parameters());
		String where = where(viewer, ContactFilter.all(), params, false);
		String order = search.rank(FULL_NAME, "lower(c.email)") + " desc, lower(c.last_name), c.id";
		List<Contact> found = this.jdbc
			.sql(SELECT + " where " + search.best("c", "contacts", where, SEARCH_DOCUMENT, order) + " order by "
					+ order)
			.params(params)
			.param("limit", limit)
			.query(Contacts::map)
			.list();
		return LIST.thenByCustomText(found, limit, Contact::id, search, "lower(c.last_name), lower(c.first_name), c.id",
				condition -> this.jdbc.sql(SELECT + " where " + where + " and " + condition).params(params));
	}

	/** The full-text document of a contact, as indexed by V15__search_vocabulary.sql. */
	private static final String SEARCH_DOCUMENT = "to_tsvector('simple', coalesce(c.first_name, '') || ' ' || c.last_name "
			+ "|| ' ' || coalesce(c.email, '') || ' ' || translate(coalesce(c.email, ''), '.-_@/:+', '       '))";

	private static final String FULL_NAME = "lower(coalesce(c.first_name, '') || ' ' || c.last_name)";

	private String where(Viewer viewer, ContactFilter filter, Map<String, Object> params, boolean deleted) {
		SqlFilter visible = this.visibility.readFilter(viewer, ACCESS, "c.owner_id");
		return new ListConditions(params).inRecycleBin("c", deleted)
			.add(visible.sql(), visible.parameters())
			.containing(filter.query(), "(" + FULL_NAME + " like :q or lower(c.email) like :q)")
			.when(filter.accountId(), "c.account_id = :accountId", "accountId")
			.when(filter.ownerId(), "c.owner_id = :ownerId", "ownerId")
			.sql();
	}

	@Transactional
	public Contact create(Viewer viewer, ContactDetails details) {
		return create(viewer, details, null);
	}

	/**
	 * @param custom custom field values by key, as a form or the API sent them (see
	 * {@link CustomFields#apply})
	 */
	@Transactional
	public Contact create(Viewer viewer, ContactDetails details, Map<String, ?> custom) {
		return create(viewer, details, custom, null);
	}

	/**
	 * Creates a contact an import brings in: created at the file's date (not touched
	 * since), with the import as its source and the old system's id.
	 * @param origin the import, or {@code null} for a contact a person creates
	 */
	@Transactional
	public Contact create(Viewer viewer, ContactDetails details, Map<String, ?> custom, ImportOrigin origin) {
		CustomValues values = validate(details, CustomValues.NONE, custom);
		this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		insert(id, details, viewer.id(), now, origin);
		storeCustom(id, values);
		List<FieldChange> changes = new ArrayList<>(diff(ContactDetails.empty(), details));
		changes.addAll(this.customFields.changes(RECORD_TYPE, CustomValues.NONE, values));
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, viewer.id(), now, changes,
				origin == null ? null : origin.importId()));
		return load(id).orElseThrow();
	}

	private void storeCustom(UUID id, CustomValues values) {
		this.jdbc.sql("update contacts set custom = cast(:custom as jsonb), custom_text = :text where id = :id")
			.param("custom", values.json())
			.param("text", this.customFields.searchText(RECORD_TYPE, values))
			.param("id", id)
			.update();
	}

	@Transactional
	public Contact update(Viewer viewer, UUID id, long expectedVersion, ContactDetails details) {
		return update(viewer, id, expectedVersion, details, null);
	}

	/**
	 * @param custom custom field values by key to set (a key not sent keeps its value)
	 */
	@Transactional
	public Contact update(Viewer viewer, UUID id, long expectedVersion, ContactDetails details, Map<String, ?> custom) {
		return update(viewer, id, expectedVersion, details, custom, null);
	}

	/**
	 * @param importId the import that makes the change (it does not count as a touch), or
	 * {@code null} for a person's change
	 */
	@Transactional
	public Contact update(Viewer viewer, UUID id, long expectedVersion, ContactDetails details, Map<String, ?> custom,
			UUID importId) {
		Contact before = get(viewer, id);
		this.visibility.requireEdit(viewer, ACCESS, before.ownerId());
		CustomValues values = validate(details, before.customFields(), custom);
		this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), before.ownerId());
		VersionedUpdate save = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		Instant now = this.clock.instant();
		save.run(this.jdbc.sql("""
				update contacts set first_name = :firstName, last_name = :lastName, title = :title, email = :email,
				  phone = :phone, mobile = :mobile, account_id = :accountId, owner_id = :ownerId, updated_at = :now,
				  updated_by = :actor, last_touched_at = case when :touches then :now else last_touched_at end,
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
	 * Moves the contact to the recycle bin if it is still as {@code version} left it (an
	 * import's undo never removes what someone has changed since).
	 * @return whether it was moved; {@code false} when it changed or is gone
	 */
	@Transactional
	public boolean deleteIfUnchanged(Viewer viewer, UUID id, long version) {
		if (load(id).filter(c -> !c.isDeleted() && c.version() == version).isEmpty()) {
			return false;
		}
		delete(viewer, id);
		return true;
	}

	/**
	 * Moves many contacts to the recycle bin at once, those still at the version given
	 * (the undo of an import: the contacts it created, unless changed since), with one
	 * statement and one event.
	 * @param versions the version the import left each contact at
	 * @param importId the import being undone
	 * @return the contacts moved to the recycle bin; the others are changed, gone, or not
	 * the user's to change
	 */
	@Transactional
	public Set<UUID> deleteAllIfUnchanged(Viewer viewer, Map<UUID, Long> versions, UUID importId) {
		if (versions.isEmpty()) {
			return Set.of();
		}
		Map<UUID, UUID> owners = new java.util.HashMap<>();
		this.jdbc.sql("select id, owner_id from contacts where id = any(cast(:ids as uuid[]))")
			.param("ids", uuidArray(versions.keySet()))
			.query((rs, n) -> owners.put(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class)))
			.list();
		// each owner checked once
		Map<UUID, Boolean> editable = new java.util.HashMap<>();
		List<UUID> ids = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		versions.forEach((id, version) -> {
			UUID owner = owners.get(id);
			if (owner != null && editable.computeIfAbsent(owner, o -> this.visibility.canEdit(viewer, ACCESS, o))) {
				ids.add(id);
				expected.add(Long.toString(version));
			}
		});
		if (ids.isEmpty()) {
			return Set.of();
		}
		Instant now = this.clock.instant();
		List<UUID> deleted = this.jdbc.sql("""
				update contacts c set deleted_at = :now, deleted_by = :actor, version = c.version + 1
				from unnest(cast(:ids as uuid[]), cast(:versions as bigint[])) as w(id, version)
				where c.id = w.id and c.version = w.version and c.deleted_at is null
				returning c.id
				""")
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("ids", uuidArray(ids))
			.param("versions", "{" + String.join(",", expected) + "}")
			.query(UUID.class)
			.list();
		if (!deleted.isEmpty()) {
			this.events.publishEvent(new dev.bellwether.platform.RecordsChanged(deleted.stream()
				.map(id -> new RecordChanged(RECORD_TYPE, id, ChangeKind.DELETED, viewer.id(), now, List.of(),
						importId))
				.toList()));
		}
		return Set.copyOf(deleted);
	}

	private static String uuidArray(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	@Transactional
	public void delete(Viewer viewer, UUID id) {
		Contact contact = get(viewer, id);
		this.visibility.requireEdit(viewer, ACCESS, contact.ownerId());
		this.recycleBin.moveIn(RECORD_TYPE, id, viewer.id(), this.jdbc
			.sql("update contacts set deleted_at = :now, deleted_by = :actor, version = version + 1 where id = :id"));
	}

	@Transactional
	public Contact restore(Viewer viewer, UUID id) {
		Contact contact = load(id).filter(Contact::isDeleted).orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		this.visibility.requireEdit(viewer, ACCESS, contact.ownerId());
		if (contact.accountId() != null
				&& this.jdbc.sql("select count(*) from accounts where id = :id and deleted_at is not null")
					.param("id", contact.accountId())
					.query(Long.class)
					.single() > 0) {
			throw new InvalidInputException("accountId", "Restore the account " + contact.accountName() + " first: "
					+ contact.fullName() + " belongs to it, and it is in the recycle bin too.");
		}
		this.recycleBin.restore(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update contacts set deleted_at = null, deleted_by = null, deleted_with = null, merged_into = null,
				  updated_at = :now, updated_by = :actor, last_touched_at = :now, last_touched_by = :actor,
				  version = version + 1
				where id = :id
				"""));
		return load(id).orElseThrow();
	}

	@Transactional
	public void purge(Viewer viewer, UUID id) {
		RecycleBin.requirePurgeRight(viewer.isAdmin());
		load(id).filter(Contact::isDeleted).orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		this.recycleBin.purge(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("delete from contacts where id = :id"));
	}

	/**
	 * @return the contacts' full names, also of contacts in the recycle bin (contacts are
	 * readable by everyone), for showing beside other records
	 */
	// one statement, so no transaction of its own (inside a caller's transaction it
	// joins it)
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<UUID, String> namesOf(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, trim(coalesce(first_name, '') || ' ' || last_name) as name from contacts
				where id in (:ids)
				""")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	/**
	 * Writes many new contacts at once (demo data, imports); publishes no per-record
	 * events.
	 */
	@Transactional
	public List<UUID> createAll(UUID actorId, List<ContactDetails> contacts) {
		Instant now = this.clock.instant();
		List<UUID> ids = new ArrayList<>(contacts.size());
		List<MapSqlParameterSource> rows = new ArrayList<>(contacts.size());
		for (ContactDetails details : contacts) {
			InputValidation.throwIfAny(this.validation.violations(details));
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

	private void insert(UUID id, ContactDetails details, UUID actorId, Instant now, ImportOrigin origin) {
		this.jdbc.sql(INSERT)
			.params(columns(details))
			.param("id", id)
			.param("now", utc(now))
			.param("createdAt", utc(origin == null ? now : origin.createdAt(now)))
			.param("importId", origin == null ? null : origin.importId())
			.param("externalId", origin == null ? null : Text.blankToNull(origin.externalId()))
			.param("actor", actorId)
			.update();
	}

	Optional<Contact> load(UUID id) {
		return this.jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(Contacts::map).optional();
	}

	private CustomValues validate(ContactDetails details, CustomValues before, Map<String, ?> custom) {
		Map<String, String> errors = this.validation.violations(details);
		CustomValues values = this.customFields.apply(RECORD_TYPE, before, custom, CustomFields.REQUIRED_ALWAYS,
				errors);
		if (details.ownerId() != null) {
			Optional<User> owner = this.users.find(details.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + details.ownerId() + ".");
			}
			else if (!owner.get().active()) {
				errors.putIfAbsent("ownerId", owner.get().fullName() + " is deactivated and can't own contacts.");
			}
		}
		if (details.accountId() != null
				&& this.jdbc.sql("select count(*) from accounts where id = :id and deleted_at is null")
					.param("id", details.accountId())
					.query(Long.class)
					.single() == 0) {
			errors.putIfAbsent("accountId", "There is no account with id " + details.accountId() + ".");
		}
		InputValidation.throwIfAny(errors);
		return values;
	}

	static Map<String, Object> columns(ContactDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("firstName", blankToNull(details.firstName()));
		columns.put("lastName", details.lastName().trim());
		columns.put("title", blankToNull(details.title()));
		columns.put("email", blankToNull(details.email()));
		columns.put("phone", blankToNull(details.phone()));
		columns.put("mobile", blankToNull(details.mobile()));
		columns.put("accountId", details.accountId());
		columns.put("ownerId", details.ownerId());
		return columns;
	}

	static List<FieldChange> diff(ContactDetails before, ContactDetails after) {
		return new FieldChange.Diff().compare("firstName", trim(before.firstName()), trim(after.firstName()))
			.compare("lastName", trim(before.lastName()), trim(after.lastName()))
			.compare("title", trim(before.title()), trim(after.title()))
			.compare("email", trim(before.email()), trim(after.email()))
			.compare("phone", trim(before.phone()), trim(after.phone()))
			.compare("mobile", trim(before.mobile()), trim(after.mobile()))
			.compare("accountId", before.accountId(), after.accountId())
			.compare("ownerId", before.ownerId(), after.ownerId())
			.changes();
	}

	static Contact map(ResultSet rs, int row) throws SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("title"), rs.getString("email"), rs.getString("phone"), rs.getString("mobile"),
				rs.getObject("account_id", UUID.class), rs.getString("account_name"),
				rs.getObject("owner_id", UUID.class), instant(rs, "deleted_at"), rs.getObject("deleted_by", UUID.class),
				instant(rs, "created_at"), rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), instant(rs, "last_touched_at"),
				rs.getObject("last_touched_by", UUID.class), rs.getLong("version"),
				CustomValues.fromJson(rs.getString("custom")));
	}

}
