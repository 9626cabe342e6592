package dev.bellwether.activities;

import dev.bellwether.platform.db.ExternalIds;
import dev.bellwether.platform.edit.VersionedRecords;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.Contacts;
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
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.ImportOrigin;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.SortKey;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.RecycleBin;
import dev.bellwether.marketing.LeadAccess;
import dev.bellwether.platform.RecordTouched;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.sales.OpportunityAccess;
import dev.bellwether.sales.OpportunityLink;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.contains;
import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Tasks, calls, meetings and notes. An activity on an opportunity is read by whoever may
 * read the opportunity ({@link OpportunityAccess}); any other activity by everyone
 * ({@link #ACCESS}, like the accounts and contacts it hangs off). It is changed by its
 * owner, the owner's managers, sales administrators and administrators — and, on an
 * opportunity, also by whoever may change the opportunity.
 * <p>
 * Every change is versioned and published as a {@link RecordChanged}; logging a call,
 * meeting or note, or completing a task, publishes a {@link RecordTouched} for each
 * linked record (merely planning a task does not: nobody has worked on the customer yet).
 */
@Service
@Transactional(readOnly = true)
public class Activities implements VersionedRecords<Viewer, Activity, ActivityDetails> {

	public static final String RECORD_TYPE = "activity";

	public static final AccessPolicy ACCESS = AccessPolicy.sharedRecord(RECORD_TYPE, Role.SALES_ADMIN, Role.ADMIN);

	private static final String SELECT = "select x.* from activities x";

	/**
	 * The list's order, newest first: {@code occurred_at} and {@code id} are never null.
	 */
	private static final List<SortKey> NEWEST_FIRST = List.of(new SortKey("x.occurred_at", false, true),
			new SortKey("x.id", false, true));

	private static final PagedQuery PAGED = new PagedQuery(SELECT, "from activities x");

	private static final String PRIORITY_RANK = "case x.priority when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end";

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final OpportunityAccess opportunities;

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	private final LinkedRecords links;

	private final InputValidation validation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RecordOwners owners;

	private final ZoneId zone;

	private final PickLists pickLists;

	private final RecycleBin recycleBin;

	private final LeadAccess leads;

	Activities(JdbcClient jdbc, RecordVisibility visibility, OpportunityAccess opportunities, Accounts accounts,
			Contacts contacts, UserDirectory users, LinkedRecords links, InputValidation validation,
			ApplicationEventPublisher events, Clock clock, @Value("${bellwether.time-zone:UTC}") ZoneId zone,
			RecordOwners owners, PickLists pickLists, RecycleBin recycleBin, LeadAccess leads) {
		this.leads = leads;
		this.recycleBin = recycleBin;
		this.owners = owners;
		this.pickLists = pickLists;
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.opportunities = opportunities;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.links = links;
		this.validation = validation;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	/**
	 * @return the activity, with its attendees, if it exists, is not deleted and the
	 * viewer may read it
	 * @throws RecordNotFoundException otherwise
	 */
	public Activity get(Viewer viewer, UUID id) {
		Activity activity = load(id).filter(a -> !a.isDeleted())
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		requireRead(viewer, activity);
		return withAttendeeNames(activity);
	}

	public boolean canEdit(Viewer viewer, Activity activity) {
		boolean byActivity = this.visibility.canEdit(viewer, ACCESS, activity.ownerId());
		if (activity.leadId() != null) {
			// an activity on a lead: whoever may read the lead, and its owner's or the
			// lead's
			// editors
			return exists(() -> this.leads.requireRead(viewer, activity.leadId()))
					&& (byActivity || this.leads.canEdit(viewer, activity.leadId()));
		}
		if (activity.opportunityId() == null) {
			return byActivity;
		}
		Optional<OpportunityLink> deal = this.links.deal(activity.opportunityId());
		return deal.isPresent() && this.opportunities.canRead(viewer, deal.get().ownerId())
				&& (byActivity || this.opportunities.canEdit(viewer, deal.get().ownerId()));
	}

	/**
	 * Activities the viewer may read, newest first.
	 */
	public Page<Activity> list(Viewer viewer, ActivityFilter filter, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		ListConditions where = new ListConditions(params);
		visibleTerms(viewer, params).forEach(where::add);
		where.when(filter.kind(), "x.kind = :kind", "kind")
			.when(filter.ownerId(), "x.owner_id = :ownerId", "ownerId")
			.when(filter.accountId(), "x.account_id = :accountId", "accountId")
			.when(filter.contactId(), "x.contact_id = :contactId", "contactId")
			.when(filter.opportunityId(), "x.opportunity_id = :opportunityId", "opportunityId")
			.when(filter.status(), "x.status = :status", "status")
			.when(filter.from() == null ? null : utc(filter.from().atStartOfDay(this.zone).toInstant()),
					"x.occurred_at >= :from", "from")
			.when(filter.to() == null ? null : utc(filter.to().plusDays(1).atStartOfDay(this.zone).toInstant()),
					"x.occurred_at < :to", "to")
			.containing(filter.query(), "lower(x.subject) like :q")
			.when(filter.overdue() ? today() : null,
					"x.kind = 'TASK' and x.status = 'OPEN' and x.due_date < :overdueBefore", "overdueBefore");
		Page<Activity> page = PAGED.fetch(this.jdbc, where.sql(), params, NEWEST_FIRST, pageable, Activities::map);
		return withAttendees(page);
	}

	/**
	 * The viewer's own open tasks in the window: overdue first, then by due date (tasks
	 * without one last), the more urgent first within a day.
	 */
	public Page<Activity> openTasks(Viewer viewer, TaskWindow window, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> terms = visibleTerms(viewer, params);
		terms.add("x.owner_id = :me and x.kind = 'TASK' and x.status = 'OPEN'");
		params.put("me", viewer.id());
		LocalDate today = today();
		switch (window) {
			case OVERDUE -> terms.add("x.due_date < :today");
			case TODAY -> terms.add("x.due_date <= :today");
			case WEEK -> terms.add("x.due_date < :today + 7");
			case ALL -> {
			}
		}
		if (window != TaskWindow.ALL) {
			params.put("today", today);
		}
		return PAGED.fetch(this.jdbc, String.join(" and ", terms), params,
				"x.due_date asc nulls last, " + PRIORITY_RANK + ", x.created_at, x.id", pageable, Activities::map);
	}

	/**
	 * @return how many of the viewer's open tasks are overdue
	 */
	public long overdueTaskCount(Viewer viewer) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> terms = visibleTerms(viewer, params);
		terms.add("x.owner_id = :me and x.kind = 'TASK' and x.status = 'OPEN' and x.due_date < :today");
		params.put("me", viewer.id());
		params.put("today", today());
		return this.jdbc.sql("select count(*) from activities x where " + String.join(" and ", terms))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * The names of the records and people the activities refer to.
	 */
	public LinkedNames namesFor(Collection<Activity> activities) {
		Set<UUID> accountIds = new HashSet<>();
		Set<UUID> contactIds = new HashSet<>();
		Set<UUID> dealIds = new HashSet<>();
		Set<UUID> userIds = new HashSet<>();
		for (Activity a : activities) {
			accountIds.add(a.accountId());
			contactIds.add(a.contactId());
			dealIds.add(a.opportunityId());
			userIds.add(a.ownerId());
			userIds.add(a.createdBy());
			userIds.add(a.updatedBy());
			userIds.add(a.completedBy());
		}
		userIds.remove(null);
		return new LinkedNames(this.links.accountNames(accountIds), this.links.contactNames(contactIds),
				this.links.dealNames(dealIds), this.users.namesOf(userIds));
	}

	/**
	 * Opportunities the viewer may see whose name contains the text (for linking an
	 * activity), open deals closing soonest first.
	 * @return id to name
	 */
	public Map<UUID, String> findOpportunities(Viewer viewer, String text, UUID accountId, int limit) {
		Map<UUID, String> found = new LinkedHashMap<>();
		this.links.findDeals(viewer, text, accountId, limit).forEach(deal -> found.put(deal.id(), deal.name()));
		return found;
	}

	/**
	 * @return the opportunity's name under its id, if the viewer may see it
	 */
	public LinkedNames namesForOpportunity(Viewer viewer, UUID opportunityId) {
		Map<UUID, String> names = new HashMap<>();
		this.links.deal(opportunityId)
			.filter(deal -> this.opportunities.canRead(viewer, deal.ownerId()))
			.ifPresent(deal -> names.put(deal.id(), deal.name()));
		return new LinkedNames(Map.of(), Map.of(), names, Map.of());
	}

	/**
	 * @return the contacts' names (contacts are readable by everyone)
	 */
	public Map<UUID, String> contactNames(Collection<UUID> contactIds) {
		return this.links.contactNames(contactIds);
	}

	/**
	 * @return today in the company's time zone, the day due dates are compared with
	 */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	@Transactional
	public Activity create(Viewer viewer, ActivityDetails entered) {
		return create(viewer, entered, null);
	}

	/**
	 * Creates an activity, as an import brings it in when {@code origin} is given: kept
	 * with its import and old id, created when the file says (a completed task completed
	 * then too), and — being history rather than work done today — touching none of the
	 * records it is linked to, which stay as fresh as they were.
	 * @param origin the import the activity comes from, or {@code null}
	 */
	@Transactional
	public Activity create(Viewer viewer, ActivityDetails entered, ImportOrigin origin) {
		Instant now = this.clock.instant();
		Instant createdAt = origin == null ? now : origin.createdAt(now);
		ActivityDetails details = validate(viewer, ActivityRules.callJustMade(entered, createdAt), null);
		this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), null);
		UUID id = Ids.newId();
		boolean completed = details.status() == TaskStatus.COMPLETED;
		Instant completedAt = !completed ? null
				: origin != null && origin.closedAt() != null && !origin.closedAt().isAfter(now) ? origin.closedAt()
						: createdAt;
		this.jdbc.sql("""
				insert into activities (id, kind, subject, body, account_id, contact_id, opportunity_id, lead_id,
				  owner_id, due_date, status, priority, completed_at, completed_by, starts_at, ends_at, occurred_at,
				  sub_type, created_at, created_by, updated_at, updated_by, version, import_id, external_id)
				values (:id, :kind, :subject, :body, :accountId, :contactId, :opportunityId, :leadId, :ownerId,
				  :dueDate, :status, :priority, :completedAt, :completedBy, :startsAt, :endsAt, :occurredAt, :subType,
				  :createdAt, :actor, :now, :actor, 0, :importId, :externalId)
				""")
			.params(columns(details))
			.param("id", id)
			.param("completedAt", utc(completedAt))
			.param("completedBy", completed ? viewer.id() : null)
			.param("occurredAt", utc(occurredAt(details, createdAt, completedAt)))
			.param("createdAt", utc(createdAt))
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("importId", origin == null ? null : origin.importId())
			.param("externalId", origin == null ? null : origin.externalId())
			.update();
		insertAttendees(id, details.attendees());
		Activity created = load(id).orElseThrow();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, viewer.id(), now,
				diff(empty(details.kind()), details), origin == null ? null : origin.importId()));
		if (origin == null && (details.kind() != ActivityKind.TASK || completed)) {
			touch(created, viewer.id(), now);
		}
		return withAttendeeNames(created);
	}

	/**
	 * @return what the activity's own rules (those of {@link ActivityRules}: fields that
	 * belong to its kind, a meeting's times, a link to some record) say against the
	 * details, by field, before anything is looked up; the same the create refuses
	 */
	public Map<String, String> ruleViolations(ActivityDetails details) {
		return ActivityRules.violations(ActivityRules.normalize(details));
	}

	/**
	 * Deletes the activity as {@link #delete} does, unless it changed since it was at the
	 * given version (an import's undo).
	 * @return whether it was deleted
	 */
	@Transactional
	public boolean deleteIfUnchanged(Viewer viewer, UUID id, long version) {
		if (load(id).filter(a -> !a.isDeleted() && a.version() == version).isEmpty()) {
			return false;
		}
		delete(viewer, id);
		return true;
	}

	/**
	 * @return the activities (not in the recycle bin) with the given old-system ids, by
	 * id
	 */
	@Transactional(readOnly = true)
	public Map<String, UUID> idsByExternalId(Collection<String> externalIds) {
		return ExternalIds.find(this.jdbc,
				"select external_id, id from activities where external_id = any(cast(:keys as text[])) and deleted_at is null",
				externalIds);
	}

	@Transactional
	public Activity update(Viewer viewer, UUID id, long expectedVersion, ActivityDetails entered) {
		return update(viewer, id, expectedVersion, entered, (UUID) null);
	}

	/**
	 * Updates the activity, as an import (or its undo) does when {@code importId} is
	 * given: the change is the import's, not work its user did.
	 */
	@Transactional
	public Activity update(Viewer viewer, UUID id, long expectedVersion, ActivityDetails entered, UUID importId) {
		Activity before = get(viewer, id);
		requireEdit(viewer, before);
		if (entered.kind() != null && entered.kind() != before.kind()) {
			throw new dev.bellwether.platform.InvalidInputException("kind", "A " + before.kind().label().toLowerCase()
					+ " stays a " + before.kind().label().toLowerCase() + "; log a new activity instead.");
		}
		ActivityDetails details = validate(viewer, entered, before.subType());
		this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), before.ownerId());
		VersionedUpdate save = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		Instant now = this.clock.instant();
		boolean completing = before.status() != TaskStatus.COMPLETED && details.status() == TaskStatus.COMPLETED;
		boolean reopening = before.status() == TaskStatus.COMPLETED && details.status() == TaskStatus.OPEN;
		Instant completedAt = completing ? now : reopening ? null : before.completedAt();
		UUID completedBy = completing ? viewer.id() : reopening ? null : before.completedBy();
		save.run(this.jdbc.sql("""
				update activities set subject = :subject, body = :body, account_id = :accountId,
				  contact_id = :contactId, opportunity_id = :opportunityId, lead_id = :leadId, owner_id = :ownerId,
				  due_date = :dueDate,
				  status = :status, priority = :priority, completed_at = :completedAt, completed_by = :completedBy,
				  starts_at = :startsAt, ends_at = :endsAt, occurred_at = :occurredAt, sub_type = :subType,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and version = :version and deleted_at is null
				""")
			.params(columns(details))
			.param("completedAt", utc(completedAt))
			.param("completedBy", completedBy)
			.param("occurredAt", utc(occurredAt(details, before.createdAt(), completedAt))), viewer.id(), now);
		if (!before.details().attendees().equals(details.attendees())) {
			this.jdbc.sql("delete from activity_attendees where activity_id = :id").param("id", id).update();
			insertAttendees(id, details.attendees());
		}
		Activity after = load(id).orElseThrow();
		List<FieldChange> changes = diff(before.details(), details);
		if (!changes.isEmpty()) {
			this.events.publishEvent(
					new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, viewer.id(), now, changes, importId));
		}
		if (completing && importId == null) {
			touch(after, viewer.id(), now);
		}
		return withAttendeeNames(after);
	}

	/**
	 * Marks a task done (nothing changes if it already is), and touches the records it is
	 * linked to.
	 */
	@Transactional
	public Activity complete(Viewer viewer, UUID id) {
		return setStatus(viewer, id, TaskStatus.COMPLETED);
	}

	/**
	 * Marks a completed task as open again (nothing changes if it already is).
	 */
	@Transactional
	public Activity reopen(Viewer viewer, UUID id) {
		return setStatus(viewer, id, TaskStatus.OPEN);
	}

	private Activity setStatus(Viewer viewer, UUID id, TaskStatus status) {
		Activity before = get(viewer, id);
		requireEdit(viewer, before);
		if (!before.isTask()) {
			throw new dev.bellwether.platform.InvalidInputException("status", "Only tasks can be completed or "
					+ "reopened; this is a " + before.kind().label().toLowerCase() + ".");
		}
		if (before.status() == status) {
			return before;
		}
		Instant now = this.clock.instant();
		boolean completing = status == TaskStatus.COMPLETED;
		this.jdbc.sql("""
				update activities set status = :status, completed_at = :completedAt, completed_by = :completedBy,
				  occurred_at = :occurredAt, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id
				""")
			.param("status", status.name())
			.param("completedAt", completing ? utc(now) : null)
			.param("completedBy", completing ? viewer.id() : null)
			.param("occurredAt", utc(completing ? now : before.createdAt()))
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("id", id)
			.update();
		Activity after = load(id).orElseThrow();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, viewer.id(), now,
				List.of(new FieldChange("status", before.status().name(), status.name()))));
		if (completing) {
			touch(after, viewer.id(), now);
		}
		return withAttendeeNames(after);
	}

	/**
	 * Deletes the activity (kept, so that {@link #restore} can bring it back).
	 */
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		Activity activity = get(viewer, id);
		requireEdit(viewer, activity);
		this.recycleBin.moveIn(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update activities set deleted_at = :now, deleted_by = :actor, version = version + 1
				where id = :id
				"""));
	}

	@Transactional
	public Activity restore(Viewer viewer, UUID id) {
		Activity activity = load(id).filter(Activity::isDeleted)
			.orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		requireRead(viewer, activity);
		requireEdit(viewer, activity);
		this.recycleBin.restore(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update activities set deleted_at = null, deleted_by = null, updated_at = :now, updated_by = :actor,
				  version = version + 1 where id = :id
				"""));
		return get(viewer, id);
	}

	/**
	 * The predicates every list of activities starts with: not deleted, and not on an
	 * opportunity the viewer may not see.
	 */
	private List<String> visibleTerms(Viewer viewer, Map<String, Object> params) {
		List<String> terms = new ArrayList<>();
		terms.add("x.deleted_at is null");
		SqlFilter deals = this.opportunities.readFilterByOpportunityId(viewer, "x.opportunity_id");
		terms.add(deals.sql());
		params.putAll(deals.parameters());
		SqlFilter leadFilter = this.leads.readFilterByLeadId(viewer, "x.lead_id");
		terms.add(leadFilter.sql());
		params.putAll(leadFilter.parameters());
		return terms;
	}

	private void requireRead(Viewer viewer, Activity activity) {
		if (activity.leadId() != null) {
			try {
				this.leads.requireRead(viewer, activity.leadId());
			}
			catch (RecordNotFoundException ex) {
				throw new RecordNotFoundException(RECORD_TYPE, activity.id());
			}
		}
		else if (activity.opportunityId() != null) {
			try {
				this.opportunities.requireRead(viewer, activity.opportunityId());
			}
			catch (RecordNotFoundException ex) {
				throw new RecordNotFoundException(RECORD_TYPE, activity.id());
			}
		}
		else {
			this.visibility.requireRead(viewer, ACCESS, activity.id(), activity.ownerId());
		}
	}

	private void requireEdit(Viewer viewer, Activity activity) {
		if (!canEdit(viewer, activity)) {
			throw new ForbiddenException("You can't change this " + activity.kind().label().toLowerCase()
					+ ": only its owner, the owner's managers"
					+ (activity.opportunityId() != null ? ", whoever may change its opportunity" : "")
					+ ", sales administrators and administrators can.");
		}
	}

	/**
	 * Checks the activity's own rules and its links to other records, and fills in the
	 * account from the opportunity or contact when none is given.
	 */
	private ActivityDetails validate(Viewer viewer, ActivityDetails entered, String subTypeBefore) {
		Map<String, String> errors = new LinkedHashMap<>();
		ActivityDetails details = withSubType(ActivityRules.normalize(entered), subTypeBefore, errors);
		this.validation.violations(details).forEach(errors::putIfAbsent);
		ActivityRules.violations(details).forEach(errors::putIfAbsent);
		if (details.accountId() != null && !exists(() -> this.accounts.get(viewer, details.accountId()))) {
			errors.putIfAbsent("accountId", "There is no account with id " + details.accountId() + ".");
		}
		UUID contactAccount = null;
		if (details.contactId() != null) {
			Optional<Contact> contact = find(() -> this.contacts.get(viewer, details.contactId()));
			if (contact.isEmpty()) {
				errors.putIfAbsent("contactId", "There is no contact with id " + details.contactId() + ".");
			}
			else {
				contactAccount = contact.get().accountId();
			}
		}
		if (details.leadId() != null && !exists(() -> this.leads.requireRead(viewer, details.leadId()))) {
			errors.putIfAbsent("leadId", "There is no lead with id " + details.leadId() + ".");
		}
		OpportunityLink deal = null;
		if (details.opportunityId() != null) {
			deal = this.links.deal(details.opportunityId())
				.filter(d -> this.opportunities.canRead(viewer, d.ownerId()))
				.orElse(null);
			if (deal == null) {
				errors.putIfAbsent("opportunityId", "There is no opportunity with id " + details.opportunityId() + ".");
			}
		}
		if (details.ownerId() != null) {
			Optional<User> owner = this.users.find(details.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + details.ownerId() + ".");
			}
			else if (!owner.get().active()) {
				errors.putIfAbsent("ownerId",
						owner.get().fullName() + " is deactivated and can't be given activities.");
			}
			else if (deal != null && !this.opportunities.canRead(asViewer(owner.get()), deal.ownerId())) {
				errors.putIfAbsent("ownerId", owner.get().fullName() + " can't see the opportunity " + deal.name()
						+ ", so can't be given an activity on it.");
			}
		}
		for (int i = 0; i < details.attendees().size(); i++) {
			Attendee attendee = details.attendees().get(i);
			if (attendee.contactId() != null && !exists(() -> this.contacts.get(viewer, attendee.contactId()))) {
				errors.putIfAbsent("attendees[" + i + "]", "There is no contact with id " + attendee.contactId() + ".");
			}
			if (attendee.userId() != null && this.users.find(attendee.userId()).isEmpty()) {
				errors.putIfAbsent("attendees[" + i + "]", "There is no user with id " + attendee.userId() + ".");
			}
		}
		InputValidation.throwIfAny(errors);
		UUID account = details.accountId() != null ? details.accountId()
				: deal != null ? deal.accountId() : contactAccount;
		return details.linkedTo(account, details.contactId(), details.opportunityId());
	}

	/**
	 * The sub-type as the kind's pick list spells it (matched case-insensitively); one
	 * retired or gone from the list is kept while the activity keeps it.
	 */
	private ActivityDetails withSubType(ActivityDetails details, String before, Map<String, String> errors) {
		if (details.kind() == null || !StringUtils.hasText(details.subType())) {
			return details.withSubType(null);
		}
		String list = details.kind().subTypeList();
		if (list == null) {
			errors.put("subType", "A " + details.kind().label().toLowerCase(Locale.ROOT) + " has no type.");
			return details;
		}
		try {
			return details.withSubType(this.pickLists.resolve(list, "subType", details.subType(), before));
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
			return details;
		}
	}

	private static Viewer asViewer(User user) {
		return new Viewer(user.id(), user.username(), user.fullName(), user.role());
	}

	private static boolean exists(Runnable lookup) {
		try {
			lookup.run();
			return true;
		}
		catch (RecordNotFoundException ex) {
			return false;
		}
	}

	private static <T> Optional<T> find(java.util.function.Supplier<T> lookup) {
		try {
			return Optional.of(lookup.get());
		}
		catch (RecordNotFoundException ex) {
			return Optional.empty();
		}
	}

	private void touch(Activity activity, UUID actorId, Instant now) {
		if (activity.accountId() != null) {
			this.events.publishEvent(new RecordTouched(Accounts.RECORD_TYPE, activity.accountId(), actorId, now));
		}
		if (activity.contactId() != null) {
			this.events.publishEvent(new RecordTouched(Contacts.RECORD_TYPE, activity.contactId(), actorId, now));
		}
		if (activity.opportunityId() != null) {
			this.events
				.publishEvent(new RecordTouched(OpportunityAccess.RECORD_TYPE, activity.opportunityId(), actorId, now));
		}
		if (activity.leadId() != null) {
			this.events.publishEvent(new RecordTouched(LeadAccess.RECORD_TYPE, activity.leadId(), actorId, now));
		}
	}

	static Instant occurredAt(ActivityDetails details, Instant createdAt, Instant completedAt) {
		return switch (details.kind()) {
			case CALL, MEETING -> details.startsAt();
			case TASK -> completedAt != null ? completedAt : createdAt;
			case NOTE -> createdAt;
		};
	}

	private void insertAttendees(UUID activityId, List<Attendee> attendees) {
		for (int i = 0; i < attendees.size(); i++) {
			Attendee attendee = attendees.get(i);
			this.jdbc.sql("""
					insert into activity_attendees (activity_id, position, contact_id, user_id, email)
					values (:id, :position, :contactId, :userId, :email)
					""")
				.param("id", activityId)
				.param("position", i)
				.param("contactId", attendee.contactId())
				.param("userId", attendee.userId())
				.param("email", attendee.email())
				.update();
		}
	}

	Optional<Activity> load(UUID id) {
		return this.jdbc.sql(SELECT + " where x.id = :id")
			.param("id", id)
			.query(Activities::map)
			.optional()
			.map(a -> withAttendees(a, attendeesOf(List.of(a.id())).getOrDefault(a.id(), List.of())));
	}

	private Map<UUID, List<Attendee>> attendeesOf(Collection<UUID> activityIds) {
		if (activityIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<Attendee>> attendees = new HashMap<>();
		this.jdbc.sql("""
				select activity_id, contact_id, user_id, email from activity_attendees
				where activity_id in (:ids) order by activity_id, position
				""")
			.param("ids", List.copyOf(activityIds))
			.query((rs, n) -> attendees.computeIfAbsent(rs.getObject("activity_id", UUID.class), k -> new ArrayList<>())
				.add(new Attendee(rs.getObject("contact_id", UUID.class), rs.getObject("user_id", UUID.class),
						rs.getString("email"), null)))
			.list();
		return attendees;
	}

	private Page<Activity> withAttendees(Page<Activity> page) {
		Set<UUID> meetings = page.getContent()
			.stream()
			.filter(a -> a.kind() == ActivityKind.MEETING)
			.map(Activity::id)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<UUID, List<Attendee>> attendees = attendeesOf(meetings);
		List<Attendee> everyone = attendees.values().stream().flatMap(List::stream).toList();
		Map<UUID, String> contactNames = this.links.contactNames(everyone.stream().map(Attendee::contactId).toList());
		Map<UUID, String> userNames = this.users
			.namesOf(everyone.stream().map(Attendee::userId).filter(java.util.Objects::nonNull).toList());
		return page
			.map(a -> withAttendees(a, named(attendees.getOrDefault(a.id(), List.of()), contactNames, userNames)));
	}

	private Activity withAttendeeNames(Activity activity) {
		if (activity.attendees().isEmpty()) {
			return activity;
		}
		Map<UUID, String> contactNames = this.links
			.contactNames(activity.attendees().stream().map(Attendee::contactId).toList());
		Map<UUID, String> userNames = this.users
			.namesOf(activity.attendees().stream().map(Attendee::userId).filter(java.util.Objects::nonNull).toList());
		return withAttendees(activity, named(activity.attendees(), contactNames, userNames));
	}

	private static List<Attendee> named(List<Attendee> attendees, Map<UUID, String> contactNames,
			Map<UUID, String> userNames) {
		return attendees.stream()
			.map(a -> new Attendee(a.contactId(), a.userId(), a.email(),
					a.contactId() != null ? contactNames.get(a.contactId())
							: a.userId() != null ? userNames.get(a.userId()) : a.email()))
			.toList();
	}

	private static Activity withAttendees(Activity a, List<Attendee> attendees) {
		return new Activity(a.id(), a.kind(), a.subject(), a.body(), a.accountId(), a.contactId(), a.opportunityId(),
				a.ownerId(), a.dueDate(), a.status(), a.priority(), a.completedAt(), a.completedBy(), a.startsAt(),
				a.endsAt(), a.occurredAt(), attendees, a.deletedAt(), a.createdAt(), a.createdBy(), a.updatedAt(),
				a.updatedBy(), a.version(), a.subType(), a.leadId());
	}

	private static Map<String, Object> columns(ActivityDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("kind", details.kind().name());
		columns.put("subject", details.subject());
		columns.put("body", details.body());
		columns.put("accountId", details.accountId());
		columns.put("contactId", details.contactId());
		columns.put("opportunityId", details.opportunityId());
		columns.put("leadId", details.leadId());
		columns.put("ownerId", details.ownerId());
		columns.put("dueDate", details.dueDate());
		columns.put("status", details.status() == null ? null : details.status().name());
		columns.put("priority", details.priority() == null ? null : details.priority().name());
		columns.put("startsAt", utc(details.startsAt()));
		columns.put("endsAt", utc(details.endsAt()));
		columns.put("subType", details.subType());
		return columns;
	}

	private static ActivityDetails empty(ActivityKind kind) {
		return new ActivityDetails(kind, null, null, null, null, null, null, null, null, null, null, null, List.of());
	}

	static List<FieldChange> diff(ActivityDetails before, ActivityDetails after) {
		return new FieldChange.Diff().compare("kind", before.kind(), after.kind())
			.compare("subject", before.subject(), after.subject())
			.compare("body", before.body(), after.body())
			.compare("accountId", before.accountId(), after.accountId())
			.compare("contactId", before.contactId(), after.contactId())
			.compare("opportunityId", before.opportunityId(), after.opportunityId())
			.compare("leadId", before.leadId(), after.leadId())
			.compare("ownerId", before.ownerId(), after.ownerId())
			.compare("dueDate", before.dueDate(), after.dueDate())
			.compare("status", before.status(), after.status())
			.compare("priority", before.priority(), after.priority())
			.compare("startsAt", before.startsAt(), after.startsAt())
			.compare("endsAt", before.endsAt(), after.endsAt())
			.compare("attendees", attendeesText(before.attendees()), attendeesText(after.attendees()))
			.compare("subType", before.subType(), after.subType())
			.changes();
	}

	private static String attendeesText(List<Attendee> attendees) {
		return attendees.stream().map(Attendee::toString).collect(Collectors.joining(", "));
	}

	static Activity map(ResultSet rs, int row) throws SQLException {
		String status = rs.getString("status");
		String priority = rs.getString("priority");
		return new Activity(rs.getObject("id", UUID.class), ActivityKind.valueOf(rs.getString("kind")),
				rs.getString("subject"), rs.getString("body"), rs.getObject("account_id", UUID.class),
				rs.getObject("contact_id", UUID.class), rs.getObject("opportunity_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getObject("due_date", LocalDate.class),
				status == null ? null : TaskStatus.valueOf(status),
				priority == null ? null : TaskPriority.valueOf(priority), instant(rs, "completed_at"),
				rs.getObject("completed_by", UUID.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
				instant(rs, "occurred_at"), List.of(), instant(rs, "deleted_at"), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), rs.getLong("version"), rs.getString("sub_type"),
				rs.getObject("lead_id", UUID.class));
	}

}
