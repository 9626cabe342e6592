package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.DealOutcomes;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.forecasting.ForecastingFixtures.LOST;
import static dev.bellwether.forecasting.ForecastingFixtures.NEEDS_ANALYSIS;
import static dev.bellwether.forecasting.ForecastingFixtures.NEGOTIATION;
import static dev.bellwether.forecasting.ForecastingFixtures.PROPOSAL;
import static dev.bellwether.forecasting.ForecastingFixtures.PROSPECTING;
import static dev.bellwether.forecasting.ForecastingFixtures.QUALIFICATION;
import static dev.bellwether.forecasting.ForecastingFixtures.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every analytics figure against a deliberately simple second computation over the
 * fixture's own list of deals: won, lost and open deals of two owners across two quarters
 * (2026-Q1 and 2026-Q2, today being 2026-06-17), amounts in cents, a deal with no history
 * beyond its first stage, a lost deal that was never beyond its first stage, and an empty
 * period. The fixture's deals belong to a new manager's organisation, so the figures see
 * only them.
 */
@IntegrationTest
class SalesAnalyticsTests {

	static final List<UUID> OPEN_STAGES = List.of(PROSPECTING, QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION);

	@Autowired
	SalesAnalytics analytics;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	ForecastingFixtures fixtures;

	User top;

	User manager;

	User repA;

	User repB;

	final List<Fixture> deals = new ArrayList<>();

	/**
	 * A fixture deal as the test knows it: its stays, in order (stage, entered).
	 */
	record Fixture(UUID id, UUID owner, BigDecimal amount, LocalDate created, LocalDate closeDate, UUID finalStage,
			List<UUID> stages, List<LocalDate> entered, String reason, String competitor) {

		boolean won() {
			return this.finalStage.equals(WON);
		}

		boolean lost() {
			return this.finalStage.equals(LOST);
		}

		boolean closedIn(FiscalPeriod period) {
			return (won() || lost()) && period.contains(this.closeDate);
		}

	}

	@BeforeEach
	void fixture() {
		this.fixtures = new ForecastingFixtures(this.testUsers, this.accounts, this.opportunities, "Analytics");
		this.top = this.fixtures.person(Role.MANAGER, null);
		this.manager = this.fixtures.person(Role.MANAGER, this.top);
		this.repA = this.fixtures.person(Role.REP, this.manager);
		this.repB = this.fixtures.person(Role.REP, this.manager);
		// 2026-Q1
		deal(this.repA, "1000.10", d(2026, 1, 5), d(2026, 2, 20), null, null, PROSPECTING, d(2026, 1, 5), QUALIFICATION,
				d(2026, 1, 15), PROPOSAL, d(2026, 2, 1), WON, d(2026, 2, 20));
		deal(this.repA, "500.00", d(2026, 1, 10), d(2026, 3, 1), "No budget this year", "Acme", PROSPECTING,
				d(2026, 1, 10), QUALIFICATION, d(2026, 1, 20), LOST, d(2026, 3, 1));
		deal(this.repB, "2000.00", d(2026, 2, 1), d(2026, 3, 31), null, null, PROSPECTING, d(2026, 2, 1), NEGOTIATION,
				d(2026, 2, 10), WON, d(2026, 3, 31));
		// 2026-Q2
		deal(this.repA, "300.45", d(2026, 4, 1), d(2026, 4, 11), null, null, PROSPECTING, d(2026, 4, 1), WON,
				d(2026, 4, 11));
		// no history beyond its first stage
		deal(this.repB, "700.00", d(2026, 4, 2), d(2026, 8, 1), null, null, PROSPECTING, d(2026, 4, 2));
		// lost without ever leaving its first stage
		deal(this.repB, "250.00", d(2026, 4, 3), d(2026, 5, 3), "Missing features they need", " acme ", PROSPECTING,
				d(2026, 4, 3), LOST, d(2026, 5, 3));
		deal(this.repA, "1200.00", d(2026, 5, 1), d(2026, 9, 30), null, null, PROSPECTING, d(2026, 5, 1), PROPOSAL,
				d(2026, 5, 10));
	}

