package dev.bellwether.marketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.RecycleBin;
import dev.bellwether.platform.SortKey;
import dev.bellwether.platform.VersionedUpdate;
import dev.bellwether.platform.edit.VersionedRecords;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.web.PageRequests;

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
 * Leads: every read goes through {@link #ACCESS} and {@link RecordVisibility} (lists,
 * record pages, search, exports and the API alike); every change is checked, versioned
 * and published as a {@link RecordChanged}, which gives the field history.
 */
@Service
@Transactional(readOnly = true)
public class Leads implements VersionedRecords<Viewer, Lead, LeadDetails> {

	public static final String RECORD_TYPE = "lead";

	/** The pick list of lead sources, shared with deals. */
	public static final String SOURCES = "lead-source";

	/** The pick list of reasons to disqualify a lead. */
	public static final String DISQUALIFY_REASONS = "lead-disqualify-reason";

	/**
	 * Deals' rules: the owner and the managers above them; marketing, sales
	 * administrators, executives and administrators read every lead; marketing, sales
	 * administrators and administrators change every lead.
	 */
	public static final AccessPolicy ACCESS = AccessPolicy.ownerChainRecord(RECORD_TYPE,
			Set.of(Role.MARKETING, Role.SALES_ADMIN, Role.EXECUTIVE, Role.ADMIN),
			Set.of(Role.MARKETING, Role.SALES_ADMIN, Role.ADMIN));

	private static final String NAME = "lower(l.last_name), lower(coalesce(l.first_name, ''))";

	private static final Map<String, String> SORTABLE = Map.of("name", NAME, "company", "lower(l.company)", "email",
			"lower(l.email)", "status", "l.status", "source", "l.source", "country", "l.country", "createdAt",
			"l.created_at", "updatedAt", "l.updated_at", "lastTouchedAt", "l.last_touched_at");

	/** The sort expressions that are never null (keyset paging compares rows on them). */
	private static final Set<String> NOT_NULL = Set.of("l.id", "lower(l.last_name)",
			"lower(coalesce(l.first_name, ''))", "l.status", "l.created_at", "l.updated_at", "l.last_touched_at");

	private static final PagedQuery LIST = new PagedQuery("select l.* from leads l", "from leads l");

	private static final String INSERT = """
			insert into leads (id, first_name, last_name, company, title, email, phone, country, source, status,
			  disqualify_reason, owner_id, description, created_at, created_by, updated_at, updated_by,
			  last_touched_at, last_touched_by, version)
			values (:id, :firstName, :lastName, :company, :title, :email, :phone, :country, :source, :status,
			  :disqualifyReason, :ownerId, :description, :now, :actor, :now, :actor, :now, :actor, 0)
			""";

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final RecordOwners owners;

	private final UserDirectory users;

	private final InputValidation validation;

	private final PickLists pickLists;

	private final RecycleBin recycleBin;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	// Assignment rules (issue 16)
	private final LeadAssignmentRules assignmentRules;

	private final LeadAssignmentLog assignmentLog;

	Leads(JdbcClient jdbc, RecordVisibility visibility, RecordOwners owners, UserDirectory users,
			InputValidation validation, PickLists pickLists, RecycleBin recycleBin, ApplicationEventPublisher events,
			Clock clock, LeadAssignmentRules assignmentRules, LeadAssignmentLog assignmentLog) {
		this.assignmentRules = assignmentRules;
		this.assignmentLog = assignmentLog;
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.owners = owners;
		this.users = users;
		this.validation = validation;
		this.pickLists = pickLists;
		this.recycleBin = recycleBin;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the lead, if it exists, is not in the recycle bin and the viewer may read
	 * it
	 * @throws RecordNotFoundException otherwise (not told apart)
	 */
	@Override
	public Lead get(Viewer viewer, UUID id) {
		Lead lead = load(id).filter(l -> !l.isDeleted())
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		this.visibility.requireRead(viewer, ACCESS, id, lead.ownerId());
		return lead;
	}

	public boolean canEdit(Viewer viewer, Lead lead) {
		return this.visibility.canEdit(viewer, ACCESS, lead.ownerId());
	}

	/**
	 * The leads the viewer may see that match the filter, a page by number or after a
	 * cursor (keyset).
	 * @throws InvalidInputException for an unknown status or sort
	 */
	public Page<Lead> list(Viewer viewer, LeadFilter filter, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<SortKey> keys = PageRequests.sortKeys(pageable.getSort(), SORTABLE, NOT_NULL, RECORD_TYPE, "l.created_at",
				"l.id");
		return LIST.fetch(this.jdbc, where(viewer, filter, params, false), params, keys, pageable, Leads::map);
	}

	/**
	 * Leads in the recycle bin that the viewer may read, most recently deleted first.
	 */
	public Page<Lead> deleted(Viewer viewer, Pageable pageable) {
		Map<String, Object> params = new LinkedHashMap<>();
		return LIST.fetch(this.jdbc, where(viewer, LeadFilter.all(), params, true), params, "l.deleted_at desc, l.id",
				pageable, Leads::map);
	}

	/**
	 * @return the leads among these ids that the viewer may see (not in the recycle bin),
	 * with their full names
	 */
	public Map<UUID, String> namesOf(Viewer viewer, Collection<UUID> ids) {
		Map<UUID, String> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, LeadFilter.all(), params, false);
		this.jdbc.sql("select l.* from leads l where l.id in (:ids) and " + where)
			.params(params)
			.param("ids", List.copyOf(ids))
			.query(Leads::map)
			.list()
			.forEach(lead -> names.put(lead.id(), lead.fullName()));
		return names;
	}

