package dev.bellwether.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.customers.CustomerLookups;
import dev.bellwether.identity.AccessPolicy;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.RecycleBin;
import dev.bellwether.platform.SortKey;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.web.PageRequests;
import dev.bellwether.sales.Products;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;
import static dev.bellwether.platform.Text.blankToNull;
import static dev.bellwether.platform.Text.trim;

/**
 * Cases: every read goes through {@link #canRead} (record pages, the API) or its SQL twin
 * (lists, search); every change is checked, versioned, kept in the field history (a
 * {@link RecordChanged}) and published as the service module's own events
 * ({@link CaseOpened}, {@link CaseStatusChanged}, {@link CaseCommented},
 * {@link CasePriorityChanged}) inside the transaction.
 * <p>
 * Who sees a case: service users, executives and administrators see every case; its owner
 * and the managers above the owner see and change it; the owner of its account (and the
 * managers above them) read it but never change it. Everyone else is told it does not
 * exist. Service users and administrators change every case.
 */
@Service
@Transactional(readOnly = true)
public class Cases {

	public static final String RECORD_TYPE = "case";

	/** The queue seeded by V59 ("Support"): cases without another queue land here. */
	public static final UUID DEFAULT_QUEUE_ID = UUID.fromString("01900000-0000-7000-8000-00000000c001");

	/**
	 * Service users, executives and administrators read every case; service users and
	 * administrators change every case; the owner chain reads and changes its own. The
	 * account owner's read-only right is on top of this policy (see {@link #canRead}).
	 */
	public static final AccessPolicy ACCESS = AccessPolicy.ownerChainRecord(RECORD_TYPE,
			Set.of(Role.SERVICE, Role.EXECUTIVE, Role.ADMIN), Set.of(Role.SERVICE, Role.ADMIN));

	/** The roles whose people work (own) cases. */
	public static final Set<Role> AGENT_ROLES = Set.copyOf(EnumSet.of(Role.SERVICE, Role.MANAGER, Role.ADMIN));

	/** The longest comment accepted, in characters. */
	public static final int MAX_COMMENT_LENGTH = 100_000;

	private static final Map<String, String> SORTABLE = Map.ofEntries(Map.entry("number", "c.number"),
			Map.entry("subject", "lower(c.subject)"), Map.entry("status", "c.status"),
			Map.entry("priority", "c.priority_rank"), Map.entry("channel", "c.channel"),
			Map.entry("createdAt", "c.created_at"), Map.entry("updatedAt", "c.updated_at"),
			Map.entry("lastTouchedAt", "c.last_touched_at"), Map.entry("resolvedAt", "c.resolved_at"),
			Map.entry("firstResponseAt", "c.first_response_at"));

	/** The sort expressions that are never null (keyset paging compares rows on them). */
	private static final Set<String> NOT_NULL = Set.of("c.id", "c.number", "lower(c.subject)", "c.status",
			"c.priority_rank", "c.channel", "c.created_at", "c.updated_at", "c.last_touched_at");

	private static final PagedQuery LIST = new PagedQuery("select c.* from cases c", "from cases c");

	private static final List<String> WORKABLE = List.of(CaseStatus.NEW.name(), CaseStatus.OPEN.name());

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final OrgChart orgChart;

	private final UserDirectory users;

	private final CustomerLookups customers;

	private final Products products;

	private final CaseQueues queues;

	private final InputValidation validation;

	private final RecycleBin recycleBin;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BusinessCalendars calendars;

