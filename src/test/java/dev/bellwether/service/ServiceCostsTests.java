package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.ProductDetails;
import dev.bellwether.sales.Products;
import dev.bellwether.service.ServiceCosts.Grouping;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cost roll-ups checked against sums computed here from the test's own entries
 * (minutes × the rate this test set for the role on the entry's day, across a rate
 * change, plus expenses): by agent, account (beside its won revenue), product and month,
 * the executive summary and a case's card; what another manager sees; the rate history;
 * and who is refused. Rates apply company-wide, so each test uses its own years (2021 to
 * 2023) and sets the rate of every role it logs as from the first day it uses.
 */
@IntegrationTest
class ServiceCostsTests {

	@Autowired
	ServiceCosts costs;

	@Autowired
	ServiceCostRates rates;

	@Autowired
	CaseTime time;

	@Autowired
	CaseExpenses expenses;

	@Autowired
	Cases cases;

	@Autowired
	Products products;

	@Autowired
	Opportunities opportunities;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	/** A time entry as this test logged it. */
	record Logged(Role role, LocalDate day, int minutes, UUID caseId, UUID userId) {
	}

	/** An expense as this test added it. */
	record Spent(LocalDate day, BigDecimal amount, UUID caseId, UUID userId) {
	}

	private final List<Logged> logged = new ArrayList<>();

	private final List<Spent> spent = new ArrayList<>();

	/** The rates this test set: role → (first day → hourly rate). */
	private final Map<Role, java.util.TreeMap<LocalDate, BigDecimal>> myRates = new java.util.EnumMap<>(Role.class);