	/**
	 * The leads the viewer may see (not in the recycle bin) with these e-mail addresses,
	 * by address.
	 * @param keys addresses as {@link dev.bellwether.customers.CustomerLookups#key} makes
	 * them (trimmed, lower case)
	 */
	Map<String, List<UUID>> idsByEmail(Viewer viewer, Collection<String> keys) {
		Map<String, List<UUID>> found = new LinkedHashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, LeadFilter.all(), params, false);
		this.jdbc
			.sql("select l.id, lower(trim(l.email)) as email from leads l"
					+ " where lower(trim(l.email)) in (:emails) and " + where + " order by l.created_at, l.id")
			.params(params)
			.param("emails", List.copyOf(keys))
			.query((rs, row) -> Map.entry(rs.getString("email"), rs.getObject("id", UUID.class)))
			.list()
			.forEach(e -> found.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		return found;
	}

	/**
	 * Leads whose name, company or e-mail address contains the text, by name, for a
	 * search box.
	 */
	public List<Lead> search(Viewer viewer, String text, int limit) {
		if (!StringUtils.hasText(text)) {
			return List.of();
		}
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(viewer, new LeadFilter(text, null, null, null, null), params, false);
		return this.jdbc.sql("select l.* from leads l where " + where + " order by " + NAME + ", l.id limit :limit")
			.params(params)
			.param("limit", limit)
			.query(Leads::map)
			.list();
	}

	private String where(Viewer viewer, LeadFilter filter, Map<String, Object> params, boolean deleted) {
		SqlFilter visible = this.visibility.readFilter(viewer, ACCESS, "l.owner_id");
		return new ListConditions(params).inRecycleBin("l", deleted)
			.add(visible.sql(), visible.parameters())
			.containing(filter.query(),
					"(lower(coalesce(l.first_name, '') || ' ' || l.last_name) like :q or lower(l.company) like :q "
							+ "or lower(l.email) like :q)")
			.when(statuses(filter.status()), "l.status in (:statuses)", "statuses")
			.when(listValue(SOURCES, filter.source()), "l.source = :source", "source")
			.when(listValue("country", filter.country()), "l.country = :country", "country")
			.when(filter.ownerId(), "l.owner_id = :ownerId", "ownerId")
			.sql();
	}

	/**
	 * @return the statuses a status filter stands for, or {@code null} for none
	 */
	static List<String> statuses(String status) {
		if (!StringUtils.hasText(status)) {
			return null;
		}
		if (status.trim().equalsIgnoreCase(LeadFilter.OPEN)) {
			return List.of(LeadStatus.NEW.name(), LeadStatus.WORKING.name());
		}
		return List.of(status(status, "status").name());
	}

	/**
	 * @return what records store for the value a filter names (a label, a key, a former
	 * label), or the text itself when it names none
	 */
	private String listValue(String list, String input) {
		if (!StringUtils.hasText(input)) {
			return null;
		}
		Optional<PickListValue> value = this.pickLists.find(list, input);
		return value.map(v -> this.pickLists.get(list).stored(v)).orElse(input.trim());
	}