	@Test
	void winRatesDealSizeAndCycleByOwnerTeamAndPeriodAgreeWithASimpleCount() {
		Viewer viewer = TestUsers.viewer(this.top);
		for (String code : List.of("2026-Q1", "2026-Q2", "FY2026", "2025-Q3", "2026-03")) {
			FiscalPeriod period = this.analytics.period(code);
			SalesAnalytics.WinRates rates = this.analytics.winRates(viewer,
					this.analytics.scope(viewer, this.manager.id()), period);

			assertAgrees(rates.total(), d -> d.closedIn(period), code);
			assertThat(rates.owners()).allSatisfy(row -> assertAgrees(row.figures(),
					d -> d.owner().equals(row.id()) && d.closedIn(period), code + " " + row.name()));
			long ownersWithClosed = this.deals.stream()
				.filter(d -> d.closedIn(period))
				.map(Fixture::owner)
				.distinct()
				.count();
			assertThat(rates.owners()).hasSize((int) ownersWithClosed);
			assertThat(rates.teams()).isEmpty();
		}
		// the top manager's teams: the manager's organisation is one
		SalesAnalytics.WinRates fromTop = this.analytics.winRates(viewer, this.analytics.scope(viewer, null),
				this.analytics.period("FY2026"));
		assertThat(fromTop.teams()).singleElement().satisfies(team -> {
			assertThat(team.id()).isEqualTo(this.manager.id());
			assertAgrees(team.figures(), d -> d.closedIn(this.analytics.period("FY2026")), "team");
		});
		// the trend: 8 quarters up to the one holding today (2026-Q2), each as counted
		assertThat(fromTop.trend()).extracting(row -> row.period().code())
			.containsExactly("2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2");
		assertThat(fromTop.trend())
			.allSatisfy(row -> assertAgrees(row.figures(), d -> d.closedIn(row.period()), row.period().code()));
		// by hand, 2026-Q1: 2 won of 3; 3,000.10 of 3,500.10; 1,500.05 a deal; 46 and 58
		// days
		WinLoss q1 = this.analytics
			.winRates(viewer, this.analytics.scope(viewer, this.manager.id()), this.analytics.period("2026-Q1"))
			.total();
		assertThat(q1.winRate()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(q1.valueWinRate()).isCloseTo(3000.10 / 3500.10, within(1e-9));
		assertThat(q1.averageDealSize()).isEqualByComparingTo("1500.05");
		assertThat(q1.meanCycleDays()).isEqualTo(52.0);
		assertThat(q1.medianCycleDays()).isEqualTo(52.0);
	}

	@Test
	void anEmptyPeriodHasNoRatesRatherThanZero() {
		Viewer viewer = TestUsers.viewer(this.manager);
		SalesAnalytics.WinRates rates = this.analytics.winRates(viewer, this.analytics.scope(viewer, null),
				this.analytics.period("2025-Q3"));
		assertThat(rates.total().closed()).isZero();
		assertThat(rates.total().winRate()).isNull();
		assertThat(rates.total().valueWinRate()).isNull();
		assertThat(rates.total().averageDealSize()).isNull();
		assertThat(rates.total().medianCycleDays()).isNull();
		assertThat(rates.owners()).isEmpty();
		PipelineVelocity velocity = this.analytics.velocity(viewer, this.analytics.scope(viewer, null),
				this.analytics.period("2025-Q3"));
		assertThat(velocity.openDeals()).isEqualTo(2);
		assertThat(velocity.perDay()).isNull();
		assertThat(this.analytics.funnel(viewer, this.analytics.scope(viewer, null), this.analytics.period("2025-Q3"))
			.funnel()
			.deals()).isZero();
	}

	@Test
	void funnelAndTimeInStageFromTheStageHistory() {
		Viewer viewer = TestUsers.viewer(this.manager);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, null);
		for (String code : List.of("2026-Q1", "2026-Q2", "FY2026")) {
			FiscalPeriod period = this.analytics.period(code);
			SalesAnalytics.Funnel funnel = this.analytics.funnel(viewer, scope, period);
			List<Fixture> cohort = this.deals.stream().filter(d -> period.contains(d.created())).toList();
			assertThat(funnel.funnel().deals()).as(code).isEqualTo(cohort.size());
			assertThat(funnel.funnel().won()).as(code).isEqualTo(cohort.stream().filter(Fixture::won).count());
			for (DealOutcomes.StageReach step : funnel.funnel().steps()) {
				if (!OPEN_STAGES.contains(step.stage().id())) {
					continue;
				}
				int position = OPEN_STAGES.indexOf(step.stage().id());
				long expected = cohort.stream()
					.filter(d -> d.won() || d.stages().stream().anyMatch(s -> OPEN_STAGES.indexOf(s) >= position))
					.count();
				assertThat(step.reached()).as(code + " " + step.stage().name()).isEqualTo(expected);
				assertThat(this.analytics
					.deals(viewer, scope, null, period, DealOutcomes.Drill.REACHED, step.stage().id().toString(), 100)
					.total()).isEqualTo(expected);
			}
			for (DealOutcomes.StageTime time : funnel.timeInStage()) {
				if (!OPEN_STAGES.contains(time.stage().id())) {
					continue;
				}
				List<Double> days = new ArrayList<>();
				for (Fixture deal : this.deals) {
					for (int i = 0; i + 1 < deal.stages().size(); i++) {
						if (deal.stages().get(i).equals(time.stage().id())
								&& period.contains(deal.entered().get(i + 1))) {
							days.add(
									(double) ChronoUnit.DAYS.between(deal.entered().get(i), deal.entered().get(i + 1)));
						}
					}
				}
				assertThat(time.stays()).as(code + " " + time.stage().name()).isEqualTo(days.size());
				if (days.isEmpty()) {
					assertThat(time.medianDays()).isNull();
				}
				else {
					assertThat(time.medianDays()).isCloseTo(median(days), within(1e-6));
					assertThat(time.meanDays()).isCloseTo(days.stream().mapToDouble(x -> x).average().getAsDouble(),
							within(1e-6));
				}
				assertThat(this.analytics
					.deals(viewer, scope, null, period, DealOutcomes.Drill.STAYED, time.stage().id().toString(), 100)
					.total()).isEqualTo(this.deals.stream().filter(deal -> {
						for (int i = 0; i + 1 < deal.stages().size(); i++) {
							if (deal.stages().get(i).equals(time.stage().id())
									&& period.contains(deal.entered().get(i + 1))) {
								return true;
							}
						}
						return false;
					}).count());
			}
		}
		// by hand, 2026-Q2: four deals created; Qualification reached by the won one and
		// the
		// one in Proposal
		SalesAnalytics.Funnel q2 = this.analytics.funnel(viewer, scope, this.analytics.period("2026-Q2"));
		assertThat(q2.funnel().deals()).isEqualTo(4);
		assertThat(q2.funnel().steps()).filteredOn(s -> s.stage().id().equals(QUALIFICATION))
			.singleElement()
			.extracting(DealOutcomes.StageReach::reached)
			.isEqualTo(2L);
		// 2026-Q1's Qualification stays: 17 and 40 days
		assertThat(this.analytics.funnel(viewer, scope, this.analytics.period("2026-Q1")).timeInStage())
			.filteredOn(t -> t.stage().id().equals(QUALIFICATION))
			.singleElement()
			.satisfies(t -> assertThat(t.medianDays()).isCloseTo(28.5, within(1e-9)));
	}

