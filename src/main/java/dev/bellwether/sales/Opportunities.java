package dev.bellwether.sales;

import dev.bellwether.platform.db.ExternalIds;
import dev.bellwether.platform.edit.VersionedRecords;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.RecordOwners;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.Text;
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
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.customfield.CustomValues;
import dev.bellwether.platform.customfield.CustomizedList;
import dev.bellwether.platform.web.PageRequests;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.contains;
import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;

/**
 * Deals. Every read goes through {@link OpportunityAccess} (one visibility rule for
 * pages, board, search, timeline and API); every change is checked against the stage's
 * rules ({@link DealTerms}), versioned, written to the stage history when stage, amount,
 * close date, probability or forecast category change, and published as a
 * {@link RecordChanged} (and an {@link OpportunityStageChanged} when the stage changes).
 */
@Service
@Transactional(readOnly = true)
public class Opportunities implements VersionedRecords<Viewer, Opportunity, OpportunityDetails> {

	public static final String RECORD_TYPE = OpportunityAccess.RECORD_TYPE;

	/**
	 * The key of the loss-reason pick list's "Other", which asks for the reason in words.
	 */
	static final String OTHER = "other";

	/**
	 * Lists count their rows only this far past the current page: beyond it the total is
	 * "more than", and a count over a million rows does not slow every page down.
	 */
	public static final int COUNT_CAP = PagedQuery.COUNT_CAP;

	private static final Map<String, String> SORTABLE = Map.of("name", "lower(o.name)", "amount", "o.amount",
			"closeDate", "o.close_date", "stage", "s.position", "probability", "o.probability", "createdAt",
			"o.created_at", "updatedAt", "o.updated_at", "lastTouchedAt", "o.last_touched_at");

	/**
	 * The sort expressions that are never null (keyset paging uses row comparisons on
	 * them).
	 */
	private static final Set<String> NOT_NULL = Set.of("o.id", "lower(o.name)", "o.close_date", "s.position",
			"o.probability", "o.created_at", "o.updated_at", "o.last_touched_at");

	private static final String FROM = " from opportunities o join pipeline_stages s on s.id = o.stage_id";

	private static final String LINK_SELECT = "select o.id, o.name, o.account_id, o.owner_id from opportunities o";

	private static final String HISTORY_SELECT = """
			select h.*, fs.name as from_stage_name, ts.name as to_stage_name from opportunity_history h
			left join pipeline_stages fs on fs.id = h.from_stage_id join pipeline_stages ts on ts.id = h.to_stage_id
			""";

	private final JdbcClient jdbc;

	private final OpportunityAccess access;

	private final OpportunityFreshness freshness;

	private final PipelineStages stages;

	private final Products products;

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecordOwners owners;

	private final String currency;

	private final PickLists pickLists;

	private final CustomFields customFields;

	private final RecycleBin recycleBin;

	Opportunities(JdbcClient jdbc, OpportunityAccess access, OpportunityFreshness freshness, PipelineStages stages,
			Products products, Accounts accounts, Contacts contacts, UserDirectory users, InputValidation validation,
			ApplicationEventPublisher events, Clock clock, @Value("${bellwether.sales.currency:USD}") String currency,
			RecordOwners owners, PickLists pickLists, CustomFields customFields, RecycleBin recycleBin) {
		this.recycleBin = recycleBin;
		this.customFields = customFields;
		this.owners = owners;
		this.pickLists = pickLists;
		this.jdbc = jdbc;
		this.access = access;
		this.freshness = freshness;
		this.stages = stages;
		this.products = products;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
		this.currency = currency;
	}

	/**
	 * @return the company currency every amount is in
	 */
	/** Today in the company's time zone, by the application's clock. */
	public LocalDate today() {
		return this.freshness.today();
	}

	public String currency() {
		return this.currency;
	}

	/**
	 * @return the deal, if it exists, is not in the recycle bin and the viewer may read
	 * it
	 * @throws RecordNotFoundException otherwise
	 */
	public Opportunity get(Viewer viewer, UUID id) {
		Opportunity deal = load(id).filter(o -> !o.isDeleted())
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (!this.access.canRead(viewer, deal.ownerId())) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return deal;
	}

	public boolean canEdit(Viewer viewer, Opportunity deal) {
		return this.access.canEdit(viewer, deal.ownerId());
	}

	/**
	 * Deals the viewer may see that match the filter. The total is exact up to
	 * {@link #COUNT_CAP} rows past the page, "at least" beyond (see
	 * {@link #isCountCapped}).
	 */
	public Page<Opportunity> list(Viewer viewer, OpportunityFilter filter, Pageable pageable) {
		return list(viewer, filter, CustomFilter.NONE, pageable);
	}