	private static LeadStatus status(String text, String field) {
		try {
			return LeadStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "'" + text.trim() + "' is no lead status; use one of "
					+ Arrays.stream(LeadStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
		}
	}

	/**
	 * Creates the lead. Without an owner, the assignment rules choose one
	 * ({@link LeadAssignmentRules}); when none matches, the creator owns it if they may
	 * own leads.
	 * @throws InvalidInputException naming each field that is wrong, or {@code ownerId}
	 * when no rule matched and the creator may not own leads
	 */
	@Transactional
	public Lead create(Viewer viewer, LeadDetails input) {
		// Assignment rules (issue 16): no owner given, the rules choose one
		RuleAssignment byRule = null;
		if (input.ownerId() == null) {
			byRule = this.assignmentRules.choose(input).orElse(null);
			input = withOwner(input, (byRule != null) ? byRule.ownerId() : creatorAsOwner(viewer));
		}
		LeadDetails details = validate(input, null);
		if (byRule == null) {
			this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), null);
		}
		return insert(details, byRule, viewer.id());
	}

	/**
	 * Creates a lead that a visitor sent through a public web form (see
	 * {@link WebLeadIntake}), checked like any other. The assignment rules choose its
	 * owner; when none matches, the form's owner (given in the details) keeps it. No
	 * person created it, so its creator and the actor of its first history entry stay
	 * empty (and adoption counts no one's use); the form, the consent and where it came
	 * from are kept beside it in {@code web_lead_submissions}. The caller has checked
	 * that the form's owner may own leads.
	 */
	@Transactional
	Lead createFromWebForm(LeadDetails input) {
		// Assignment rules (issue 16): the rules first, the form's owner otherwise
		RuleAssignment byRule = this.assignmentRules.choose(input).orElse(null);
		LeadDetails details = validate((byRule != null) ? withOwner(input, byRule.ownerId()) : input, null);
		return insert(details, byRule, null);
	}

	private Lead insert(LeadDetails details, RuleAssignment byRule, UUID actor) {
		UUID id = Ids.newId();
		Instant now = this.clock.instant();
		this.jdbc.sql(INSERT)
			.params(columns(details))
			.param("id", id)
			.param("now", utc(now))
			.param("actor", actor)
			.update();
		recordStatus(id, null, details.status(), actor, now);
		this.events.publishEvent(
				new RecordChanged(RECORD_TYPE, id, ChangeKind.CREATED, actor, now, diff(LeadDetails.empty(), details)));
		Lead created = load(id).orElseThrow();
		// Assignment rules (issue 16): the assignment log
		this.assignmentLog.record(id, created.fullName(), byRule, null, details.ownerId(), actor, now);
		return created;
	}

	// Assignment rules (issue 16)
	private UUID creatorAsOwner(Viewer viewer) {
		return this.users.find(viewer.id())
			.filter(RecordOwners::isOwner)
			.map(User::id)
			.orElseThrow(() -> new InvalidInputException("ownerId",
					"No assignment rule matched this lead; choose an owner."));
	}

	// Assignment rules (issue 16)
	private static LeadDetails withOwner(LeadDetails details, UUID ownerId) {
		return new LeadDetails(details.firstName(), details.lastName(), details.company(), details.title(),
				details.email(), details.phone(), details.country(), details.source(), details.status(),
				details.disqualifyReason(), ownerId, details.description());
	}

	/**
	 * Assignment rules (issue 16): gives the lead to the owner a rule chose ("reassign by
	 * rules", see {@link LeadAssignment#reassign}); the rule decides, so the viewer needs
	 * only the right to change the lead, not to give it to that person.
	 */
	@Transactional
	Lead assignByRule(Viewer viewer, Lead before, RuleAssignment rule) {
		this.visibility.requireEdit(viewer, ACCESS, before.ownerId());
		if (rule.ownerId().equals(before.ownerId())) {
			return before;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update leads set owner_id = :ownerId, updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id and deleted_at is null
				""")
			.param("ownerId", rule.ownerId())
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("id", before.id())
			.update();
		this.events.publishEvent(new RecordChanged(RECORD_TYPE, before.id(), ChangeKind.UPDATED, viewer.id(), now,
				List.of(new FieldChange("ownerId", before.ownerId().toString(), rule.ownerId().toString()))));
		this.assignmentLog.record(before.id(), before.fullName(), rule, before.ownerId(), rule.ownerId(), viewer.id(),
				now);
		return load(before.id()).orElseThrow();
	}

	/**
	 * Saves the lead's details, based on the version the editor read.
	 * @throws dev.bellwether.platform.StaleRecordException when the lead changed since
	 * @throws InvalidInputException naming each field that is wrong, a status move that
	 * is not allowed, or a disqualification without a reason
	 */
	@Override
	@Transactional
	public Lead update(Viewer viewer, UUID id, long expectedVersion, LeadDetails input) {
		Lead before = get(viewer, id);
		this.visibility.requireEdit(viewer, ACCESS, before.ownerId());
		LeadDetails details = validate(input, before);
		this.owners.requireAssignable(viewer, ACCESS, details.ownerId(), before.ownerId());
		VersionedUpdate save = new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version());
		Instant now = this.clock.instant();
		save.run(this.jdbc.sql("""
				update leads set first_name = :firstName, last_name = :lastName, company = :company, title = :title,
				  email = :email, phone = :phone, country = :country, source = :source, status = :status,
				  disqualify_reason = :disqualifyReason, owner_id = :ownerId, description = :description,
				  updated_at = :now, updated_by = :actor,
				  last_touched_at = case when :touches then :now else last_touched_at end,
				  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1
				where id = :id and version = :version and deleted_at is null
				""").params(columns(details)).param("touches", this.users.touchesRecords(viewer.id())), viewer.id(),
				now);
		recordStatus(id, before.status(), details.status(), viewer.id(), now);
		// Assignment rules (issue 16): an owner changed by hand goes to the assignment
		// log
		if (!before.ownerId().equals(details.ownerId())) {
			this.assignmentLog.record(id, before.fullName(), null, before.ownerId(), details.ownerId(), viewer.id(),
					now);
		}
		List<FieldChange> changes = diff(before.details(), details);
		if (!changes.isEmpty()) {
			this.events.publishEvent(new RecordChanged(RECORD_TYPE, id, ChangeKind.UPDATED, viewer.id(), now, changes));
		}
		return load(id).orElseThrow();
	}

	/**
	 * Moves the lead to another status (start working it, qualify, disqualify with a
	 * reason, reopen), its other details as they are.
	 * @param reason the disqualify reason; ignored for any other status
	 */
	@Transactional
	public Lead changeStatus(Viewer viewer, UUID id, long expectedVersion, LeadStatus status, String reason) {
		Lead lead = get(viewer, id);
		if (status == null) {
			throw new InvalidInputException("status", "Choose the status to move the lead to.");
		}
		return update(viewer, id, expectedVersion, lead.details().withStatus(status, reason));
	}

	/**
	 * Records that the lead became an account, a contact and (perhaps) a deal: qualified,
	 * with the ids of what it became (see {@link LeadConversions}).
	 * @throws dev.bellwether.platform.StaleRecordException when the lead changed since
	 */
	@Transactional
	Lead markConverted(Viewer viewer, Lead before, long expectedVersion, UUID accountId, UUID contactId,
			UUID opportunityId) {
		Instant now = this.clock.instant();
		new VersionedUpdate(RECORD_TYPE, before.id(), expectedVersion).requireAt(before.version())
			.run(this.jdbc.sql("""
					update leads set status = 'QUALIFIED', disqualify_reason = null, converted_at = :now,
					  converted_account_id = :accountId, converted_contact_id = :contactId,
					  converted_opportunity_id = :opportunityId, updated_at = :now, updated_by = :actor,
					  last_touched_at = case when :touches then :now else last_touched_at end,
					  last_touched_by = case when :touches then :actor else last_touched_by end, version = version + 1
					where id = :id and version = :version and deleted_at is null and converted_at is null
					""")
				.param("accountId", accountId)
				.param("contactId", contactId)
				.param("opportunityId", opportunityId)
				.param("touches", this.users.touchesRecords(viewer.id())), viewer.id(), now);
		recordStatus(before.id(), before.status(), LeadStatus.QUALIFIED, viewer.id(), now);
		List<FieldChange> changes = new java.util.ArrayList<>(
				diff(before.details(), before.details().withStatus(LeadStatus.QUALIFIED, null)));
		changes.add(new FieldChange("convertedAccountId", null, accountId.toString()));
		changes.add(new FieldChange("convertedContactId", null, contactId.toString()));
		if (opportunityId != null) {
			changes.add(new FieldChange("convertedOpportunityId", null, opportunityId.toString()));
		}
		this.events
			.publishEvent(new RecordChanged(RECORD_TYPE, before.id(), ChangeKind.UPDATED, viewer.id(), now, changes));
		return load(before.id()).orElseThrow();
	}

	/**
	 * Moves the lead to the recycle bin.
	 */
	@Override
	@Transactional
	public void delete(Viewer viewer, UUID id) {
		Lead lead = get(viewer, id);
		this.visibility.requireEdit(viewer, ACCESS, lead.ownerId());
		this.recycleBin.moveIn(RECORD_TYPE, id, viewer.id(), this.jdbc
			.sql("update leads set deleted_at = :now, deleted_by = :actor, version = version + 1 where id = :id"));
	}

	/**
	 * Brings the lead back from the recycle bin (touched by whoever restores it).
	 */
	@Override
	@Transactional
	public Lead restore(Viewer viewer, UUID id) {
		Lead lead = load(id).filter(Lead::isDeleted).orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		this.visibility.requireRead(viewer, ACCESS, id, lead.ownerId());
		this.visibility.requireEdit(viewer, ACCESS, lead.ownerId());
		this.recycleBin.restore(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("""
				update leads set deleted_at = null, deleted_by = null, updated_at = :now, updated_by = :actor,
				  last_touched_at = :now, last_touched_by = :actor, version = version + 1 where id = :id
				"""));
		return load(id).orElseThrow();
	}

	/**
	 * Deletes a lead from the recycle bin for good (administrators only).
	 */
	@Transactional
	public void purge(Viewer viewer, UUID id) {
		RecycleBin.requirePurgeRight(viewer.isAdmin());
		load(id).filter(Lead::isDeleted).orElseThrow(() -> RecycleBin.notInBin(RECORD_TYPE, id));
		this.recycleBin.purge(RECORD_TYPE, id, viewer.id(), this.jdbc.sql("delete from leads where id = :id"));
	}

	/**
	 * Keeps the lead's way through its statuses (for speed to lead and the funnel): a row
	 * for each status it enters, and the first time it was accepted — left NEW for
	 * WORKING or QUALIFIED.
	 * @param from the status before, {@code null} when the lead is created
	 */
	private void recordStatus(UUID id, LeadStatus from, LeadStatus to, UUID actor, Instant now) {
		if (from == to) {
			return;
		}
		this.jdbc.sql("""
				insert into lead_status_changes (id, lead_id, from_status, to_status, changed_at, changed_by)
				values (:changeId, :id, :from, :to, :now, :actor)
				""")
			.param("changeId", Ids.newId())
			.param("id", id)
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("now", utc(now))
			.param("actor", actor)
			.update();
		if (to == LeadStatus.WORKING || to == LeadStatus.QUALIFIED) {
			this.jdbc
				.sql("update leads set accepted_at = :now, accepted_by = :actor where id = :id and accepted_at is null")
				.param("id", id)
				.param("now", utc(now))
				.param("actor", actor)
				.update();
		}
	}

	Optional<Lead> load(UUID id) {
		return this.jdbc.sql("select l.* from leads l where l.id = :id").param("id", id).query(Leads::map).optional();
	}

	/**
	 * @param before the lead as it is, {@code null} for a new one
	 * @return the details as stored: pick list values as the lists store them, the status
	 * (new unless given), a reason only for a disqualified lead
	 * @throws InvalidInputException naming every problem at once
	 */
	private LeadDetails validate(LeadDetails input, Lead before) {
		Map<String, String> errors = new LinkedHashMap<>(this.validation.violations(input));
		LeadDetails current = (before == null) ? LeadDetails.empty() : before.details();
		String country = pick("country", "country", input.country(), current.country(), errors);
		String source = pick(SOURCES, "source", input.source(), current.source(), errors);
		LeadStatus status = (input.status() != null) ? input.status()
				: (before == null ? LeadStatus.NEW : before.status());
		String reason = null;
		if (status == LeadStatus.DISQUALIFIED) {
			reason = pick(DISQUALIFY_REASONS, "disqualifyReason", input.disqualifyReason(), current.disqualifyReason(),
					errors);
			if (reason == null) {
				errors.putIfAbsent("disqualifyReason", "Choose why the lead is disqualified.");
			}
		}
		if (before != null && before.status() != status) {
			if (before.isConverted()) {
				errors.putIfAbsent("status", "This lead has been converted; its status stays "
						+ before.status().label().toLowerCase(Locale.ROOT) + ".");
			}
			else if (!before.status().mayMoveTo(status)) {
				errors.putIfAbsent("status",
						"A " + before.status().label().toLowerCase(Locale.ROOT) + " lead can move to "
								+ before.status()
									.next()
									.stream()
									.sorted()
									.map(next -> next.label().toLowerCase(Locale.ROOT))
									.collect(Collectors.joining(" or "))
								+ " only, not to " + status.label().toLowerCase(Locale.ROOT) + ".");
			}
		}
		if (input.ownerId() != null) {
			Optional<User> owner = this.users.find(input.ownerId());
			if (owner.isEmpty()) {
				errors.putIfAbsent("ownerId", "There is no user with id " + input.ownerId() + ".");
			}
			else if (!owner.get().active() && !input.ownerId().equals(current.ownerId())) {
				errors.putIfAbsent("ownerId", owner.get().fullName() + " is deactivated and can't own leads.");
			}
		}
		InputValidation.throwIfAny(errors);
		return new LeadDetails(input.firstName(), input.lastName(), input.company(), input.title(), input.email(),
				input.phone(), country, source, status, reason, input.ownerId(), input.description());
	}

	private String pick(String list, String field, String input, String current, Map<String, String> errors) {
		try {
			return this.pickLists.resolve(list, field, input, current);
		}
		catch (InvalidInputException ex) {
			ex.fieldErrors().forEach(errors::putIfAbsent);
			return null;
		}
	}

	static Map<String, Object> columns(LeadDetails details) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("firstName", blankToNull(trim(details.firstName())));
		columns.put("lastName", details.lastName().trim());
		columns.put("company", blankToNull(trim(details.company())));
		columns.put("title", blankToNull(trim(details.title())));
		columns.put("email", blankToNull(trim(details.email())));
		columns.put("phone", blankToNull(trim(details.phone())));
		columns.put("country", blankToNull(details.country()));
		columns.put("source", blankToNull(details.source()));
		columns.put("status", details.status().name());
		columns.put("disqualifyReason", blankToNull(details.disqualifyReason()));
		columns.put("ownerId", details.ownerId());
		columns.put("description", blankToNull(details.description()));
		return columns;
	}

	static List<FieldChange> diff(LeadDetails before, LeadDetails after) {
		return new FieldChange.Diff()
			.compare("firstName", blankToNull(trim(before.firstName())), blankToNull(trim(after.firstName())))
			.compare("lastName", trim(before.lastName()), trim(after.lastName()))
			.compare("company", blankToNull(trim(before.company())), blankToNull(trim(after.company())))
			.compare("title", blankToNull(trim(before.title())), blankToNull(trim(after.title())))
			.compare("email", blankToNull(trim(before.email())), blankToNull(trim(after.email())))
			.compare("phone", blankToNull(trim(before.phone())), blankToNull(trim(after.phone())))
			.compare("country", before.country(), after.country())
			.compare("source", before.source(), after.source())
			.compare("status", before.status(), after.status())
			.compare("disqualifyReason", before.disqualifyReason(), after.disqualifyReason())
			.compare("ownerId", before.ownerId(), after.ownerId())
			.compare("description", blankToNull(trim(before.description())), blankToNull(trim(after.description())))
			.changes();
	}

	static Lead map(ResultSet rs, int row) throws SQLException {
		return new Lead(rs.getObject("id", UUID.class), rs.getString("first_name"), rs.getString("last_name"),
				rs.getString("company"), rs.getString("title"), rs.getString("email"), rs.getString("phone"),
				rs.getString("country"), rs.getString("source"), LeadStatus.valueOf(rs.getString("status")),
				rs.getString("disqualify_reason"), rs.getObject("owner_id", UUID.class), rs.getString("description"),
				instant(rs, "converted_at"), rs.getObject("converted_account_id", UUID.class),
				rs.getObject("converted_contact_id", UUID.class), rs.getObject("converted_opportunity_id", UUID.class),
				instant(rs, "deleted_at"), rs.getObject("deleted_by", UUID.class), instant(rs, "created_at"),
				rs.getObject("created_by", UUID.class), instant(rs, "updated_at"),
				rs.getObject("updated_by", UUID.class), instant(rs, "last_touched_at"),
				rs.getObject("last_touched_by", UUID.class), instant(rs, "accepted_at"),
				instant(rs, "first_activity_at"), rs.getLong("version"));
	}

}
