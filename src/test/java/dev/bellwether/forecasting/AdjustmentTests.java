package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.bellwether.forecasting.ForecastingFixtures.NEGOTIATION;
import static dev.bellwether.forecasting.ForecastingFixtures.PROPOSAL;
import static dev.bellwether.forecasting.ForecastingFixtures.PROSPECTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Adjustments: the adjusted roll-up against a deliberately simple second computation (an
 * adjusted figure where one is in effect, else the person's own deals plus the adjusted
 * figures of their direct reports), who may adjust whom, history, stale versions, and the
 * API and page.
 */
@IntegrationTest
class AdjustmentTests {

	static final LocalDate IN_Q3 = LocalDate.of(2026, 8, 14);

	@Autowired
	Forecasts forecasts;

	@Autowired
	Adjustments adjustments;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	User director;

	User manager;

	User repA;

	User repB;

	User repC;

	User outsider;

	ForecastingFixtures fixtures;

	/** Gross amounts per owner and category, as the test created them. */
	final Map<UUID, Map<ForecastCategory, BigDecimal>> gross = new HashMap<>();

	@BeforeEach
	void fixture() {
		this.fixtures = new ForecastingFixtures(this.users, this.accounts, this.opportunities, "Adjusted");
		this.director = this.fixtures.person(Role.MANAGER, null);
		this.manager = this.fixtures.person(Role.MANAGER, this.director);
		this.repA = this.fixtures.person(Role.REP, this.manager);
		this.repB = this.fixtures.person(Role.REP, this.manager);
		this.repC = this.fixtures.person(Role.REP, this.director);
		this.outsider = this.fixtures.person(Role.MANAGER, null);
		this.fixtures.person(Role.REP, this.outsider);
		deal(this.repA, NEGOTIATION, "2000.25", ForecastCategory.COMMIT);
		deal(this.repA, PROPOSAL, "300.33", ForecastCategory.BEST_CASE);
		deal(this.repA, PROSPECTING, "400.01", ForecastCategory.PIPELINE);
		deal(this.repB, NEGOTIATION, "700.70", ForecastCategory.COMMIT);
		deal(this.repB, PROSPECTING, "10.10", ForecastCategory.PIPELINE);
		deal(this.manager, PROPOSAL, "123.45", ForecastCategory.BEST_CASE);
		deal(this.repC, NEGOTIATION, "5000.00", ForecastCategory.COMMIT);
		deal(this.director, PROSPECTING, "99.99", ForecastCategory.PIPELINE);
	}

	@Test
	void theAdjustedRollUpAgreesWithASimpleSecondComputationAndTheGrossStays() {
		Map<UUID, Map<ForecastCategory, BigDecimal>> overrides = new HashMap<>();
		adjust(this.manager, this.repA, ForecastCategory.COMMIT, "1500.00", overrides);
		adjust(this.manager, this.repB, ForecastCategory.BEST_CASE, "250.50", overrides);
		adjust(this.manager, this.manager, ForecastCategory.PIPELINE, "1000.00", overrides);
		adjust(this.director, this.repC, ForecastCategory.COMMIT, "4000.00", overrides);
		check(overrides);

		// the director overrides the manager's team Commit: the adjustments below it no
		// longer count in the director's team (replaced, not added)
		adjust(this.director, this.manager, ForecastCategory.COMMIT, "3000.00", overrides);
		check(overrides);

		// taken back: the figure below counts again
		Adjustment back = this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3",
				ForecastCategory.COMMIT, null, "Deal slipped back in", 1);
		overrides.get(this.repA.id()).remove(ForecastCategory.COMMIT);
		assertThat(back.previous()).isEqualByComparingTo("1500.00");
		check(overrides);

