package dev.bellwether.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The waves' and champions' API and pages: who reads and who changes them, and the bad
 * input each refuses.
 */
@IntegrationTest
class ProgrammeWavesApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RolloutWaves waves;

	ProgrammeFixture fixture;

	User admin;

	@BeforeEach
	void setUp() {
		this.fixture = new ProgrammeFixture(this.testUsers, this.jdbc);
		this.fixture.clearProgramme();
		this.admin = this.testUsers.create(Role.ADMIN);
	}

	@Test
	void leadsChangeWavesOthersReadOnlyTheirOwn() throws Exception {
		String east = ProgrammeFixture.team("East");
		String west = ProgrammeFixture.team("West");
		User rep = this.fixture.person(Role.REP, east);
		this.fixture.person(Role.REP, west);
		String body = """
				{"name": "Sales East", "teams": ["%s"], "plannedStart": "2026-07-14", "adoptionPercent": 60}
				""".formatted(east);
		this.mvc
			.perform(post("/api/v1/programme/waves").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/programme/waves").with(TestUsers.basic(this.admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("PLANNED"))
			.andExpect(jsonPath("$.position").value(1))
			.andExpect(jsonPath("$.figures.funnel.invited").value(1));
		this.waves.create(Viewer.of(this.admin),
				ProgrammeFixture.wave("Sales West", 2, west, ProgrammeFixture.adoption(60)));

		this.mvc.perform(get("/api/v1/programme/waves").with(TestUsers.basic(this.admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)));
		this.mvc.perform(get("/api/v1/programme/waves").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].name").value("Sales East"));
		UUID westId = this.waves.list().get(1).id();
		this.mvc.perform(get("/api/v1/programme/waves/{id}", westId).with(TestUsers.basic(rep)))
			.andExpect(status().isNotFound());

		// the rep is told when their wave starts
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/programme").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your wave, Sales East, starts 14 Jul.")));
		this.mvc.perform(get("/programme/waves").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sales East")))
			.andExpect(content().string(not(containsString("Sales West"))))
			.andExpect(content().string(not(containsString("Plan a wave"))));
	}

	@Test
	void refusesBadWavesWith400AndUnknownWavesWith404() throws Exception {
		String east = ProgrammeFixture.team("East");
		this.fixture.person(Role.REP, east);
		RequestPostProcessor lead = TestUsers.basic(this.admin);
		this.mvc.perform(post("/api/v1/programme/waves").with(lead).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "No gate", "teams": ["%s"], "plannedStart": "2026-07-14"}
				""".formatted(east)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least one gate")));
		this.mvc.perform(post("/api/v1/programme/waves").with(lead).contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "Too high", "teams": ["%s"], "plannedStart": "2026-07-14", "adoptionPercent": 140}
				""".formatted(east)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("adoptionPercent")));
		Wave first = this.waves.create(Viewer.of(this.admin),
				ProgrammeFixture.wave("First", 1, east, ProgrammeFixture.adoption(50)));
		Wave second = this.waves.create(Viewer.of(this.admin), new WaveDetails("Second", 2, List.of(0), List.of(),
				List.of(), LocalDate.of(2026, 8, 1), ProgrammeFixture.adoption(50)));
		this.mvc
			.perform(post("/api/v1/programme/waves/{id}/open", second.id()).with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("First has not opened")));
		this.mvc
			.perform(post("/api/v1/programme/waves/{id}/open", second.id()).with(lead)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"The executives start together\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.overrides[0].reason").value("The executives start together"))
			.andExpect(jsonPath("$.overrides[0].byName").value(this.admin.fullName()));
		this.mvc.perform(post("/api/v1/programme/waves/{id}/open", UUID.randomUUID()).with(lead))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/programme/waves/{id}", UUID.randomUUID()).with(lead))
			.andExpect(status().isNotFound());
		// the page shows the refusal beside the reason field
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.admin);
		this.mvc.perform(get("/programme/waves/{id}", first.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Open the wave")));
		this.mvc.perform(get("/programme/waves").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-funnel")));
	}

	@Test
	void pagesShowRefusalsBesideTheirFieldsAndKeepTheOverride() throws Exception {
		String east = ProgrammeFixture.team("East");
		String west = ProgrammeFixture.team("West");
		this.fixture.person(Role.REP, east);
		this.fixture.person(Role.REP, west);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.admin);
		this.mvc
			.perform(post("/programme/waves").param("name", "Sales East")
				.param("position", "1")
				.param("plannedStart", "2026-07-14")
				.param("teams", east)
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A wave needs at least one gate")));
		this.mvc
			.perform(post("/programme/waves").param("name", "Sales East")
				.param("position", "1")
				.param("plannedStart", "2026-07-14")
				.param("teams", east)
				.param("adoptionPercent", "60")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/programme/waves").param("name", "Sales West")
				.param("position", "2")
				.param("plannedStart", "2026-08-14")
				.param("teams", west)
				.param("activationPercent", "80")
				.param("activationDays", "7")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		Wave westWave = this.waves.list().get(1);
		this.mvc.perform(post("/programme/waves/{id}/open", westWave.id()).with(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give a reason to open Sales West anyway")));
		this.mvc
			.perform(post("/programme/waves/{id}/open", westWave.id()).param("reason", "Their manager asked")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/programme/waves/{id}", westWave.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Their manager asked")))
			.andExpect(content().string(containsString("Close the wave")));
		this.mvc.perform(get("/programme").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Wave 2 of 2 open (Sales West), 0 of 1 gates met.")));
	}

	@Test
	void championsAreReadByLeadsAndExecutivesAndChangedByLeads() throws Exception {
		String east = ProgrammeFixture.team("East");
		User rep = this.fixture.person(Role.REP, east);
		User gone = this.fixture.person(Role.REP, east);
		this.fixture.deactivate(gone);
		User executive = this.testUsers.create(Role.EXECUTIVE);

		this.mvc.perform(get("/api/v1/programme/champions").with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/programme/champions").with(TestUsers.basic(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": \"%s\", \"team\": \"%s\"}".formatted(rep.id(), east)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/programme/champions").with(TestUsers.basic(this.admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": \"%s\", \"team\": \"%s\"}".formatted(gone.id(), east)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("deactivated")));
		this.mvc
			.perform(post("/api/v1/programme/champions").with(TestUsers.basic(this.admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": \"%s\", \"team\": \"Nowhere\"}".formatted(rep.id())))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/api/v1/programme/champions").with(TestUsers.basic(this.admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"userId\": \"%s\", \"team\": \"%s\"}".formatted(rep.id(), east)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.team").value(east));
		this.mvc.perform(get("/api/v1/programme/champions").with(TestUsers.basic(executive)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.coverage.peoplePerChampion").value(15))
			.andExpect(jsonPath("$.coverage.teams[*].team", hasItem(east)));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/programme/champions/ratio")
				.with(TestUsers.basic(this.admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"peoplePerChampion\": 0, \"version\": 0}"))
			.andExpect(status().isBadRequest());

		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.admin);
		this.mvc.perform(get("/programme/champions").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(east)))
			.andExpect(content().string(containsString(rep.fullName())));
		this.mvc
			.perform(post("/programme/champions/ratio").param("peoplePerChampion", "20")
				.param("version", "0")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/programme").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(1 per 20 people)")));
		RequestPostProcessor repSession = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/programme/champions").with(repSession)).andExpect(status().isForbidden());
	}

}
