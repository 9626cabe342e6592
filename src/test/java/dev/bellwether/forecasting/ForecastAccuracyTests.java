package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.bellwether.forecasting.ForecastingFixtures.LOST;
import static dev.bellwether.forecasting.ForecastingFixtures.NEGOTIATION;
import static dev.bellwether.forecasting.ForecastingFixtures.PROPOSAL;
import static dev.bellwether.forecasting.ForecastingFixtures.PROSPECTING;
import static dev.bellwether.forecasting.ForecastingFixtures.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Forecast accuracy against a deliberately simple second computation (the test's own
 * record of each deal at each snapshot, and loops), on a fixture in a fiscal year of its
 * own (no other test takes snapshots then): deals moving between categories mid-period, a
 * deal pulled into the period, one pushed out of it, a rep changing manager mid-quarter,
 * a deactivated rep, amounts in cents, an empty period and a manager with no reports; the
 * scope of the page and the API; the worked example of docs/forecasting.md.
 */
@IntegrationTest
class ForecastAccuracyTests {

	/**
	 * Each test's own fiscal year, one without any snapshot yet (the database may be
	 * shared with other runs), so that no other snapshot falls in its weeks.
	 */
	static final AtomicInteger YEARS = new AtomicInteger(1981);

	@Autowired
	ForecastAccuracy accuracy;

	@Autowired
	PipelineSnapshots snapshots;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDirectory userDirectory;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	int year;

	FiscalPeriod q1;

	FiscalPeriod q2;

	User director;

	User manager;

	User repA;

	User repB;

	User mover;

	User leaver;

	User soloManager;

	User outsider;

	User executive;

	ForecastingFixtures fixtures;

	/** Each deal as the test last set it. */
	final Map<UUID, Model> deals = new LinkedHashMap<>();

	/** Each snapshot: when, and each deal as the test had set it then. */
	final List<Taken> taken = new ArrayList<>();

	final Map<String, UUID> names = new HashMap<>();

	static final class Model {

		UUID owner;

		ForecastCategory category;

		BigDecimal amount;

		LocalDate closeDate;

		boolean open = true;

		boolean won;

		Instant closedAt;

		Model copy() {
			Model m = new Model();
			m.owner = this.owner;
			m.category = this.category;
			m.amount = this.amount;
			m.closeDate = this.closeDate;
			m.open = this.open;
			m.won = this.won;
			m.closedAt = this.closedAt;
			return m;
		}

	}

	record Taken(UUID id, Instant at, Map<UUID, Model> deals) {
	}

	@BeforeEach
	void fixture() {
		this.fixtures = new ForecastingFixtures(this.users, this.accounts, this.opportunities, "Accuracy");
		this.year = PastSnapshots.freshYear(this.jdbc, YEARS);
		this.q1 = this.calendar.period(this.year + "-Q1", "period");
		this.q2 = this.calendar.period(this.year + "-Q2", "period");
		this.director = this.fixtures.person(Role.MANAGER, null);
		this.manager = this.fixtures.person(Role.MANAGER, this.director);
		this.repA = this.fixtures.person(Role.REP, this.manager);
		this.repB = this.fixtures.person(Role.REP, this.manager);
		this.mover = this.fixtures.person(Role.REP, this.director);
		this.leaver = this.fixtures.person(Role.REP, this.manager);
		this.soloManager = this.fixtures.person(Role.MANAGER, this.director);
		this.outsider = this.fixtures.person(Role.MANAGER, null);
		this.executive = this.users.create(Role.EXECUTIVE);

		deal("a1", this.repA, NEGOTIATION, "1000.10", day(2, 15));
		deal("a2", this.repA, PROPOSAL, "2000.25", day(3, 10));
		deal("b1", this.repB, NEGOTIATION, "700.70", day(3, 20));
		deal("b2", this.repB, PROSPECTING, "123.45", day(1, 20));
		deal("m1", this.mover, NEGOTIATION, "333.33", day(2, 1));
		deal("l1", this.leaver, NEGOTIATION, "999.99", day(3, 1));
		deal("s1", this.soloManager, NEGOTIATION, "250.00", day(4, 15));
		deal("o1", this.outsider, NEGOTIATION, "42.00", day(2, 2));

		// the start of the quarter: the first snapshot in its first week
		snapshot(1);

		category("a2", ForecastCategory.COMMIT); // moved up mid-period
		category("b1", ForecastCategory.BEST_CASE); // moved down mid-period
		closeDate("s1", day(3, 30)); // pulled into the period
		win("a1", day(1, 11), 10);
		// week 2 (nothing taken in week 1)
		snapshot(14);

		lose("l1", 25);
		win("m1", day(1, 31), 30);
		win("b2", day(1, 20), 20);
		win("b1", day(3, 20), 40);
		closeDate("a2", day(5, 10)); // pushed out of the period
		// the mover changes manager mid-quarter: from the director to the manager
		this.jdbc.sql("update users set manager_id = :m where id = :id")
			.param("m", this.manager.id())
			.param("id", this.mover.id())
			.update();
		this.fixtures.moved(this.mover, this.manager);
		this.userDirectory.deactivate(this.leaver.id(), this.users.create(Role.ADMIN).id());
		// week 6
		snapshot(42);
		win("s1", day(3, 30), 80);
	}