	Cases(JdbcClient jdbc, RecordVisibility visibility, OrgChart orgChart, UserDirectory users,
			CustomerLookups customers, Products products, CaseQueues queues, InputValidation validation,
			RecycleBin recycleBin, ApplicationEventPublisher events, Clock clock, BusinessCalendars calendars) {
		this.calendars = calendars;
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.orgChart = orgChart;
		this.users = users;
		this.customers = customers;
		this.products = products;
		this.queues = queues;
		this.validation = validation;
		this.recycleBin = recycleBin;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- reading

	/**
	 * @return the case, if it exists, is not in the recycle bin and the viewer may read
	 * it
	 * @throws RecordNotFoundException otherwise (not told apart)
	 */
	public SupportCase get(UUID viewerId, UUID id) {
		return get(viewer(viewerId), id);
	}

	/**
	 * @see #get(UUID, UUID)
	 */
	public SupportCase get(Viewer viewer, UUID id) {
		SupportCase found = find(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		if (!canRead(viewer, found)) {
			throw new RecordNotFoundException(RECORD_TYPE, id);
		}
		return found;
	}

	/**
	 * A case by number, for system use (e-mail threading): no visibility check.
	 */
	public Optional<SupportCase> byNumber(long number) {
		return this.jdbc.sql("select c.* from cases c where c.number = :number and c.deleted_at is null")
			.param("number", number)
			.query(Cases::map)
			.optional();
	}

	/**
	 * A case by id, for system use (jobs, listeners): no visibility check; not one in the
	 * recycle bin.
	 */
	public Optional<SupportCase> find(UUID id) {
		return this.jdbc.sql("select c.* from cases c where c.id = :id and c.deleted_at is null")
			.param("id", id)
			.query(Cases::map)
			.optional();
	}

	/**
	 * {@link #find(UUID)} for many cases in one statement (the SLA sweep acts on hundreds
	 * at once): no visibility check; none in the recycle bin.
	 * @return the cases found, by id (unknown and deleted ones left out)
	 */
	Map<UUID, SupportCase> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, SupportCase> found = new LinkedHashMap<>();
		this.jdbc.sql("select c.* from cases c where c.id = any(cast(:ids as uuid[])) and c.deleted_at is null")
			.param("ids", SqlArrays.of(Set.copyOf(ids)))
			.query(Cases::map)
			.list()
			.forEach(supportCase -> found.put(supportCase.id(), supportCase));
		return found;
	}

	public boolean canRead(Viewer viewer, SupportCase supportCase) {
		if (this.visibility.canRead(viewer, ACCESS, supportCase.ownerId())) {
			return true;
		}
		return isAccountOwnerOrAbove(viewer, supportCase.accountId());
	}

	/**
	 * Whether the viewer may change the case: service users and administrators, its owner
	 * and the managers above them. The account's owner reads it only.
	 */
	public boolean canEdit(Viewer viewer, SupportCase supportCase) {
		return this.visibility.canEdit(viewer, ACCESS, supportCase.ownerId());
	}

	/**
	 * Whether the viewer may see any case at all beyond the accounts they own: the
	 * service desk's roles and managers.
	 */
	public static boolean worksCases(Viewer viewer) {
		return ACCESS.readsAll().contains(viewer.role()) || viewer.role() == Role.MANAGER;
	}

	private boolean isAccountOwnerOrAbove(Viewer viewer, UUID accountId) {
		if (accountId == null) {
			return false;
		}
		UUID accountOwner = this.customers.ownersOfAccounts(List.of(accountId)).get(accountId);
		return accountOwner != null
				&& (accountOwner.equals(viewer.id()) || this.orgChart.isAbove(viewer.id(), accountOwner));
	}

	/**
	 * The cases the viewer may see that match the filter, a page by number or after a
	 * cursor (keyset).
	 * @throws InvalidInputException for an unknown status, priority or sort
	 */
	public Page<SupportCase> list(Viewer viewer, CaseFilter filter, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<SortKey> keys = PageRequests.sortKeys(pageable.getSort(), SORTABLE, NOT_NULL, RECORD_TYPE, "c.created_at",
				"c.id");
		return LIST.fetch(this.jdbc, where(viewer, filter, params, false), params, keys, pageable, Cases::map);
	}

	/**
	 * Cases in the recycle bin that the viewer may read, most recently deleted first.
	 */
	public Page<SupportCase> deleted(Viewer viewer, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		return LIST.fetch(this.jdbc, where(viewer, CaseFilter.all(), params, true), params, "c.deleted_at desc, c.id",
				pageable, Cases::map);
	}

	/**
	 * Cases whose number, subject or requester's address matches the text, newest first,
	 * for a search box ("#1042", "1042" or words of the subject).
	 */
	public List<SupportCase> search(Viewer viewer, String text, int limit) {
		if (!StringUtils.hasText(text)) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, new CaseFilter(text, null, null, null, null, null, null), params, false);
		return this.jdbc
			.sql("select c.* from cases c where " + where + " order by c.created_at desc, c.id desc limit :limit")
			.params(params)
			.param("limit", limit)
			.query(Cases::map)
			.list();
	}

