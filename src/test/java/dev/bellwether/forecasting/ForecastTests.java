package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.ForecastTotal;
import dev.bellwether.sales.Opportunities;
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
 * The forecast roll-up against a deliberately simple second computation (a loop over the
 * fixture's own deals and a parent map), on a fixture with deals in every category, won
 * and lost deals and deals outside the period, a team of two levels, a manager with no
 * reports, a deactivated rep, amounts in cents and an empty period; and who may see which
 * forecast.
 */
@IntegrationTest
class ForecastTests {

	static final LocalDate IN_Q3 = LocalDate.of(2026, 8, 14);

	@Autowired
	Forecasts forecasts;

	@Autowired
	Quotas quotas;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDirectory userDirectory;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	User director;

	User manager;

	User repA;

	User repB;

	User leaver;

	User soloManager;

	User repC;

	User outsider;

	ForecastingFixtures fixtures;

	/** The fixture's deals as the test sees them: owner, category, amount, close date. */
	final List<Deal> deals = new ArrayList<>();

	record Deal(UUID owner, ForecastCategory category, BigDecimal amount, LocalDate closeDate) {
	}

	@BeforeEach
	void fixture() {
		this.fixtures = new ForecastingFixtures(this.users, this.accounts, this.opportunities, "Forecast");
		this.director = this.fixtures.person(Role.MANAGER, null);
		this.manager = this.fixtures.person(Role.MANAGER, this.director);
		this.repA = this.fixtures.person(Role.REP, this.manager);
		this.repB = this.fixtures.person(Role.REP, this.manager);
		this.leaver = this.fixtures.person(Role.REP, this.manager);
		this.soloManager = this.fixtures.person(Role.MANAGER, this.director);
		this.repC = this.fixtures.person(Role.REP, this.director);
		this.outsider = this.fixtures.person(Role.MANAGER, null);

		deal(this.repA, WON, "1000.10", IN_Q3, null);
		deal(this.repA, NEGOTIATION, "2000.25", IN_Q3.plusDays(10), null);
		deal(this.repA, PROPOSAL, "300.33", IN_Q3, null);
		deal(this.repA, PROSPECTING, "400.01", LocalDate.of(2026, 7, 1), null);
		deal(this.repA, PROSPECTING, "55.55", LocalDate.of(2026, 9, 30), ForecastCategory.OMITTED);
		deal(this.repA, LOST, "9999.99", IN_Q3, null);
		deal(this.repA, NEGOTIATION, "7777.77", LocalDate.of(2026, 10, 1), null);
		deal(this.repB, NEGOTIATION, "700.70", IN_Q3, null);
		deal(this.repB, PROSPECTING, "0.01", IN_Q3, ForecastCategory.BEST_CASE);
		deal(this.manager, PROPOSAL, "123.45", IN_Q3, null);
		deal(this.leaver, NEGOTIATION, "999.99", IN_Q3, null);
		deal(this.repC, WON, "5000.00", IN_Q3, null);
		deal(this.repC, PROSPECTING, "10.00", IN_Q3, null);
		deal(this.soloManager, PROSPECTING, "250.00", IN_Q3, null);
		deal(this.outsider, NEGOTIATION, "42.00", IN_Q3, null);
		User admin = this.users.create(Role.ADMIN);
		this.userDirectory.deactivate(this.leaver.id(), admin.id());

		Viewer setter = TestUsers.viewer(this.users.create(Role.SALES_ADMIN));
		this.quotas.set(setter, this.repA.id(), "2026-Q3", QuotaKind.PERSONAL, new BigDecimal("4000.00"), null);
		this.quotas.set(setter, this.manager.id(), "2026-Q3", QuotaKind.PERSONAL, new BigDecimal("1000.00"), null);
		this.quotas.set(setter, this.repC.id(), "2026-Q3", QuotaKind.PERSONAL, new BigDecimal("3000.00"), null);
		this.quotas.set(setter, this.soloManager.id(), "2026-07", QuotaKind.PERSONAL, new BigDecimal("33.33"), null);
		this.quotas.set(setter, this.soloManager.id(), "2026-09", QuotaKind.PERSONAL, new BigDecimal("66.67"), null);
	}

	@Test
	void theRollUpAgreesWithASimpleSecondComputationRowByRow() {
		Forecast forecast = this.forecasts.forecast(TestUsers.viewer(this.director), "2026-Q3", null);

		assertThat(forecast.rows()).extracting(ForecastRow::key)
			.as("depth first: each team, its manager's own deals, then its members by name")
			.startsWith("team-" + this.director.id(), "own-" + this.director.id());
		assertThat(forecast.rows()).extracting(ForecastRow::key)
			.contains("team-" + this.manager.id(), "own-" + this.manager.id(), "person-" + this.repA.id(),
					"person-" + this.repB.id(), "person-" + this.leaver.id(), "person-" + this.soloManager.id(),
					"person-" + this.repC.id())
			.doesNotContain("person-" + this.outsider.id(), "team-" + this.outsider.id());
		assertThat(row(forecast, "person-" + this.leaver.id())).satisfies(row -> {
			assertThat(row.active()).isFalse();
			assertThat(row.parentKey()).isEqualTo("team-" + this.manager.id());
		});
		assertThat(row(forecast, "team-" + this.manager.id()).parentKey()).isEqualTo("team-" + this.director.id());

		Map<String, BigDecimal> quotas = Map.of("person-" + this.repA.id(), new BigDecimal("4000.00"),
				"own-" + this.manager.id(), new BigDecimal("1000.00"), "person-" + this.repC.id(),
				new BigDecimal("3000.00"), "person-" + this.soloManager.id(), new BigDecimal("100.00"),
				"team-" + this.manager.id(), new BigDecimal("5000.00"), "team-" + this.director.id(),
				new BigDecimal("8100.00"));
		for (ForecastRow row : forecast.rows()) {
			List<UUID> owners = row.isTeam() ? this.fixtures.organisationOf(row.userId()) : List.of(row.userId());
			ForecastAmounts a = row.amounts();
			assertThat(a.closed()).as(row.key() + " closed").isEqualByComparingTo(sum(owners, ForecastCategory.CLOSED));
			assertThat(a.commit()).as(row.key() + " commit").isEqualByComparingTo(sum(owners, ForecastCategory.COMMIT));
			assertThat(a.bestCase()).as(row.key() + " best case")
				.isEqualByComparingTo(sum(owners, ForecastCategory.BEST_CASE));
			assertThat(a.pipeline()).as(row.key() + " pipeline")
				.isEqualByComparingTo(sum(owners, ForecastCategory.PIPELINE));
			assertThat(a.omitted()).as(row.key() + " omitted")
				.isEqualByComparingTo(sum(owners, ForecastCategory.OMITTED));
			assertThat(a.commitDeals()).as(row.key() + " commit deals")
				.isEqualTo(count(owners, ForecastCategory.COMMIT));
			assertThat(a.commitForecast())
				.isEqualByComparingTo(sum(owners, ForecastCategory.CLOSED).add(sum(owners, ForecastCategory.COMMIT)));
			assertThat(a.bestCaseForecast())
				.isEqualByComparingTo(sum(owners, ForecastCategory.CLOSED).add(sum(owners, ForecastCategory.COMMIT))
					.add(sum(owners, ForecastCategory.BEST_CASE)));
			BigDecimal open = sum(owners, ForecastCategory.PIPELINE).add(sum(owners, ForecastCategory.BEST_CASE))
				.add(sum(owners, ForecastCategory.COMMIT));
			assertThat(a.openPipeline()).isEqualByComparingTo(open);

			BigDecimal quota = quotas.get(row.key());
			ForecastMeasures m = row.measures();
			if (quota == null) {
				assertThat(m.quota()).as(row.key() + " quota").isNull();
				assertThat(m.coverageState()).isEqualTo(ForecastMeasures.Coverage.NO_QUOTA);
				continue;
			}
			assertThat(m.quota()).as(row.key() + " quota").isEqualByComparingTo(quota);
			BigDecimal closed = sum(owners, ForecastCategory.CLOSED);
			assertThat(m.gap()).isEqualByComparingTo(quota.subtract(closed));
			assertThat(m.attainment().doubleValue()).as(row.key() + " attainment")
				.isCloseTo(closed.doubleValue() / quota.doubleValue(), org.assertj.core.data.Offset.offset(0.00005));
			if (closed.compareTo(quota) >= 0) {
				assertThat(m.coverageState()).isEqualTo(ForecastMeasures.Coverage.QUOTA_MET);
				assertThat(m.coverage()).isNull();
			}
			else {
				assertThat(m.coverage().doubleValue()).as(row.key() + " coverage")
					.isCloseTo(open.doubleValue() / quota.subtract(closed).doubleValue(),
							org.assertj.core.data.Offset.offset(0.00005));
			}
		}
		// by hand, for the top row: everything but the outsider's, the lost deal and
		// the one closing in October
		ForecastRow top = forecast.total();
		assertThat(top.amounts().closed()).isEqualByComparingTo("6000.10");
		assertThat(top.amounts().commit()).isEqualByComparingTo("3700.94");
		assertThat(top.amounts().bestCase()).isEqualByComparingTo("423.79");
		assertThat(top.amounts().pipeline()).isEqualByComparingTo("660.01");
		assertThat(top.amounts().omitted()).isEqualByComparingTo("55.55");
		assertThat(row(forecast, "person-" + this.repC.id()).measures().coverageState())
			.isEqualTo(ForecastMeasures.Coverage.QUOTA_MET);
	}

	@Test
	void anEmptyPeriodHasEveryoneAtZeroAndAManagerWithoutReportsIsOnePerson() {
		Forecast empty = this.forecasts.forecast(TestUsers.viewer(this.director), "2027-Q2", null);
		assertThat(empty.rows()).allSatisfy(row -> {
			assertThat(row.amounts().isEmpty()).isTrue();
			assertThat(row.measures().quota()).isNull();
		});
		Forecast solo = this.forecasts.forecast(TestUsers.viewer(this.soloManager), "2026-Q3", null);
		assertThat(solo.rows()).singleElement().satisfies(row -> {
			assertThat(row.kind()).isEqualTo(ForecastRow.Kind.PERSON);
			assertThat(row.amounts().pipeline()).isEqualByComparingTo("250.00");
			assertThat(row.measures().quota()).as("July and September's quotas").isEqualByComparingTo("100.00");
			assertThat(row.measures().coverage()).isEqualByComparingTo("2.5000");
		});
		Forecast month = this.forecasts.forecast(TestUsers.viewer(this.soloManager), "2026-07", null);
		assertThat(month.total().measures().quota()).isEqualByComparingTo("33.33");
		assertThat(month.total().amounts().isEmpty()).isTrue();
	}

	@Test
	void aRepSeesTheirOwnForecastAManagerTheirOrganisationNeverAbove() throws Exception {
		Forecast own = this.forecasts.forecast(TestUsers.viewer(this.repA), "2026-Q3", null);
		assertThat(own.rows()).singleElement()
			.satisfies(row -> assertThat(row.amounts().commit()).isEqualByComparingTo("2000.25"));
		assertThatThrownBy(() -> this.forecasts.forecast(TestUsers.viewer(this.repA), "2026-Q3", this.manager.id()))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.forecasts.forecast(TestUsers.viewer(this.repA), "2026-Q9", null))
			.isInstanceOf(InvalidInputException.class);

		this.mvc.perform(get("/api/v1/forecasts/2026-Q3").with(TestUsers.basic(this.repA)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows.length()").value(1))
			.andExpect(jsonPath("$.rows[0].commit").value(2000.25))
			.andExpect(jsonPath("$.rows[0].attainment").value(0.2500))
			.andExpect(jsonPath("$.rows[0].deals.COMMIT").value(containsString("forecastCategory=COMMIT")));
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3").param("manager", this.director.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("yourself and the people below you")));
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.outsider)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.director)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[0].key").value("team-" + this.manager.id()))
			.andExpect(jsonPath("$.rows[0].closed").value(1000.10));
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3").param("manager", this.director.id().toString())
				.with(TestUsers.basic(this.users.create(Role.EXECUTIVE))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[0].commit").value(3700.94));
		this.mvc.perform(get("/api/v1/forecasts/2026-Q13").with(TestUsers.basic(this.repA)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("2026-Q4 (a fiscal quarter)")));
	}

	@Test
	void openingTheGridIsAForecastViewAndItsFiguresLinkToTheDeals() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/forecast").param("period", "2026-Q3").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("team-" + this.manager.id() + "-COMMIT")))
			.andExpect(content().string(containsString("/opportunities?team=" + this.manager.id()
					+ "&amp;category=COMMIT&amp;closeFrom=2026-07-01" + "&amp;closeTo=2026-09-30&amp;status=open")));
		this.mvc.perform(get("/forecast").with(TestUsers.signIn(this.mvc, this.repA)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Q2 FY2026")));
	}

	/**
	 * The cumulative columns drill to the deal list too: the deals behind Commit
	 * forecast, Best case forecast and Open pipeline, listed through the deal API's
	 * forecastTotal, add up to the fixture's own sums of the categories they stand for.
	 */
	@Test
	void theCumulativeFiguresDrillToTheDealsBehindThem() throws Exception {
		List<UUID> team = this.fixtures.organisationOf(this.manager.id());
		LocalDate from = LocalDate.of(2026, 7, 1);
		LocalDate to = LocalDate.of(2026, 9, 30);
		for (ForecastTotal total : ForecastTotal.values()) {
			BigDecimal expected = this.deals.stream()
				.filter(deal -> team.contains(deal.owner()) && total.categories().contains(deal.category())
						&& !deal.closeDate().isBefore(from) && !deal.closeDate().isAfter(to))
				.map(Deal::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			String body = this.mvc
				.perform(get("/api/v1/opportunities").param("team", this.manager.id().toString())
					.param("forecastTotal", total.name())
					.param("closeFrom", from.toString())
					.param("closeTo", to.toString())
					.param("size", "200")
					.with(TestUsers.basic(this.manager)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Number> amounts = com.jayway.jsonpath.JsonPath.read(body, "$.content[*].amount");
			BigDecimal listed = amounts.stream()
				.map(amount -> new BigDecimal(amount.toString()))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(listed).as(total.name()).isEqualByComparingTo(expected);
			assertThat(expected).as("the fixture has deals behind " + total).isPositive();
		}
		var session = TestUsers.signIn(this.mvc, this.manager);
		String link = "/opportunities?team=" + this.manager.id() + "&forecast=COMMIT_FORECAST&closeFrom=2026-07-01"
				+ "&closeTo=2026-09-30";
		this.mvc.perform(get("/forecast").param("period", "2026-Q3").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(link.replace("&", "&amp;"))));
		this.mvc.perform(get(link).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"COMMIT_FORECAST\" selected=\"selected\">")));
		this.mvc
			.perform(get("/api/v1/opportunities").param("forecastTotal", "EVERYTHING")
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest());
	}

	private void deal(User owner, UUID stage, String amount, LocalDate closeDate, ForecastCategory category) {
		this.fixtures.deal(owner, stage, amount, closeDate, category);
		// a won or lost deal counts as its stage says, whatever category is set on it
		ForecastCategory counted = category == null || stage.equals(WON) || stage.equals(LOST)
				? ForecastingFixtures.categoryOf(stage) : category;
		if (counted != null) {
			this.deals.add(new Deal(owner.id(), counted, new BigDecimal(amount), closeDate));
		}
	}

	private BigDecimal sum(List<UUID> owners, ForecastCategory category) {
		return this.deals.stream()
			.filter(d -> owners.contains(d.owner()) && d.category() == category)
			.filter(d -> !d.closeDate().isBefore(LocalDate.of(2026, 7, 1))
					&& !d.closeDate().isAfter(LocalDate.of(2026, 9, 30)))
			.map(Deal::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private long count(List<UUID> owners, ForecastCategory category) {
		return this.deals.stream()
			.filter(d -> owners.contains(d.owner()) && d.category() == category)
			.filter(d -> !d.closeDate().isBefore(LocalDate.of(2026, 7, 1))
					&& !d.closeDate().isAfter(LocalDate.of(2026, 9, 30)))
			.count();
	}

	private static ForecastRow row(Forecast forecast, String key) {
		return forecast.rows().stream().filter(row -> Objects.equals(row.key(), key)).findFirst().orElseThrow();
	}

}