	/**
	 * {@link #list(Viewer, OpportunityFilter, Pageable)} with criteria on custom fields
	 * ({@code cf.<key>}), sortable by custom fields too.
	 */
	public Page<Opportunity> list(Viewer viewer, OpportunityFilter filter, CustomFilter custom, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, filter, params, false);
		params.putAll(freshnessParams());
		return list().page(this.jdbc, this.customFields, where, params, custom, pageable);
	}

	/**
	 * The deal list as every record type with custom fields has it: its rows read by id
	 * first (the select computes each deal's freshness), after its tie-breakers close
	 * date and id.
	 */
	private CustomizedList<Opportunity> list() {
		return new CustomizedList<>(RECORD_TYPE, "o", new PagedQuery(select() + FROM, FROM).readingIdsFirst("o.id"),
				SORTABLE, NOT_NULL, List.of("o.close_date", "o.id"), Opportunities::map);
	}

	/**
	 * The deals of a page of {@link #list}, without counting how many match: for a caller
	 * that has the total already.
	 */
	public List<Opportunity> listContent(Viewer viewer, OpportunityFilter filter, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, filter, params, false);
		String order = PageRequests.orderBy(pageable.getSort(), SORTABLE, RECORD_TYPE, "o.close_date", "o.id");
		return content(where, params, order, pageable);
	}

	/**
	 * Open deals of some owners, those the viewer may see, without counting them (see
	 * {@link PipelineAnalytics#openTotalsOf}): e.g. the deals of people who were
	 * deactivated, which need a new owner.
	 */
	public List<Opportunity> openDealsOf(Viewer viewer, Collection<UUID> ownerIds, Pageable pageable) {
		if (ownerIds.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		SqlFilter owners = this.access.readFilter(viewer, "o.owner_id", ownerIds);
		params.putAll(owners.parameters());
		String where = "o.deleted_at is null and o.closed_at is null and " + owners.sql();
		String order = PageRequests.orderBy(pageable.getSort(), SORTABLE, RECORD_TYPE, "o.close_date", "o.id");
		return content(where, params, order, pageable);
	}

	/**
	 * @return whether the page's total stopped at the count cap (there are at least that
	 * many)
	 */
	public static boolean isCountCapped(Page<?> page) {
		return PagedQuery.isCapped(page);
	}

	/**
	 * Deals in the recycle bin that the viewer may read, most recently deleted first.
	 */
	public Page<Opportunity> deleted(Viewer viewer, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, OpportunityFilter.all(), params, true);
		params.putAll(freshnessParams());
		return list().deleted(this.jdbc, where, params, pageable);
	}

	/**
	 * Deals whose name matches the text — containing it, a near miss of it, or all its
	 * words — best matches first, for the search box (see {@link TextSearch}).
	 */
	public List<Opportunity> search(Viewer viewer, String text, int limit) {
		return search(viewer, TextSearch.prepare(this.jdbc, text), limit);
	}

	/**
	 * {@link #search(Viewer, String, int)} with the text prepared once for several record
	 * types.
	 */
	public List<Opportunity> search(Viewer viewer, TextSearch search, int limit) {
		if (search.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>(search.parameters());
		String visible = where(viewer, OpportunityFilter.all(), params, false);
		String where = visible + " and " + search.matchesNames(SEARCH_DOCUMENT);
		params.put("limit", limit);
		String order = search.rank("lower(o.name)") + " desc, o.close_date desc, o.id";
		List<Opportunity> found = this.jdbc
			.sql(select() + FROM + " where " + search.best("o", "opportunities", where, order) + " order by " + order)
			.params(params)
			.params(freshnessParams())
			.query(Opportunities::map)
			.list();
		return list().thenByCustomText(found, limit, Opportunity::id, search, "o.close_date desc, o.id",
				condition -> this.jdbc.sql(select() + FROM + " where " + visible + " and " + condition)
					.params(params)
					.params(freshnessParams()));
	}

	/**
	 * The full-text document of a deal, as indexed by V20__deal_search_words.sql: its
	 * name as typed and split as the vocabulary splits it.
	 */
	private static final String SEARCH_DOCUMENT = "to_tsvector('simple', o.name || ' ' || translate(o.name, '.-_@/:+', '       '))";

	/**
	 * Deals by the old system's id an import kept (exact; not those in the recycle bin).
	 */
	public Map<String, UUID> idsByExternalId(Collection<String> externalIds) {
		return ExternalIds.find(this.jdbc,
				"select external_id, id from opportunities where external_id = any(cast(:keys as text[])) and deleted_at is null",
				externalIds);
	}

	/**
	 * @return the deals (not in the recycle bin) by name, compared trimmed and
	 * case-insensitively, keyed by the name in lower case; several deals may share one
	 */
	@Transactional(readOnly = true)
	public Map<String, List<UUID>> idsByName(Collection<String> names) {
		List<String> keys = names.stream()
			.filter(StringUtils::hasText)
			.map(name -> name.trim().toLowerCase(java.util.Locale.ROOT))
			.distinct()
			.toList();
		Map<String, List<UUID>> found = new HashMap<>();
		if (!keys.isEmpty()) {
			this.jdbc
				.sql("select lower(name) as k, id from opportunities where lower(name) = any(cast(:keys as text[]))"
						+ " and deleted_at is null order by id")
				.param("keys", keys.toArray(String[]::new))
				.query((rs, n) -> found.computeIfAbsent(rs.getString("k"), k -> new ArrayList<>())
					.add(rs.getObject("id", UUID.class)))
				.list();
		}
		return found;
	}

	/**
	 * @return the names of the given deals, for showing beside other records (no
	 * visibility check: callers show names of deals they were allowed to link)
	 */
	// one statement, so no transaction of its own: its BEGIN and COMMIT would cost a
	// round trip each time a page shows names (inside a caller's transaction it joins it)
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<UUID, String> namesOf(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> names = new LinkedHashMap<>();
		this.jdbc.sql("select id, name from opportunities where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	/**
	 * @return the deal, if it exists and is not in the recycle bin, whoever asks: for
	 * records that hang off a deal, which check what they show with
	 * {@link OpportunityAccess#canRead(Viewer, UUID)}
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<OpportunityLink> findLink(UUID id) {
		return this.jdbc.sql(LINK_SELECT + " where o.id = :id and o.deleted_at is null")
			.param("id", id)
			.query(Opportunities::link)
			.optional();
	}

	/**
	 * Deals the viewer may see whose name contains the text (all of them when it is
	 * blank), open deals closing soonest first, for linking a record to a deal.
	 * @param accountId only this account's deals, or {@code null}
	 */
	public List<OpportunityLink> findLinks(Viewer viewer, String text, UUID accountId, int limit) {
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id");
		StringBuilder sql = new StringBuilder(LINK_SELECT).append(" where o.deleted_at is null and ")
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
		return this.jdbc.sql(sql.toString()).params(params).query(Opportunities::link).list();
	}

	private static OpportunityLink link(ResultSet rs, int row) throws SQLException {
		return new OpportunityLink(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("account_id", UUID.class), rs.getObject("owner_id", UUID.class));
	}

	/**
	 * @return the deal's stage history, newest first
	 */
	public List<StageChange> history(Viewer viewer, UUID id) {
		get(viewer, id);
		return this.jdbc.sql(HISTORY_SELECT + " where h.opportunity_id = :id order by h.changed_at desc, h.id desc")
			.param("id", id)
			.query(Opportunities::mapChange)
			.list();
	}

	/**
	 * @return the deal's line items, in order
	 */
	public List<LineItem> lineItems(Viewer viewer, UUID id) {
		get(viewer, id);
		return loadLineItems(id);
	}

	/**
	 * Checks the details as {@link #create} or {@link #update} would, saving nothing.
	 * @param id the deal being changed, or {@code null} for a new one
	 * @throws InvalidInputException when anything is wrong
	 */
	public void check(Viewer viewer, UUID id, OpportunityDetails entered) {
		check(viewer, id, entered, null);
	}

	/**
	 * {@link #check(Viewer, UUID, OpportunityDetails)} with the custom field values sent.
	 */
	public void check(Viewer viewer, UUID id, OpportunityDetails entered, Map<String, ?> custom) {
		Opportunity before = id == null ? null : get(viewer, id);
		Map<String, String> errors = new LinkedHashMap<>();
		OpportunityDetails details = withListValues(before, entered, errors);
		PipelineStage stage = validate(viewer, before, details, errors);
		if (stage != null) {
			DealTerms.of(stage, details.probability(), details.forecastCategory(), details.lossReason(), errors);
		}
		this.customFields.apply(RECORD_TYPE, before == null ? CustomValues.NONE : before.customFields(), custom,
				requiredAt(stage), errors);
		InputValidation.throwIfAny(errors);
		this.owners.requireAssignable(viewer, OpportunityAccess.ACCESS, details.ownerId(),
				before == null ? null : before.ownerId());
	}

	@Transactional
	public Opportunity create(Viewer viewer, OpportunityDetails entered) {
		return create(viewer, entered, null);
	}

	/**
	 * @param custom custom field values by key, as a form or the API sent them (see
	 * {@link CustomFields#apply}); a field required from a stage on is required when the
	 * deal is at that stage or a later one
	 */
	@Transactional
	public Opportunity create(Viewer viewer, OpportunityDetails entered, Map<String, ?> custom) {
		return create(viewer, entered, custom, null);
	}

	/**
	 * Creates a deal an import brings in, with its real history: created at the file's
	 * date, and a closed deal closed when the file says (on its close date when it does
	 * not), its first stage the one it has; the import is its source.
	 * @param origin the import, or {@code null} for a deal a person creates
	 */
	@Transactional
	public Opportunity create(Viewer viewer, OpportunityDetails entered, Map<String, ?> custom, ImportOrigin origin) {
		Map<String, String> errors = new LinkedHashMap<>();
		OpportunityDetails details = withListValues(null, entered, errors);
		PipelineStage stage = validate(viewer, null, details, errors);
		DealTerms terms = stage == null ? null
				: DealTerms.of(stage, details.probability(), details.forecastCategory(), details.lossReason(), errors);
		CustomValues values = this.customFields.apply(RECORD_TYPE, CustomValues.NONE, custom, requiredAt(stage),
				errors);
		InputValidation.throwIfAny(errors);
		this.owners.requireAssignable(viewer, OpportunityAccess.ACCESS, details.ownerId(), null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		BigDecimal amount = details.amountFromLineItems() ? BigDecimal.ZERO.setScale(2) : details.amount();
		Map<String, Object> columns = columns(details, terms, amount);
		Instant createdAt = origin == null ? now : origin.createdAt(now);
		Instant closedAt = closedAt(stage, details, origin, now);
		this.jdbc.sql(INSERT)
			.params(insertParameters(columns, id, this.currency, closedAt, now, createdAt, origin, viewer.id()))
			.update();
		storeCustom(id, CustomValues.NONE, values);
		Opportunity created = load(id).orElseThrow();
		writeHistory(null, created, viewer.id(), createdAt);
		List<FieldChange> changes = new ArrayList<>(diff(null, created));
		changes.addAll(this.customFields.changes(RECORD_TYPE, CustomValues.NONE, values));
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, viewer.id(), now, changes,
				origin == null ? null : origin.importId()));
		if (origin == null) {
			this.events.publishEvent(new OpportunityStageChanged(id, created.ownerId(), null, created.stageId(),
					created.outcome(), viewer.id(), now));
		}
		return created;
	}

	/**
	 * Saves the deal as entered. When the stage changes, a probability or forecast
	 * category left as it was takes the new stage's default.
	 */
	@Transactional
	public Opportunity update(Viewer viewer, UUID id, long expectedVersion, OpportunityDetails details) {
		return update(viewer, id, expectedVersion, details, null);
	}

	/**
	 * @param custom custom field values by key to set (a key not sent keeps its value)
	 */
	@Transactional
	public Opportunity update(Viewer viewer, UUID id, long expectedVersion, OpportunityDetails details,
			Map<String, ?> custom) {
		return update(viewer, id, expectedVersion, details, custom, null);
	}

	/**
	 * @param importId the import that makes the change (it does not count as a touch, and
	 * a deal it closes closed on its close date), or {@code null} for a person's change
	 */
	@Transactional
	public Opportunity update(Viewer viewer, UUID id, long expectedVersion, OpportunityDetails details,
			Map<String, ?> custom, UUID importId) {
		Opportunity before = get(viewer, id);
		this.access.requireEdit(viewer, id);
		return save(viewer, before, expectedVersion, details, custom, importId);
	}

	/**
	 * Moves the deal to the recycle bin if it is still as {@code version} left it (an
	 * import's undo never removes what someone has changed since).
	 * @return whether it was moved; {@code false} when it changed or is gone
	 */
	@Transactional
	public boolean deleteIfUnchanged(Viewer viewer, UUID id, long version) {
		if (load(id).filter(o -> !o.isDeleted() && o.version() == version).isEmpty()) {
			return false;
		}
		delete(viewer, id);
		return true;
	}

	/**
	 * Moves to the recycle bin, with one statement, those of the deals an import created
	 * that are still as it left them (at the version it wrote) and that the user may
	 * change: the undo of an import of many thousands of deals. One event for them all,
	 * carrying the import, so that the undo counts as no one's work.
	 * @param versions the version the import left each deal at
	 * @return the deals moved to the recycle bin; the others are changed, gone, or not
	 * the user's to change
	 */
	@Transactional
	public Set<UUID> deleteAllIfUnchanged(Viewer viewer, Map<UUID, Long> versions, UUID importId) {
		if (versions.isEmpty()) {
			return Set.of();
		}
		Map<UUID, UUID> owners = new HashMap<>();
		this.jdbc.sql("select id, owner_id from opportunities where id = any(cast(:ids as uuid[]))")
			.param("ids", uuidArray(versions.keySet()))
			.query((rs, n) -> owners.put(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class)))
			.list();
		// each owner checked once
		Map<UUID, Boolean> editable = new HashMap<>();
		List<UUID> ids = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		versions.forEach((id, version) -> {
			UUID owner = owners.get(id);
			if (owner != null && editable.computeIfAbsent(owner, o -> this.access.canEdit(viewer, o))) {
				ids.add(id);
				expected.add(Long.toString(version));
			}
		});
		if (ids.isEmpty()) {
			return Set.of();
		}
		Instant now = this.clock.instant();
		List<UUID> deleted = this.jdbc.sql("""
				update opportunities o set deleted_at = :now, deleted_by = :actor, version = o.version + 1
				from unnest(cast(:ids as uuid[]), cast(:versions as bigint[])) as w(id, version)
				where o.id = w.id and o.version = w.version and o.deleted_at is null
				returning o.id
				""")
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("ids", uuidArray(ids))
			.param("versions", "{" + String.join(",", expected) + "}")
			.query(UUID.class)
			.list();
		if (!deleted.isEmpty()) {
			this.events.publishEvent(new RecordsChanged(deleted.stream()
				.map(id -> new RecordChanged(RECORD_TYPE, id, ChangeKind.DELETED, viewer.id(), now, List.of(),
						importId))
				.toList()));
		}
		return Set.copyOf(deleted);
	}

	/**
	 * @return whether any deal (not in the recycle bin) is at the account
	 */
	@Transactional(readOnly = true)
	public boolean anyAtAccount(UUID accountId) {
		return this.jdbc
			.sql("select exists (select 1 from opportunities where account_id = :id and deleted_at is null)")
			.param("id", accountId)
			.query(Boolean.class)
			.single();
	}

	private static String uuidArray(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	/**
	 * Which custom fields a deal at the stage needs a value of: those required always,
	 * and those required from this stage or an earlier one.
	 */
	private Predicate<CustomField> requiredAt(PipelineStage stage) {
		return requiredAt(stage, this.stages.all());
	}

	/**
	 * @param stages every stage, retired ones included
	 */
	static Predicate<CustomField> requiredAt(PipelineStage stage, List<PipelineStage> stages) {
		return field -> switch (field.required()) {
			case ALWAYS -> true;
			case NEVER -> false;
			case FROM_STAGE -> stage != null && stages.stream()
				.filter(from -> from.id().toString().equals(field.requiredFrom()))
				.anyMatch(from -> stage.position() >= from.position());
		};
	}

	private void storeCustom(UUID id, CustomValues before, CustomValues values) {
		if (values.equals(before)) {
			return;
		}
		this.jdbc.sql("update opportunities set custom = cast(:custom as jsonb), custom_text = :text where id = :id")
			.param("custom", values.json())
			.param("text", this.customFields.searchText(RECORD_TYPE, values))
			.param("id", id)
			.update();
	}

	/**
	 * Moves the deal to another stage (the board, stage buttons, the API), with the
	 * stage's default probability and forecast category.
	 * @param lossReason required when the stage is a lost one
	 */
	@Transactional
	public Opportunity changeStage(Viewer viewer, UUID id, UUID stageId, long expectedVersion, String lossReason) {
		return changeStage(viewer, id, stageId, expectedVersion, lossReason, null);
	}

	/**
	 * {@link #changeStage(Viewer, UUID, UUID, long, String)} with the loss reason's
	 * detail, required when the reason is "Other".
	 */
	@Transactional
	public Opportunity changeStage(Viewer viewer, UUID id, UUID stageId, long expectedVersion, String lossReason,
			String lossReasonDetail) {
		Opportunity before = get(viewer, id);
		this.access.requireEdit(viewer, id);
		if (stageId == null) {
			throw new InvalidInputException("stageId", "Choose the stage to move the deal to.");
		}
		OpportunityDetails details = before.details()
			.withStage(stageId, null, null, lossReason,
					lossReasonDetail == null ? before.lossReasonDetail() : lossReasonDetail);
		return save(viewer, before, expectedVersion, details, null);
	}

	private Opportunity save(Viewer viewer, Opportunity before, long expectedVersion, OpportunityDetails entered,
			Map<String, ?> custom) {
		return save(viewer, before, expectedVersion, entered, custom, null);
	}

	private Opportunity save(Viewer viewer, Opportunity before, long expectedVersion, OpportunityDetails entered,
			Map<String, ?> custom, UUID importId) {
		OpportunityDetails details = entered;
		if (!before.stageId().equals(details.stageId())) {
			details = details.withStage(details.stageId(),
					Objects.equals(details.probability(), before.probability()) ? null : details.probability(),
					details.forecastCategory() == before.forecastCategory() ? null : details.forecastCategory(),
					details.lossReason(), details.lossReasonDetail());
		}
		Map<String, String> errors = new LinkedHashMap<>();
		details = withListValues(before, details, errors);
		PipelineStage stage = validate(viewer, before, details, errors);
		DealTerms terms = stage == null ? null
				: DealTerms.of(stage, details.probability(), details.forecastCategory(), details.lossReason(), errors);
		CustomValues values = this.customFields.apply(RECORD_TYPE, before.customFields(), custom, requiredAt(stage),
				errors);
		InputValidation.throwIfAny(errors);
		this.owners.requireAssignable(viewer, OpportunityAccess.ACCESS, details.ownerId(), before.ownerId());
		VersionedUpdate save = new VersionedUpdate(RECORD_TYPE, before.id(), expectedVersion)
			.requireAt(before.version());
		Instant now = this.clock.instant();
		boolean stageChanged = !before.stageId().equals(stage.id());
		Instant closedAt = !stage.outcome().isClosed() ? null : !stageChanged ? before.closedAt()
				: importId == null ? now : details.closeDate().atStartOfDay(this.clock.getZone()).toInstant();
		if (importId == null && stageChanged && stage.outcome().isClosed()
				&& details.closeDate().equals(before.closeDate())) {
			// a deal closes in the quarter of its close date (won this quarter, late
			// entry):
			// closed without saying when, it closed today; a close date entered with the
			// closing (a deal recorded after it closed) stands
			details = details.withCloseDate(this.freshness.today());
		}
		BigDecimal amount = details.amountFromLineItems() ? lineItemTotal(before.id()) : details.amount();
		save.run(this.jdbc.sql("""
				update opportunities set name = :name, account_id = :accountId, primary_contact_id = :primaryContactId,
				  owner_id = :ownerId, stage_id = :stageId, amount = :amount,
				  amount_from_line_items = :amountFromLineItems, close_date = :closeDate, probability = :probability,
				  forecast_category = :forecastCategory, next_step = :nextStep, lead_source = :leadSource,
				  loss_reason = :lossReason, loss_reason_detail = :lossReasonDetail, competitor = :competitor,
				  description = :description, closed_at = :closedAt, updated_at = :now,
				  updated_by = :actor, last_touched_at = case when :touches then :now else last_touched_at end,
				  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1
				where id = :id and version = :version and deleted_at is null
				""")
			.params(columns(details, terms, amount))
			.param("touches", importId == null && this.users.touchesRecords(viewer.id()))
			.param("closedAt", utc(closedAt)), viewer.id(), now);
		storeCustom(before.id(), before.customFields(), values);
		Opportunity after = load(before.id()).orElseThrow();
		recordChange(viewer, before, after, now, importId);
		return after;
	}

	private void recordChange(Viewer viewer, Opportunity before, Opportunity after, Instant now) {
		recordChange(viewer, before, after, now, null);
	}

	private void recordChange(Viewer viewer, Opportunity before, Opportunity after, Instant now, UUID importId) {
		if (forecastChanged(before, after)) {
			writeHistory(before, after, viewer.id(), now);
		}
		List<FieldChange> changes = new ArrayList<>(diff(before, after));
		changes.addAll(this.customFields.changes(RECORD_TYPE, before.customFields(), after.customFields()));
		if (!changes.isEmpty()) {
			this.events.publishEvent(new RecordChanged(RECORD_TYPE, after.id(), ChangeKind.UPDATED, viewer.id(), now,
					changes, importId));
		}
		if (!before.stageId().equals(after.stageId())) {
			this.events.publishEvent(new OpportunityStageChanged(after.id(), after.ownerId(), before.stageId(),
					after.stageId(), after.outcome(), viewer.id(), now));
		}
	}

	/**
	 * Moves the deal to the recycle bin.
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		get(viewer, id);
		this.access.requireEdit(viewer, id);
		this.recycleBin.moveIn(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update opportunities set deleted_at = :now, deleted_by = :actor, version = version + 1
				where id = :id and deleted_at is null
				"""));
	}

	/**
	 * Brings a deal back from the recycle bin; one deleted with its account comes back
	 * with the account only.
	 */
	@Transactional
	public Opportunity restore(Viewer viewer, UUID id) {
		Opportunity deal = load(id).filter(Opportunity::isDeleted)
			.filter(o -> this.access.canRead(viewer, o.ownerId()))
			.orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		if (!this.access.canEdit(viewer, deal.ownerId())) {
			throw new ForbiddenException("You can't restore " + deal.name()
					+ ": only its owner, the owner's managers, sales administrators and administrators can.");
		}
		if (deal.deletedWith() != null) {
			String account = this.accounts.namesOf(List.of(deal.deletedWith()))
				.getOrDefault(deal.deletedWith(), "its account");
			throw new InvalidInputException("id", deal.name() + " went to the recycle bin with the account " + account
					+ ". Restore the account " + account + " first; its deals come back with it.");
		}
		this.recycleBin.restore(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update opportunities set deleted_at = null, deleted_by = null, updated_at = :now, updated_by = :actor,
				  version = version + 1 where id = :id
				"""));
		return load(id).orElseThrow();
	}

	/**
	 * Deletes a deal from the recycle bin for good, with its line items and stage history
	 * (administrators only).
	 */
	@Transactional
	public void purge(Viewer viewer, UUID id) {
		RecycleBin.requirePurgeRight(viewer.isAdmin());
		load(id).filter(Opportunity::isDeleted).orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		this.recycleBin.purge(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("delete from opportunities where id = :id"));
	}

	@Transactional
	public LineItem addLineItem(Viewer viewer, UUID opportunityId, LineItemDetails details) {
		return addLineItem(viewer, opportunityId, details, null);
	}

	/**
	 * Adds a line item an import brings in: it keeps its import and old id, and does not
	 * count as a touch of the deal.
	 * @param origin the import, or {@code null} for a person's change
	 */
	@Transactional
	public LineItem addLineItem(Viewer viewer, UUID opportunityId, LineItemDetails details, ImportOrigin origin) {
		Opportunity before = get(viewer, opportunityId);
		this.access.requireEdit(viewer, opportunityId);
		Product product = validate(details, null);
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("""
					insert into opportunity_line_items (id, opportunity_id, product_id, position, quantity, unit_price,
					  discount_percent, description, created_at, created_by, updated_at, updated_by, version, import_id,
					  external_id)
					values (:id, :opportunityId, :productId,
					  (select coalesce(max(position), 0) + 1 from opportunity_line_items where opportunity_id = :opportunityId),
					  :quantity, :unitPrice, :discount, :description, :now, :actor, :now, :actor, 0, :importId, :externalId)
					""")
			.param("id", id)
			.param("opportunityId", opportunityId)
			.param("productId", product.id())
			.param("quantity", details.quantity())
			.param("unitPrice", details.unitPrice() != null ? details.unitPrice() : product.listPrice())
			.param("discount", details.discountPercent() != null ? details.discountPercent() : BigDecimal.ZERO)
			.param("description", blankToNull(details.description()))
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("importId", origin == null ? null : origin.importId())
			.param("externalId", origin == null ? null : origin.externalId())
			.update();
		lineItemsChanged(viewer, before, now, origin == null ? null : origin.importId());
		return loadLineItem(opportunityId, id);
	}

	@Transactional
	public LineItem updateLineItem(Viewer viewer, UUID opportunityId, UUID lineItemId, long expectedVersion,
			LineItemDetails details) {
		return updateLineItem(viewer, opportunityId, lineItemId, expectedVersion, details, null);
	}

	/**
	 * @param importId the import that makes the change (not a touch of the deal), or
	 * {@code null}
	 */
	@Transactional
	public LineItem updateLineItem(Viewer viewer, UUID opportunityId, UUID lineItemId, long expectedVersion,
			LineItemDetails details, UUID importId) {
		Opportunity before = get(viewer, opportunityId);
		this.access.requireEdit(viewer, opportunityId);
		LineItem item = loadLineItem(opportunityId, lineItemId);
		Product product = validate(details, item.productId());
		Instant now = this.clock.instant();
		new VersionedUpdate("line item", lineItemId, expectedVersion).run(this.jdbc
			.sql("""
					update opportunity_line_items set product_id = :productId, quantity = :quantity, unit_price = :unitPrice,
					  discount_percent = :discount, description = :description, updated_at = :now, updated_by = :actor,
					  version = version + 1
					where id = :id and opportunity_id = :opportunityId and version = :version
					""")
			.param("opportunityId", opportunityId)
			.param("productId", product.id())
			.param("quantity", details.quantity())
			.param("unitPrice", details.unitPrice() != null ? details.unitPrice() : product.listPrice())
			.param("discount", details.discountPercent() != null ? details.discountPercent() : BigDecimal.ZERO)
			.param("description", blankToNull(details.description())), viewer.id(), now);
		lineItemsChanged(viewer, before, now, importId);
		return loadLineItem(opportunityId, lineItemId);
	}

	/**
	 * Takes out a line item an import added, unless it changed since (an undo).
	 * @return whether it was taken out
	 */
	@Transactional
	public boolean removeLineItemIfUnchanged(Viewer viewer, UUID lineItemId, long version, UUID importId) {
		LineItem item = findLineItem(lineItemId)
			.orElseThrow(() -> new RecordNotFoundException("line item", lineItemId));
		Opportunity before = get(viewer, item.opportunityId());
		this.access.requireEdit(viewer, item.opportunityId());
		int removed = this.jdbc.sql("delete from opportunity_line_items where id = :id and version = :version")
			.param("id", lineItemId)
			.param("version", version)
			.update();
		if (removed == 0) {
			return false;
		}
		lineItemsChanged(viewer, before, this.clock.instant(), importId);
		return true;
	}

	/**
	 * @return the line item, on whichever deal (not checked against anyone's rights)
	 */
	public Optional<LineItem> findLineItem(UUID lineItemId) {
		return this.jdbc.sql("""
				select i.*, p.code as product_code, p.name as product_name from opportunity_line_items i
				join products p on p.id = i.product_id where i.id = :id
				""").param("id", lineItemId).query(Opportunities::mapLineItem).optional();
	}

	/**
	 * @return the line items with these old ids, by old id
	 */
	public Map<String, UUID> lineItemIdsByExternalId(Collection<String> externalIds) {
		return ExternalIds.find(this.jdbc,
				"select external_id, id from opportunity_line_items where external_id = any(cast(:keys as text[]))",
				externalIds);
	}

	/**
	 * @return the line items of these deals, by deal
	 */
	public Map<UUID, List<LineItem>> lineItemsOf(Collection<UUID> opportunityIds) {
		Map<UUID, List<LineItem>> items = new HashMap<>();
		if (opportunityIds.isEmpty()) {
			return items;
		}
		this.jdbc.sql("""
				select i.*, p.code as product_code, p.name as product_name from opportunity_line_items i
				join products p on p.id = i.product_id where i.opportunity_id = any(:ids) order by i.position, i.id
				""")
			.param("ids", opportunityIds.stream().distinct().toArray(UUID[]::new))
			.query(Opportunities::mapLineItem)
			.list()
			.forEach(item -> items.computeIfAbsent(item.opportunityId(), id -> new ArrayList<>()).add(item));
		return items;
	}

	@Transactional
	public void removeLineItem(Viewer viewer, UUID opportunityId, UUID lineItemId) {
		Opportunity before = get(viewer, opportunityId);
		this.access.requireEdit(viewer, opportunityId);
		loadLineItem(opportunityId, lineItemId);
		this.jdbc.sql("delete from opportunity_line_items where id = :id and opportunity_id = :opportunityId")
			.param("id", lineItemId)
			.param("opportunityId", opportunityId)
			.update();
		lineItemsChanged(viewer, before, this.clock.instant(), null);
	}

	/**
	 * A change to the line items touches the deal and, when its amount is their sum,
	 * changes the amount (with history) — one new version of the deal either way.
	 */
	private void lineItemsChanged(Viewer viewer, Opportunity before, Instant now, UUID importId) {
		BigDecimal amount = before.amountFromLineItems() ? lineItemTotal(before.id()) : before.amount();
		this.jdbc
			.sql("""
					update opportunities set amount = :amount, updated_at = :now, updated_by = :actor,
					  last_touched_at = case when :touches then :now else last_touched_at end,
					  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1 where id = :id
					""")
			.param("touches", importId == null && this.users.touchesRecords(viewer.id()))
			.param("amount", amount)
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("id", before.id())
			.update();
		recordChange(viewer, before, load(before.id()).orElseThrow(), now, importId);
	}

	/**
	 * Records work done on a deal elsewhere (an activity logged on it) as a touch.
	 */
	@Transactional
	void touch(UUID id, UUID actorId, Instant at) {
		if (!this.users.touchesRecords(actorId)) {
			return;
		}
		this.jdbc.sql("""
				update opportunities set last_touched_at = :at, last_touched_by = :actor
				where id = :id and last_touched_at < :at
				""").param("at", utc(at)).param("actor", actorId).param("id", id).update();
	}

	private Product validate(LineItemDetails details, UUID currentProductId) {
		Map<String, String> errors = this.validation.violations(details);
		Product product = null;
		if (details.productId() != null) {
			product = this.products.find(details.productId()).orElse(null);
			if (product == null) {
				errors.putIfAbsent("productId", "There is no product with id " + details.productId() + ".");
			}
			else if (!product.active() && !product.id().equals(currentProductId)) {
				errors.putIfAbsent("productId", product.name() + " is no longer sold; choose an active product.");
			}
		}
		InputValidation.throwIfAny(errors);
		return product;
	}

	/**
	 * The lead source and loss reason as the pick lists spell them (matched
	 * case-insensitively); a value retired or gone from the list is kept while the deal
	 * keeps it. A loss reason counts only for a lost stage (any other drops it).
	 */
	private OpportunityDetails withListValues(Opportunity before, OpportunityDetails details,
			Map<String, String> errors) {
		return withListValues(before, details, errors, this.stages::find);
	}

	/**
	 * @param stageOf the stage of an id (a caller checking many deals looks stages up
	 * once)
	 */
	OpportunityDetails withListValues(Opportunity before, OpportunityDetails details, Map<String, String> errors,
			java.util.function.Function<UUID, Optional<PipelineStage>> stageOf) {
		String leadSource = details.leadSource();
		try {
			leadSource = this.pickLists.resolve("lead-source", "leadSource", details.leadSource(),
					before == null ? null : before.leadSource());
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
		}
		String lossReason = details.lossReason();
		boolean lost = details.stageId() != null
				&& stageOf.apply(details.stageId()).map(stage -> stage.outcome() == StageOutcome.LOST).orElse(false);
		if (lost) {
			try {
				lossReason = this.pickLists.resolve("loss-reason", "lossReason", details.lossReason(),
						before == null ? null : before.lossReason());
			}
			catch (InvalidInputException ex) {
				errors.putAll(ex.fieldErrors());
			}
		}
		if (lost && lossReason != null && !errors.containsKey("lossReason") && isOther(lossReason)
				&& (details.lossReasonDetail() == null || details.lossReasonDetail().isBlank())) {
			errors.put("lossReasonDetail", "Say what the other reason was.");
		}
		return new OpportunityDetails(details.name(), details.accountId(), details.primaryContactId(),
				details.ownerId(), details.stageId(), details.amount(), details.amountFromLineItems(),
				details.closeDate(), details.probability(), details.forecastCategory(), details.nextStep(), leadSource,
				lossReason, details.description(), details.lossReasonDetail(), details.competitor());
	}

	/**
	 * @return whether a loss reason is the pick list's "Other" (by its key, whatever
	 * administrators renamed it to), which asks for the reason in words
	 */
	boolean isOther(String lossReason) {
		return this.pickLists.find("loss-reason", lossReason).map(value -> OTHER.equals(value.key())).orElse(false);
	}

	/**
	 * @return the stage, if it exists (errors otherwise)
	 */
	private PipelineStage validate(Viewer viewer, Opportunity before, OpportunityDetails details,
			Map<String, String> errors) {
		errors.putAll(this.validation.violations(details));
		if (details.amountFromLineItems()) {
			errors.remove("amount");
		}
		PipelineStage stage = null;
		if (details.stageId() != null) {
			stage = this.stages.find(details.stageId()).orElse(null);
			if (stage == null) {
				errors.putIfAbsent("stageId", "There is no stage with id " + details.stageId() + ".");
			}
			else if (stage.retired() && (before == null || !before.stageId().equals(stage.id()))) {
				errors.putIfAbsent("stageId", stage.name() + " is retired; choose an active stage.");
				stage = null;
			}
		}
		Account account = null;
		if (details.accountId() != null) {
			try {
				account = this.accounts.get(viewer, details.accountId());
			}
			catch (RecordNotFoundException ex) {
				errors.putIfAbsent("accountId", "There is no account with id " + details.accountId() + ".");
			}
		}
		if (details.primaryContactId() != null) {
			try {
				Contact contact = this.contacts.get(viewer, details.primaryContactId());
				if (account != null && !account.id().equals(contact.accountId())) {
					errors.putIfAbsent("primaryContactId", contact.fullName() + " doesn't work at " + account.name()
							+ "; choose one of its contacts.");
				}
			}
			catch (RecordNotFoundException ex) {
				errors.putIfAbsent("primaryContactId",
						"There is no contact with id " + details.primaryContactId() + ".");
			}
		}
		if (details.ownerId() != null) {
			Optional<User> owner = this.users.find(details.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + details.ownerId() + ".");
			}
			else if (!owner.get().active() && (before == null || !before.ownerId().equals(details.ownerId()))) {
				errors.putIfAbsent("ownerId", owner.get().fullName() + " is deactivated and can't own deals.");
			}
		}
		return stage;
	}

	private void writeHistory(Opportunity before, Opportunity after, UUID actorId, Instant at) {
		this.jdbc.sql(HISTORY_INSERT)
			.param("id", Ids.newId())
			.param("opportunityId", after.id())
			.param("at", utc(at))
			.param("actor", actorId)
			.param("fromStage", before == null ? null : before.stageId())
			.param("toStage", after.stageId())
			.param("fromAmount", before == null ? null : before.amount())
			.param("toAmount", after.amount())
			.param("fromClose", before == null ? null : before.closeDate())
			.param("toClose", after.closeDate())
			.param("fromProbability", before == null ? null : before.probability())
			.param("toProbability", after.probability())
			.param("fromCategory", before == null ? null : before.forecastCategory().name())
			.param("toCategory", after.forecastCategory().name())
			.update();
	}

	static boolean forecastChanged(Opportunity before, Opportunity after) {
		return !before.stageId().equals(after.stageId()) || !StageChange.sameAmount(before.amount(), after.amount())
				|| !before.closeDate().equals(after.closeDate()) || before.probability() != after.probability()
				|| before.forecastCategory() != after.forecastCategory();
	}

	private String where(Viewer viewer, OpportunityFilter filter, Map<String, Object> params, boolean deleted) {
		// visibility, owner and team as one list of owners
		SqlFilter visible = this.access.readFilter(viewer, "o.owner_id", filter.ownerId(), filter.teamOf());
		ListConditions where = new ListConditions(params).inRecycleBin("o", deleted)
			.add(visible.sql(), visible.parameters())
			.containing(filter.query(), "lower(o.name) like :q")
			.when(filter.accountId(), "o.account_id = :accountId", "accountId")
			.when(filter.stageId(), "o.stage_id = :stageId", "stageId")
			.when(filter.forecastCategory(), "o.forecast_category = :forecastCategory", "forecastCategory")
			.when(filter.forecastTotal() == null ? null : filter.forecastTotal().categoryNames(),
					"o.forecast_category in (:forecastTotal)", "forecastTotal")
			.when(filter.closeFrom(), "o.close_date >= :closeFrom", "closeFrom")
			.when(filter.closeTo(), "o.close_date <= :closeTo", "closeTo");
		if (filter.open() != null) {
			where.add(filter.open() ? "o.closed_at is null" : "o.closed_at is not null");
		}
		if (filter.stale()) {
			SqlFilter stale = this.freshness.stale("o", "s");
			where.add(stale.sql(), stale.parameters());
		}
		if (filter.overdue()) {
			SqlFilter overdue = this.freshness.overdue("o");
			where.add(overdue.sql(), overdue.parameters());
		}
		return where.sql();
	}

	private List<Opportunity> content(String where, Map<String, Object> params, String order, Pageable pageable) {
		// the page's ids first, from the index alone where it covers the filter and order
		// (a deep page skips thousands of rows), then only those rows read in full
		return this.jdbc
			.sql(select() + FROM + " where o.id in (select o.id" + FROM + " where " + where + " order by " + order
					+ " limit :pageLimit offset :pageOffset) order by " + order)
			.params(params)
			.params(freshnessParams())
			.param("pageLimit", pageable.getPageSize())
			.param("pageOffset", pageable.getOffset())
			.query(Opportunities::map)
			.list();
	}

	/**
	 * The select list of a deal with its stage and freshness; needs
	 * {@link #freshnessParams()}.
	 */
	private String select() {
		return "select o.*, s.name as stage_name, s.outcome as stage_outcome, " + this.freshness.stale("o", "s").sql()
				+ " as stale, " + this.freshness.overdue("o").sql() + " as overdue";
	}

	private Map<String, Object> freshnessParams() {
		Map<String, Object> params = new LinkedHashMap<>(this.freshness.stale("o", "s").parameters());
		params.putAll(this.freshness.overdue("o").parameters());
		return params;
	}

	Optional<Opportunity> load(UUID id) {
		return this.jdbc.sql(select() + FROM + " where o.id = :id")
			.param("id", id)
			.params(freshnessParams())
			.query(Opportunities::map)
			.optional();
	}

	private List<LineItem> loadLineItems(UUID opportunityId) {
		return this.jdbc.sql("""
				select i.*, p.code as product_code, p.name as product_name from opportunity_line_items i
				join products p on p.id = i.product_id where i.opportunity_id = :id order by i.position, i.id
				""").param("id", opportunityId).query(Opportunities::mapLineItem).list();
	}

	private LineItem loadLineItem(UUID opportunityId, UUID id) {
		return loadLineItems(opportunityId).stream()
			.filter(i -> i.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("line item", id));
	}

	private BigDecimal lineItemTotal(UUID opportunityId) {
		return loadLineItems(opportunityId).stream()
			.map(LineItem::total)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	static final String INSERT = """
			insert into opportunities (id, name, account_id, primary_contact_id, owner_id, stage_id, amount, currency,
			  amount_from_line_items, close_date, probability, forecast_category, next_step, lead_source,
			  loss_reason, loss_reason_detail, competitor, description, closed_at, first_stage_id,
			  first_forecast_category, last_touched_at,
			  last_touched_by, created_at, created_by, updated_at, updated_by, version, import_id, external_id)
			values (:id, :name, :accountId, :primaryContactId, :ownerId, :stageId, :amount, :currency,
			  :amountFromLineItems, :closeDate, :probability, :forecastCategory, :nextStep, :leadSource,
			  :lossReason, :lossReasonDetail, :competitor, :description, :closedAt, :stageId, :forecastCategory,
			  :touchedAt, :actor, :createdAt, :actor, :now, :actor, 0, :importId, :externalId)
			""";

	static final String HISTORY_INSERT = """
			insert into opportunity_history (id, opportunity_id, changed_at, changed_by, from_stage_id, to_stage_id,
			  from_amount, to_amount, from_close_date, to_close_date, from_probability, to_probability,
			  from_forecast_category, to_forecast_category)
			values (:id, :opportunityId, :at, :actor, :fromStage, :toStage, :fromAmount, :toAmount, :fromClose,
			  :toClose, :fromProbability, :toProbability, :fromCategory, :toCategory)
			""";

	/**
	 * When a new deal closed: now for a person's, when the file says for an import's (on
	 * its close date when it does not); {@code null} for an open deal.
	 */
	Instant closedAt(PipelineStage stage, OpportunityDetails details, ImportOrigin origin, Instant now) {
		if (!stage.outcome().isClosed()) {
			return null;
		}
		if (origin == null) {
			return now;
		}
		return origin.closedAt() != null ? origin.closedAt()
				: details.closeDate().atStartOfDay(this.clock.getZone()).toInstant();
	}

	/**
	 * The parameters of {@link #INSERT} for a new deal.
	 */
	static Map<String, Object> insertParameters(Map<String, Object> columns, UUID id, String currency, Instant closedAt,
			Instant now, Instant createdAt, ImportOrigin origin, UUID actor) {
		Map<String, Object> parameters = new LinkedHashMap<>(columns);
		parameters.put("id", id);
		parameters.put("currency", currency);
		parameters.put("closedAt", utc(closedAt));
		parameters.put("now", utc(now));
		parameters.put("createdAt", utc(createdAt));
		// an imported deal was last touched when it closed (or was created) in the old
		// system
		parameters.put("touchedAt", utc(closedAt == null || closedAt.isBefore(createdAt) ? createdAt : closedAt));
		parameters.put("importId", origin == null ? null : origin.importId());
		parameters.put("externalId", origin == null ? null : Text.blankToNull(origin.externalId()));
		parameters.put("actor", actor);
		return parameters;
	}

	static Map<String, Object> columns(OpportunityDetails details, DealTerms terms, BigDecimal amount) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("name", details.name().trim());
		columns.put("accountId", details.accountId());
		columns.put("primaryContactId", details.primaryContactId());
		columns.put("ownerId", details.ownerId());
		columns.put("stageId", details.stageId());
		columns.put("amount", amount);
		columns.put("amountFromLineItems", details.amountFromLineItems());
		columns.put("closeDate", details.closeDate());
		columns.put("probability", terms.probability());
		columns.put("forecastCategory", terms.forecastCategory().name());
		columns.put("nextStep", blankToNull(details.nextStep()));
		columns.put("leadSource", blankToNull(details.leadSource()));
		columns.put("lossReason", terms.lossReason());
		columns.put("lossReasonDetail", terms.lossReason() == null ? null : blankToNull(details.lossReasonDetail()));
		columns.put("competitor", blankToNull(details.competitor()));
		columns.put("description", blankToNull(details.description()));
		return columns;
	}

	static List<FieldChange> diff(Opportunity before, Opportunity after) {
		boolean created = before == null;
		return new FieldChange.Diff().compare("name", created ? null : before.name(), after.name())
			.compare("accountId", created ? null : before.accountId(), after.accountId())
			.compare("primaryContactId", created ? null : before.primaryContactId(), after.primaryContactId())
			.compare("ownerId", created ? null : before.ownerId(), after.ownerId())
			.compare("stage", created ? null : before.stageName(), after.stageName())
			.compare("amount", created ? null : before.amount(), after.amount())
			.compare("amountFromLineItems", created ? null : before.amountFromLineItems(), after.amountFromLineItems())
			.compare("closeDate", created ? null : before.closeDate(), after.closeDate())
			.compare("probability", created ? null : before.probability(), after.probability())
			.compare("forecastCategory", created ? null : before.forecastCategory(), after.forecastCategory())
			.compare("nextStep", created ? null : trim(before.nextStep()), trim(after.nextStep()))
			.compare("leadSource", created ? null : before.leadSource(), after.leadSource())
			.compare("lossReason", created ? null : before.lossReason(), after.lossReason())
			.compare("lossReasonDetail", created ? null : before.lossReasonDetail(), after.lossReasonDetail())
			.compare("competitor", created ? null : before.competitor(), after.competitor())
			.compare("description", created ? null : before.description(), after.description())
			.changes();
	}

	static Opportunity map(ResultSet rs, int row) throws SQLException {
		return new Opportunity(rs.getObject("id", UUID.class), rs.getString("name"),
				rs.getObject("account_id", UUID.class), rs.getObject("primary_contact_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getObject("stage_id", UUID.class), rs.getString("stage_name"),
				StageOutcome.valueOf(rs.getString("stage_outcome")), rs.getBigDecimal("amount"),
				rs.getString("currency"), rs.getBoolean("amount_from_line_items"),
				rs.getObject("close_date", LocalDate.class), rs.getInt("probability"),
				ForecastCategory.valueOf(rs.getString("forecast_category")), rs.getString("next_step"),
				rs.getString("lead_source"), rs.getString("loss_reason"), rs.getString("loss_reason_detail"),
				rs.getString("competitor"), rs.getString("description"), instant(rs, "closed_at"),
				rs.getObject("first_stage_id", UUID.class),
				ForecastCategory.valueOf(rs.getString("first_forecast_category")), instant(rs, "last_touched_at"),
				rs.getObject("last_touched_by", UUID.class), rs.getBoolean("stale"), rs.getBoolean("overdue"),
				instant(rs, "deleted_at"), rs.getObject("deleted_by", UUID.class),
				rs.getObject("deleted_with", UUID.class), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), rs.getLong("version"),
				CustomValues.fromJson(rs.getString("custom")));
	}

	static StageChange mapChange(ResultSet rs, int row) throws SQLException {
		String fromCategory = rs.getString("from_forecast_category");
		return new StageChange(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				instant(rs, "changed_at"), rs.getObject("changed_by", UUID.class),
				rs.getObject("from_stage_id", UUID.class), rs.getString("from_stage_name"),
				rs.getObject("to_stage_id", UUID.class), rs.getString("to_stage_name"), rs.getBigDecimal("from_amount"),
				rs.getBigDecimal("to_amount"), rs.getObject("from_close_date", LocalDate.class),
				rs.getObject("to_close_date", LocalDate.class), (Integer) rs.getObject("from_probability"),
				rs.getInt("to_probability"), fromCategory == null ? null : ForecastCategory.valueOf(fromCategory),
				ForecastCategory.valueOf(rs.getString("to_forecast_category")));
	}

	static LineItem mapLineItem(ResultSet rs, int row) throws SQLException {
		return new LineItem(rs.getObject("id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("product_id", UUID.class), rs.getString("product_code"), rs.getString("product_name"),
				rs.getInt("position"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
				rs.getBigDecimal("discount_percent"), rs.getString("description"), rs.getLong("version"));
	}

}