	@Test
	void rollUpsMatchTheEntriesCostedAtTheRateInForceAcrossARateChange() {
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		rate(admin, Role.SERVICE, "60.00", "2021-01-01");
		rate(admin, Role.SERVICE, "90.00", "2021-03-01");
		rate(admin, Role.MANAGER, "121.37", "2021-01-01");

		User manager = this.users.create(Role.MANAGER);
		User ada = this.users.create(Role.SERVICE, manager.id());
		User bo = this.users.create(Role.SERVICE, manager.id());
		User rep = this.users.create(Role.REP);
		Account acme = this.customers.account(rep, "Acme " + TestCustomers.tag(), null);
		Account globex = this.customers.account(rep, "Globex " + TestCustomers.tag(), null);
		Product widget = this.products.create(TestUsers.viewer(this.users.create(Role.SALES_ADMIN)), new ProductDetails(
				"W-" + TestCustomers.tag(), "Widget " + TestCustomers.tag(), null, new BigDecimal("10"), true));

		SupportCase one = open(ada, acme.id(), widget.id());
		SupportCase two = open(bo, globex.id(), null);
		SupportCase three = open(bo, acme.id(), widget.id());
		log(ada, one, "2021-02-10", 90);
		log(ada, one, "2021-03-05", 45);
		log(bo, two, "2021-02-28", 31);
		log(bo, two, "2021-03-01", 61);
		log(manager, two, "2021-03-02", 20);
		log(bo, three, "2021-01-31", 100); // before the period: not counted in it
		spend(ada, one, "2021-02-11", "120.50");
		spend(bo, three, "2021-03-31", "9.99");
		resolve(one, "2021-03-15T12:00:00Z");
		resolve(three, "2021-02-20T12:00:00Z");
		won(rep, acme, "5000.00", LocalDate.parse("2021-03-10"));
		won(rep, acme, "777.00", LocalDate.parse("2021-04-01")); // after the period

		LocalDate from = LocalDate.parse("2021-02-01");
		LocalDate to = LocalDate.parse("2021-03-31");
		Viewer team = TestUsers.viewer(manager);

		// totals and the summary
		CostReport byAgent = this.costs.report(team, from, to, Grouping.AGENT);
		assertThat(byAgent.total().minutes()).isEqualTo(minutes(from, to, l -> true));
		assertThat(byAgent.total().totalCost()).isEqualByComparingTo(cost(from, to, l -> true, s -> true));
		assertThat(byAgent.total().casesWithCost()).isEqualTo(3);
		assertThat(byAgent.total().resolvedCases()).isEqualTo(2);
		CostSummary summary = this.costs.summary(team, from, to);
		assertThat(summary.totalCost()).isEqualByComparingTo(cost(from, to, l -> true, s -> true));
		assertThat(summary.minutesLogged()).isEqualTo(minutes(from, to, l -> true));
		assertThat(summary.casesWithCost()).isEqualTo(3);
		assertThat(summary.resolvedCases()).isEqualTo(2);
		assertThat(summary.costPerResolvedCase()).isEqualByComparingTo(
				cost(from, to, l -> true, s -> true).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
		assertThat(summary.currency()).isEqualTo(this.rates.currency());

		// by agent: time by who logged it, expenses by who added them
		for (User agent : List.of(ada, bo, manager)) {
			CostRow row = row(byAgent, agent.id());
			assertThat(row.figures().minutes()).as(agent.username())
				.isEqualTo(minutes(from, to, l -> l.userId().equals(agent.id())));
			assertThat(row.figures().totalCost()).as(agent.username())
				.isEqualByComparingTo(
						cost(from, to, l -> l.userId().equals(agent.id()), s -> s.userId().equals(agent.id())));
		}

		// by account, beside its won revenue in the period
		CostReport byAccount = this.costs.report(team, from, to, Grouping.ACCOUNT);
		CostRow acmeRow = row(byAccount, acme.id());
		BigDecimal acmeCost = cost(from, to, l -> List.of(one.id(), three.id()).contains(l.caseId()),
				s -> List.of(one.id(), three.id()).contains(s.caseId()));
		assertThat(acmeRow.figures().totalCost()).isEqualByComparingTo(acmeCost);
		assertThat(acmeRow.figures().resolvedCases()).isEqualTo(2);
		assertThat(acmeRow.revenue()).isEqualByComparingTo("5000.00");
		assertThat(acmeRow.costShareOfRevenue()).isEqualByComparingTo(
				acmeCost.multiply(BigDecimal.valueOf(100)).divide(new BigDecimal("5000.00"), 1, RoundingMode.HALF_UP));
		CostRow globexRow = row(byAccount, globex.id());
		assertThat(globexRow.figures().totalCost())
			.isEqualByComparingTo(cost(from, to, l -> l.caseId().equals(two.id()), s -> false));
		assertThat(globexRow.revenue()).isEqualByComparingTo("0");
		assertThat(globexRow.costShareOfRevenue()).isNull();

		// by product: the cases without one under "No product"
		CostReport byProduct = this.costs.report(team, from, to, Grouping.PRODUCT);
		assertThat(row(byProduct, widget.id()).figures().totalCost()).isEqualByComparingTo(acmeCost);
		CostRow noProduct = byProduct.rows().get(byProduct.rows().size() - 1);
		assertThat(noProduct.id()).isNull();
		assertThat(noProduct.name()).isEqualTo("No product");
		assertThat(noProduct.figures().totalCost())
			.isEqualByComparingTo(cost(from, to, l -> l.caseId().equals(two.id()), s -> false));

		// by month, and the trend the executive view draws
		CostReport byMonth = this.costs.report(team, from, to, Grouping.MONTH);
		assertThat(byMonth.rows()).extracting(CostRow::month)
			.containsExactly(YearMonth.of(2021, 2), YearMonth.of(2021, 3));
		List<MonthCost> months = this.costs.byMonth(team, from, to);
		assertThat(months).extracting(MonthCost::month).containsExactly(YearMonth.of(2021, 2), YearMonth.of(2021, 3));
		for (MonthCost month : months) {
			LocalDate first = month.month().atDay(1);
			LocalDate last = month.month().atEndOfMonth();
			assertThat(month.cost()).as(month.month().toString())
				.isEqualByComparingTo(cost(first, last, l -> true, s -> true));
		}
		assertThat(months.get(0).resolvedCases()).isEqualTo(1);
		assertThat(months.get(1).resolvedCases()).isEqualTo(1);

		// a case's card: all its time and expenses, whatever the day
		CaseCost card = this.costs.ofCase(team, three.id());
		assertThat(card.figures().minutes()).isEqualTo(100);
		assertThat(card.figures().totalCost()).isEqualByComparingTo(cost(LocalDate.MIN, LocalDate.MAX,
				l -> l.caseId().equals(three.id()), s -> s.caseId().equals(three.id())));

		// another manager sees none of it
		CostSummary other = this.costs.summary(TestUsers.viewer(this.users.create(Role.MANAGER)), from, to);
		assertThat(other.casesWithCost()).isZero();
		assertThat(other.totalCost()).isEqualByComparingTo("0");
		assertThat(other.costPerResolvedCase()).isNull();
	}

	@Test
	void timeWithoutARateInForceCostsNothingAndIsCountedAsUnrated() {
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		rate(admin, Role.SERVICE, "50.00", "2022-06-01");
		User manager = this.users.create(Role.MANAGER);
		User agent = this.users.create(Role.SERVICE, manager.id());
		SupportCase c = open(agent, null, null);
		this.time.log(TestUsers.viewer(agent), c.id(),
				new TimeEntryDetails(LocalDate.parse("2022-05-20"), 40, "before any rate from 2022"));
		this.time.log(TestUsers.viewer(agent), c.id(), new TimeEntryDetails(LocalDate.parse("2022-06-02"), 30, null));

		CostReport report = this.costs.report(TestUsers.viewer(manager), LocalDate.parse("2022-05-01"),
				LocalDate.parse("2022-06-30"), Grouping.AGENT);

		// 2021's SERVICE rates (another test) may be in force on 20 May 2022; this test
		// checks only what its own rate decides
		assertThat(report.total().minutes()).isEqualTo(70);
		assertThat(row(report, agent.id()).figures().timeCost()).isGreaterThanOrEqualTo(new BigDecimal("25.00"));
		CostReport june = this.costs.report(TestUsers.viewer(manager), LocalDate.parse("2022-06-01"),
				LocalDate.parse("2022-06-30"), Grouping.AGENT);
		assertThat(june.total().timeCost()).isEqualByComparingTo("25.00");

		// a role nobody set a rate for: unrated
		User admin2 = this.users.create(Role.ADMIN);
		this.time.log(TestUsers.viewer(admin2), c.id(),
				new TimeEntryDetails(LocalDate.parse("2022-06-03"), 15, "no admin rate"));
		CostReport unrated = this.costs.report(TestUsers.viewer(manager), LocalDate.parse("2022-06-01"),
				LocalDate.parse("2022-06-30"), Grouping.AGENT);
		assertThat(unrated.total().unratedMinutes()).isEqualTo(15);
		assertThat(row(unrated, admin2.id()).figures().timeCost()).isEqualByComparingTo("0");
	}

	@Test
	void ratesKeepTheirHistoryAndOnlyAdministratorsSetThem() {
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		rate(admin, Role.SALES_ADMIN, "40.00", "2023-01-01");
		rate(admin, Role.SALES_ADMIN, "45.50", "2023-07-01");

		assertThat(this.rates.inForce(Role.SALES_ADMIN, LocalDate.parse("2022-12-31"))).isEmpty();
		assertThat(this.rates.inForce(Role.SALES_ADMIN, LocalDate.parse("2023-06-30")).orElseThrow().hourlyRate())
			.isEqualByComparingTo("40.00");
		assertThat(this.rates.inForce(Role.SALES_ADMIN, LocalDate.parse("2023-07-01")).orElseThrow().hourlyRate())
			.isEqualByComparingTo("45.50");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.rates.add(admin,
					new CostRateDetails(Role.SALES_ADMIN, new BigDecimal("50"), LocalDate.parse("2023-07-01"))))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("effectiveFrom"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.rates.add(admin,
					new CostRateDetails(Role.SALES_ADMIN, new BigDecimal("-1"), LocalDate.parse("2023-08-01"))))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("hourlyRate"));
		for (Role role : List.of(Role.SERVICE, Role.MANAGER, Role.EXECUTIVE)) {
			Viewer viewer = TestUsers.viewer(this.users.create(role));
			assertThatExceptionOfType(ForbiddenException.class).as(role.name())
				.isThrownBy(() -> this.rates.add(viewer,
						new CostRateDetails(Role.SALES_ADMIN, BigDecimal.ONE, LocalDate.parse("2023-09-01"))));
		}

