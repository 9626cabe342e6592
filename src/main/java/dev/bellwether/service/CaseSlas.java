package dev.bellwether.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.businesstime.BusinessCalendar;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.service.SlaClock.Counting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * Each case's SLA (tables {@code case_sla}, {@code case_sla_clocks},
 * {@code case_sla_events}), kept from the cases' events by {@link CaseSlaListener}:
 * <ul>
 * <li>a case opened takes the active policy of its account's tier (else the one for any
 * tier; none: no SLA) and a copy of its priority's targets;</li>
 * <li>each status change, the first public agent reply and each priority change is
 * written to the case's SLA history, the clocks' only input;</li>
 * <li>then the clocks are measured again ({@link SlaClock}) and their due and warning
 * instants stored, so that {@link SlaSweep} only compares instants with the time.</li>
 * </ul>
 * Events may be handled in any order (each in its own transaction, after the case's
 * commits): every change takes a lock on its case first, writes its input and measures
 * from the whole history, so a status change handled before the case's opening is counted
 * when the opening is. A repeated event is written once.
 */
@Service
@Transactional(readOnly = true)
public class CaseSlas {

	private final JdbcClient jdbc;

	private final SlaPolicies policies;

	private final ServiceAccountTiers tiers;

	private final BusinessCalendars calendars;

	private final Cases cases;

	private final Clock clock;

	CaseSlas(JdbcClient jdbc, SlaPolicies policies, ServiceAccountTiers tiers, BusinessCalendars calendars, Cases cases,
			Clock clock) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.tiers = tiers;
		this.calendars = calendars;
		this.cases = cases;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- reading

	/**
	 * @return the case's SLA measured now, if it has one
	 * @throws RecordNotFoundException when the viewer may not read the case
	 */
	public Optional<CaseSla> of(Viewer viewer, UUID caseId) {
		this.cases.get(viewer, caseId);
		return of(caseId, this.clock.instant());
	}

	/**
	 * @return the case's SLA measured at {@code now}, for system use
	 */
	public Optional<CaseSla> of(UUID caseId, Instant now) {
		return row(caseId).map(sla -> {
			List<CaseSla.Entry> history = history(caseId);
			SlaClock.SlaStatus status = clockOf(sla, history).at(now);
			Map<SlaMetric, Instant[]> notices = new java.util.EnumMap<>(SlaMetric.class);
			this.jdbc.sql("select metric, warned_at, escalated_at from case_sla_clocks where case_id = :id")
				.param("id", caseId)
				.query((rs, n) -> notices.put(SlaMetric.valueOf(rs.getString("metric")),
						new Instant[] { instant(rs, "warned_at"), instant(rs, "escalated_at") }))
				.list();
			Instant[] first = notices.getOrDefault(SlaMetric.FIRST_RESPONSE, new Instant[2]);
			Instant[] resolution = notices.getOrDefault(SlaMetric.RESOLUTION, new Instant[2]);
			String policyName = (sla.policyId() != null)
					? this.policies.find(sla.policyId()).map(SlaPolicy::name).orElse(null) : null;
			return new CaseSla(caseId, sla.policyId(), policyName, sla.calendarId(), sla.tier(), sla.priority(),
					sla.counting(), status, first[0], resolution[0], first[1], resolution[1], history, now);
		});
	}

	public List<CaseSla.Entry> history(UUID caseId) {
		return this.jdbc.sql("""
				select kind, metric, occurred_at, priority, first_response_minutes, resolution_minutes
				from case_sla_events where case_id = :id order by occurred_at, recorded_at, id
				""")
			.param("id", caseId)
			.query((rs, n) -> new CaseSla.Entry(CaseSlaEventKind.valueOf(rs.getString("kind")),
					(rs.getString("metric") != null) ? SlaMetric.valueOf(rs.getString("metric")) : null,
					instant(rs, "occurred_at"),
					(rs.getString("priority") != null) ? CasePriority.valueOf(rs.getString("priority")) : null,
					(Integer) rs.getObject("first_response_minutes"), (Integer) rs.getObject("resolution_minutes")))
			.list();
	}

	// ---------------------------------------------------------------- the case's events

