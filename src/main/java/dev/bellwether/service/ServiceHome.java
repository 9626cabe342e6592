package dev.bellwether.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.SqlArrays;
import dev.bellwether.platform.businesstime.BusinessCalendars;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.instant;
import static dev.bellwether.platform.SqlValues.utc;

/**
 * The service home page of someone who works cases ({@code /service}): their open cases
 * with the next SLA target of each and its countdown, the cases of their queues at risk
 * of a breach (a target due soon: its warning share of time left or less) and past one,
 * the unassigned ones, the cases waiting on the customer for longer than
 * {@link #WAITING_TOO_LONG}, and their own CSAT this month. "Their queues" are the queues
 * they work, or every queue when they work none (as "Next case" takes). Each list shows
 * the first {@link #SHOWN} (most pressing first) and counts them all; each count drills
 * into the cases list.
 */
@Service
@Transactional(readOnly = true)
public class ServiceHome {

	/** How many cases each list of the page shows. */
	public static final int SHOWN = 8;

	/** A case waiting on the customer for longer than this asks for a nudge. */
	public static final Duration WAITING_TOO_LONG = Duration.ofDays(3);

	/** The next SLA target of a case: the earliest due of its clocks still going. */
	private static final String NEXT_TARGET = """
			left join lateral (select k.metric, k.state, k.due_at, k.warn_at, k.breached_at, k.completed_at
			  from case_sla_clocks k
			  where k.case_id = c.id and k.completed_at is null
			  order by coalesce(k.breached_at, k.due_at) nulls last, k.metric limit 1) k on true
			""";

	private static final String ORDER = " order by coalesce(k.breached_at, k.due_at) nulls last, c.priority_rank desc,"
			+ " c.created_at, c.id";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseQueues queues;

	private final ServiceSatisfaction satisfaction;

	private final BusinessCalendars calendars;

	private final Clock clock;

	ServiceHome(JdbcClient jdbc, Cases cases, CaseQueues queues, ServiceSatisfaction satisfaction,
			BusinessCalendars calendars, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.queues = queues;
		this.satisfaction = satisfaction;
		this.calendars = calendars;
		this.clock = clock;
	}

	/**
	 * @throws AccessDeniedException for people who do not work cases
	 * ({@link Cases#worksCases})
	 */
	public ServiceHomePage of(Viewer viewer) {
		if (!Cases.worksCases(viewer)) {
			throw new AccessDeniedException("The service home page is for the people who work cases");
		}
		Instant now = this.clock.instant();
		List<UUID> myQueues = this.queues.queuesOf(viewer.id());
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("me", viewer.id());
		params.put("now", utc(now));
		params.put("open",
				List.of(CaseStatus.NEW.name(), CaseStatus.OPEN.name(), CaseStatus.WAITING_ON_CUSTOMER.name()));
		params.put("myQueues", SqlArrays.of(myQueues));
		params.put("waitingSince", utc(now.minus(WAITING_TOO_LONG)));
		ListConditions visible = new ListConditions(params).inRecycleBin("c", false).add("c.status in (:open)");
		this.cases.readFilter(viewer, visible, params);
		String inMyQueues = visible.sql()
				+ " and (cardinality(cast(:myQueues as uuid[])) = 0 or c.queue_id = any(cast(:myQueues as uuid[])))";

		Listed mine = list(visible.sql() + " and c.owner_id = :me", params);
		Listed atRisk = list(inMyQueues + " and k.completed_at is null and k.state in ('RUNNING', 'WARNING')"
				+ " and k.warn_at <= :now and k.due_at > :now", params);
		Listed breached = list(inMyQueues + " and k.state <> 'MET' and coalesce(k.breached_at, k.due_at) <= :now",
				params);
		Listed unassigned = list(inMyQueues + " and c.owner_id is null", params);
		Listed waiting = list(inMyQueues + " and c.status = 'WAITING_ON_CUSTOMER' and (select max(s.changed_at)"
				+ " from case_status_changes s where s.case_id = c.id and s.to_status = 'WAITING_ON_CUSTOMER')"
				+ " <= :waitingSince", params);

		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		SatisfactionReport month = this.satisfaction.report(viewer, today.withDayOfMonth(1), today,
				ServiceSatisfaction.Grouping.AGENT);
		SatisfactionFigures myCsat = month.rows()
			.stream()
			.filter(row -> viewer.id().equals(row.id()))
			.map(SatisfactionRow::figures)
			.findFirst()
			.orElse(SatisfactionFigures.NONE);
		return new ServiceHomePage(now, myQueues.isEmpty(), (myQueues.size() == 1) ? myQueues.get(0) : null, mine,
				atRisk, breached, unassigned, waiting, today.withDayOfMonth(1), today, myCsat,
				this.cases.mayOwn(viewer.id()));
	}

	/**
	 * The first cases matching the condition (on {@code cases c} and its next target
	 * {@code k}), the most pressing first, and how many match.
	 */
	private Listed list(String where, Map<String, Object> params) {
		List<CaseLine> lines = this.jdbc
			.sql("select c.*, k.metric as sla_metric, k.state as sla_state, k.due_at as sla_due,"
					+ " k.breached_at as sla_breached from cases c " + NEXT_TARGET + " where " + where + ORDER
					+ " limit " + SHOWN)
			.params(params)
			.query((rs, n) -> new CaseLine(Cases.map(rs, n),
					(rs.getString("sla_metric") != null) ? SlaMetric.valueOf(rs.getString("sla_metric")) : null,
					(rs.getString("sla_state") != null) ? SlaState.valueOf(rs.getString("sla_state")) : null,
					(instant(rs, "sla_breached") != null) ? instant(rs, "sla_breached") : instant(rs, "sla_due")))
			.list();
		long count = (lines.size() < SHOWN) ? lines.size()
				: this.jdbc.sql("select count(*) from cases c " + NEXT_TARGET + " where " + where)
					.params(params)
					.query(Long.class)
					.single();
		return new Listed(lines, count);
	}

	/**
	 * The service home page's figures.
	 *
	 * @param everyQueue whether the viewer works no queue, so "their queues" are all
	 * @param onlyQueue the one queue the viewer works, for the drill-downs ({@code null}:
	 * several or none)
	 * @param myCsat the surveys about the viewer's cases answered this month
	 */
	public record ServiceHomePage(Instant asOf, boolean everyQueue, UUID onlyQueue, Listed mine, Listed atRisk,
			Listed breached, Listed unassigned, Listed waiting, LocalDate monthFrom, LocalDate monthTo,
			SatisfactionFigures myCsat, boolean takesCases) {

		public BigDecimal myCsatPercent() {
			return this.myCsat.csat();
		}

	}

	/**
	 * Some cases of a list and how many the list holds.
	 */
	public record Listed(List<CaseLine> cases, long count) {

		public boolean isEmpty() {
			return this.count == 0;
		}

	}

	/**
	 * A case with its next SLA target.
	 *
	 * @param slaMetric the target due first ({@code null}: no SLA, or all met)
	 * @param slaState where it stood when last measured
	 * @param dueAt when it is (or was) due
	 */
	public record CaseLine(SupportCase supportCase, SlaMetric slaMetric, SlaState slaState, Instant dueAt) {

		/**
		 * @return the time left until the target is due (negative: past due), or
		 * {@code null} without a running target
		 */
		public Duration leftAt(Instant now) {
			return (this.dueAt != null) ? Duration.between(now, this.dueAt) : null;
		}

	}

}