		// by hand, for the director's team: Commit = own 0 + the manager's adjusted 3,000
		// + repC's adjusted 4,000; Pipeline = own 99.99 + the manager's 1,000 + repC's 0
		Forecast forecast = this.forecasts.forecast(TestUsers.viewer(this.director), "2026-Q3", null);
		assertThat(forecast.total().adjusted().commit()).isEqualByComparingTo("7000.00");
		assertThat(forecast.total().adjusted().pipeline()).isEqualByComparingTo("1099.99");
		assertThat(forecast.total().amounts().commit()).as("gross").isEqualByComparingTo("7700.95");
	}

	@Test
	void nobodyAdjustsAnyoneAboveThemOrOutsideTheirDirectReports() throws Exception {
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.repA), this.repA.id(), "2026-Q3",
				ForecastCategory.COMMIT, BigDecimal.TEN, "Mine", 0))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.manager), this.director.id(), "2026-Q3",
				ForecastCategory.COMMIT, BigDecimal.TEN, "Up", 0))
			.isInstanceOf(ForbiddenException.class)
			.hasMessageContaining("above you");
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.director), this.repA.id(), "2026-Q3",
				ForecastCategory.COMMIT, BigDecimal.TEN, "Two levels down", 0))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.outsider), this.repA.id(), "2026-Q3",
				ForecastCategory.COMMIT, BigDecimal.TEN, "Another branch", 0))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3",
				ForecastCategory.CLOSED, BigDecimal.TEN, "Closed is a fact", 0))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3",
				ForecastCategory.COMMIT, BigDecimal.TEN, " ", 0))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3",
				ForecastCategory.COMMIT, new BigDecimal("-1"), "Negative", 0))
			.isInstanceOf(InvalidInputException.class);
		this.mvc
			.perform(put("/api/v1/forecasts/2026-Q3/adjustments").with(TestUsers.basic(this.manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": \"" + this.director.id()
						+ "\", \"category\": \"COMMIT\", \"amount\": 1, \"note\": \"x\", \"sequence\": 0}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("above you")));
		this.mvc
			.perform(put("/api/v1/forecasts/2026-Q3/adjustments").with(TestUsers.basic(this.manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": \"" + this.repA.id() + "\", \"category\": \"COMMIT\", \"amount\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("needs a note")));
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3/adjustments").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aStaleSequenceIsA409AndTheHistoryKeepsWhoWhenOldNewAndWhy() throws Exception {
		String body = "{\"userId\": \"" + this.repA.id()
				+ "\", \"category\": \"COMMIT\", \"amount\": 1800.50, \"note\": \"Call went well\", \"sequence\": 0}";
		this.mvc
			.perform(put("/api/v1/forecasts/2026-Q3/adjustments").with(TestUsers.basic(this.manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sequence").value(1))
			.andExpect(jsonPath("$.amount").value(1800.50));
		this.mvc
			.perform(put("/api/v1/forecasts/2026-Q3/adjustments").with(TestUsers.basic(this.manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isConflict());
		assertThatThrownBy(() -> this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3",
				ForecastCategory.COMMIT, BigDecimal.ONE, "stale", 0))
			.isInstanceOf(StaleRecordException.class);
		this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3", ForecastCategory.COMMIT,
				new BigDecimal("1200"), "Lost the second site", 1);
		this.mvc.perform(get("/api/v1/forecasts/2026-Q3/adjustments").with(TestUsers.basic(this.director)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].previous").value(1800.50))
			.andExpect(jsonPath("$[1].amount").value(1200))
			.andExpect(jsonPath("$[1].note").value("Lost the second site"))
			.andExpect(jsonPath("$[1].adjustedBy").value(this.manager.id().toString()));
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(jsonPath("$.rows[0].commit").value(2700.95))
			.andExpect(jsonPath("$.rows[0].adjustedCommit").value(1900.70));
	}

	@Test
	void theGridAdjustsFromAFormAndAnswersRefusalsBesideIt() throws Exception {
		var session = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/forecast").param("period", "2026-Q3").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("adjust-" + this.repA.id() + "-COMMIT")))
			.andExpect(content().string(containsString("adjust-form-" + this.manager.id())));
		this.mvc
			.perform(post("/forecast/adjustments").param("period", "2026-Q3")
				.param("userId", this.repA.id().toString())
				.param("category", "COMMIT")
				.param("amount", "$1,750")
				.param("note", "Signed order expected")
				.param("sequence-COMMIT", "0")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "Adjusted."));
		this.mvc.perform(get("/forecast").param("period", "2026-Q3").with(session))
			.andExpect(content().string(containsString("adj. 1,750")));
		this.mvc
			.perform(post("/forecast/adjustments").param("period", "2026-Q3")
				.param("userId", this.repA.id().toString())
				.param("category", "COMMIT")
				.param("amount", "1000")
				.param("note", "stale form")
				.param("sequence-COMMIT", "0")
				.with(session)
				.with(csrf()))
			.andExpect(flash().attribute("adjustError", containsString("meanwhile")))
			.andExpect(flash().attribute("adjustUser", this.repA.id()));
		this.mvc.perform(post("/forecast/adjustments").param("period", "2026-Q3")
			.param("userId", this.repA.id().toString())
			.param("category", "COMMIT")
			.param("amount", "1000")
			.param("note", "no csrf")
			.with(session));
		assertThat(this.adjustments.history(List.of(this.repA.id()), "2026-Q3")).as("nothing written without CSRF")
			.hasSize(1);
	}

	@Test
	void theGridExportsAsCsvAndXlsxScopedLikeThePage() throws Exception {
		this.adjustments.adjust(TestUsers.viewer(this.manager), this.repA.id(), "2026-Q3", ForecastCategory.COMMIT,
				new BigDecimal("1750.00"), "Exported", 0);
		var session = TestUsers.signIn(this.mvc, this.manager);
		String csv = this.mvc
			.perform(get("/forecast/export").param("period", "2026-Q3").param("format", "csv").with(session))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().findFirst().orElseThrow()).contains("Row,Kind,Person,Depth,Active,Closed,Commit")
			.contains("Adjusted commit");
		// the manager's team row: gross Commit 2,700.95, adjusted 1,750.00 + 700.70
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains("TEAM")
			.contains("2700.95")
			.contains("2450.70");
		assertThat(csv.lines().count()).as("heading and the grid's 4 rows").isEqualTo(5);
		this.mvc.perform(get("/forecast/export").param("period", "2026-Q3").param("format", "xlsx").with(session))
			.andExpect(status().isOk())
			.andExpect(content()
				.contentTypeCompatibleWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3/export").param("manager", this.manager.id().toString())
				.with(TestUsers.basic(this.repA)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/forecasts/2026-Q3/export").param("format", "pdf").with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest());
	}

	private void adjust(User by, User whose, ForecastCategory category, String amount,
			Map<UUID, Map<ForecastCategory, BigDecimal>> overrides) {
		Forecast before = this.forecasts.forecast(TestUsers.viewer(by), "2026-Q3", null);
		long sequence = before.rows()
			.stream()
			.filter(row -> row.userId().equals(whose.id()) && row.kind() != ForecastRow.Kind.OWN)
			.findFirst()
			.orElseThrow()
			.adjustmentSequence(category);
		this.adjustments.adjust(TestUsers.viewer(by), whose.id(), "2026-Q3", category, new BigDecimal(amount),
				"because", sequence);
		overrides.computeIfAbsent(whose.id(), id -> new HashMap<>()).put(category, new BigDecimal(amount));
	}

	/** Every row of the director's grid against the simple computation. */
	private void check(Map<UUID, Map<ForecastCategory, BigDecimal>> overrides) {
		Forecast forecast = this.forecasts.forecast(TestUsers.viewer(this.director), "2026-Q3", null);
		for (ForecastRow row : forecast.rows()) {
			for (ForecastCategory category : List.of(ForecastCategory.COMMIT, ForecastCategory.BEST_CASE,
					ForecastCategory.PIPELINE)) {
				BigDecimal expected = row.kind() == ForecastRow.Kind.OWN ? gross(row.userId(), category)
						: simple(row.userId(), category, overrides);
				BigDecimal actual = switch (category) {
					case COMMIT -> row.adjusted().commit();
					case BEST_CASE -> row.adjusted().bestCase();
					default -> row.adjusted().pipeline();
				};
				assertThat(actual).as(row.key() + " adjusted " + category).isEqualByComparingTo(expected);
			}
			assertThat(row.adjusted().closed()).isEqualByComparingTo(row.amounts().closed());
			BigDecimal grossCommit = row.kind() == ForecastRow.Kind.OWN ? gross(row.userId(), ForecastCategory.COMMIT)
					: grossOrganisation(row.userId(), ForecastCategory.COMMIT);
			assertThat(row.amounts().commit()).as(row.key() + " gross commit").isEqualByComparingTo(grossCommit);
		}
	}

	/** The override if any, else own deals plus each direct report's adjusted figure. */
	private BigDecimal simple(UUID person, ForecastCategory category,
			Map<UUID, Map<ForecastCategory, BigDecimal>> overrides) {
		BigDecimal override = overrides.getOrDefault(person, Map.of()).get(category);
		if (override != null) {
			return override;
		}
		BigDecimal sum = gross(person, category);
		for (UUID report : this.fixtures.reportsOf(person)) {
			sum = sum.add(simple(report, category, overrides));
		}
		return sum;
	}

	private BigDecimal grossOrganisation(UUID person, ForecastCategory category) {
		BigDecimal sum = gross(person, category);
		for (UUID report : this.fixtures.reportsOf(person)) {
			sum = sum.add(grossOrganisation(report, category));
		}
		return sum;
	}

	private BigDecimal gross(UUID owner, ForecastCategory category) {
		return this.gross.getOrDefault(owner, Map.of()).getOrDefault(category, BigDecimal.ZERO);
	}

	private void deal(User owner, UUID stage, String amount, ForecastCategory counted) {
		this.fixtures.deal(owner, stage, amount, IN_Q3);
		this.gross.computeIfAbsent(owner.id(), id -> new HashMap<>())
			.merge(counted, new BigDecimal(amount), BigDecimal::add);
	}

}