	/**
	 * Starts the case's clocks with its account tier's policy (no policy: no SLA).
	 */
	@Transactional
	public void opened(CaseOpened event) {
		lock(event.caseId());
		if (row(event.caseId()).isPresent()) {
			return;
		}
		AccountTier tier = this.tiers.of(event.accountId());
		Optional<SlaPolicy> policy = this.policies.forTier(tier);
		if (policy.isEmpty() || policy.get().targetsFor(event.priority()) == null) {
			this.jdbc.sql("delete from case_sla_events where case_id = :id").param("id", event.caseId()).update();
			return;
		}
		SlaTargets targets = policy.get().targetsFor(event.priority());
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into case_sla (case_id, policy_id, calendar_id, account_tier, priority, warn_percent_left,
				  opened_at, counting, updated_at)
				values (:id, :policy, :calendar, :tier, :priority, :warn, :at, 'RUNNING', :now)
				""")
			.param("id", event.caseId())
			.param("policy", policy.get().id())
			.param("calendar", policy.get().calendarId())
			.param("tier", tier.name())
			.param("priority", event.priority().name())
			.param("warn", policy.get().warnPercentLeft())
			.param("at", utc(event.at()))
			.param("now", utc(now))
			.update();
		record(event.caseId(), CaseSlaEventKind.STARTED, null, event.at(), event.priority(), targets);
		measure(event.caseId(), now);
	}

	/**
	 * Pauses the clocks while the case waits on the customer, stops them when it is
	 * resolved or closed and resumes them when it is worked again.
	 */
	@Transactional
	public void statusChanged(CaseStatusChanged event) {
		Counting from = (event.from() != null) ? counting(event.from()) : Counting.RUNNING;
		Counting to = counting(event.to());
		if (from == to) {
			return;
		}
		CaseSlaEventKind kind = switch (to) {
			case RUNNING -> CaseSlaEventKind.RESUMED;
			case PAUSED -> CaseSlaEventKind.PAUSED;
			case STOPPED -> CaseSlaEventKind.STOPPED;
		};
		change(event.caseId(), kind, event.at(), null, null);
	}

	/**
	 * The first public reply by an agent is the first response.
	 */
	@Transactional
	public void commented(CaseCommented event) {
		if (event.source() != CommentSource.AGENT || event.internal()) {
			return;
		}
		change(event.caseId(), CaseSlaEventKind.RESPONDED, event.at(), null, null);
	}

	/**
	 * The new priority's targets, from the case's policy (or, when it was deleted, the
	 * policy its tier has now), measured from the case's creation ({@link SlaClock}).
	 */
	@Transactional
	public void priorityChanged(CasePriorityChanged event) {
		lock(event.caseId());
		Optional<Row> sla = row(event.caseId());
		if (sla.isEmpty()) {
			return;
		}
		Optional<SlaTargets> targets = Optional.ofNullable(sla.get().policyId())
			.flatMap(this.policies::find)
			.or(() -> this.policies.forTier(sla.get().tier()))
			.map(policy -> policy.targetsFor(event.to()));
		if (targets.isEmpty()) {
			return;
		}
		this.jdbc.sql("update case_sla set priority = :priority where case_id = :id")
			.param("priority", event.to().name())
			.param("id", event.caseId())
			.update();
		change(event.caseId(), CaseSlaEventKind.TARGETS_CHANGED, event.at(), event.to(), targets.get());
	}

	static Counting counting(CaseStatus status) {
		return switch (status) {
			case NEW, OPEN -> Counting.RUNNING;
			case WAITING_ON_CUSTOMER -> Counting.PAUSED;
			case RESOLVED, CLOSED -> Counting.STOPPED;
		};
	}

	private void change(UUID caseId, CaseSlaEventKind kind, Instant at, CasePriority priority, SlaTargets targets) {
		lock(caseId);
		record(caseId, kind, null, at, priority, targets);
		if (row(caseId).isPresent()) {
			measure(caseId, this.clock.instant());
		}
	}

	/**
	 * Serialises the changes of one case (two of its events handled at once, or a sweep).
	 */
	private void lock(UUID caseId) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "case-sla:" + caseId)
			.query((rs, n) -> 1)
			.list();
	}

	private void record(UUID caseId, CaseSlaEventKind kind, SlaMetric metric, Instant at, CasePriority priority,
			SlaTargets targets) {
		this.jdbc.sql("""
				insert into case_sla_events (id, case_id, kind, metric, occurred_at, priority, first_response_minutes,
				  resolution_minutes, recorded_at)
				values (:id, :caseId, :kind, :metric, :at, :priority, :first, :resolution, :now)
				on conflict do nothing
				""")
			.param("id", Ids.newId())
			.param("caseId", caseId)
			.param("kind", kind.name())
			.param("metric", (metric != null) ? metric.name() : null)
			.param("at", utc(at))
			.param("priority", (priority != null) ? priority.name() : null)
			.param("first", (targets != null) ? (int) targets.firstResponse().toMinutes() : null)
			.param("resolution", (targets != null) ? (int) targets.resolution().toMinutes() : null)
			.param("now", utc(this.clock.instant()))
			.update();
	}

	/**
	 * Measures the case's clocks from its whole history and stores where they stand, the
	 * instants the sweep compares and, once a clock stops, whether it was met.
	 */
	private void measure(UUID caseId, Instant now) {
		Row sla = row(caseId).orElseThrow();
		List<CaseSla.Entry> history = history(caseId);
		SlaClock clock = clockOf(sla, history);
		SlaClock.SlaStatus status = clock.at(now);
		for (SlaMetric metric : SlaMetric.values()) {
			SlaClock.Measure measure = status.of(metric);
			this.jdbc
				.sql("""
						insert into case_sla_clocks (case_id, metric, target_minutes, state, elapsed_seconds, due_at, warn_at,
						  breached_at, completed_at, computed_at)
						values (:id, :metric, :target, :state, :elapsed, :due, :warn, :breached, :completed, :now)
						on conflict (case_id, metric) do update set target_minutes = excluded.target_minutes,
						  state = excluded.state, elapsed_seconds = excluded.elapsed_seconds, due_at = excluded.due_at,
						  warn_at = excluded.warn_at, breached_at = excluded.breached_at,
						  completed_at = excluded.completed_at, computed_at = excluded.computed_at
						""")
				.param("id", caseId)
				.param("metric", metric.name())
				.param("target", (int) measure.target().toMinutes())
				.param("state", measure.state().name())
				.param("elapsed", measure.elapsed().getSeconds())
				.param("due", (measure.dueAt() != null) ? utc(measure.dueAt()) : null)
				.param("warn", (measure.warnAt() != null) ? utc(measure.warnAt()) : null)
				.param("breached", (measure.breachedAt() != null) ? utc(measure.breachedAt()) : null)
				.param("completed", (measure.completedAt() != null) ? utc(measure.completedAt()) : null)
				.param("now", utc(now))
				.update();
			if (measure.state().done()) {
				record(caseId, (measure.state() == SlaState.MET) ? CaseSlaEventKind.MET : CaseSlaEventKind.MISSED,
						metric, measure.completedAt(), null, null);
			}
		}
		Counting counting = Counting.RUNNING;
		for (CaseSla.Entry entry : history) {
			counting = switch (entry.kind()) {
				case PAUSED -> Counting.PAUSED;
				case RESUMED -> Counting.RUNNING;
				case STOPPED -> Counting.STOPPED;
				default -> counting;
			};
		}
		this.jdbc.sql("""
				update case_sla set counting = :counting, first_response_at = :first, updated_at = :now,
				  version = version + 1
				where case_id = :id
				""")
			.param("counting", counting.name())
			.param("first", (clock.firstResponseAt() != null) ? utc(clock.firstResponseAt()) : null)
			.param("now", utc(now))
			.param("id", caseId)
			.update();
	}

	private SlaClock clockOf(Row sla, List<CaseSla.Entry> history) {
		List<SlaClock.Transition> transitions = new ArrayList<>();
		List<SlaClock.TargetChange> targets = new ArrayList<>();
		Instant firstResponse = null;
		for (CaseSla.Entry entry : history) {
			switch (entry.kind()) {
				case PAUSED -> transitions.add(new SlaClock.Transition(entry.at(), Counting.PAUSED));
				case RESUMED -> transitions.add(new SlaClock.Transition(entry.at(), Counting.RUNNING));
				case STOPPED -> transitions.add(new SlaClock.Transition(entry.at(), Counting.STOPPED));
				case RESPONDED -> firstResponse = (firstResponse == null || entry.at().isBefore(firstResponse))
						? entry.at() : firstResponse;
				case STARTED, TARGETS_CHANGED -> targets.add(new SlaClock.TargetChange(entry.at(),
						SlaTargets.ofMinutes(entry.firstResponseMinutes(), entry.resolutionMinutes())));
				default -> {
				}
			}
		}
		return new SlaClock(calendar(sla.calendarId()), sla.openedAt(), transitions, firstResponse, targets,
				SlaWarning.percentLeft(sla.warnPercentLeft()));
	}

	private BusinessCalendar calendar(UUID id) {
		try {
			return this.calendars.get(id).calendar();
		}
		catch (RecordNotFoundException ex) {
			return this.calendars.company();
		}
	}

	private Optional<Row> row(UUID caseId) {
		return this.jdbc.sql("""
				select case_id, policy_id, calendar_id, account_tier, priority, warn_percent_left, opened_at, counting
				from case_sla where case_id = :id
				""")
			.param("id", caseId)
			.query((rs, n) -> new Row(rs.getObject("policy_id", UUID.class), rs.getObject("calendar_id", UUID.class),
					AccountTier.valueOf(rs.getString("account_tier")), CasePriority.valueOf(rs.getString("priority")),
					rs.getInt("warn_percent_left"), instant(rs, "opened_at"),
					Counting.valueOf(rs.getString("counting"))))
			.optional();
	}

	private record Row(UUID policyId, UUID calendarId, AccountTier tier, CasePriority priority, int warnPercentLeft,
			Instant openedAt, Counting counting) {
	}

}