	@Test
	void everyRowAgreesWithASimpleSecondComputation() {
		ForecastAccuracy.Report report = this.accuracy.report(TestUsers.viewer(this.director), null,
				List.of(this.q1, this.q2));

		assertThat(report.rows()).extracting(ForecastAccuracy.Row::personId)
			.as("today's hierarchy, depth first; the outsider nowhere")
			.containsExactlyInAnyOrder(this.director.id(), this.manager.id(), this.repA.id(), this.repB.id(),
					this.mover.id(), this.leaver.id(), this.soloManager.id());
		assertThat(report.rows().get(0).personId()).isEqualTo(this.director.id());
		assertThat(row(report, this.mover).depth()).as("the mover under the manager now").isEqualTo(2);
		assertThat(row(report, this.leaver).deactivated()).isTrue();
		assertThat(row(report, this.soloManager).team()).as("a manager without reports is one person").isFalse();

		for (ForecastAccuracy.Row row : report.rows()) {
			Set<UUID> owners = row.team() ? Set.copyOf(this.fixtures.organisationOf(row.personId()))
					: Set.of(row.personId());
			ForecastAccuracy.PeriodFigures f = row.periods().get(0);
			String as = row.name() + " " + f.period().code();
			assertThat(f.weeks()).as(as + " weeks")
				.extracting(ForecastAccuracy.Point::callId)
				.containsExactly(this.taken.get(0).id(), this.taken.get(1).id(), this.taken.get(2).id());
			for (int k = 0; k < this.taken.size(); k++) {
				assertThat(f.weeks().get(k).forecast()).as(as + " week point " + k)
					.isEqualByComparingTo(expectedForecast(owners, this.q1, this.taken.get(k)));
			}
			BigDecimal forecast = expectedForecast(owners, this.q1, this.taken.get(0));
			BigDecimal actual = expectedActual(owners, this.q1);
			assertThat(f.startForecast()).as(as + " start").isEqualByComparingTo(forecast);
			assertThat(f.actual()).as(as + " actual").isEqualByComparingTo(actual);
			assertThat(f.accuracy()).as(as + " accuracy").isEqualTo(simpleAccuracy(forecast, actual));
			assertThat(f.bias()).as(as + " bias").isEqualTo(simpleBias(forecast, actual));
			List<UUID> commit = new ArrayList<>();
			this.taken.get(0).deals().forEach((id, m) -> {
				if (m.open && m.category == ForecastCategory.COMMIT && this.q1.contains(m.closeDate)
						&& owners.contains(m.owner)) {
					commit.add(id);
				}
			});
			List<UUID> won = commit.stream()
				.filter(id -> this.deals.get(id).won && this.q1.contains(this.deals.get(id).closeDate))
				.toList();
			assertThat(f.commitDeals()).as(as + " commit deals").isEqualTo(commit.size());
			assertThat(f.commitWon()).as(as + " commit won").isEqualTo(won.size());
			BigDecimal all = amountAtStart(commit);
			BigDecimal wonAmount = amountAtStart(won);
			assertThat(f.commitToCloseValue()).as(as + " commit-to-close by value")
				.isEqualTo(all.signum() == 0 ? null : wonAmount.divide(all, 4, RoundingMode.HALF_UP));
			assertThat(f.commitToCloseCount()).as(as + " commit-to-close by count")
				.isEqualTo(commit.isEmpty() ? null : BigDecimal.valueOf(won.size())
					.divide(BigDecimal.valueOf(commit.size()), 4, RoundingMode.HALF_UP));

			ForecastAccuracy.PeriodFigures empty = row.periods().get(1);
			assertThat(empty.start()).as(as + ": the empty period has no snapshot").isNull();
			assertThat(empty.actual()).isEqualByComparingTo("0");
			assertThat(empty.accuracy()).isNull();
			assertThat(empty.commitToCloseCount()).isNull();
			BigDecimal mape = actual.signum() > 0
					? forecast.subtract(actual).abs().divide(actual, 4, RoundingMode.HALF_UP) : null;
			assertThat(row.mape()).as(as + " MAPE over the one period that counts").isEqualTo(mape);
		}
	}

