package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.service.ServiceOverviewReport.AgeBucket;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The executive service view's figures, checked against figures computed here from the
 * test's own cases and SLA clocks (written as rows, so that their times are the test's):
 * SLA attainment, the backlog by status and age and its median, cases opened and resolved
 * by month — for a manager who sees only their own team's cases and the cases on their
 * team's accounts; the drill-downs list exactly the cases counted; satisfaction is the
 * satisfaction report's; who may see it.
 */
@IntegrationTest
class ServiceOverviewTests {

	@Autowired
	ServiceOverview overview;

	@Autowired
	ServiceSatisfaction satisfaction;

	@Autowired
	Cases cases;

	@Autowired
	CaseQueues queues;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	BusinessCalendars calendars;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ServiceCosts costs;

	@Autowired
	CaseExpenses expenses;

	@Autowired
	CrossSell crossSell;

	/** A case as written here: its times, and its status. */
	record Row(UUID id, CaseStatus status, Instant createdAt, Instant resolvedAt) {
	}

	/** An SLA clock as written here. */
	record SlaRow(UUID caseId, SlaMetric metric, SlaState state, Instant dueAt, Instant breachedAt,
			Instant completedAt) {
	}

	@Test
	void figuresMatchTheTeamsOwnCasesAndDrillIntoThem() {
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		User rep = this.users.create(Role.REP, manager.id());
		User outsider = this.users.create(Role.SERVICE);
		Account teamAccount = this.customers.account(rep, "Team account " + TestCustomers.tag(), null);
		Account otherAccount = this.customers.account(this.users.create(Role.REP), "Other " + TestCustomers.tag(),
				null);
		ZoneId zone = this.calendars.companyZone();
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate from = today.minusMonths(2).withDayOfMonth(1);

		Viewer executive = TestUsers.viewer(this.users.create(Role.EXECUTIVE));
		ServiceOverviewReport executiveBefore = this.overview.report(executive, from, today);
		List<Row> rows = new ArrayList<>();
		List<SlaRow> clocks = new ArrayList<>();
		// open cases of every age bucket and status
		rows.add(write(agent.id(), null, CaseStatus.NEW, now.minus(Duration.ofHours(12)), null));
		rows.add(write(agent.id(), null, CaseStatus.OPEN, now.minus(Duration.ofDays(2)), null));
		rows.add(write(null, teamAccount.id(), CaseStatus.OPEN, now.minus(Duration.ofDays(5)), null));
		rows.add(write(agent.id(), null, CaseStatus.WAITING_ON_CUSTOMER, now.minus(Duration.ofDays(10)), null));
		rows.add(write(agent.id(), null, CaseStatus.OPEN, now.minus(Duration.ofDays(40)), null));
		rows.add(write(outsider.id(), teamAccount.id(), CaseStatus.WAITING_ON_CUSTOMER, now.minus(Duration.ofDays(100)),
				null));
		// resolved and closed, inside the period and before it
		rows.add(write(agent.id(), null, CaseStatus.RESOLVED, now.minus(Duration.ofDays(20)),
				now.minus(Duration.ofDays(18))));
		rows.add(write(agent.id(), null, CaseStatus.CLOSED, now.minus(Duration.ofDays(45)),
				now.minus(Duration.ofDays(30))));
		rows.add(write(agent.id(), null, CaseStatus.RESOLVED, now.minus(Duration.ofDays(300)),
				now.minus(Duration.ofDays(1))));
		rows.add(write(agent.id(), null, CaseStatus.RESOLVED, now.minus(Duration.ofDays(400)),
				now.minus(Duration.ofDays(390))));
		// cases the manager may not read: they count nowhere
		write(outsider.id(), null, CaseStatus.OPEN, now.minus(Duration.ofDays(2)), null);
		UUID hidden = write(outsider.id(), otherAccount.id(), CaseStatus.RESOLVED, now.minus(Duration.ofDays(3)),
				now.minus(Duration.ofDays(1)))
			.id();
		clock(hidden, SlaMetric.FIRST_RESPONSE, SlaState.MET, null, null, now.minus(Duration.ofDays(3)));
		// a deleted case counts nowhere either
		UUID deleted = write(agent.id(), null, CaseStatus.OPEN, now.minus(Duration.ofDays(2)), null).id();
		this.jdbc.sql("update cases set deleted_at = :now where id = :id")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("id", deleted)
			.update();
		clock(deleted, SlaMetric.FIRST_RESPONSE, SlaState.MET, null, null, now.minus(Duration.ofDays(1)));

		// SLA clocks: met, missed, breached (marked), past due while running (not yet
		// swept), running, paused, met before the period
		clocks.add(clock(rows.get(6).id(), SlaMetric.FIRST_RESPONSE, SlaState.MET, null, null,
				now.minus(Duration.ofDays(19))));
		clocks.add(clock(rows.get(6).id(), SlaMetric.RESOLUTION, SlaState.MISSED, null, now.minus(Duration.ofDays(19)),
				now.minus(Duration.ofDays(18))));
		clocks.add(clock(rows.get(1).id(), SlaMetric.FIRST_RESPONSE, SlaState.BREACHED, null,
				now.minus(Duration.ofDays(1)), null));
		clocks.add(clock(rows.get(0).id(), SlaMetric.FIRST_RESPONSE, SlaState.RUNNING,
				now.minus(Duration.ofMinutes(30)), null, null));
		clocks.add(clock(rows.get(0).id(), SlaMetric.RESOLUTION, SlaState.RUNNING, now.plus(Duration.ofHours(20)), null,
				null));
		clocks.add(clock(rows.get(3).id(), SlaMetric.RESOLUTION, SlaState.PAUSED, null, null, null));
		clocks.add(clock(rows.get(7).id(), SlaMetric.RESOLUTION, SlaState.MET, null, null,
				now.minus(Duration.ofDays(30))));
		clocks.add(
				clock(rows.get(8).id(), SlaMetric.RESOLUTION, SlaState.MET, null, null, now.minus(Duration.ofDays(1))));
		clocks.add(clock(rows.get(9).id(), SlaMetric.RESOLUTION, SlaState.MET, null, null,
				now.minus(Duration.ofDays(390))));

		Viewer viewer = TestUsers.viewer(manager);
		ServiceOverviewReport report = this.overview.report(viewer, from, today);
		Instant asOf = report.asOf();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();

		// SLA attainment, computed here from the clocks
		for (SlaMetric metric : SlaMetric.values()) {
			Set<UUID> met = new HashSet<>();
			Set<UUID> breached = new HashSet<>();
			for (SlaRow k : clocks) {
				if (k.metric() != metric) {
					continue;
				}
				if (k.state() == SlaState.MET && within(k.completedAt(), start, end)) {
					met.add(k.caseId());
				}
				Instant due = (k.breachedAt() != null) ? k.breachedAt() : k.dueAt();
				if (k.state() != SlaState.MET && due != null && within(due, start, end) && !due.isAfter(asOf)) {
					breached.add(k.caseId());
				}
			}
			ServiceOverviewReport.Attainment attainment = (metric == SlaMetric.FIRST_RESPONSE) ? report.firstResponse()
					: report.resolution();
			assertThat(attainment.met()).as(metric + " met").isEqualTo(met.size());
			assertThat(attainment.breached()).as(metric + " breached").isEqualTo(breached.size());
			assertThat(attainment.percent()).as(metric + " percent")
				.isEqualByComparingTo(percent(met.size(), met.size() + breached.size()));
			String value = metric.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			assertThat(drill(viewer, new CaseFilter.Drill(null, null, null, null, null, null, CaseFilter.SlaOutcome.MET,
					metric, from, today)))
				.as(metric + " met cases")
				.isEqualTo(met);
			assertThat(drill(viewer, new CaseFilter.Drill(null, null, null, null, null, null,
					CaseFilter.SlaOutcome.BREACHED, metric, from, today)))
				.as(metric + " breached cases " + value)
				.isEqualTo(breached);
		}
		assertThat(report.firstResponse().met()).isEqualTo(1);
		assertThat(report.firstResponse().breached()).isEqualTo(2);
		assertThat(report.resolution().met()).isEqualTo(2);
		assertThat(report.resolution().breached()).isEqualTo(1);

		// backlog: status, age buckets and median, computed here
		List<Row> open = rows.stream().filter(r -> r.status().isOpen()).toList();
		assertThat(report.backlog().open()).isEqualTo(open.size());
		List<Double> ages = open.stream()
			.map(r -> Duration.between(r.createdAt(), asOf).toMillis() / 86_400_000.0)
			.sorted()
			.toList();
		double median = (ages.size() % 2 == 1) ? ages.get(ages.size() / 2)
				: (ages.get(ages.size() / 2 - 1) + ages.get(ages.size() / 2)) / 2;
		assertThat(report.backlog().medianAgeDays())
			.isEqualByComparingTo(BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP));
		for (AgeBucket bucket : report.backlog().byAge()) {
			long expected = ages.stream()
				.filter(age -> age >= bucket.fromDays() && (bucket.toDays() == null || age < bucket.toDays()))
				.count();
			assertThat(bucket.count()).as(bucket.label()).isEqualTo(expected);
			Set<UUID> expectedIds = open.stream().filter(r -> {
				double age = Duration.between(r.createdAt(), asOf).toMillis() / 86_400_000.0;
				return age >= bucket.fromDays() && (bucket.toDays() == null || age < bucket.toDays());
			}).map(Row::id).collect(Collectors.toSet());
			assertThat(list(viewer, new CaseFilter(null, CaseFilter.OPEN, null, null, null, null, null,
					new CaseFilter.Drill(null, null, null, null, (bucket.fromDays() > 0) ? bucket.fromDays() : null,
							bucket.toDays(), null, null, null, null))))
				.as(bucket.label() + " cases")
				.isEqualTo(expectedIds);
		}
		assertThat(report.backlog().byAge()).extracting(AgeBucket::count).containsExactly(1L, 1L, 1L, 1L, 2L);
		Map<CaseStatus, Long> byStatus = open.stream()
			.collect(Collectors.groupingBy(Row::status, Collectors.counting()));
		assertThat(report.backlog().byStatus()).hasSize(byStatus.size());
		for (ServiceOverviewReport.StatusAges status : report.backlog().byStatus()) {
			assertThat(status.open()).as(status.status().name()).isEqualTo(byStatus.get(status.status()));
			assertThat(status.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(status.open());
		}

		// opened and resolved by month, computed here
		for (ServiceOverviewReport.Month month : report.months()) {
			long opened = rows.stream()
				.filter(r -> within(r.createdAt(), start, end)
						&& YearMonth.from(r.createdAt().atZone(zone)).equals(month.month()))
				.count();
			long resolved = rows.stream()
				.filter(r -> r.resolvedAt() != null && within(r.resolvedAt(), start, end)
						&& YearMonth.from(r.resolvedAt().atZone(zone)).equals(month.month()))
				.count();
			assertThat(month.opened()).as("opened in " + month.month()).isEqualTo(opened);
			assertThat(month.resolved()).as("resolved in " + month.month()).isEqualTo(resolved);
		}
		assertThat(report.months()).extracting(ServiceOverviewReport.Month::month)
			.containsExactly(YearMonth.from(from), YearMonth.from(from).plusMonths(1), YearMonth.from(today));
		Set<UUID> openedIds = rows.stream()
			.filter(r -> within(r.createdAt(), start, end))
			.map(Row::id)
			.collect(Collectors.toSet());
		assertThat(report.opened()).isEqualTo(openedIds.size());
		assertThat(drill(viewer, new CaseFilter.Drill(from, today, null, null, null, null, null, null, null, null)))
			.isEqualTo(openedIds);
		Set<UUID> resolvedIds = rows.stream()
			.filter(r -> r.resolvedAt() != null && within(r.resolvedAt(), start, end))
			.map(Row::id)
			.collect(Collectors.toSet());
		assertThat(report.resolved()).isEqualTo(resolvedIds.size());
		assertThat(drill(viewer, new CaseFilter.Drill(null, null, from, today, null, null, null, null, null, null)))
			.isEqualTo(resolvedIds);

		// an executive reads every case: the same clocks and the outsider's met one (but
		// never the deleted case's) were added to what they saw before
		ServiceOverviewReport executiveAfter = this.overview.report(executive, from, today);
		assertThat(executiveAfter.firstResponse().met() - executiveBefore.firstResponse().met())
			.isEqualTo(report.firstResponse().met() + 1);
		assertThat(executiveAfter.firstResponse().breached() - executiveBefore.firstResponse().breached())
			.isEqualTo(report.firstResponse().breached());
		assertThat(executiveAfter.resolution().met() - executiveBefore.resolution().met())
			.isEqualTo(report.resolution().met());
		assertThat(executiveAfter.resolution().breached() - executiveBefore.resolution().breached())
			.isEqualTo(report.resolution().breached());

		// nothing was spent on the team's cases: no cost, whatever was resolved
		assertThat(report.costPerCase().amount()).isEqualByComparingTo("0.00");
	}