		CostRate july = this.rates.inForce(Role.SALES_ADMIN, LocalDate.parse("2023-07-01")).orElseThrow();
		this.rates.delete(admin, july.id(), july.version());
		assertThat(this.rates.inForce(Role.SALES_ADMIN, LocalDate.parse("2023-07-01")).orElseThrow().hourlyRate())
			.isEqualByComparingTo("40.00");
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.rates.delete(admin, july.id(), july.version()));
	}

	@Test
	void peopleWhoDoNotWorkCasesAreRefusedAndABadPeriodIsNamed() {
		LocalDate day = LocalDate.parse("2021-06-01");
		for (Role role : List.of(Role.REP, Role.MARKETING, Role.SALES_ADMIN)) {
			Viewer viewer = TestUsers.viewer(this.users.create(role));
			assertThatExceptionOfType(AccessDeniedException.class).as(role.name())
				.isThrownBy(() -> this.costs.summary(viewer, day, day));
		}
		Viewer desk = TestUsers.viewer(this.users.create(Role.SERVICE));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.costs.report(desk, day, day.minusDays(1), Grouping.ACCOUNT))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("to"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> Grouping.parse("galaxy", "by"));
		assertThat(Grouping.parse(" Month ", "by")).isEqualTo(Grouping.MONTH);
		assertThat(Grouping.parse(null, "by")).isEqualTo(Grouping.ACCOUNT);
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.costs.ofCase(desk, UUID.randomUUID()));
	}

	// ------------------------------------------------------------------- helpers

	/**
	 * Σ minutes logged on days from {@code from} to {@code to}, of the entries chosen.
	 */
	private long minutes(LocalDate from, LocalDate to, java.util.function.Predicate<Logged> which) {
		return this.logged.stream()
			.filter(l -> !l.day().isBefore(from) && !l.day().isAfter(to))
			.filter(which)
			.mapToLong(Logged::minutes)
			.sum();
	}

	/**
	 * Σ minutes × the rate this test set for the role in force on the entry's day ÷ 60
	 * (to the cent) + Σ expenses, of the entries and expenses chosen in the days given.
	 */
	private BigDecimal cost(LocalDate from, LocalDate to, java.util.function.Predicate<Logged> which,
			java.util.function.Predicate<Spent> spentWhich) {
		BigDecimal minuteCost = BigDecimal.ZERO;
		for (Logged entry : this.logged) {
			if (entry.day().isBefore(from) || entry.day().isAfter(to) || !which.test(entry)) {
				continue;
			}
			Map.Entry<LocalDate, BigDecimal> rate = this.myRates.get(entry.role()).floorEntry(entry.day());
			minuteCost = minuteCost.add(rate.getValue().multiply(BigDecimal.valueOf(entry.minutes())));
		}
		BigDecimal total = minuteCost.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
		for (Spent expense : this.spent) {
			if (!expense.day().isBefore(from) && !expense.day().isAfter(to) && spentWhich.test(expense)) {
				total = total.add(expense.amount());
			}
		}
		return total;
	}

	private void rate(Viewer admin, Role role, String hourly, String from) {
		this.rates.add(admin, new CostRateDetails(role, new BigDecimal(hourly), LocalDate.parse(from)));
		this.myRates.computeIfAbsent(role, r -> new java.util.TreeMap<>())
			.put(LocalDate.parse(from), new BigDecimal(hourly));
	}

	private SupportCase open(User owner, UUID accountId, UUID productId) {
		return this.cases.open(TestUsers.viewer(owner), new CaseDetails("Costly " + TestCustomers.tag(), null,
				accountId, null, productId, null, null, owner.id(), null, null, null));
	}

	private void log(User who, SupportCase c, String day, int minutes) {
		this.time.log(TestUsers.viewer(who), c.id(), new TimeEntryDetails(LocalDate.parse(day), minutes, null));
		this.logged.add(new Logged(who.role(), LocalDate.parse(day), minutes, c.id(), who.id()));
	}

	private void spend(User who, SupportCase c, String day, String amount) {
		this.expenses.add(TestUsers.viewer(who), c.id(),
				new ExpenseDetails(LocalDate.parse(day), new BigDecimal(amount), "Courier", ExpenseCategory.SHIPPING));
		this.spent.add(new Spent(LocalDate.parse(day), new BigDecimal(amount), c.id(), who.id()));
	}

	/** Resolved at the moment given (the clock's day is years later). */
	private void resolve(SupportCase c, String at) {
		this.cases.changeStatus(c.ownerId(), c.id(), CaseStatus.RESOLVED);
		this.jdbc.sql("update cases set resolved_at = :at where id = :id")
			.param("at", OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC))
			.param("id", c.id())
			.update();
	}

	private void won(User rep, Account account, String amount, LocalDate day) {
		UUID stage = this.jdbc.sql("select id from pipeline_stages where outcome = 'OPEN' order by position limit 1")
			.query(UUID.class)
			.single();
		UUID id = this.opportunities
			.create(TestUsers.viewer(rep),
					new OpportunityDetails("Deal " + TestCustomers.tag(), account.id(), null, rep.id(), stage,
							new BigDecimal(amount), false, LocalDate.parse("2026-12-31"), null, null, null, null, null,
							null))
			.id();
		this.jdbc.sql("""
				update opportunities set close_date = :day, closed_at = :closed,
				  stage_id = (select id from pipeline_stages where outcome = 'WON' order by position limit 1)
				where id = :id
				""")
			.param("day", day)
			.param("closed", day.atTime(12, 0).atOffset(ZoneOffset.UTC))
			.param("id", id)
			.update();
	}

	private static CostRow row(CostReport report, UUID id) {
		return report.rows().stream().filter(row -> id.equals(row.id())).findFirst().orElseThrow();
	}

}