	/**
	 * The account's cases the viewer may see, open ones first, then newest first.
	 */
	public List<SupportCase> ofAccount(Viewer viewer, UUID accountId, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, new CaseFilter(null, null, null, null, null, null, accountId), params, false);
		return this.jdbc
			.sql("select c.* from cases c where " + where
					+ " order by (c.status in ('RESOLVED', 'CLOSED')), c.created_at desc, c.id desc limit :limit")
			.params(params)
			.param("limit", limit)
			.query(Cases::map)
			.list();
	}

	/**
	 * @return how many of the account's cases the viewer may see are still open
	 */
	public long openCountOfAccount(Viewer viewer, UUID accountId) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, new CaseFilter(null, CaseFilter.OPEN, null, null, null, null, accountId), params,
				false);
		return this.jdbc.sql("select count(*) from cases c where " + where).params(params).query(Long.class).single();
	}

	/**
	 * Every status the case entered, oldest first; the first is its creation
	 * ({@code from == null}). System use (SLA clocks): no visibility check.
	 */
	public List<CaseStatusChange> statusHistory(UUID caseId) {
		return this.jdbc.sql("""
				select case_id, from_status, to_status, changed_at, actor_id from case_status_changes
				where case_id = :id order by changed_at, id
				""")
			.param("id", caseId)
			.query((rs, n) -> new CaseStatusChange(rs.getObject("case_id", UUID.class),
					status(rs.getString("from_status")), CaseStatus.valueOf(rs.getString("to_status")),
					instant(rs, "changed_at"), rs.getObject("actor_id", UUID.class)))
			.list();
	}

	/**
	 * The case's comments, oldest first, if the viewer may read the case.
	 */
	public List<CaseComment> comments(Viewer viewer, UUID caseId) {
		get(viewer, caseId);
		return comments(caseId);
	}

	/**
	 * The case's comments, oldest first, internal ones too. System use: no visibility
	 * check (an e-mail to the customer must leave out the internal ones).
	 */
	public List<CaseComment> comments(UUID caseId) {
		return this.jdbc.sql("select * from case_comments where case_id = :id order by created_at, id")
			.param("id", caseId)
			.query(Cases::mapComment)
			.list();
	}

	/**
	 * One comment, for system use (sending a reply): no visibility check.
	 */
	public Optional<CaseComment> comment(UUID commentId) {
		return this.jdbc.sql("select * from case_comments where id = :id")
			.param("id", commentId)
			.query(Cases::mapComment)
			.optional();
	}

	/**
	 * Who last saved and touched the case, for its page: updated by, last touched at and
	 * by, created by.
	 */
	public CaseTrail trail(Viewer viewer, UUID caseId) {
		get(viewer, caseId);
		return this.jdbc.sql(
				"select created_by, updated_by, last_touched_at, last_touched_by, deleted_at from cases where id = :id")
			.param("id", caseId)
			.query((rs, n) -> new CaseTrail(rs.getObject("created_by", UUID.class),
					rs.getObject("updated_by", UUID.class), instant(rs, "last_touched_at"),
					rs.getObject("last_touched_by", UUID.class)))
			.single();
	}

	/**
	 * Who created and last changed a case, and when it was last touched (its freshness).
	 */
	public record CaseTrail(UUID createdBy, UUID updatedBy, Instant lastTouchedAt, UUID lastTouchedBy) {

	}

	private String where(Viewer viewer, CaseFilter filter, Map<String, Object> params, boolean deleted) {
		ListConditions conditions = new ListConditions(params).inRecycleBin("c", deleted);
		readFilter(viewer, conditions, params);
		String query = trim(filter.query());
		Long number = number(query);
		if (number != null) {
			params.put("number", number);
			conditions.add("c.number = :number");
		}
		else {
			conditions.containing(query, "(lower(c.subject) like :q or lower(c.requester_email) like :q)");
		}
		if (Boolean.TRUE.equals(filter.unassigned())) {
			conditions.add("c.owner_id is null");
		}
		conditions.when(statuses(filter.status()), "c.status in (:statuses)", "statuses")
			.when(priority(filter.priority()), "c.priority = :priority", "priority")
			.when(filter.ownerId(), "c.owner_id = :ownerId", "ownerId")
			.when(filter.queueId(), "c.queue_id = :queueId", "queueId")
			.when(filter.accountId(), "c.account_id = :accountId", "accountId");
		if (filter.drill() != null) {
			drill(filter.drill(), conditions, params);
		}
		return conditions.sql();
	}

	/**
	 * The conditions of the service figures' drill-downs ({@link CaseFilter.Drill}): the
	 * same definitions as {@link ServiceOverview} counts with.
	 */
	private void drill(CaseFilter.Drill drill, ListConditions conditions, Map<String, Object> params) {
		ZoneId zone = this.calendars.companyZone();
		Instant now = now();
		conditions.when(start(drill.createdFrom(), zone), "c.created_at >= :createdFrom", "createdFrom")
			.when(end(drill.createdTo(), zone), "c.created_at < :createdTo", "createdTo")
			.when(start(drill.resolvedFrom(), zone), "c.resolved_at >= :resolvedFrom", "resolvedFrom")
			.when(end(drill.resolvedTo(), zone), "c.resolved_at < :resolvedTo", "resolvedTo")
			.when((drill.ageFrom() != null) ? utc(now.minus(Duration.ofDays(drill.ageFrom()))) : null,
					"c.created_at <= :ageFrom", "ageFrom")
			.when((drill.ageTo() != null) ? utc(now.minus(Duration.ofDays(drill.ageTo()))) : null,
					"c.created_at > :ageTo", "ageTo");
		if (drill.sla() == null) {
			return;
		}
		params.put("slaNow", utc(now));
		StringBuilder clock = new StringBuilder("exists (select 1 from case_sla_clocks k where k.case_id = c.id");
		if (drill.slaMetric() != null) {
			params.put("slaMetric", drill.slaMetric().name());
			clock.append(" and k.metric = :slaMetric");
		}
		String decided = switch (drill.sla()) {
			case MET -> {
				clock.append(" and k.state = 'MET'");
				yield "k.completed_at";
			}
			case BREACHED -> {
				clock.append(" and k.state <> 'MET' and ").append(ServiceOverview.BREACHED_AT).append(" <= :slaNow");
				yield ServiceOverview.BREACHED_AT;
			}
			case AT_RISK -> {
				clock.append(" and k.completed_at is null and k.state in ('RUNNING', 'WARNING')")
					.append(" and k.warn_at <= :slaNow and k.due_at > :slaNow");
				yield null;
			}
		};
		if (decided != null && drill.slaFrom() != null) {
			params.put("slaFrom", start(drill.slaFrom(), zone));
			clock.append(" and ").append(decided).append(" >= :slaFrom");
		}
		if (decided != null && drill.slaTo() != null) {
			params.put("slaTo", end(drill.slaTo(), zone));
			clock.append(" and ").append(decided).append(" < :slaTo");
		}
		conditions.add(clock.append(")").toString());
	}

	private static OffsetDateTime start(LocalDate day, ZoneId zone) {
		return (day != null) ? utc(day.atStartOfDay(zone).toInstant()) : null;
	}

	private static OffsetDateTime end(LocalDate day, ZoneId zone) {
		return (day != null) ? utc(day.plusDays(1).atStartOfDay(zone).toInstant()) : null;
	}

	/**
	 * The SQL twin of {@link #canRead}: everything for the roles that read every case;
	 * otherwise the cases the viewer's organisation owns and those on the accounts it
	 * owns.
	 */
	void readFilter(Viewer viewer, ListConditions conditions, Map<String, Object> params) {
		if (ACCESS.readsAll().contains(viewer.role())) {
			return;
		}
		Set<UUID> organisation = this.orgChart.organisationOf(viewer.id());
		List<UUID> accounts = this.customers.accountsOwnedBy(organisation);
		params.put("visibleOwners", SqlArrays.of(organisation));
		params.put("visibleAccounts", SqlArrays.of(accounts));
		conditions.add("(c.owner_id = any(cast(:visibleOwners as uuid[]))"
				+ " or c.account_id = any(cast(:visibleAccounts as uuid[])))");
	}

	/** "1042" or "#1042" as a case number; anything else is not one. */
	static Long number(String text) {
		if (text == null) {
			return null;
		}
		String digits = text.startsWith("#") ? text.substring(1).trim() : text;
		if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.parseLong(digits);
	}

	/**
	 * @return the statuses a status filter stands for, or {@code null} for none
	 */
	static List<String> statuses(String status) {
		if (!StringUtils.hasText(status)) {
			return null;
		}
		if (status.trim().equalsIgnoreCase(CaseFilter.OPEN)) {
			return Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).map(Enum::name).toList();
		}
		if (status.trim().equalsIgnoreCase(CaseFilter.DONE)) {
			return Arrays.stream(CaseStatus.values()).filter(CaseStatus::isDone).map(Enum::name).toList();
		}
		return List.of(parse(CaseStatus.class, status, "status", "case status").name());
	}

	private static CasePriority priority(String text) {
		return StringUtils.hasText(text) ? parse(CasePriority.class, text, "priority", "priority") : null;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String what) {
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT).replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "'" + text.trim() + "' is no " + what + "; use one of "
					+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
		}
	}

	// ---------------------------------------------------------------- opening

	/**
	 * Opens a case an agent took (on the phone, by hand): status NEW, or OPEN when it has
	 * an owner already.
	 * @throws InvalidInputException naming each field that is wrong
	 */
	@Transactional
	public SupportCase open(UUID actorId, CaseDetails details) {
		return open(viewer(actorId), details);
	}

	/**
	 * @see #open(UUID, CaseDetails)
	 */
	@Transactional
	public SupportCase open(Viewer viewer, CaseDetails input) {
		if (!mayOpen(viewer)) {
			throw new ForbiddenException("You can't open cases: service users, their managers and administrators can.");
		}
		CaseDetails details = validate(input, null);
		if (details.ownerId() != null && !details.ownerId().equals(viewer.id())
				&& !ACCESS.editsAll().contains(viewer.role())
				&& !this.orgChart.isAbove(viewer.id(), details.ownerId())) {
			throw new ForbiddenException("ownerId",
					"You can give a case only to yourself or to people who report to you.");
		}
		return insert(details, viewer.id(), null, null);
	}

	/**
	 * Opens a case the system decided on (an onboarding case when a deal is won): no
	 * actor, validated as an agent's case is.
	 * @throws InvalidInputException naming each field that is wrong
	 */
	@Transactional
	SupportCase openForSystem(CaseDetails input) {
		return insert(validate(input, null), null, null, null);
	}

	/**
	 * Whether the viewer may open cases: the service desk, managers, executives and
	 * administrators (a sales rep reads the cases of their accounts only).
	 */
	public static boolean mayOpen(Viewer viewer) {
		return viewer.role() == Role.SERVICE || viewer.role() == Role.MANAGER || viewer.role() == Role.EXECUTIVE
				|| viewer.role() == Role.ADMIN;
	}

	/**
	 * Opens a case from a customer's message (an e-mail, a web form): unassigned, in the
	 * default queue, its contact matched by the sender's address (the oldest contact with
	 * it) and its account the contact's. A blank subject becomes "(no subject)", a long
	 * one is cut to 300 characters; the body is cut to 100,000 characters.
	 * @throws InvalidInputException when the sender's address is missing or malformed
	 */
	@Transactional
	public SupportCase openFromCustomer(InboundCase in) {
		String email = blankToNull(trim(in.requesterEmail()));
		if (email == null || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || email.length() > 254) {
			throw new InvalidInputException("requesterEmail",
					"A case from a customer needs the sender's e-mail address, such as name@example.com.");
		}
		UUID contactId = null;
		UUID accountId = null;
		List<UUID> contacts = this.customers.contactsByEmail(List.of(email)).get(CustomerLookups.key(email));
		if (contacts != null && !contacts.isEmpty()) {
			contactId = contacts.get(0);
			accountId = this.customers.accountsOfContacts(List.of(contactId)).get(contactId);
		}
		String subject = blankToNull(trim(in.subject()));
		subject = (subject == null) ? "(no subject)" : cut(subject.replaceAll("\\s+", " "), 300);
		CaseChannel channel = (in.channel() == null || in.channel() == CaseChannel.PHONE) ? CaseChannel.EMAIL
				: in.channel();
		CaseDetails details = new CaseDetails(subject, cut(blankToNull(in.body()), 100_000), accountId, contactId, null,
				(in.priority() == null) ? CasePriority.NORMAL : in.priority(), channel, null, DEFAULT_QUEUE_ID, email,
				cut(blankToNull(trim(in.requesterName())), 200));
		return insert(details, null, null, null);
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private SupportCase insert(CaseDetails details, UUID actor, Instant at, UUID forcedId) {
		UUID id = (forcedId != null) ? forcedId : Ids.newId();
		Instant now = (at != null) ? at : now();
		CaseStatus status = (details.ownerId() != null) ? CaseStatus.OPEN : CaseStatus.NEW;
		this.jdbc.sql("""
				insert into cases (id, subject, description, account_id, contact_id, product_id, priority, status,
				  channel, owner_id, queue_id, requester_email, requester_name, created_at, created_by, updated_at,
				  updated_by, last_touched_at, last_touched_by, version)
				values (:id, :subject, :description, :accountId, :contactId, :productId, :priority, :status,
				  :channel, :ownerId, :queueId, :requesterEmail, :requesterName, :now, :actor, :now, :actor, :now,
				  :actor, 0)
				""")
			.params(columns(details))
			.param("id", id)
			.param("status", status.name())
			.param("now", utc(now))
			.param("actor", actor)
			.update();
		recordStatus(id, null, CaseStatus.NEW, actor, now);
		if (status != CaseStatus.NEW) {
			recordStatus(id, CaseStatus.NEW, status, actor, now);
		}
		this.events.publishEvent(
				new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, actor, now, diff(CaseDetails.empty(), details)));
		SupportCase created = find(id).orElseThrow();
		this.events.publishEvent(new CaseOpened(id, created.priority(), created.accountId(), now));
		if (status != CaseStatus.NEW) {
			this.events.publishEvent(new CaseStatusChanged(id, CaseStatus.NEW, status, actor, now));
		}
		return created;
	}

	// ---------------------------------------------------------------- changing

	/**
	 * Saves the case's details (not its status: see {@link #changeStatus}), based on the
	 * version the editor read.
	 * @throws dev.bellwether.platform.StaleRecordException when the case changed since
	 * @throws InvalidInputException naming each field that is wrong
	 */
	@Transactional
	public SupportCase update(Viewer viewer, UUID id, long expectedVersion, CaseDetails input) {
		SupportCase before = get(viewer, id);
		requireEdit(viewer, before);
		CaseDetails details = validate(input, before);
		requireAssignable(viewer, before, details.ownerId());
		VersionedUpdate save = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		Instant now = now();
		save.run(this.jdbc.sql("""
				update cases set subject = :subject, description = :description, account_id = :accountId,
				  contact_id = :contactId, product_id = :productId, priority = :priority, channel = :channel,
				  owner_id = :ownerId, queue_id = :queueId, requester_email = :requesterEmail,
				  requester_name = :requesterName, updated_at = :now, updated_by = :actor,
				  last_touched_at = case when :touches then :now else last_touched_at end,
				  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1
				where id = :id and version = :version and deleted_at is null
				""").params(columns(details)).param("touches", this.users.touchesRecords(viewer.id())), viewer.id(),
				now);
		List<FieldChange> changes = diff(details(before), details);
		if (!changes.isEmpty()) {
			this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, viewer.id(), now, changes));
		}
		if (before.priority() != details.priority()) {
			this.events.publishEvent(new CasePriorityChanged(id, before.priority(), details.priority(), now));
		}
		if (before.ownerId() == null && details.ownerId() != null && before.status() == CaseStatus.NEW) {
			moveStatus(find(id).orElseThrow(), CaseStatus.OPEN, viewer.id(), now);
		}
		return find(id).orElseThrow();
	}

	/**
	 * Changes only the priority (from the record page or a bulk change).
	 */
	@Transactional
	public SupportCase changePriority(Viewer viewer, UUID id, long expectedVersion, CasePriority priority) {
		if (priority == null) {
			throw new InvalidInputException("priority", "Choose a priority: LOW, NORMAL, HIGH or URGENT.");
		}
		SupportCase before = get(viewer, id);
		return update(viewer, id, expectedVersion, details(before).withPriority(priority));
	}

	/**
	 * Moves the case to another status, for an agent, without a version check (the move
	 * itself is checked against the status the case is in now).
	 * @throws InvalidInputException for a move that is not allowed
	 */
	@Transactional
	public SupportCase changeStatus(UUID actorId, UUID caseId, CaseStatus status) {
		Viewer viewer = viewer(actorId);
		SupportCase before = get(viewer, caseId);
		return changeStatus(viewer, caseId, before.version(), status);
	}

	/**
	 * Moves the case to another status, based on the version the agent read. Resolving
	 * sets {@code resolvedAt}, closing {@code closedAt} (and {@code resolvedAt}, if it
	 * was never resolved); reopening (to OPEN) clears both.
	 * @throws dev.bellwether.platform.StaleRecordException when the case changed since
	 * @throws InvalidInputException for a move that is not allowed
	 */
	@Transactional
	public SupportCase changeStatus(Viewer viewer, UUID caseId, long expectedVersion, CaseStatus status) {
		if (status == null) {
			throw new InvalidInputException("status",
					"Choose the status to move the case to: OPEN, WAITING_ON_CUSTOMER, RESOLVED or CLOSED.");
		}
		SupportCase before = get(viewer, caseId);
		requireEdit(viewer, before);
		new VersionedUpdate(RECORD_TYPE, caseId, expectedVersion).requireAt(before.version());
		requireMove(before.status(), status);
		if (before.status() == status) {
			return before;
		}
		Instant now = now();
		moveStatus(before, status, viewer.id(), now);
		return find(caseId).orElseThrow();
	}

	static void requireMove(CaseStatus from, CaseStatus to) {
		if (from.mayMoveTo(to)) {
			return;
		}
		String allowed = from.next()
			.stream()
			.sorted()
			.map(next -> next.label().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(" or "));
		String why = (to == CaseStatus.NEW) ? " A case never goes back to new; reopen it instead." : "";
		throw new InvalidInputException("status", "A " + from.label().toLowerCase(Locale.ROOT) + " case can move to "
				+ allowed + " only, not to " + to.label().toLowerCase(Locale.ROOT) + "." + why);
	}

	/**
	 * Writes the move (the row, its times, the version), its history and its events; the
	 * caller checked it.
	 */
	private void moveStatus(SupportCase before, CaseStatus to, UUID actor, Instant now) {
		this.jdbc.sql("""
				update cases set status = :status,
				  resolved_at = case when :status = 'OPEN' then null
				                     when :status in ('RESOLVED', 'CLOSED') then coalesce(resolved_at, :now)
				                     else resolved_at end,
				  closed_at = case when :status = 'CLOSED' then :now when :status = 'OPEN' then null else closed_at end,
				  updated_at = :now, updated_by = coalesce(:actor, updated_by),
				  last_touched_at = case when :touches then :now else last_touched_at end,
				  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1
				where id = :id
				""")
			.param("status", to.name())
			.param("now", utc(now))
			.param("actor", actor)
			.param("touches", actor != null && this.users.touchesRecords(actor))
			.param("id", before.id())
			.update();
		recordStatus(before.id(), before.status(), to, actor, now);
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, before.id(), ChangeKind.UPDATED, actor, now,
				List.of(new FieldChange("status", before.status().name(), to.name()))));
		this.events.publishEvent(new CaseStatusChanged(before.id(), before.status(), to, actor, now));
	}

	/**
	 * Gives the case to an agent (or, with {@code null}, back to its queue), for system
	 * use and agents alike, without a version check.
	 * @see #assign(Viewer, UUID, Long, UUID)
	 */
	@Transactional
	public SupportCase assign(UUID actorId, UUID caseId, UUID ownerId) {
		return assign(viewer(actorId), caseId, null, ownerId);
	}

	/**
	 * Gives the case to an agent, or back to its queue ({@code ownerId} {@code null}). A
	 * new case given to someone is open.
	 * @param expectedVersion the version the agent read, or {@code null} to take the case
	 * as it is
	 * @throws InvalidInputException when the new owner does not work cases
	 * @throws ForbiddenException when the viewer may not give it to them
	 */
	@Transactional
	public SupportCase assign(Viewer viewer, UUID caseId, Long expectedVersion, UUID ownerId) {
		SupportCase before = get(viewer, caseId);
		if (expectedVersion != null) {
			new VersionedUpdate(RECORD_TYPE, caseId, expectedVersion).requireAt(before.version());
		}
		if (Objects.equals(before.ownerId(), ownerId)) {
			return before;
		}
		return update(viewer, caseId, before.version(), details(before).withOwner(ownerId));
	}

	/**
	 * "Assign to me": the viewer takes the case (a new one becomes open).
	 */
	@Transactional
	public SupportCase assignToMe(Viewer viewer, UUID caseId) {
		SupportCase before = get(viewer, caseId);
		if (!mayOwn(viewer.id())) {
			throw new ForbiddenException(
					"You can't take cases: they belong to service users, managers and " + "administrators.");
		}
		if (before.ownerId() != null && !before.ownerId().equals(viewer.id())
				&& !ACCESS.editsAll().contains(viewer.role())) {
			throw new ForbiddenException("This case belongs to someone else already.");
		}
		return assign(viewer, caseId, null, viewer.id());
	}

	/**
	 * "Next case": gives the viewer the oldest of the most urgent unassigned cases still
	 * to be worked (new or open; a case waiting on the customer is not), in the queues
	 * the viewer works — or in every queue when they work none, or when asked. The case
	 * is locked while it is taken ({@code for update skip locked}), so two agents asking
	 * at once never get the same one.
	 * @return the case taken, or nothing when the queue is empty
	 */
	@Transactional
	public Optional<SupportCase> takeNext(Viewer viewer, boolean everyQueue) {
		if (!mayOwn(viewer.id())) {
			throw new ForbiddenException(
					"You can't take cases: they belong to service users, managers and " + "administrators.");
		}
		List<UUID> mine = everyQueue ? List.of() : this.queues.queuesOf(viewer.id());
		Optional<UUID> next = this.jdbc.sql("""
				select c.id from cases c
				where c.deleted_at is null and c.owner_id is null and c.status in (:workable)
				  and (cardinality(cast(:queues as uuid[])) = 0 or c.queue_id = any(cast(:queues as uuid[])))
				order by c.priority_rank desc, c.created_at, c.id
				limit 1
				for update skip locked
				""").param("workable", WORKABLE).param("queues", SqlArrays.of(mine)).query(UUID.class).optional();
		if (next.isEmpty()) {
			return Optional.empty();
		}
		SupportCase before = find(next.get()).orElseThrow();
		Instant now = now();
		this.jdbc.sql("""
				update cases set owner_id = :owner, updated_at = :now, updated_by = :owner,
				  last_touched_at = :now, last_touched_by = :owner, version = version + 1
				where id = :id
				""").param("owner", viewer.id()).param("now", utc(now)).param("id", before.id()).update();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, before.id(), ChangeKind.UPDATED, viewer.id(), now,
				List.of(new FieldChange("ownerId", null, viewer.id().toString()))));
		if (before.status() == CaseStatus.NEW) {
			moveStatus(find(before.id()).orElseThrow(), CaseStatus.OPEN, viewer.id(), now);
		}
		return find(before.id());
	}

	/**
	 * Saves an inline edit or a bulk change: the details first, then the status, each
	 * with its rules, both based on the version the editor read.
	 */
	@Transactional
	SupportCase edit(Viewer viewer, UUID id, long expectedVersion, CaseEdit edit) {
		SupportCase before = get(viewer, id);
		requireEdit(viewer, before);
		new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		if (edit.status() != null) {
			requireMove(before.status(), edit.status());
		}
		CaseDetails now = details(before);
		CaseDetails wanted = new CaseDetails(edit.subject(), now.description(), now.accountId(), now.contactId(),
				now.productId(), (edit.priority() != null) ? edit.priority() : now.priority(), now.channel(),
				edit.ownerId(), (edit.queueId() != null) ? edit.queueId() : now.queueId(), now.requesterEmail(),
				now.requesterName());
		SupportCase after = wanted.equals(now) ? before : update(viewer, id, expectedVersion, wanted);
		if (edit.status() != null && edit.status() != after.status()) {
			after = changeStatus(viewer, id, after.version(), edit.status());
		}
		return after;
	}

	/** Who saved the case last, for inline edit's "changed since by". */
	UUID updatedBy(UUID id) {
		return this.jdbc.sql("select updated_by from cases where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElse(null);
	}

	// ---------------------------------------------------------------- comments

	/**
	 * An agent's public reply or internal note. The first public reply is the case's
	 * first response; a public reply to a new case opens it.
	 * @throws InvalidInputException for an empty or too long comment
	 * @throws ForbiddenException when the agent may not change the case
	 */
	@Transactional
	public CaseComment addComment(UUID actorId, UUID caseId, String body, boolean internal) {
		Viewer viewer = viewer(actorId);
		SupportCase supportCase = get(viewer, caseId);
		requireEdit(viewer, supportCase);
		String text = requireBody(body);
		Instant now = now();
		String email = this.users.find(actorId).map(User::email).orElse(null);
		CaseComment comment = insertComment(caseId, actorId, email, text, internal, CommentSource.AGENT, now);
		if (!internal) {
			this.jdbc.sql("update cases set first_response_at = :now where id = :id and first_response_at is null")
				.param("now", utc(now))
				.param("id", caseId)
				.update();
		}
		touch(caseId, actorId, now);
		if (!internal && supportCase.status() == CaseStatus.NEW) {
			moveStatus(find(caseId).orElseThrow(), CaseStatus.OPEN, actorId, now);
		}
		return comment;
	}

	/**
	 * A customer's reply (an e-mail threaded into the case, a form). A case waiting on
	 * the customer, or resolved, is open again; a closed case stays closed (the reply is
	 * kept on it).
	 * @throws RecordNotFoundException when there is no such case
	 * @throws InvalidInputException for an empty reply
	 */
	@Transactional
	public CaseComment addCustomerReply(UUID caseId, String fromEmail, String body) {
		SupportCase supportCase = find(caseId).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, caseId));
		String text = requireBody(cut(body, MAX_COMMENT_LENGTH));
		Instant now = now();
		CaseComment comment = insertComment(caseId, null, cut(blankToNull(trim(fromEmail)), 254), text, false,
				CommentSource.CUSTOMER, now);
		this.jdbc.sql("update cases set updated_at = :now, version = version + 1 where id = :id")
			.param("now", utc(now))
			.param("id", caseId)
			.update();
		if (supportCase.status() == CaseStatus.WAITING_ON_CUSTOMER || supportCase.status() == CaseStatus.RESOLVED) {
			moveStatus(find(caseId).orElseThrow(), CaseStatus.OPEN, null, now);
		}
		return comment;
	}

	/**
	 * A note Bellwether itself leaves on the case (an escalation, an auto-reply
	 * detected), internal unless said otherwise.
	 */
	@Transactional
	public CaseComment addSystemNote(UUID caseId, String body, boolean internal) {
		find(caseId).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, caseId));
		return insertComment(caseId, null, null, requireBody(cut(body, MAX_COMMENT_LENGTH)), internal,
				CommentSource.SYSTEM, now());
	}

	private CaseComment insertComment(UUID caseId, UUID authorId, String authorEmail, String body, boolean internal,
			CommentSource source, Instant now) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into case_comments (id, case_id, author_id, author_email, body, internal, source, created_at)
				values (:id, :caseId, :authorId, :authorEmail, :body, :internal, :source, :now)
				""")
			.param("id", id)
			.param("caseId", caseId)
			.param("authorId", authorId)
			.param("authorEmail", authorEmail)
			.param("body", body)
			.param("internal", internal)
			.param("source", source.name())
			.param("now", utc(now))
			.update();
		this.events.publishEvent(new CaseCommented(caseId, id, source, internal, now));
		return new CaseComment(id, caseId, authorId, authorEmail, body, internal, source, now);
	}

	private static String requireBody(String body) {
		if (!StringUtils.hasText(body)) {
			throw new InvalidInputException("body", "Write the comment first.");
		}
		String text = body.strip();
		if (text.length() > MAX_COMMENT_LENGTH) {
			throw new InvalidInputException("body", "Keep the comment to 100,000 characters.");
		}
		return text;
	}

	/**
	 * The case was worked on (a comment, an attachment): touched, and at a new version,
	 * so a form opened before shows it changed.
	 */
	void touch(UUID caseId, UUID actor, Instant now) {
		this.jdbc.sql("""
				update cases set updated_at = :now, updated_by = :actor,
				  last_touched_at = case when :touches then :now else last_touched_at end,
				  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1
				where id = :id
				""")
			.param("now", utc(now))
			.param("actor", actor)
			.param("touches", this.users.touchesRecords(actor))
			.param("id", caseId)
			.update();
	}

	// ---------------------------------------------------------------- recycle bin

	/**
	 * Moves the case to the recycle bin (service users and administrators, and the owner
	 * chain).
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		SupportCase supportCase = get(viewer, id);
		requireEdit(viewer, supportCase);
		this.recycleBin.moveIn(RECORD_TYPE, id, viewer.id(), this.jdbc
			.sql("update cases set deleted_at = :now, deleted_by = :actor, version = version + 1 where id = :id"));
	}

	/**
	 * Brings the case back from the recycle bin.
	 */
	@Transactional
	public SupportCase restore(Viewer viewer, UUID id) {
		SupportCase supportCase = this.jdbc.sql("select c.* from cases c where c.id = :id and c.deleted_at is not null")
			.param("id", id)
			.query(Cases::map)
			.optional()
			.orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		if (!canRead(viewer, supportCase)) {
			throw RecycleBin.notInBin(RECORD_TYPE, id);
		}
		requireEdit(viewer, supportCase);
		this.recycleBin.restore(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update cases set deleted_at = null, deleted_by = null, updated_at = :now, updated_by = :actor,
				  last_touched_at = :now, last_touched_by = :actor, version = version + 1 where id = :id
				"""));
		return find(id).orElseThrow();
	}

	// ---------------------------------------------------------------- rules

	private void requireEdit(Viewer viewer, SupportCase supportCase) {
		if (!canEdit(viewer, supportCase)) {
			throw new ForbiddenException("You can't change case " + supportCase.reference()
					+ ": only its owner, the owner's managers, service users and administrators can.");
		}
	}

	private void requireAssignable(Viewer viewer, SupportCase before, UUID newOwner) {
		if (newOwner == null || newOwner.equals(before.ownerId()) || newOwner.equals(viewer.id())
				|| ACCESS.editsAll().contains(viewer.role()) || this.orgChart.isAbove(viewer.id(), newOwner)) {
			return;
		}
		throw new ForbiddenException("ownerId",
				"You can give case " + before.reference() + " only to yourself or to people who report to you.");
	}

	/** Whether the user works cases: an active service user, manager or administrator. */
	public boolean mayOwn(UUID userId) {
		return this.users.find(userId)
			.filter(u -> u.active() && !u.integrationAccount() && AGENT_ROLES.contains(u.role()))
			.isPresent();
	}

	/**
	 * @return the details as stored (defaults filled in: normal priority, phone, the
	 * default queue; the contact's account when only the contact is given)
	 * @throws InvalidInputException naming every problem at once
	 */
	private CaseDetails validate(CaseDetails input, SupportCase before) {
		Map<String, String> errors = new LinkedHashMap<>(this.validation.violations(input));
		UUID accountId = input.accountId();
		UUID contactId = input.contactId();
		if (accountId != null && !this.customers.existingAccounts(List.of(accountId)).contains(accountId)
				&& (before == null || !accountId.equals(before.accountId()))) {
			errors.putIfAbsent("accountId", "There is no account with id " + accountId + ".");
		}
		if (contactId != null) {
			UUID contactAccount = this.customers.accountsOfContacts(List.of(contactId)).get(contactId);
			if (!this.customers.existingContacts(List.of(contactId)).contains(contactId)) {
				if (before == null || !contactId.equals(before.contactId())) {
					errors.putIfAbsent("contactId", "There is no contact with id " + contactId + ".");
				}
			}
			else if (accountId == null) {
				accountId = contactAccount;
			}
			else if (contactAccount != null && !contactAccount.equals(accountId)) {
				errors.putIfAbsent("contactId", "This contact works at another account; choose one of the account's "
						+ "contacts, or no contact.");
			}
		}
		if (input.productId() != null && this.products.find(input.productId()).isEmpty()) {
			errors.putIfAbsent("productId", "There is no product with id " + input.productId() + ".");
		}
		UUID queueId = (input.queueId() != null) ? input.queueId() : DEFAULT_QUEUE_ID;
		Optional<CaseQueue> queue = this.queues.find(queueId);
		if (queue.isEmpty()) {
			errors.putIfAbsent("queueId", "There is no queue with id " + queueId + ".");
		}
		else if (!queue.get().active() && (before == null || !queueId.equals(before.queueId()))) {
			errors.putIfAbsent("queueId", "The queue " + queue.get().name() + " is retired; choose another.");
		}
		if (input.ownerId() != null && (before == null || !input.ownerId().equals(before.ownerId()))) {
			Optional<User> owner = this.users.find(input.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + input.ownerId() + ".");
			}
			else if (!owner.get().active()) {
				errors.putIfAbsent("ownerId", owner.get().fullName() + " is deactivated and can't own cases.");
			}
			else if (owner.get().integrationAccount() || !AGENT_ROLES.contains(owner.get().role())) {
				errors.putIfAbsent("ownerId", owner.get().fullName()
						+ " can't own cases: cases belong to service users, managers and administrators.");
			}
		}
		InputValidation.throwIfAny(errors);
		CasePriority priority = (input.priority() != null) ? input.priority()
				: (before != null ? before.priority() : CasePriority.NORMAL);
		CaseChannel channel = (input.channel() != null) ? input.channel()
				: (before != null ? before.channel() : CaseChannel.PHONE);
		return new CaseDetails(input.subject().strip(), input.description(), accountId, contactId, input.productId(),
				priority, channel, input.ownerId(), queueId, input.requesterEmail(), input.requesterName());
	}

	/** The case's details as they are, to change one of them. */
	public static CaseDetails details(SupportCase c) {
		return new CaseDetails(c.subject(), c.description(), c.accountId(), c.contactId(), c.productId(), c.priority(),
				c.channel(), c.ownerId(), c.queueId(), c.requesterEmail(), c.requesterName());
	}

	private void recordStatus(UUID id, CaseStatus from, CaseStatus to, UUID actor, Instant now) {
		this.jdbc.sql("""
				insert into case_status_changes (id, case_id, from_status, to_status, changed_at, actor_id)
				values (:changeId, :id, :from, :to, :now, :actor)
				""")
			.param("changeId", Ids.newId())
			.param("id", id)
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("now", utc(now))
			.param("actor", actor)
			.update();
	}

	/**
	 * Now, as PostgreSQL keeps it (to the microsecond), so what is returned is what is
	 * stored.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	private Viewer viewer(UUID userId) {
		if (userId == null) {
			throw new IllegalArgumentException("An agent's id is needed; system changes have methods of their own.");
		}
		return this.users.find(userId).map(Viewer::of).orElseThrow(() -> new RecordNotFoundException("user", userId));
	}

	static Map<String, Object> columns(CaseDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("subject", details.subject().strip());
		columns.put("description", blankToNull(details.description()));
		columns.put("accountId", details.accountId());
		columns.put("contactId", details.contactId());
		columns.put("productId", details.productId());
		columns.put("priority", details.priority().name());
		columns.put("channel", details.channel().name());
		columns.put("ownerId", details.ownerId());
		columns.put("queueId", details.queueId());
		columns.put("requesterEmail", blankToNull(trim(details.requesterEmail())));
		columns.put("requesterName", blankToNull(trim(details.requesterName())));
		return columns;
	}

	static List<FieldChange> diff(CaseDetails before, CaseDetails after) {
		return new FieldChange.Diff().compare("subject", trim(before.subject()), trim(after.subject()))
			.compare("description", blankToNull(before.description()), blankToNull(after.description()))
			.compare("accountId", before.accountId(), after.accountId())
			.compare("contactId", before.contactId(), after.contactId())
			.compare("productId", before.productId(), after.productId())
			.compare("priority", before.priority(), after.priority())
			.compare("channel", before.channel(), after.channel())
			.compare("ownerId", before.ownerId(), after.ownerId())
			.compare("queueId", before.queueId(), after.queueId())
			.compare("requesterEmail", blankToNull(trim(before.requesterEmail())),
					blankToNull(trim(after.requesterEmail())))
			.compare("requesterName", blankToNull(trim(before.requesterName())),
					blankToNull(trim(after.requesterName())))
			.changes();
	}

	private static CaseStatus status(String name) {
		return (name == null) ? null : CaseStatus.valueOf(name);
	}

	static SupportCase map(ResultSet rs, int row) throws SQLException {
		return new SupportCase(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getString("subject"),
				rs.getString("description"), rs.getObject("account_id", UUID.class),
				rs.getObject("contact_id", UUID.class), rs.getObject("product_id", UUID.class),
				CasePriority.valueOf(rs.getString("priority")), CaseStatus.valueOf(rs.getString("status")),
				CaseChannel.valueOf(rs.getString("channel")), rs.getObject("owner_id", UUID.class),
				rs.getObject("queue_id", UUID.class), rs.getString("requester_email"), rs.getString("requester_name"),
				instant(rs, "created_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
				instant(rs, "closed_at"), instant(rs, "updated_at"), rs.getLong("version"));
	}

	static CaseComment mapComment(ResultSet rs, int row) throws SQLException {
		return new CaseComment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getObject("author_id", UUID.class), rs.getString("author_email"), rs.getString("body"),
				rs.getBoolean("internal"), CommentSource.valueOf(rs.getString("source")), instant(rs, "created_at"));
	}

}