	@Test
	void velocityIsOpenDealsTimesWinRateTimesAverageSizeOverCycle() {
		Viewer viewer = TestUsers.viewer(this.manager);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, null);
		for (String code : List.of("2026-Q1", "2026-Q2", "FY2026")) {
			FiscalPeriod period = this.analytics.period(code);
			PipelineVelocity velocity = this.analytics.velocity(viewer, scope, period);
			long open = this.deals.stream().filter(d -> !d.won() && !d.lost()).count();
			List<Fixture> won = this.deals.stream().filter(d -> d.won() && d.closedIn(period)).toList();
			long closed = this.deals.stream().filter(d -> d.closedIn(period)).count();
			double size = won.stream().mapToDouble(d -> d.amount().doubleValue()).sum() / won.size();
			double cycle = won.stream().mapToLong(d -> ChronoUnit.DAYS.between(d.created(), d.closeDate())).sum()
					/ (double) won.size();
			double perDay = open * ((double) won.size() / closed) * Math.round(size * 100) / 100.0 / cycle;
			long days = ChronoUnit.DAYS.between(period.start(), period.end()) + 1;
			assertThat(velocity.openDeals()).isEqualTo(open);
			assertThat(velocity.perDay().doubleValue()).as(code).isCloseTo(perDay, within(0.0051));
			assertThat(velocity.perPeriod().doubleValue()).as(code).isCloseTo(perDay * days, within(0.0051 * days));
		}
		// by hand, 2026-Q2: 2 open × 1/2 × 300.45 ÷ 10 days = 30.045 a day, 2,734.095 in
		// its 91 days
		PipelineVelocity q2 = this.analytics.velocity(viewer, scope, this.analytics.period("2026-Q2"));
		assertThat(q2.perDay()).isEqualByComparingTo("30.05");
		assertThat(q2.perPeriod()).isEqualByComparingTo("2734.10");
	}

	@Test
	void lossesByReasonCompetitorAndStageLostAt() {
		Viewer viewer = TestUsers.viewer(this.manager);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, null);
		FiscalPeriod year = this.analytics.period("FY2026");
		DealOutcomes.Losses losses = this.analytics.losses(viewer, scope, year);
		List<Fixture> lost = this.deals.stream().filter(d -> d.lost() && d.closedIn(year)).toList();
		assertThat(losses.reasons()).hasSize((int) lost.stream().map(Fixture::reason).distinct().count());
		assertThat(losses.reasons()).allSatisfy(loss -> {
			assertThat(loss.deals()).isEqualTo(lost.stream().filter(d -> d.reason().equals(loss.label())).count());
			assertThat(loss.amount()).isEqualByComparingTo(lost.stream()
				.filter(d -> d.reason().equals(loss.label()))
				.map(Fixture::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add));
		});
		// " acme " and "Acme" are one competitor
		assertThat(losses.competitors()).singleElement().satisfies(loss -> {
			assertThat(loss.label()).isEqualToIgnoringCase("acme");
			assertThat(loss.deals()).isEqualTo(2);
			assertThat(loss.amount()).isEqualByComparingTo("750.00");
		});
		// the last open stage from the history: Qualification, and Prospecting for the
		// deal that never left it
		assertThat(losses.lostAt()).extracting(loss -> loss.stage().id(), DealOutcomes.Loss::deals)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(PROSPECTING, 1L),
					org.assertj.core.groups.Tuple.tuple(QUALIFICATION, 1L));
		assertThat(this.analytics.deals(viewer, scope, null, year, DealOutcomes.Drill.COMPETITOR, "ACME", 100).total())
			.isEqualTo(2);
		assertThat(
				this.analytics.deals(viewer, scope, null, year, DealOutcomes.Drill.LOST_AT, PROSPECTING.toString(), 100)
					.deals())
			.extracting(DealOutcomes.DealRow::amount)
			.containsExactly(new BigDecimal("250.00"));
		assertThat(
				this.analytics.deals(viewer, scope, null, year, DealOutcomes.Drill.REASON, "No budget this year", 100)
					.deals())
			.extracting(DealOutcomes.DealRow::ownerId)
			.containsExactly(this.repA.id());
	}

	@Test
	void drillListsHoldTheDealsCounted() {
		Viewer viewer = TestUsers.viewer(this.manager);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, null);
		FiscalPeriod q1 = this.analytics.period("2026-Q1");
		assertThat(this.analytics.deals(viewer, scope, null, q1, DealOutcomes.Drill.WON, null, 100).deals())
			.extracting(DealOutcomes.DealRow::id)
			.containsExactlyInAnyOrderElementsOf(
					this.deals.stream().filter(d -> d.won() && d.closedIn(q1)).map(Fixture::id).toList());
		assertThat(
				this.analytics.deals(viewer, scope, this.repA.id(), q1, DealOutcomes.Drill.CLOSED, null, 100).deals())
			.extracting(DealOutcomes.DealRow::id)
			.containsExactlyInAnyOrderElementsOf(this.deals.stream()
				.filter(d -> d.closedIn(q1) && d.owner().equals(this.repA.id()))
				.map(Fixture::id)
				.toList());
		assertThat(this.analytics.deals(viewer, scope, null, q1, DealOutcomes.Drill.OPEN, null, 1)).satisfies(list -> {
			assertThat(list.total()).isEqualTo(2);
			assertThat(list.deals()).hasSize(1);
		});
	}

	@Test
	void aRepSeesTheirOwnAndAManagerNeverAbove() {
		Viewer rep = TestUsers.viewer(this.repA);
		FiscalPeriod q1 = this.analytics.period("2026-Q1");
		SalesAnalytics.WinRates own = this.analytics.winRates(rep, this.analytics.scope(rep, null), q1);
		assertAgrees(own.total(), d -> d.owner().equals(this.repA.id()) && d.closedIn(q1), "rep");
		assertThat(own.owners()).extracting(SalesAnalytics.Row::id).containsExactly(this.repA.id());
		assertThatThrownBy(() -> this.analytics.scope(rep, this.manager.id())).isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.analytics.scope(rep, this.repB.id())).isInstanceOf(ForbiddenException.class);

		Viewer manager = TestUsers.viewer(this.manager);
		assertThatThrownBy(() -> this.analytics.scope(manager, this.top.id())).isInstanceOf(ForbiddenException.class);
		SalesAnalytics.WinRates ofB = this.analytics.winRates(manager, this.analytics.scope(manager, this.repB.id()),
				q1);
		assertAgrees(ofB.total(), d -> d.owner().equals(this.repB.id()) && d.closedIn(q1), "manager, of B");

		Viewer executive = TestUsers.viewer(this.testUsers.create(Role.EXECUTIVE));
		assertAgrees(this.analytics.winRates(executive, this.analytics.scope(executive, this.manager.id()), q1).total(),
				d -> d.closedIn(q1), "executive");
		assertThatThrownBy(() -> this.analytics.period("2026-Q5")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("2026-Q4");
	}

	@Test
	void theWorkedExampleOfDocsAnalyticsMd() throws Exception {
		String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/analytics.md"));
		Viewer viewer = TestUsers.viewer(this.manager);
		SalesAnalytics.AnalyticsScope scope = this.analytics.scope(viewer, null);

		WinLoss q1 = this.analytics.winRates(viewer, scope, this.analytics.period("2026-Q1")).total();
		assertThat(percent(q1.winRate())).isEqualTo("66.7%");
		assertThat(percent(q1.valueWinRate())).isEqualTo("85.7%");
		assertThat(q1.averageDealSize()).isEqualByComparingTo("1500.05");
		assertThat(q1.medianCycleDays()).isEqualTo(52.0);
		assertThat(q1.meanCycleDays()).isEqualTo(52.0);
		assertThat(doc).contains("**66.7%**", "**85.7%**", "**1,500.05**", "**52** days");

		WinLoss q2 = this.analytics.winRates(viewer, scope, this.analytics.period("2026-Q2")).total();
		assertThat(percent(q2.winRate())).isEqualTo("50.0%");
		assertThat(percent(q2.valueWinRate())).isEqualTo("54.6%");
		PipelineVelocity velocity = this.analytics.velocity(viewer, scope, this.analytics.period("2026-Q2"));
		assertThat(velocity.openDeals()).isEqualTo(2);
		assertThat(velocity.perDay()).isEqualByComparingTo("30.05");
		assertThat(velocity.perPeriod()).isEqualByComparingTo("2734.10");
		assertThat(doc).contains("**50%**", "**54.6%**", "**30.05 a day**", "**2,734.10**");

		WinLoss year = this.analytics.winRates(viewer, scope, this.analytics.period("FY2026")).total();
		assertThat(percent(year.winRate())).isEqualTo("60.0%");
		assertThat(year.averageDealSize()).isEqualByComparingTo("1100.18");
		assertThat(year.medianCycleDays()).isEqualTo(46.0);
		assertThat(year.meanCycleDays()).isEqualTo(38.0);
		assertThat(doc).contains("**60%**", "**1,100.18**", "median **46**, mean **38**");

		SalesAnalytics.Funnel funnel = this.analytics.funnel(viewer, scope, this.analytics.period("2026-Q2"));
		assertThat(funnel.steps()).filteredOn(step -> step.stageId() == null || OPEN_STAGES.contains(step.stageId()))
			.extracting(SalesAnalytics.FunnelStep::reached)
			.containsExactly(4L, 2L, 2L, 2L, 1L, 1L);
		assertThat(doc).contains("Prospecting 4 (100%)", "Proposal **2** each", "Negotiation 1 (D4: 25%)");
		assertThat(this.analytics.funnel(viewer, scope, this.analytics.period("2026-Q1")).timeInStage())
			.filteredOn(t -> t.stage().id().equals(QUALIFICATION))
			.singleElement()
			.satisfies(t -> assertThat(t.medianDays()).isEqualTo(28.5));
		assertThat(doc).contains("median **28.5**");

		DealOutcomes.Losses losses = this.analytics.losses(viewer, scope, this.analytics.period("FY2026"));
		assertThat(losses.competitors()).singleElement().satisfies(loss -> {
			assertThat(loss.deals()).isEqualTo(2);
			assertThat(loss.amount()).isEqualByComparingTo("750.00");
		});
		assertThat(doc).contains("*Acme* **2** deals, **750.00**");

		WinLoss empty = this.analytics.winRates(viewer, scope, this.analytics.period("2025-Q3")).total();
		assertThat(empty.winRate()).isNull();
		assertThat(this.analytics.velocity(viewer, scope, this.analytics.period("2025-Q3")).perDay()).isNull();
	}

	private static String percent(Double share) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
	}

	private void assertAgrees(WinLoss figures, Predicate<Fixture> counted, String what) {
		List<Fixture> closed = this.deals.stream().filter(counted).toList();
		List<Fixture> won = closed.stream().filter(Fixture::won).toList();
		List<Fixture> lost = closed.stream().filter(Fixture::lost).toList();
		BigDecimal wonAmount = won.stream().map(Fixture::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal lostAmount = lost.stream().map(Fixture::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(figures.won()).as(what).isEqualTo(won.size());
		assertThat(figures.lost()).as(what).isEqualTo(lost.size());
		assertThat(figures.wonAmount()).as(what).isEqualByComparingTo(wonAmount);
		assertThat(figures.lostAmount()).as(what).isEqualByComparingTo(lostAmount);
		if (closed.isEmpty()) {
			assertThat(figures.winRate()).as(what).isNull();
		}
		else {
			assertThat(figures.winRate()).as(what).isCloseTo((double) won.size() / closed.size(), within(1e-9));
			assertThat(figures.valueWinRate()).as(what)
				.isCloseTo(wonAmount.doubleValue() / wonAmount.add(lostAmount).doubleValue(), within(1e-9));
		}
		if (won.isEmpty()) {
			assertThat(figures.averageDealSize()).as(what).isNull();
			assertThat(figures.meanCycleDays()).as(what).isNull();
			assertThat(figures.medianCycleDays()).as(what).isNull();
		}
		else {
			assertThat(figures.averageDealSize()).as(what)
				.isEqualByComparingTo(wonAmount.divide(BigDecimal.valueOf(won.size()), 2, RoundingMode.HALF_UP));
			List<Double> cycles = won.stream()
				.map(d -> (double) ChronoUnit.DAYS.between(d.created(), d.closeDate()))
				.toList();
			assertThat(figures.meanCycleDays()).as(what)
				.isCloseTo(cycles.stream().mapToDouble(x -> x).average().getAsDouble(), within(1e-9));
			assertThat(figures.medianCycleDays()).as(what).isCloseTo(median(cycles), within(1e-9));
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/**
	 * Makes a deal through the sales module, moving it through the stages given, then
	 * dates its creation, close date and stage history as the fixture says.
	 * @param moves stage, day entered, stage, day entered… (the first: where it starts)
	 */
	private void deal(User owner, String amount, LocalDate created, LocalDate closeDate, String reason,
			String competitor, Object... moves) {
		Viewer viewer = TestUsers.viewer(owner);
		List<UUID> stages = new ArrayList<>();
		List<LocalDate> entered = new ArrayList<>();
		for (int i = 0; i < moves.length; i += 2) {
			stages.add((UUID) moves[i]);
			entered.add((LocalDate) moves[i + 1]);
		}
		Opportunity deal = this.fixtures.deal(owner, stages.get(0), amount, closeDate);
		for (int i = 1; i < stages.size(); i++) {
			deal = this.opportunities.changeStage(viewer, deal.id(), stages.get(i), deal.version(),
					stages.get(i).equals(LOST) ? reason : null);
		}
		this.jdbc
			.sql("update opportunities set created_at = :created, close_date = :closeDate, competitor = :competitor"
					+ " where id = :id")
			.param("created", at(created))
			.param("closeDate", closeDate)
			.param("competitor", competitor)
			.param("id", deal.id())
			.update();
		List<UUID> history = this.jdbc
			.sql("select id from opportunity_history where opportunity_id = :id order by changed_at, id")
			.param("id", deal.id())
			.query(UUID.class)
			.list();
		assertThat(history).hasSize(stages.size());
		for (int i = 0; i < history.size(); i++) {
			this.jdbc.sql("update opportunity_history set changed_at = :at where id = :id")
				.param("at", at(entered.get(i)))
				.param("id", history.get(i))
				.update();
		}
		UUID last = stages.get(stages.size() - 1);
		this.deals.add(new Fixture(deal.id(), owner.id(), new BigDecimal(amount), created, closeDate, last, stages,
				entered, reason, competitor));
	}

	private static LocalDate d(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	private static OffsetDateTime at(LocalDate day) {
		return day.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

}