	/**
	 * A manager's latest submission for the period in a call's week is their team's
	 * forecast at that call; a submission in a week without a snapshot, or for another
	 * period, changes nothing; person rows and other teams stay derived.
	 */
	@Test
	void aManagersSubmissionIsTheTeamsForecastInItsWeek() {
		submit(this.director, this.q1, 2, "100.00", "2300.00");
		UUID used = submit(this.director, this.q1, 3, "0.00", "2500.00");
		submit(this.director, this.q1, 8, "0.00", "9999.00");
		submit(this.director, this.q2, 4, "0.00", "7777.00");
		ForecastAccuracy.Report report = this.accuracy.report(TestUsers.viewer(this.director), null,
				List.of(this.q1, this.q2));
		ForecastAccuracy.PeriodFigures team = row(report, this.director).periods().get(0);
		assertThat(team.weeks()).extracting(ForecastAccuracy.Point::forecast)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("2500.00"), new BigDecimal("4583.67"), new BigDecimal("2407.58"));
		assertThat(team.weeks()).extracting(ForecastAccuracy.Point::submissionId).containsExactly(used, null, null);
		// 1 - |2,500.00 - 2,407.58| / 2,407.58 = 1 - 92.42 / 2,407.58
		assertThat(team.accuracy()).isEqualTo("0.9616");
		assertThat(team.bias()).isEqualTo("0.0384");
		assertThat(team.commitToCloseCount()).as("from the snapshot's deals").isEqualTo("0.7500");
		assertThat(row(report, this.manager).periods().get(0).weeks()).extracting(ForecastAccuracy.Point::submissionId)
			.containsOnlyNulls();
		assertThat(row(report, this.repA).periods().get(0).startForecast()).isEqualByComparingTo("1000.10");
		assertThat(row(report, this.director).periods().get(1).weeks()).isEmpty();
	}

	private UUID submit(User manager, FiscalPeriod period, int days, String closed, String adjustedCommit) {
		UUID id = UUID.randomUUID();
		Instant at = daysIntoQuarter(days).plus(Duration.ofMinutes(30));
		this.jdbc.sql("""
				insert into forecast_submissions (id, user_id, period_code, submitted_at, submitted_minute, iso_week,
				  closed, commit_amount, best_case, pipeline, omitted, adjusted_commit, adjusted_best_case,
				  adjusted_pipeline, quota)
				values (:id, :user, :period, :at, :at, 'W', :closed, 0, 0, 0, 0, :commit, 0, 0, null)
				""")
			.param("id", id)
			.param("user", manager.id())
			.param("period", period.code())
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("closed", new BigDecimal(closed))
			.param("commit", new BigDecimal(adjustedCommit))
			.update();
		return id;
	}

	/**
	 * The worked example of docs/forecasting.md ("Forecast accuracy"): every number.
	 */
	@Test
	void theWorkedExampleOfTheDocs() {
		ForecastAccuracy.Report report = this.accuracy.report(TestUsers.viewer(this.director), null,
				List.of(this.q1, this.q2));
		ForecastAccuracy.PeriodFigures team = row(report, this.director).periods().get(0);
		assertThat(team.startForecast()).isEqualByComparingTo("3034.12");
		assertThat(team.weeks()).extracting(ForecastAccuracy.Point::forecast)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("3034.12"), new BigDecimal("4583.67"), new BigDecimal("2407.58"));
		assertThat(team.actual()).isEqualByComparingTo("2407.58");
		assertThat(team.accuracy()).isEqualTo("0.7398");
		assertThat(team.bias()).isEqualTo("0.2602");
		assertThat(team.commitDeals()).isEqualTo(4);
		assertThat(team.commitWon()).isEqualTo(3);
		assertThat(team.commitToCloseCount()).isEqualTo("0.7500");
		assertThat(team.commitToCloseValue()).isEqualTo("0.6704");
		assertThat(row(report, this.director).mape()).isEqualTo("0.2602");
		assertThat(row(report, this.director).mapePeriods()).isEqualTo(1);

		ForecastAccuracy.PeriodFigures repA = row(report, this.repA).periods().get(0);
		assertThat(repA.startForecast()).isEqualByComparingTo("1000.10");
		assertThat(repA.actual()).isEqualByComparingTo("1000.10");
		assertThat(repA.accuracy()).isEqualTo("1.0000");
		ForecastAccuracy.PeriodFigures repB = row(report, this.repB).periods().get(0);
		assertThat(repB.startForecast()).isEqualByComparingTo("700.70");
		assertThat(repB.actual()).isEqualByComparingTo("824.15");
		assertThat(repB.accuracy()).isEqualTo("0.8502");
		assertThat(repB.bias()).isEqualTo("-0.1498");
		ForecastAccuracy.PeriodFigures leaver = row(report, this.leaver).periods().get(0);
		assertThat(leaver.startForecast()).isEqualByComparingTo("999.99");
		assertThat(leaver.actual()).isEqualByComparingTo("0");
		assertThat(leaver.accuracy()).as("undefined: nothing won").isNull();
		ForecastAccuracy.PeriodFigures solo = row(report, this.soloManager).periods().get(0);
		assertThat(solo.startForecast()).isEqualByComparingTo("0");
		assertThat(solo.actual()).isEqualByComparingTo("250.00");
		assertThat(solo.accuracy()).isEqualTo("0.0000");
		assertThat(solo.bias()).isEqualTo("-1.0000");
	}

	@Test
	void theCommitDealsAtTheStartDrillToWhatBecameOfThem() {
		ForecastAccuracy.Drill drill = this.accuracy.deals(TestUsers.viewer(this.director), null, this.director.id(),
				true, this.q1, "commit", null);
		Map<UUID, ForecastAccuracy.Fate> fates = new HashMap<>();
		drill.deals().forEach(d -> fates.put(d.then().dealId(), d.fate()));
		assertThat(fates).containsOnly(Map.entry(this.names.get("a1"), ForecastAccuracy.Fate.WON_IN_PERIOD),
				Map.entry(this.names.get("b1"), ForecastAccuracy.Fate.WON_IN_PERIOD),
				Map.entry(this.names.get("m1"), ForecastAccuracy.Fate.WON_IN_PERIOD),
				Map.entry(this.names.get("l1"), ForecastAccuracy.Fate.LOST));
		assertThat(drill.total()).isEqualByComparingTo("3034.12");

		ForecastAccuracy.Drill week = this.accuracy.deals(TestUsers.viewer(this.director), null, this.director.id(),
				true, this.q1, "forecast", this.taken.get(1).id());
		assertThat(week.total()).isEqualByComparingTo("4583.67");
		ForecastAccuracy.Drill won = this.accuracy.deals(TestUsers.viewer(this.manager), null, this.repB.id(), false,
				this.q1, "won", null);
		assertThat(won.deals()).extracting(d -> d.then().dealId())
			.containsExactlyInAnyOrder(this.names.get("b1"), this.names.get("b2"));
		assertThatThrownBy(() -> this.accuracy.deals(TestUsers.viewer(this.manager), null, this.soloManager.id(), false,
				this.q1, "won", null))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.accuracy.deals(TestUsers.viewer(this.manager), null, this.repB.id(), false,
				this.q1, "nonsense", null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aRepSeesTheirOwnAManagerTheirOrganisationNeverAbove() throws Exception {
		String from = this.q1.code();
		String to = this.q2.code();
		ForecastAccuracy.Report own = this.accuracy.report(TestUsers.viewer(this.repA), null, List.of(this.q1));
		assertThat(own.rows()).singleElement().satisfies(r -> assertThat(r.personId()).isEqualTo(this.repA.id()));
		assertThatThrownBy(() -> this.accuracy.report(TestUsers.viewer(this.repA), this.manager.id(), List.of(this.q1)))
			.isInstanceOf(ForbiddenException.class);

		this.mvc.perform(
				get("/api/v1/forecasts/accuracy").param("from", from).param("to", to).with(TestUsers.basic(this.repA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.managerId").value(this.repA.id().toString()))
			.andExpect(jsonPath("$.rows.length()").value(1))
			.andExpect(jsonPath("$.rows[0].periods[0].startForecast").value(1000.10))
			.andExpect(jsonPath("$.rows[0].periods[0].accuracy").value(1.0))
			.andExpect(jsonPath("$.rows[0].periods[0].deals.commitAtStart").value(containsString("what=commit")));
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy").param("period", from)
				.param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy").param("period", from)
				.param("manager", this.director.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("yourself and the people below you")));
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy").param("period", from)
				.param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.outsider)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/forecasts/accuracy").param("period", from).with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.managerId").value(this.manager.id().toString()))
			.andExpect(jsonPath("$.rows[0].team").value(true));
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy").param("period", from)
				.param("manager", this.director.id().toString())
				.with(TestUsers.basic(this.executive)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[0].periods[0].startForecast").value(3034.12));

		this.mvc.perform(get("/api/v1/forecasts/accuracy").param("period", "2026-Q9").with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("2026-Q4 (a fiscal quarter)")));
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy").param("from", from)
				.param("to", this.year + "-05")
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("same kind")));
		this.mvc.perform(
				get("/api/v1/forecasts/accuracy").param("from", to).param("to", from).with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy").param("from", (this.year - 10) + "-Q1")
				.param("to", to)
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("At most 24")));
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy").param("period", from)
				.param("from", from)
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void thePageTheDrillAndTheExportsAreScopedLikeTheApi() throws Exception {
		String from = this.q1.code();
		this.mvc
			.perform(get("/forecast/accuracy").param("from", from)
				.param("to", this.q2.code())
				.param("focus", from)
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"accuracy-chart\"")))
			.andExpect(content().string(containsString("what=commit")));
		this.mvc
			.perform(get("/forecast/accuracy/deals").param("period", from)
				.param("person", this.manager.id().toString())
				.param("team", "true")
				.param("what", "commit")
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lost")));
		this.mvc
			.perform(get("/forecast/accuracy").param("manager", this.director.id().toString())
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy/export").param("period", from)
				.param("format", "csv")
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Start forecast")))
			.andExpect(content().string(containsString("1000.10")));
		this.mvc
			.perform(get("/forecast/accuracy/export").param("period", from)
				.param("format", "xlsx")
				.with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/forecasts/accuracy/export").param("period", from)
				.param("format", "csv")
				.param("table", "nope")
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theExecutiveHomeShowsTheCompanysAccuracy() throws Exception {
		ForecastAccuracy.Summary summary = this.accuracy.companySummary(TestUsers.viewer(this.executive));
		FiscalPeriod last = this.calendar.previous(this.calendar.current(FiscalPeriod.Kind.QUARTER));
		assertThat(summary.lastQuarter()).isEqualTo(last);
		assertThat(summary.link()).contains("/forecast/accuracy?from=").contains("to=" + last.code());
		this.mvc.perform(get("/").param("view", "company").with(TestUsers.signIn(this.mvc, this.executive)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"home-forecast-accuracy\"")))
			.andExpect(content().string(containsString("/forecast/accuracy?from=")));
	}

	// the simple second computation

	private BigDecimal expectedForecast(Set<UUID> owners, FiscalPeriod period, Taken snapshot) {
		BigDecimal total = BigDecimal.ZERO;
		for (Map.Entry<UUID, Model> entry : this.deals.entrySet()) {
			Model now = entry.getValue();
			if (now.won && period.contains(now.closeDate) && owners.contains(now.owner)
					&& !now.closedAt.isAfter(snapshot.at())) {
				total = total.add(now.amount);
			}
			Model then = snapshot.deals().get(entry.getKey());
			if (then.open && then.category == ForecastCategory.COMMIT && period.contains(then.closeDate)
					&& owners.contains(then.owner)) {
				total = total.add(then.amount);
			}
		}
		return total;
	}

	private BigDecimal expectedActual(Set<UUID> owners, FiscalPeriod period) {
		BigDecimal total = BigDecimal.ZERO;
		for (Model now : this.deals.values()) {
			if (now.won && period.contains(now.closeDate) && owners.contains(now.owner)) {
				total = total.add(now.amount);
			}
		}
		return total;
	}

	private BigDecimal amountAtStart(List<UUID> ids) {
		BigDecimal total = BigDecimal.ZERO;
		for (UUID id : ids) {
			total = total.add(this.taken.get(0).deals().get(id).amount);
		}
		return total;
	}

	private static BigDecimal simpleAccuracy(BigDecimal forecast, BigDecimal actual) {
		if (actual.signum() == 0) {
			return null;
		}
		return BigDecimal.ONE.subtract(forecast.subtract(actual).abs().divide(actual, 20, RoundingMode.HALF_UP))
			.setScale(4, RoundingMode.HALF_UP);
	}

	private static BigDecimal simpleBias(BigDecimal forecast, BigDecimal actual) {
		if (actual.signum() == 0) {
			return null;
		}
		return forecast.subtract(actual).divide(actual, 4, RoundingMode.HALF_UP);
	}

	private static ForecastAccuracy.Row row(ForecastAccuracy.Report report, User person) {
		return report.rows().stream().filter(r -> r.personId().equals(person.id())).findFirst().orElseThrow();
	}

	// the fixture

	private LocalDate day(int month, int dayOfMonth) {
		return LocalDate.of(this.year, month, dayOfMonth);
	}

	private Instant daysIntoQuarter(int days) {
		return this.calendar.startOf(this.q1.start()).plus(Duration.ofDays(days));
	}

	private void snapshot(int days) {
		Instant at = daysIntoQuarter(days).plus(Duration.ofMinutes(7));
		PipelineSnapshots.Taken snapshot = this.snapshots.take(PipelineSnapshots.Kind.ON_DEMAND, this.director.id(),
				at);
		assertThat(snapshot.taken()).as("a minute of the test's own").isTrue();
		UUID id = snapshot.snapshot().id();
		Map<UUID, Model> copy = new HashMap<>();
		this.deals.forEach((dealId, m) -> copy.put(dealId, m.copy()));
		this.taken.add(new Taken(id, at, copy));
	}

	private void deal(String name, User owner, UUID stage, String amount, LocalDate closeDate) {
		Opportunity deal = this.fixtures.deal(owner, stage, amount, closeDate);
		Model m = new Model();
		m.owner = owner.id();
		m.category = ForecastingFixtures.categoryOf(stage);
		m.amount = new BigDecimal(amount);
		m.closeDate = closeDate;
		this.deals.put(deal.id(), m);
		this.names.put(name, deal.id());
	}

	private void category(String name, ForecastCategory category) {
		UUID id = this.names.get(name);
		this.jdbc.sql("update opportunities set forecast_category = :c where id = :id")
			.param("c", category.name())
			.param("id", id)
			.update();
		this.deals.get(id).category = category;
	}

	private void closeDate(String name, LocalDate closeDate) {
		UUID id = this.names.get(name);
		this.jdbc.sql("update opportunities set close_date = :d where id = :id")
			.param("d", closeDate)
			.param("id", id)
			.update();
		this.deals.get(id).closeDate = closeDate;
	}

	private void win(String name, LocalDate closeDate, int daysIn) {
		close(name, WON, ForecastCategory.CLOSED, closeDate, daysIn);
		this.deals.get(this.names.get(name)).won = true;
	}

	private void lose(String name, int daysIn) {
		close(name, LOST, null, this.deals.get(this.names.get(name)).closeDate, daysIn);
	}

	private void close(String name, UUID stage, ForecastCategory category, LocalDate closeDate, int daysIn) {
		UUID id = this.names.get(name);
		Instant at = daysIntoQuarter(daysIn);
		this.jdbc.sql("""
				update opportunities set stage_id = :stage, forecast_category = :c, close_date = :d, closed_at = :at
				where id = :id
				""")
			.param("stage", stage)
			.param("c", category == null ? "OMITTED" : category.name())
			.param("d", closeDate)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("id", id)
			.update();
		Model m = this.deals.get(id);
		m.open = false;
		m.closeDate = closeDate;
		m.closedAt = at;
		m.category = category;
	}

}