	@Test
	void satisfactionIsTheSatisfactionReportsForTheSameViewerAndPeriod() {
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		Viewer viewer = TestUsers.viewer(manager);
		LocalDate from = today.minusMonths(1).withDayOfMonth(1);

		ServiceOverviewReport report = this.overview.report(viewer, from, today);
		SatisfactionReport surveys = this.satisfaction.report(viewer, from, today, ServiceSatisfaction.Grouping.AGENT);

		assertThat(report.satisfaction()).isEqualTo(surveys.total());
		assertThat(report.months()).extracting(ServiceOverviewReport.Month::satisfaction)
			.containsExactlyElementsOf(surveys.trend().stream().map(SatisfactionReport.Month::figures).toList());
		assertThat(agent.id()).isNotNull();
	}

	@Test
	void costPerCaseAndCrossSellAreTheirReportsForTheSameViewerAndPeriod() {
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		Viewer viewer = TestUsers.viewer(manager);
		LocalDate from = today.minusMonths(1).withDayOfMonth(1);
		ServiceOverviewReport before = this.overview.report(viewer, from, today);
		assertThat(before.costPerCase().amount()).as("no case of the team resolved yet").isNull();

		// two cases of the agent, resolved today, with 300.00 spent on them
		for (String amount : new String[] { "120.00", "180.00" }) {
			SupportCase c = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Costed " + TestCustomers.tag(),
					null, null, null, null, null, null, agent.id(), null, null, null));
			this.expenses.add(TestUsers.viewer(agent), c.id(),
					new ExpenseDetails(today, new BigDecimal(amount), "Courier", ExpenseCategory.SHIPPING));
			this.cases.changeStatus(agent.id(), c.id(), CaseStatus.RESOLVED);
		}

		ServiceOverviewReport report = this.overview.report(viewer, from, today);
		CostSummary cost = this.costs.summary(viewer, from, today);
		assertThat(report.costPerCase().amount()).isEqualByComparingTo(cost.costPerResolvedCase())
			.isEqualByComparingTo("150.00");
		assertThat(report.costPerCase().link()).isEqualTo("/cases/cost?from=" + from + "&to=" + today);
		assertThat(report.crossSellRevenue().amount())
			.isEqualByComparingTo(this.crossSell.summary(viewer, from, today).total());
	}

	@Test
	void executivesAdministratorsAndTheDesksManagersMaySeeItOthersAreRefused() {
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		User serviceLead = this.users.create(Role.SERVICE);
		this.users.create(Role.SERVICE, serviceLead.id());
		User queueManager = this.users.create(Role.SERVICE);
		this.queues.create(TestUsers.viewer(this.users.create(Role.ADMIN)), "Overview queue " + TestCustomers.tag(),
				null, queueManager.id());
		User deskManager = this.users.create(Role.MANAGER);
		this.users.create(Role.SERVICE, deskManager.id());
		User salesManager = this.users.create(Role.MANAGER);
		this.users.create(Role.REP, salesManager.id());

		for (User allowed : List.of(this.users.create(Role.EXECUTIVE), this.users.create(Role.ADMIN), serviceLead,
				queueManager, deskManager)) {
			assertThat(this.overview.mayView(TestUsers.viewer(allowed))).as(allowed.role().name()).isTrue();
			assertThat(this.overview.report(TestUsers.viewer(allowed), today, today)).isNotNull();
		}
		for (User refused : List.of(this.users.create(Role.SERVICE), this.users.create(Role.REP),
				this.users.create(Role.MARKETING), salesManager)) {
			assertThat(this.overview.mayView(TestUsers.viewer(refused))).as(refused.role().name()).isFalse();
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.overview.report(TestUsers.viewer(refused), today, today));
		}
		Viewer executive = TestUsers.viewer(this.users.create(Role.EXECUTIVE));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.overview.report(executive, today, today.minusDays(1)));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.overview.report(executive, today.minusYears(6), today));
	}

	private Set<UUID> drill(Viewer viewer, CaseFilter.Drill drill) {
		return list(viewer, new CaseFilter(null, null, null, null, null, null, null, drill));
	}

	private Set<UUID> list(Viewer viewer, CaseFilter filter) {
		return this.cases.list(viewer, filter, PageRequest.of(0, 100))
			.stream()
			.map(SupportCase::id)
			.collect(Collectors.toSet());
	}

	private static boolean within(Instant instant, Instant start, Instant end) {
		return !instant.isBefore(start) && instant.isBefore(end);
	}

	private static BigDecimal percent(long part, long whole) {
		return (whole == 0) ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
	}

	private Row write(UUID ownerId, UUID accountId, CaseStatus status, Instant createdAt, Instant resolvedAt) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into cases (id, subject, account_id, priority, status, channel, owner_id, queue_id, resolved_at,
				  closed_at, created_at, updated_at, last_touched_at)
				values (:id, 'Overview case', :account, 'NORMAL', :status, 'EMAIL', :owner, :queue, :resolved,
				  :closed, :created, :created, :created)
				""")
			.param("id", id)
			.param("account", accountId)
			.param("status", status.name())
			.param("owner", ownerId)
			.param("queue", Cases.DEFAULT_QUEUE_ID)
			.param("resolved", (resolvedAt != null) ? resolvedAt.atOffset(ZoneOffset.UTC) : null)
			.param("closed", (status == CaseStatus.CLOSED) ? resolvedAt.atOffset(ZoneOffset.UTC) : null)
			.param("created", createdAt.atOffset(ZoneOffset.UTC))
			.update();
		return new Row(id, status, createdAt, resolvedAt);
	}

	private SlaRow clock(UUID caseId, SlaMetric metric, SlaState state, Instant dueAt, Instant breachedAt,
			Instant completedAt) {
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into case_sla (case_id, calendar_id, account_tier, priority, warn_percent_left, opened_at,
				  counting, updated_at)
				values (:id, :calendar, 'STANDARD', 'NORMAL', 25, :now, 'RUNNING', :now)
				on conflict (case_id) do nothing
				""")
			.param("id", caseId)
			.param("calendar", this.calendars.company().id())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		this.jdbc.sql("""
				insert into case_sla_clocks (case_id, metric, target_minutes, state, elapsed_seconds, due_at,
				  breached_at, completed_at, computed_at)
				values (:id, :metric, 480, :state, 0, :due, :breached, :completed, :now)
				""")
			.param("id", caseId)
			.param("metric", metric.name())
			.param("state", state.name())
			.param("due", (dueAt != null) ? dueAt.atOffset(ZoneOffset.UTC) : null)
			.param("breached", (breachedAt != null) ? breachedAt.atOffset(ZoneOffset.UTC) : null)
			.param("completed", (completedAt != null) ? completedAt.atOffset(ZoneOffset.UTC) : null)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		return new SlaRow(caseId, metric, state, dueAt, breachedAt, completedAt);
	}

}
