package dev.bellwether.dataquality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.Opportunities;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The steward queue: every issue the last measurement found (and those it found fixed),
 * filtered, assigned to a steward, and "ask the owner", which notifies the record's owner
 * (by e-mail too when mail is configured) and is kept with the issue. Sales
 * administrators and administrators work on every issue, managers on those of their
 * organisation's records; nobody else.
 */
@Service
@Transactional(readOnly = true)
public class StewardQueue {

	/** The notification kind "ask the owner" sends. */
	public static final String NOTIFICATION_KIND = "DATA_QUALITY";

	static final String ISSUE = "data-quality issue";

	private static final Set<Role> ASSIGNABLE = Set.of(Role.SALES_ADMIN, Role.ADMIN, Role.MANAGER);

	private static final String SELECT = """
			select i.* from quality_issues i
			""";

	private final JdbcClient jdbc;

	private final DeskAccess access;

	private final UserDirectory users;

	private final Notifications notifications;

	private final Clock clock;

	StewardQueue(JdbcClient jdbc, DeskAccess access, UserDirectory users, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.users = users;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * @return whether the viewer works on the queue (sales administrators,
	 * administrators, managers)
	 */
	public static boolean worksOnQueue(Viewer viewer) {
		return DeskAccess.worksOnQueue(viewer);
	}

	/**
	 * The issues the viewer works on that match the filter: open ones first, by kind,
	 * then oldest first.
	 * @throws ForbiddenException for a viewer who doesn't work on the queue
	 */
	public Page<QualityIssue> list(Viewer viewer, IssueFilter filter, Pageable pageable) {
		Set<UUID> scope = this.access.queueOwners(viewer);
		Map<String, Object> params = new HashMap<>();
		List<String> where = new ArrayList<>();
		if (scope != null) {
			where.add("i.owner_id in (select unnest(cast(:scope as uuid[])))");
			params.put("scope", QualityScores.ids(scope));
		}
		if (filter.team() != null) {
			if (scope != null && !scope.contains(filter.team())) {
				throw new InvalidInputException("team", "You can only look at teams in your own organisation.");
			}
			Set<UUID> team = new OrgTree(this.users.people()).subtree(filter.team());
			where.add("i.owner_id in (select unnest(cast(:team as uuid[])))");
			params.put("team", QualityScores.ids(team));
		}
		if (filter.kind() != null) {
			where.add("i.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.recordType() != null && !filter.recordType().isBlank()) {
			CompletenessRules.fieldsOf(filter.recordType());
			where.add("i.record_type = :type");
			params.put("type", filter.recordType());
		}
		if (filter.owner() != null) {
			where.add("i.owner_id = :owner");
			params.put("owner", filter.owner());
		}
		if (filter.unassigned()) {
			where.add("i.assignee_id is null");
		}
		else if (filter.assignee() != null) {
			where.add("i.assignee_id = :assignee");
			params.put("assignee", filter.assignee());
		}
		switch (filter.statusOrDefault()) {
			case "open" -> where.add("i.fixed_at is null");
			case "fixed" -> where.add("i.fixed_at is not null");
			case "all" -> {
			}
			default -> throw new InvalidInputException("status", "Choose open, fixed or all.");
		}
		String condition = where.isEmpty() ? "true" : String.join(" and ", where);
		// open issues in the queue's order (an index of open issues answers it); fixed
		// ones the latest first
		String order = switch (filter.statusOrDefault()) {
			case "open" -> "i.rank, i.first_found_at, i.id";
			case "fixed" -> "i.fixed_at desc, i.id";
			default -> "(i.fixed_at is null) desc, i.fixed_at desc nulls last, i.rank, i.first_found_at, i.id";
		};
		long total = this.jdbc.sql("select count(*) from quality_issues i where " + condition)
			.params(params)
			.query(Long.class)
			.single();
		List<QualityIssue> issues = this.jdbc
			.sql(SELECT + " where " + condition + " order by " + order + " limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(StewardQueue::map)
			.list();
		return new PageImpl<>(withNames(issues), pageable, total);
	}

	/**
	 * @throws RecordNotFoundException for an unknown issue or one outside the viewer's
	 * scope
	 */
	public QualityIssue get(Viewer viewer, UUID id) {
		Set<UUID> scope = this.access.queueOwners(viewer);
		QualityIssue issue = this.jdbc.sql(SELECT + " where i.id = :id")
			.param("id", id)
			.query(StewardQueue::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(ISSUE, id));
		if (scope != null && (issue.ownerId() == null || !scope.contains(issue.ownerId()))) {
			throw new RecordNotFoundException(ISSUE, id);
		}
		return withNames(List.of(issue)).get(0);
	}

	/**
	 * The people an issue may be assigned to: active sales administrators, administrators
	 * and managers (for a manager: themselves and the managers below them, or any sales
	 * administrator).
	 */
	public List<User> assignees(Viewer viewer) {
		Set<UUID> scope = this.access.queueOwners(viewer);
		return this.users.activeUsers()
			.stream()
			.filter(user -> ASSIGNABLE.contains(user.role()))
			.filter(user -> scope == null || scope.contains(user.id()) || user.role() != Role.MANAGER)
			.toList();
	}

	/**
	 * Assigns the issue to a steward, or nobody for {@code null}.
	 * @throws InvalidInputException for someone who can't be assigned issues
	 */
	@Transactional
	public QualityIssue assign(Viewer viewer, UUID id, UUID assigneeId) {
		get(viewer, id);
		if (assigneeId != null && assignees(viewer).stream().noneMatch(user -> user.id().equals(assigneeId))) {
			throw new InvalidInputException("assigneeId",
					"Issues are assigned to active sales administrators, administrators and managers"
							+ " (a manager's own organisation).");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update quality_issues set assignee_id = :assignee, assigned_at = :at, assigned_by = :actor,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id
				""")
			.param("assignee", assigneeId)
			.param("at", assigneeId == null ? null : utc(now))
			.param("actor", viewer.id())
			.param("now", utc(now))
			.param("id", id)
			.update();
		return get(viewer, id);
	}

	/**
	 * Asks the record's owner to fix the issue: a notification to them (and an e-mail
	 * when mail is configured), kept with the issue.
	 * @param message a note of the asker's own, optional
	 * @throws InvalidInputException when the issue is fixed already or its owner is
	 * deactivated (give the record a new owner instead)
	 */
	@Transactional
	public OwnerRequest askOwner(Viewer viewer, UUID id, String message) {
		QualityIssue issue = get(viewer, id);
		if (!issue.isOpen()) {
			throw new InvalidInputException("issue", "This issue is fixed already.");
		}
		User owner = issue.ownerId() == null ? null : this.users.find(issue.ownerId()).orElse(null);
		if (owner == null || !owner.active()) {
			throw new InvalidInputException("owner",
					"The record's owner is deactivated: give the record a new owner instead.");
		}
		String note = message == null || message.isBlank() ? null : message.strip();
		if (note != null && note.length() > 1000) {
			throw new InvalidInputException("message", "Keep the message to 1,000 characters.");
		}
		String what = issue.kind() == QualityIssueKind.DUPLICATE ? "possible duplicates " + issue.recordName()
				: issue.recordTypeLabel().toLowerCase() + " " + issue.recordName();
		String body = issue.kind().label() + ": " + issue.kind().definition()
				+ (issue.detail() == null ? "" : " " + issue.detail() + ".")
				+ (note == null ? "" : "\n\n" + viewer.fullName() + ": " + note);
		Notification notification = this.notifications.send(owner.id(), NOTIFICATION_KIND,
				viewer.fullName() + " asks you to fix the " + what, body, issue.fixLink());
		Instant now = this.clock.instant();
		UUID requestId = Ids.newId();
		boolean mailed = this.notifications.mailEnabled();
		this.jdbc
			.sql("""
					insert into quality_requests (id, issue_id, owner_id, asked_at, asked_by, message, notification_id, mailed)
					values (:id, :issue, :owner, :now, :actor, :message, :notification, :mailed)
					""")
			.param("id", requestId)
			.param("issue", id)
			.param("owner", owner.id())
			.param("now", utc(now))
			.param("actor", viewer.id())
			.param("message", note)
			.param("notification", notification.id())
			.param("mailed", mailed)
			.update();
		this.jdbc.sql("""
				update quality_issues set asked_at = :now, asked_by = :actor, asked_count = asked_count + 1,
				  updated_at = :now, updated_by = :actor, version = version + 1
				where id = :id
				""").param("now", utc(now)).param("actor", viewer.id()).param("id", id).update();
		return new OwnerRequest(requestId, id, owner.id(), now, viewer.id(), viewer.fullName(), note, notification.id(),
				mailed);
	}

	/**
	 * Every "ask the owner" about the issue, the latest first.
	 */
	public List<OwnerRequest> requests(Viewer viewer, UUID id) {
		get(viewer, id);
		List<OwnerRequest> requests = this.jdbc.sql("""
				select * from quality_requests where issue_id = :id order by asked_at desc, id desc
				""")
			.param("id", id)
			.query((rs, n) -> new OwnerRequest(rs.getObject("id", UUID.class), rs.getObject("issue_id", UUID.class),
					rs.getObject("owner_id", UUID.class), instant(rs, "asked_at"), rs.getObject("asked_by", UUID.class),
					null, rs.getString("message"), rs.getObject("notification_id", UUID.class),
					rs.getBoolean("mailed")))
			.list();
		Set<UUID> askers = new HashSet<>();
		requests.forEach(request -> askers.add(request.askedBy()));
		Map<UUID, String> names = this.users.namesOf(askers);
		return requests.stream()
			.map(r -> new OwnerRequest(r.id(), r.issueId(), r.ownerId(), r.askedAt(), r.askedBy(),
					names.get(r.askedBy()), r.message(), r.notificationId(), r.mailed()))
			.toList();
	}

	/**
	 * @return the record types the queue holds, as their labels
	 */
	public static Map<String, String> recordTypes() {
		Map<String, String> types = new java.util.LinkedHashMap<>();
		types.put(Accounts.RECORD_TYPE, "Accounts");
		types.put(Contacts.RECORD_TYPE, "Contacts");
		types.put(Opportunities.RECORD_TYPE, "Deals");
		return types;
	}

	private List<QualityIssue> withNames(List<QualityIssue> issues) {
		Set<UUID> people = new HashSet<>();
		issues.forEach(issue -> {
			if (issue.ownerId() != null) {
				people.add(issue.ownerId());
			}
			if (issue.assigneeId() != null) {
				people.add(issue.assigneeId());
			}
		});
		Map<UUID, String> names = this.users.namesOf(people);
		return issues.stream()
			.map(i -> new QualityIssue(i.id(), i.kind(), i.recordType(), i.recordId(), i.recordName(), i.ownerId(),
					i.ownerId() == null ? null : names.get(i.ownerId()), i.detail(), i.score(), i.firstFoundAt(),
					i.lastFoundAt(), i.fixedAt(), i.assigneeId(),
					i.assigneeId() == null ? null : names.get(i.assigneeId()), i.assignedAt(), i.askedAt(), i.askedBy(),
					i.askedCount(), i.version()))
			.toList();
	}

	private static QualityIssue map(ResultSet rs, int row) throws SQLException {
		return new QualityIssue(rs.getObject("id", UUID.class), QualityIssueKind.valueOf(rs.getString("kind")),
				rs.getString("record_type"), rs.getObject("record_id", UUID.class), rs.getString("record_name"),
				rs.getObject("owner_id", UUID.class), null, rs.getString("detail"), rs.getBigDecimal("score"),
				instant(rs, "first_found_at"), instant(rs, "last_found_at"), instant(rs, "fixed_at"),
				rs.getObject("assignee_id", UUID.class), null, instant(rs, "assigned_at"), instant(rs, "asked_at"),
				rs.getObject("asked_by", UUID.class), rs.getInt("asked_count"), rs.getLong("version"));
	}

}
