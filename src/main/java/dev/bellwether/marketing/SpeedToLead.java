package dev.bellwether.marketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.bellwether.identity.RecordVisibility;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.businesstime.BusinessCalendar;
import dev.bellwether.platform.businesstime.BusinessCalendars;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Speed to lead, for pages and other modules (a home page): how quickly leads are
 * responded to against their source's target in the company's business hours, by source
 * and by owner, and the open breaches. Every read goes through the leads' visibility
 * ({@link Leads#ACCESS}). The figures are defined in {@link LeadResponse} and
 * docs/marketing.md ("Speed to lead").
 */
@Service
@Transactional(readOnly = true)
public class SpeedToLead {

	/**
	 * Who opens the speed-to-lead page (the API and this service serve anyone, filtered).
	 */
	public static final Set<Role> READERS = Set.of(Role.MARKETING, Role.MANAGER, Role.SALES_ADMIN, Role.EXECUTIVE,
			Role.ADMIN);

	/** The longest period a summary covers. */
	static final int MAX_DAYS = 400;

	static final String COLUMNS = """
			select l.id, l.first_name, l.last_name, l.source, l.owner_id, l.status, l.created_at, l.accepted_at,
			  l.first_activity_at, l.converted_at, l.deleted_at
			from leads l
			""";

	/** Not responded to, and neither disqualified, converted nor deleted. */
	static final String UNRESPONDED_OPEN = "l.deleted_at is null and l.accepted_at is null "
			+ "and l.first_activity_at is null and l.converted_at is null and l.status <> 'DISQUALIFIED'";

	private final JdbcClient jdbc;

	private final RecordVisibility visibility;

	private final BusinessCalendars calendars;

	private final LeadResponseTargets targets;

	private final UserDirectory users;

	private final Clock clock;

	SpeedToLead(JdbcClient jdbc, RecordVisibility visibility, BusinessCalendars calendars, LeadResponseTargets targets,
			UserDirectory users, Clock clock) {
		this.jdbc = jdbc;
		this.visibility = visibility;
		this.calendars = calendars;
		this.targets = targets;
		this.users = users;
		this.clock = clock;
	}

	public boolean canRead(Viewer viewer) {
		return READERS.contains(viewer.role());
	}

	/**
	 * @throws ForbiddenException for sales reps (and service), who see their own leads'
	 * figures on the lead pages instead
	 */
	public void requireReader(Viewer viewer) {
		if (!canRead(viewer)) {
			throw new ForbiddenException(
					"Speed to lead is for marketing, managers, sales administrators, executives and administrators.");
		}
	}

	/**
	 * @return the last 30 days, today included, in the company calendar's time zone
	 */
	public List<LocalDate> defaultPeriod() {
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.company().zone()));
		return List.of(today.minusDays(29), today);
	}

	/**
	 * @return the lead's figures now
	 */
	public LeadResponse responseOf(Lead lead) {
		BusinessCalendar calendar = this.calendars.company();
		return LeadResponse.of(lead.id(), lead.source(), lead.ownerId(), lead.createdAt(), lead.firstActivityAt(),
				lead.acceptedAt(), lead.isDeleted() || lead.isConverted() || lead.status() == LeadStatus.DISQUALIFIED,
				this.targets.current().of(lead.source()).orElse(null), calendar, this.clock.instant());
	}

	/**
	 * The figures of the leads the viewer may see that were created from {@code from} to
	 * {@code to} (both included, days in the company calendar's time zone), by source and
	 * by owner, with the totals.
	 * @throws InvalidInputException for a period that ends before it starts or is longer
	 * than {@value #MAX_DAYS} days
	 */
	public Summary summary(Viewer viewer, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new InvalidInputException("to", "The period ends on or after the day it starts.");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInputException("to", "Ask for " + MAX_DAYS + " days at most.");
		}
		BusinessCalendar calendar = this.calendars.company();
		LeadResponseTargets.Targets current = this.targets.current();
		Instant now = this.clock.instant();
		SqlFilter visible = this.visibility.readFilter(viewer, Leads.ACCESS, "l.owner_id");
		List<LeadResponse> responses = this.jdbc
			.sql(COLUMNS + "where l.deleted_at is null and l.created_at >= :start and l.created_at < :end and "
					+ visible.sql())
			.params(visible.parameters())
			.param("start", utc(from.atStartOfDay(calendar.zone()).toInstant()))
			.param("end", utc(to.plusDays(1).atStartOfDay(calendar.zone()).toInstant()))
			.query(SpeedToLead::facts)
			.list()
			.stream()
			.map(facts -> facts.response(calendar, current, now))
			.toList();
		Map<UUID, String> owners = this.users
			.namesOf(responses.stream().map(LeadResponse::ownerId).distinct().toList());
		return new Summary(from, to, calendar.zone().getId(), figures("All sources", responses),
				groups(responses, r -> (r.source() != null) ? r.source() : "No source"),
				groups(responses, r -> owners.getOrDefault(r.ownerId(), "Unknown")), this.targets.all());
	}

	/**
	 * @return the open breaches among the leads the viewer may see (not responded to,
	 * open, past their deadline), the longest overdue first
	 */
	public List<Breach> breaches(Viewer viewer, int limit) {
		BusinessCalendar calendar = this.calendars.company();
		LeadResponseTargets.Targets current = this.targets.current();
		Instant now = this.clock.instant();
		SqlFilter visible = this.visibility.readFilter(viewer, Leads.ACCESS, "l.owner_id");
		List<Facts> candidates = this.jdbc.sql(COLUMNS + "where " + UNRESPONDED_OPEN + " and " + visible.sql())
			.params(visible.parameters())
			.query(SpeedToLead::facts)
			.list();
		Set<UUID> alerted = Set.copyOf(alerted(candidates.stream().map(Facts::id).toList()));
		List<Breach> breaches = new ArrayList<>();
		for (Facts facts : candidates) {
			LeadResponse response = facts.response(calendar, current, now);
			if (response.state() == LeadResponse.State.BREACHED) {
				breaches.add(new Breach(facts.id(), facts.name(), facts.ownerId(), null, facts.source(),
						response.target(), response.deadline(), response.overdue(now),
						calendar.businessTimeBetween(response.deadline(), now), alerted.contains(facts.id())));
			}
		}
		breaches.sort(Comparator.comparing(Breach::deadline).thenComparing(Breach::leadId));
		List<Breach> shown = breaches.subList(0, Math.min(Math.max(limit, 0), breaches.size()));
		Map<UUID, String> owners = this.users.namesOf(shown.stream().map(Breach::ownerId).distinct().toList());
		return shown.stream().map(b -> b.withOwnerName(owners.getOrDefault(b.ownerId(), "Unknown"))).toList();
	}

	private List<UUID> alerted(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select lead_id from lead_response_breaches where lead_id in (:ids)")
			.param("ids", ids)
			.query(UUID.class)
			.list();
	}

	private static List<Figures> groups(List<LeadResponse> responses, Function<LeadResponse, String> key) {
		Map<String, List<LeadResponse>> grouped = new LinkedHashMap<>();
		responses.forEach(r -> grouped.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
		return grouped.entrySet()
			.stream()
			.map(e -> figures(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingLong(Figures::leads).reversed().thenComparing(Figures::label))
			.toList();
	}

	/**
	 * The figures of a group of leads; see docs/marketing.md for each definition.
	 */
	static Figures figures(String label, List<LeadResponse> responses) {
		List<Long> minutes = responses.stream()
			.filter(LeadResponse::responded)
			.map(r -> r.businessToResponse().toMinutes())
			.sorted()
			.toList();
		long measured = responses.stream().filter(LeadResponse::measured).count();
		long within = responses.stream().filter(LeadResponse::withinTarget).count();
		long breaches = responses.stream().filter(r -> r.state() == LeadResponse.State.BREACHED).count();
		return new Figures(label, responses.size(), minutes.size(), measured, within,
				(measured == 0) ? null : Math.round(1000.0 * within / measured) / 10.0, percentile(minutes, 50),
				percentile(minutes, 90), breaches);
	}

	/**
	 * @return the nearest-rank percentile: the smallest value with at least {@code p}
	 * percent of the values at or below it; {@code null} for no values
	 */
	static Long percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	static Facts facts(ResultSet rs, int row) throws SQLException {
		String first = rs.getString("first_name");
		String name = ((first != null) ? first + " " : "") + rs.getString("last_name");
		return new Facts(rs.getObject("id", UUID.class), name, rs.getString("source"),
				rs.getObject("owner_id", UUID.class), instant(rs, "created_at"), instant(rs, "first_activity_at"),
				instant(rs, "accepted_at"), "DISQUALIFIED".equals(rs.getString("status"))
						|| rs.getObject("converted_at") != null || rs.getObject("deleted_at") != null);
	}

	/**
	 * What is stored of a lead that its figures are worked out from.
	 */
	record Facts(UUID id, String name, String source, UUID ownerId, Instant createdAt, Instant firstActivityAt,
			Instant acceptedAt, boolean closed) {

		LeadResponse response(BusinessCalendar calendar, LeadResponseTargets.Targets targets, Instant now) {
			Duration target = targets.of(this.source).orElse(null);
			return LeadResponse.of(this.id, this.source, this.ownerId, this.createdAt, this.firstActivityAt,
					this.acceptedAt, this.closed, target, calendar, now);
		}

	}

	/**
	 * A period's speed-to-lead figures.
	 *
	 * @param zone the time zone the period's days are in (the company calendar's)
	 */
	public record Summary(LocalDate from, LocalDate to, String zone, Figures total, List<Figures> bySource,
			List<Figures> byOwner, List<LeadResponseTargets.Target> targets) {
	}

	/**
	 * The figures of a group of leads (a source, an owner, or all).
	 *
	 * @param leads leads created in the period
	 * @param responded those responded to (first activity or acceptance)
	 * @param measured those with a target that were responded to or are open breaches
	 * @param withinTarget those responded to by their deadline
	 * @param withinTargetPercent {@code withinTarget} ÷ {@code measured}, in percent to
	 * one decimal; {@code null} when none is measured
	 * @param medianMinutes the median business minutes to response (nearest rank), over
	 * the leads responded to
	 * @param p90Minutes the 90th percentile of the same (nearest rank)
	 * @param openBreaches leads not responded to, open, past their deadline
	 */
	public record Figures(String label, long leads, long responded, long measured, long withinTarget,
			Double withinTargetPercent, Long medianMinutes, Long p90Minutes, long openBreaches) {
	}

	/**
	 * An open breach: a lead not responded to by its deadline and still open.
	 *
	 * @param overdue wall-clock time since the deadline
	 * @param overdueBusiness business time since the deadline
	 * @param alerted whether the breach job has recorded it (and alerted the owner)
	 */
	public record Breach(UUID leadId, String name, UUID ownerId, String ownerName, String source, Duration target,
			Instant deadline, Duration overdue, Duration overdueBusiness, boolean alerted) {

		Breach withOwnerName(String owner) {
			return new Breach(this.leadId, this.name, this.ownerId, owner, this.source, this.target, this.deadline,
					this.overdue, this.overdueBusiness, this.alerted);
		}

	}

}
