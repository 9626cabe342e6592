package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.ListConditions;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.service.ServiceOverviewReport.AgeBucket;
import dev.bellwether.service.ServiceOverviewReport.Attainment;
import dev.bellwether.service.ServiceOverviewReport.Backlog;
import dev.bellwether.service.ServiceOverviewReport.MoneyFigure;
import dev.bellwether.service.ServiceOverviewReport.StatusAges;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The executive service view: how the service desk keeps its promises and its customers
 * over a period (days in the company's time zone, the last one included), counted in
 * aggregate SQL over the cases the viewer may read ({@link Cases#readFilter}) — three
 * statements of its own and the satisfaction report's (SLA attainment is read from V65's
 * covering indexes on the clocks; for people who read every case only the cases in the
 * recycle bin are looked up):
 * <ul>
 * <li><b>SLA attainment</b>, per kind of target (first response, resolution) = met ÷ (met
 * + breached), where a target counts in the period its outcome was decided: <i>met</i>
 * when it was done by its due time and that happened in the period; <i>breached</i> when
 * its due instant passed in the period (and before now), whether it was done late since
 * or is still not done. A paused or running target not yet due counts in neither (table
 * {@code case_sla_clocks}: {@code completed_at} of a MET clock; {@code breached_at}, or
 * {@code due_at} while the clock runs and the sweep has not marked it).</li>
 * <li><b>Backlog</b>: the cases new, open or waiting on the customer now, by status and
 * by age (now − opened) in buckets — under 1 day, 1–3, 3–7, 7–30, over 30 days (each
 * bucket includes its lower bound) — and their median age; it does not depend on the
 * period.</li>
 * <li><b>Opened</b> per month: cases created in the month; <b>resolved</b> per month:
 * cases whose resolution time (when they were first resolved or closed since their last
 * reopening) falls in the month.</li>
 * <li><b>CSAT and NPS</b>, in total and by month: {@link ServiceSatisfaction}'s report
 * (defined by {@link SatisfactionFigures}), never counted differently here.</li>
 * </ul>
 * Cases in the recycle bin count nowhere. Who may see it: executives, administrators and
 * the service desk's managers — a service user or manager who manages a case queue, or a
 * service user with people reporting to them, or a manager with a service user reporting
 * to them ({@link #mayView}).
 */
@Service
@Transactional(readOnly = true)
public class ServiceOverview {

	/**
	 * The instant an SLA clock went (or goes) past its due time: the one the sweep or a
	 * change stored, else the due instant of a clock still running (as {@code k}).
	 */
	static final String BREACHED_AT = "coalesce(k.breached_at, k.due_at)";

	private static final List<String> OPEN = List.of(CaseStatus.NEW.name(), CaseStatus.OPEN.name(),
			CaseStatus.WAITING_ON_CUSTOMER.name());

	/** What the cost per case means (as the cost report counts it). */
	static final String COST_PER_CASE = "The period's cost of service (time at each role's hourly rate, plus expenses) "
			+ "÷ the cases resolved in it";

	/** What the cross-sell revenue means (as the cross-sell report counts it). */
	static final String CROSS_SELL = "Won amount of service-sourced deals + new product lines won from existing "
			+ "customers, won in the period";

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseQueues queues;

	private final ServiceSatisfaction satisfaction;

	private final OrgChart orgChart;

	private final UserDirectory users;

	private final BusinessCalendars calendars;

	private final Clock clock;

	private final ServiceCosts costs;

	private final CrossSell crossSell;

	ServiceOverview(JdbcClient jdbc, Cases cases, CaseQueues queues, ServiceSatisfaction satisfaction,
			OrgChart orgChart, UserDirectory users, BusinessCalendars calendars, Clock clock, ServiceCosts costs,
			CrossSell crossSell) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.queues = queues;
		this.satisfaction = satisfaction;
		this.orgChart = orgChart;
		this.users = users;
		this.calendars = calendars;
		this.clock = clock;
		this.costs = costs;
		this.crossSell = crossSell;
	}

	/**
	 * Whether the viewer may see the service overview: executives and administrators; a
	 * service user or manager who manages an active case queue; a service user with
	 * someone reporting to them; a manager with a service user reporting to them.
	 */
	public boolean mayView(Viewer viewer) {
		if (viewer.role() == Role.EXECUTIVE || viewer.role() == Role.ADMIN) {
			return true;
		}
		if (viewer.role() != Role.SERVICE && viewer.role() != Role.MANAGER) {
			return false;
		}
		if (this.queues.all().stream().anyMatch(q -> q.active() && viewer.id().equals(q.managerId()))) {
			return true;
		}
		List<java.util.UUID> reports = this.orgChart.directReports(viewer.id());
		if (viewer.role() == Role.SERVICE) {
			return !reports.isEmpty();
		}
		return reports.stream()
			.map(this.users::find)
			.anyMatch(user -> user.map(User::role).filter(role -> role == Role.SERVICE).isPresent());
	}

	/**
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @throws AccessDeniedException when the viewer may not see it ({@link #mayView})
	 * @throws InvalidInputException for a period that ends before it starts or is longer
	 * than five years
	 */
	public ServiceOverviewReport report(Viewer viewer, LocalDate from, LocalDate to) {
		if (!mayView(viewer)) {
			throw new AccessDeniedException(
					"The service overview is for executives, administrators and the service desk's managers");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "The period ends before it starts.");
		}
		if (from.plusYears(5).isBefore(to)) {
			throw new InvalidInputException("to", "Choose a period of five years or less.");
		}
		ZoneId zone = this.calendars.companyZone();
		Instant now = this.clock.instant();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", utc(from.atStartOfDay(zone).toInstant()));
		params.put("to", utc(to.plusDays(1).atStartOfDay(zone).toInstant()));
		params.put("now", utc(now));
		params.put("zone", zone.getId());
		ListConditions conditions = new ListConditions(params).inRecycleBin("c", false);
		this.cases.readFilter(viewer, conditions, params);
		String visible = conditions.sql();

		// every SLA clock of a case the viewer may read: for those who read every case,
		// only the cases in the recycle bin are left out (an anti-join on the few of
		// them,
		// so the index-only scans of V65 need not visit the cases); for others, their
		// cases
		String clockVisible = Cases.ACCESS.readsAll().contains(viewer.role())
				? "not exists (select 1 from cases c where c.id = k.case_id and c.deleted_at is not null)"
				: "exists (select 1 from cases c where c.id = k.case_id and " + visible + ")";
		Map<SlaMetric, long[]> attainment = new EnumMap<>(SlaMetric.class);
		this.jdbc.sql("""
				select metric, sum(met) as met, sum(breached) as breached from (
				  select k.metric, count(*) as met, 0 as breached from case_sla_clocks k
				  where k.state = 'MET' and k.completed_at >= :from and k.completed_at < :to and %2$s
				  group by k.metric
				  union all
				  select k.metric, 0, count(*) from case_sla_clocks k
				  where k.state <> 'MET' and %1$s >= :from and %1$s < :to and %1$s <= :now and %2$s
				  group by k.metric
				) counted group by metric
				""".formatted(BREACHED_AT, clockVisible))
			.params(params)
			.query((rs, n) -> attainment.put(SlaMetric.valueOf(rs.getString("metric")),
					new long[] { rs.getLong("met"), rs.getLong("breached") }))
			.list();

		Backlog backlog = backlog(visible, params, now);

		Map<YearMonth, long[]> flow = new LinkedHashMap<>();
		for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
			flow.put(month, new long[2]);
		}
		this.jdbc.sql("""
				select 0 as kind, date_trunc('month', c.created_at at time zone :zone) as month, count(*) as cases
				from cases c where %1$s and c.created_at >= :from and c.created_at < :to group by 2
				union all
				select 1, date_trunc('month', c.resolved_at at time zone :zone), count(*)
				from cases c where %1$s and c.resolved_at >= :from and c.resolved_at < :to group by 2
				""".formatted(visible)).params(params).query((rs, n) -> {
			long[] counts = flow.get(YearMonth.from(rs.getObject("month", java.time.LocalDateTime.class)));
			if (counts != null) {
				counts[rs.getInt("kind")] = rs.getLong("cases");
			}
			return null;
		}).list();

		SatisfactionReport surveys = this.satisfaction.report(viewer, from, to, ServiceSatisfaction.Grouping.AGENT);
		Map<YearMonth, SatisfactionFigures> satisfactionByMonth = new LinkedHashMap<>();
		surveys.trend().forEach(month -> satisfactionByMonth.put(month.month(), month.figures()));
		List<ServiceOverviewReport.Month> months = new ArrayList<>();
		flow.forEach((month, counts) -> months.add(new ServiceOverviewReport.Month(month, counts[0], counts[1],
				satisfactionByMonth.getOrDefault(month, SatisfactionFigures.NONE))));

		long[] firstResponse = attainment.getOrDefault(SlaMetric.FIRST_RESPONSE, new long[2]);
		long[] resolution = attainment.getOrDefault(SlaMetric.RESOLUTION, new long[2]);
		CostSummary cost = this.costs.summary(viewer, from, to);
		CrossSell.CrossSellSummary crossSold = this.crossSell.summary(viewer, from, to);
		String period = "?from=" + from + "&to=" + to;
		return new ServiceOverviewReport(from, to, now,
				new Attainment(SlaMetric.FIRST_RESPONSE, firstResponse[0], firstResponse[1]),
				new Attainment(SlaMetric.RESOLUTION, resolution[0], resolution[1]), backlog, surveys.total(), months,
				new MoneyFigure(cost.costPerResolvedCase(), cost.currency(), COST_PER_CASE, "/cases/cost" + period),
				new MoneyFigure(crossSold.total(), crossSold.currency(), CROSS_SELL, "/cases/cross-sell" + period));
	}

	/**
	 * The open cases by status and age bucket, and their median age, in one statement
	 * (one row per status, and the total row of the grouping set).
	 */
	private Backlog backlog(String visible, Map<String, Object> params, Instant now) {
		Map<String, Object> backlogParams = new LinkedHashMap<>(params);
		backlogParams.put("open", OPEN);
		StringBuilder buckets = new StringBuilder();
		int[] bounds = AgeBucket.BOUNDS;
		for (int i = 0; i < bounds.length; i++) {
			// age >= bounds[i] days and < bounds[i + 1] days
			List<String> where = new ArrayList<>();
			if (bounds[i] > 0) {
				backlogParams.put("ageFrom" + i, utc(now.minus(Duration.ofDays(bounds[i]))));
				where.add("c.created_at <= :ageFrom" + i);
			}
			if (i + 1 < bounds.length) {
				backlogParams.put("ageTo" + i, utc(now.minus(Duration.ofDays(bounds[i + 1]))));
				where.add("c.created_at > :ageTo" + i);
			}
			buckets.append(", count(*) filter (where ")
				.append(String.join(" and ", where))
				.append(") as age")
				.append(i);
		}
		List<StatusAges> byStatus = new ArrayList<>();
		Object[] total = { 0L, null, null };
		this.jdbc
			.sql("""
					select c.status, grouping(c.status) as total_row, count(*) as open%s,
					  percentile_cont(0.5) within group (order by extract(epoch from (cast(:now as timestamptz) - c.created_at)))
					    as median_seconds
					from cases c where %s and c.status in (:open)
					group by grouping sets ((c.status), ())
					"""
				.formatted(buckets, visible))
			.params(backlogParams)
			.query((rs, n) -> {
				List<Long> counts = new ArrayList<>();
				for (int i = 0; i < bounds.length; i++) {
					counts.add(rs.getLong("age" + i));
				}
				if (rs.getInt("total_row") == 1) {
					total[0] = rs.getLong("open");
					total[1] = counts;
					double median = rs.getDouble("median_seconds");
					total[2] = rs.wasNull() ? null
							: BigDecimal.valueOf(median).divide(BigDecimal.valueOf(86_400), 1, RoundingMode.HALF_UP);
				}
				else {
					byStatus
						.add(new StatusAges(CaseStatus.valueOf(rs.getString("status")), rs.getLong("open"), counts));
				}
				return null;
			})
			.list();
		byStatus.sort(java.util.Comparator.comparing(StatusAges::status));
		@SuppressWarnings("unchecked")
		List<Long> totals = (total[1] != null) ? (List<Long>) total[1]
				: java.util.Collections.nCopies(bounds.length, 0L);
		List<AgeBucket> byAge = new ArrayList<>();
		for (int i = 0; i < bounds.length; i++) {
			byAge.add(new AgeBucket(AgeBucket.BUCKETS.get(i), bounds[i], (i + 1 < bounds.length) ? bounds[i + 1] : null,
					totals.get(i)));
		}
		return new Backlog((long) total[0], (BigDecimal) total[2], byStatus, byAge);
	}

}
