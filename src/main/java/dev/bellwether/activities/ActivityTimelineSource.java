package dev.bellwether.activities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.timeline.TimelineCursor;
import dev.bellwether.platform.timeline.TimelineEntry;
import dev.bellwether.platform.timeline.TimelineSource;
import dev.bellwether.marketing.LeadAccess;
import dev.bellwether.sales.OpportunityAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Activities on a record's timeline: for an opportunity, the work logged on it; for a
 * contact, the work logged on the contact and the meetings they attended; for an account,
 * the work logged on the account, its contacts and its opportunities. Each query walks
 * one index ({@code activities_*_idx}) from the cursor and stops at the limit, so a page
 * costs the same on a record with ten activities as on one with ten thousand.
 * <p>
 * An account's or contact's timeline may include activities on opportunities the viewer
 * can't see: {@link Timeline} asks
 * {@link #entries(Viewer, String, UUID, TimelineCursor, int)} with the viewer, which
 * leaves those out. Asked without a viewer (as a plain {@link TimelineSource}), it leaves
 * out every activity on an opportunity other than the record itself, so nothing leaks to
 * a caller that did not say who is looking.
 */
@Component
class ActivityTimelineSource implements TimelineSource {

	static final String SOURCE = "activity";

	private static final String COLUMNS = """
			x.id, x.kind, x.subject, x.status, x.due_date, x.owner_id, x.completed_by, x.occurred_at,
			x.starts_at, x.ends_at
			""";

	private final JdbcClient jdbc;

	private final OpportunityAccess opportunities;

	ActivityTimelineSource(JdbcClient jdbc, OpportunityAccess opportunities) {
		this.jdbc = jdbc;
		this.opportunities = opportunities;
	}

	@Override
	public List<TimelineEntry> entries(String recordType, UUID recordId, TimelineCursor before, int limit) {
		return entries(recordType, recordId, before, limit, new SqlFilter("x.opportunity_id is null", Map.of()));
	}

	/**
	 * The record's activities the viewer may see, newest first, older than the cursor.
	 * Each row's deal is checked by primary key
	 * ({@link OpportunityAccess#readFilterByOpportunityId}): a timeline reads a few dozen
	 * rows, while a manager high up the chain may see hundreds of thousands of deals.
	 */
	List<TimelineEntry> entries(Viewer viewer, String recordType, UUID recordId, TimelineCursor before, int limit) {
		return entries(recordType, recordId, before, limit,
				this.opportunities.readFilterByOpportunityId(viewer, "x.opportunity_id"));
	}

	private List<TimelineEntry> entries(String recordType, UUID recordId, TimelineCursor before, int limit,
			SqlFilter deals) {
		Map<String, Object> params = new LinkedHashMap<>(deals.parameters());
		params.put("record", recordId);
		params.put("limit", limit);
		String page = "x.deleted_at is null";
		if (before != null) {
			// the first term lets the index range start at the cursor
			page += " and x.occurred_at <= :beforeAt and (x.occurred_at < :beforeAt or x.id < :beforeId)";
			params.put("beforeAt", utc(before.at()));
			params.put("beforeId", before.id());
		}
		String order = " order by x.occurred_at desc, x.id desc limit :limit";
		String sql;
		switch (recordType) {
			case OpportunityAccess.RECORD_TYPE ->
				sql = "select " + COLUMNS + " from activities x where x.opportunity_id = :record and " + page + order;
			// the lead's own activities (a timeline is asked for a lead the viewer may
			// read)
			case LeadAccess.RECORD_TYPE ->
				sql = "select " + COLUMNS + " from activities x where x.lead_id = :record and " + page + order;
			case Accounts.RECORD_TYPE -> sql = "select " + COLUMNS
					+ " from activities x where x.account_id = :record and " + page + " and " + deals.sql() + order;
			case Contacts.RECORD_TYPE -> sql = "select * from ((select " + COLUMNS
					+ " from activities x where x.contact_id = :record and " + page + " and " + deals.sql() + order
					+ ") union (select " + COLUMNS
					+ " from activity_attendees aa join activities x on x.id = aa.activity_id where aa.contact_id = :record and "
					+ page + " and " + deals.sql() + order + ")) x order by x.occurred_at desc, x.id desc limit :limit";
			default -> {
				return List.of();
			}
		}
		return this.jdbc.sql(sql).params(params).query(ActivityTimelineSource::entry).list();
	}

	private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		ActivityKind kind = ActivityKind.valueOf(rs.getString("kind"));
		String subject = rs.getString("subject");
		boolean completed = TaskStatus.COMPLETED.name().equals(rs.getString("status"));
		UUID actor = completed ? rs.getObject("completed_by", UUID.class) : rs.getObject("owner_id", UUID.class);
		return new TimelineEntry(
				instant(rs, "occurred_at"), id, SOURCE, kind.name(), summary(kind, subject, completed,
						rs.getObject("due_date", LocalDate.class), instant(rs, "starts_at"), instant(rs, "ends_at")),
				List.of(), actor, "/activities/" + id);
	}

	static String summary(ActivityKind kind, String subject, boolean completed, LocalDate dueDate, Instant startsAt,
			Instant endsAt) {
		return switch (kind) {
			case TASK -> completed ? "Task completed: " + subject
					: "Task: " + subject + (dueDate != null ? " (due " + dueDate + ")" : "");
			case CALL -> "Call: " + subject + (startsAt != null && endsAt != null
					? " (" + Duration.between(startsAt, endsAt).toMinutes() + " min)" : "");
			case MEETING -> "Meeting: " + subject;
			case NOTE -> "Note: " + subject;
		};
	}

}
