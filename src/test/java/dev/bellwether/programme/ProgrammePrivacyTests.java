package dev.bellwether.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The privacy policy in the programme's rollout waves and champions, pages and API: under
 * aggregate-only a wave or a champion team of 4 (under a minimum group of 5) shows its
 * headcount and gate decisions, not its figures — to its own manager, to leads and to
 * executives alike. Waves, champions and the policy are company-wide: each test starts
 * from no wave and no champion and puts the policy back to individual.
 */
@IntegrationTest
class ProgrammePrivacyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RolloutWaves waves;

	@Autowired
	Champions champions;

	@Autowired
	PrivacyPolicy policy;

	@Autowired
	AdoptionMetrics metrics;

	ProgrammeFixture fixture;

	User admin;

	String east;

	String west;

	User e1;

	User e2;

	User westManager;

	User w1;

	User w2;

	LocalDate opened;

	/**
	 * East: 5 reps; West: a manager and 3 reps (4). Both waves opened 20 days ago (O).
	 * East: e1 creates a record on O+1 and is active every day from O+8 to today (13
	 * days), e2 signs in on O+1 only; the others never. West: w1 creates a record on O+1,
	 * w2 is active on O+2. Funnels (invited → signed in → first record → active in week 2
	 * → healthy): East 5 → 2 → 1 → 1 → 1 (e1: 14 active days in the last 28), West 4 → 2
	 * → 1 → 0 → 0. Adoption rates (active in the 30 days ÷ licensed): East 2 of 5 = 40%,
	 * West 2 of 4 = 50%.
	 */
	@BeforeEach
	void setUp() {
		this.fixture = new ProgrammeFixture(this.testUsers, this.jdbc);
		this.fixture.clearProgramme();
		this.admin = this.testUsers.create(Role.ADMIN);
		this.east = ProgrammeFixture.team("East");
		this.west = ProgrammeFixture.team("West");
		this.e1 = this.fixture.person(Role.REP, this.east);
		this.e2 = this.fixture.person(Role.REP, this.east);
		for (int i = 0; i < 3; i++) {
			this.fixture.person(Role.REP, this.east);
		}
		this.westManager = this.fixture.person(Role.MANAGER, this.west);
		this.w1 = this.fixture.person(Role.REP, this.west);
		this.w2 = this.fixture.person(Role.REP, this.west);
		this.fixture.person(Role.REP, this.west);
		this.opened = this.metrics.today().minusDays(20);
		this.fixture.used(this.e1, this.opened.plusDays(1), true, 1);
		this.fixture.activeEachDay(this.e1, this.opened.plusDays(8), this.metrics.today());
		this.fixture.used(this.e2, this.opened.plusDays(1), true, 0);
		this.fixture.used(this.w1, this.opened.plusDays(1), true, 1);
		this.fixture.used(this.w2, this.opened.plusDays(2), true, 0);
	}

	@AfterEach
	void cleanUp() {
		this.policy.update(Viewer.of(this.admin), PrivacyPolicy.Mode.INDIVIDUAL,
				PrivacyPolicy.DEFAULT_MINIMUM_GROUP_SIZE, this.policy.current().version());
		this.fixture.clearProgramme();
	}

	@Test
	void aWaveOfFourShowsItsGateDecisionsButNoFiguresUnderAggregateOnly() throws Exception {
		Viewer lead = Viewer.of(this.admin);
		Wave small = this.waves.create(lead, ProgrammeFixture.wave("West", 1, this.west, gate(60)));
		Wave big = this.waves.create(lead, ProgrammeFixture.wave("East", 2, this.east, gate(40)));
		this.waves.open(lead, small.id(), null);
		this.fixture.openedAt(small.id(), this.opened.atTime(9, 0).toInstant(ZoneOffset.UTC));

		// individual: the small wave's figures are shown
		WaveFigures individual = this.waves.figures(lead, this.waves.get(small.id()));
		assertThat(individual.hidden()).isNull();
		assertThat(individual.funnel()).isEqualTo(new WaveFigures.Funnel(4, 2, 1, 0, 0));
		assertThat(individual.gates().get(0).valueText()).isEqualTo("50%");

		this.policy.update(lead, PrivacyPolicy.Mode.AGGREGATE_ONLY, 5, this.policy.current().version());
		// opening out of order names the unmet gate, not the small wave's figure
		this.waves.open(lead, big.id(), "Both regions start together");
		this.fixture.openedAt(big.id(), this.opened.atTime(9, 0).toInstant(ZoneOffset.UTC));
		assertThat(this.waves.overrides(big.id())).singleElement().satisfies(o -> {
			assertThat(o.unmet()).contains("West has not met adoption rate ≥ 60%");
			assertThat(o.unmet()).doesNotContain("now", "50%");
		});

		// the wave's own manager, in the API: headcount and gate decision, no figures
		this.mvc.perform(get("/api/v1/programme/waves/{id}", small.id()).with(TestUsers.basic(this.westManager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.figures.members").value(4))
			.andExpect(jsonPath("$.figures.funnel").doesNotExist())
			.andExpect(jsonPath("$.figures.hidden").value(containsString(PrivacyPolicy.HIDDEN)))
			.andExpect(jsonPath("$.figures.gates[0].met").value(false))
			.andExpect(jsonPath("$.figures.gates[0].value").doesNotExist())
			.andExpect(jsonPath("$.figures.gates[0].valueText").value(PrivacyPolicy.HIDDEN));
		// and in the pages
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.westManager);
		for (String page : new String[] { "/programme/waves", "/programme/waves/" + small.id() }) {
			this.mvc.perform(get(page).with(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("the wave has fewer than the 5 members")))
				.andExpect(content().string(not(containsString("data-funnel"))))
				.andExpect(content().string(not(containsString("50%"))))
				.andExpect(content().string(not(containsString(this.w1.fullName()))));
		}

		// leads see the same: the wave of 5 in full, the wave of 4 hidden
		this.mvc.perform(get("/api/v1/programme/waves").with(TestUsers.basic(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].figures.funnel").doesNotExist())
			.andExpect(jsonPath("$[0].figures.gates[0].value").doesNotExist())
			.andExpect(jsonPath("$[1].figures.hidden").doesNotExist())
			.andExpect(jsonPath("$[1].figures.funnel.invited").value(5))
			.andExpect(jsonPath("$[1].figures.funnel.signedIn").value(2))
			.andExpect(jsonPath("$[1].figures.funnel.firstRecord").value(1))
			.andExpect(jsonPath("$[1].figures.funnel.activeWeek2").value(1))
			.andExpect(jsonPath("$[1].figures.funnel.healthy").value(1))
			.andExpect(jsonPath("$[1].figures.gates[0].valueText").value("40%"))
			.andExpect(jsonPath("$[1].figures.gates[0].met").value(true));
		this.mvc.perform(get("/programme/waves").with(TestUsers.signIn(this.mvc, this.admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-funnel=\"[5,2,1,1,1]\"")))
			.andExpect(content().string(not(containsString("data-funnel=\"[4,"))))
			.andExpect(content().string(containsString("the wave has fewer than the 5 members")));
		// the decision still uses the real figures: 50% < 60%, not met
		assertThat(this.waves.figures(this.waves.get(small.id())).gates().get(0).value()).isEqualTo(0.5);
	}

	@Test
	void aChampionTeamOfFourHasItsAdoptionHiddenUnderAggregateOnly() throws Exception {
		Viewer lead = Viewer.of(this.admin);
		this.champions.designate(lead, this.w1.id(), this.west);
		User executive = this.testUsers.create(Role.EXECUTIVE);

		// individual: the team of 4's adoption rate, 2 of 4
		Champions.TeamCoverage westRow = this.champions.coverage()
			.teams()
			.stream()
			.filter(t -> t.team().equals(this.west))
			.findFirst()
			.orElseThrow();
		assertThat(westRow.adoptionRate()).isEqualTo(0.5);
		assertThat(westRow.adoptionRateHidden()).isFalse();

		this.policy.update(lead, PrivacyPolicy.Mode.AGGREGATE_ONLY, 5, this.policy.current().version());
		String westRows = "$.coverage.teams[?(@.team == '" + this.west + "')]";
		String eastRows = "$.coverage.teams[?(@.team == '" + this.east + "')]";
		this.mvc.perform(get("/api/v1/programme/champions").with(TestUsers.basic(executive)))
			.andExpect(status().isOk())
			.andExpect(jsonPath(westRows + ".people", hasItem(4)))
			.andExpect(jsonPath(westRows + ".champions", hasItem(1)))
			.andExpect(jsonPath(westRows + ".adoptionRateHidden", hasItem(true)))
			.andExpect(jsonPath(westRows + ".adoptionRate", not(hasItem(0.5))))
			.andExpect(jsonPath(eastRows + ".adoptionRate", hasItem(0.4)))
			.andExpect(jsonPath(eastRows + ".adoptionRateHidden", hasItem(false)))
			.andExpect(jsonPath("$.coverage.championTeamsPeople").value(4))
			.andExpect(jsonPath("$.coverage.championTeamsHidden").value(true))
			.andExpect(jsonPath("$.coverage.championTeamsAdoptionRate").doesNotExist())
			.andExpect(jsonPath("$.coverage.hiddenBelow").value(5));
		String page = this.mvc.perform(get("/programme/champions").with(TestUsers.signIn(this.mvc, executive)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("adoption rate of a group of fewer than 5 people is hidden")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row(page, this.west)).contains(PrivacyPolicy.HIDDEN).doesNotContain("50%");
		assertThat(row(page, this.east)).contains("40%").doesNotContain(PrivacyPolicy.HIDDEN);
		assertThat(page.substring(page.indexOf("id=\"champion-adoption\""), page.indexOf("id=\"coverage-table\"")))
			.contains(PrivacyPolicy.HIDDEN);
		// a manager reads no champion figures at all
		this.mvc.perform(get("/api/v1/programme/champions").with(TestUsers.basic(this.westManager)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/programme/champions").with(TestUsers.signIn(this.mvc, this.westManager)))
			.andExpect(status().isForbidden());
	}

	/**
	 * @return the coverage table's row of the team
	 */
	private static String row(String page, String team) {
		int at = page.indexOf(team, page.indexOf("id=\"coverage-table\""));
		return page.substring(at, page.indexOf("</tr>", at));
	}

	private static WaveGates gate(int adoptionPercent) {
		return new WaveGates(null, null, BigDecimal.valueOf(adoptionPercent), null);
	}

}
