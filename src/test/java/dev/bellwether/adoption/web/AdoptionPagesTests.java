package dev.bellwether.adoption.web;

import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The adoption pages and API: who sees whose figures, and the figures shown come from the
 * usage recorded.
 */
@IntegrationTest
class AdoptionPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	User executive;

	User manager;

	User rep;

	User otherManager;

	User otherRep;

	@BeforeEach
	void company() {
		this.executive = this.users.create(Role.EXECUTIVE);
		this.manager = this.users.create(Role.MANAGER, this.executive.id());
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.otherManager = this.users.create(Role.MANAGER, this.executive.id());
		this.otherRep = this.users.create(Role.REP, this.otherManager.id());
		// the rep active on 12 of the last 28 days: healthy; their manager on 2: at risk
		LocalDate today = this.calendar.today();
		for (int i = 0; i < 12; i++) {
			active(this.rep.id(), today.minusDays(i));
		}
		active(this.manager.id(), today.minusDays(3));
		active(this.manager.id(), today.minusDays(20));
	}

	@Test
	void executivesSeeTheCompanyAndDrillIntoATeam() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.executive);
		// every manager listed (other tests' companies share the database)
		this.mvc.perform(get("/adoption").param("managers", "all").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"headline\"")))
			.andExpect(content().string(containsString("id=\"cascade\"")))
			.andExpect(content().string(containsString("data-trend=")))
			.andExpect(content().string(containsString("/adoption/team?manager=" + this.manager.id())));
		this.mvc.perform(get("/adoption/team").param("manager", this.manager.id().toString()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.rep.fullName())))
			.andExpect(content().string(not(containsString(this.otherRep.fullName()))));
		this.mvc
			.perform(get("/adoption/users").param("manager", this.manager.id().toString())
				.param("health", "HEALTHY")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-user=\"" + this.rep.id() + "\"")))
			.andExpect(content().string(not(containsString("data-user=\"" + this.manager.id() + "\""))));
		// a level of the cascade, named rather than listed person by person
		this.mvc
			.perform(get("/adoption/users").param("manager", this.manager.id().toString())
				.param("level", "REPS")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-user=\"" + this.rep.id() + "\"")))
			.andExpect(content().string(not(containsString("data-user=\"" + this.manager.id() + "\""))));
		this.mvc.perform(get("/adoption/users").param("level", "EVERYBODY").with(session))
			.andExpect(status().isBadRequest());
	}

	@Test
	void managersSeeTheirOwnTeamOnlyAndRepsThemselves() throws Exception {
		RequestPostProcessor managerSession = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/adoption").with(managerSession)).andExpect(redirectedUrl("/adoption/team"));
		this.mvc.perform(get("/adoption/team").with(managerSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("My team")));
		this.mvc.perform(get("/adoption/team").param("manager", this.otherManager.id().toString()).with(managerSession))
			.andExpect(status().isNotFound());

		RequestPostProcessor repSession = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/adoption").with(repSession)).andExpect(redirectedUrl("/adoption/me"));
		this.mvc.perform(get("/adoption/me").with(repSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"my-health\"")))
			.andExpect(content().string(containsString("Healthy")));
		this.mvc.perform(get("/adoption/team").param("manager", this.manager.id().toString()).with(repSession))
			.andExpect(status().isNotFound());
	}

	@Test
	void executivesSeeWhenTheFiguresWereComputedAndRecomputeThem() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.executive);
		this.mvc.perform(get("/adoption").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"computed-at\"")))
			.andExpect(content().string(containsString("id=\"recompute\"")));
		this.mvc.perform(post("/adoption/recompute").with(session).with(csrf())).andExpect(redirectedUrl("/adoption"));
		this.mvc.perform(
				post("/adoption/recompute").param("manager", this.manager.id().toString()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/adoption/team?manager=" + this.manager.id()));
		// a manager sees when, and gets the figures recomputed within the minute
		RequestPostProcessor managerSession = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/adoption/team").with(managerSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"computed-at\"")))
			.andExpect(content().string(not(containsString("id=\"recompute\""))));
		this.mvc.perform(post("/adoption/recompute").with(managerSession).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void theDashboardListsTheManagersToLookAtFirstAndAllOnRequest() throws Exception {
		User last = null;
		for (int i = 0; i < AdoptionController.MANAGERS_SHOWN; i++) {
			last = this.users.create(Role.MANAGER, this.executive.id());
			this.users.create(Role.REP, last.id());
		}
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.executive);
		// 18 people or more with reports (the executive too; other tests' managers share
		// the database): the 15 to look at first
		String firstOnes = this.mvc.perform(get("/adoption").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"more-managers\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(firstOnes.split("class=\"bw-team-link\"", -1)).hasSize(AdoptionController.MANAGERS_SHOWN + 1);
		String all = this.mvc.perform(get("/adoption").param("managers", "all").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"more-managers\""))))
			.andExpect(content().string(containsString("/adoption/team?manager=" + last.id())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// (other tests' managers are in the company too)
		assertThat(all.split("class=\"bw-team-link\"", -1)).hasSizeGreaterThan(18);
	}

	@Test
	void theApiIsScopedLikeThePages() throws Exception {
		// a rep: themselves only
		this.mvc.perform(get("/api/v1/adoption/headline").with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.licensedUsers").value(1))
			.andExpect(jsonPath("$.health.HEALTHY").value(1));
		this.mvc
			.perform(get("/api/v1/adoption/users").param("user", this.otherRep.id().toString())
				.with(TestUsers.basic(this.rep)))
			.andExpect(status().isNotFound());
		// a manager: their organisation (themselves and the rep)
		this.mvc.perform(get("/api/v1/adoption/users").with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.users.length()").value(2))
			.andExpect(jsonPath("$.users[*].userId", hasItem(this.rep.id().toString())))
			.andExpect(jsonPath("$.asOf").value(this.calendar.today().toString()))
			.andExpect(jsonPath("$.computedAt").isString());
		this.mvc
			.perform(get("/api/v1/adoption/cascade").param("team", this.otherManager.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isNotFound());
		// an executive: anyone's
		this.mvc
			.perform(get("/api/v1/adoption/users").param("team", this.manager.id().toString())
				.param("health", "AT_RISK")
				.with(TestUsers.basic(this.executive)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.users.length()").value(1))
			.andExpect(jsonPath("$.users[0].userId").value(this.manager.id().toString()));
		// bad input
		this.mvc
			.perform(get("/api/v1/adoption/headline").param("asOf", this.calendar.today().plusDays(1).toString())
				.with(TestUsers.basic(this.executive)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("asOf"));
		this.mvc.perform(get("/api/v1/adoption/users").param("health", "GREAT").with(TestUsers.basic(this.executive)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("health"));
		this.mvc
			.perform(get("/api/v1/adoption/heatmap").param("team", this.manager.id().toString())
				.with(TestUsers.basic(this.executive)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalPeople").value(2));
	}

	private void active(UUID userId, LocalDate day) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, views, actions, features)
				values (:user, :day, true, 3, 3, '{sales:VIEW}') on conflict do nothing
				""").param("user", userId).param("day", day).update();
	}

}
