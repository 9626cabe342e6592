package dev.bellwether.adoption.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The privacy policy enforced in the adoption pages, API and exports: with aggregates
 * only, a manager (or an executive) sees no one's own figures and no group smaller than
 * the minimum; exports of individual figures are confirmed on the page and logged.
 */
@IntegrationTest
class PrivacyPolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	PrivacyPolicy policy;

	User executive;

	User manager;

	List<User> reps = new ArrayList<>();

	User smallManager;

	User smallRep;

	@BeforeEach
	void company() {
		this.executive = this.users.create(Role.EXECUTIVE);
		// a team of 6: the manager and 5 reps
		this.manager = this.users.create(Role.MANAGER, this.executive.id());
		for (int i = 0; i < 5; i++) {
			User rep = this.users.create(Role.REP, this.manager.id());
			this.reps.add(rep);
			LocalDate today = this.calendar.today();
			for (int d = 0; d <= i; d++) {
				active(rep.id(), today.minusDays(d));
			}
		}
		// a team of 4: the manager and 3 reps
		this.smallManager = this.users.create(Role.MANAGER, this.executive.id());
		for (int i = 0; i < 3; i++) {
			this.smallRep = this.users.create(Role.REP, this.smallManager.id());
		}
	}

	@AfterEach
	void individualAgain() {
		PrivacyPolicy.Settings now = this.policy.current();
		this.policy.update(Viewer.of(this.executive), PrivacyPolicy.Mode.INDIVIDUAL,
				PrivacyPolicy.DEFAULT_MINIMUM_GROUP_SIZE, now.version());
	}

	@Test
	void individualFiguresUpTheManagerChainByDefault() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/adoption/users").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-user=\"" + this.reps.get(0).id() + "\"")));
		RequestPostProcessor small = TestUsers.signIn(this.mvc, this.smallManager);
		this.mvc.perform(get("/adoption/team").with(small)).andExpect(status().isOk());
	}

	@Test
	void aggregateOnlyHidesEveryonesOwnFiguresAndGroupsOfFour() throws Exception {
		aggregateOnly();
		User rep = this.reps.get(4);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.manager);

		// the team page: aggregates, no one's name or own figures
		this.mvc.perform(get("/adoption/team").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"headline\"")))
			.andExpect(content().string(containsString("id=\"heatmap-hidden\"")))
			.andExpect(content().string(containsString("Hidden by the privacy policy")))
			.andExpect(content().string(not(containsString(rep.fullName()))))
			.andExpect(content().string(not(containsString("id=\"heatmap\""))))
			.andExpect(content().string(not(containsString("id=\"managers\""))));
		this.mvc.perform(get("/adoption/users").with(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/adoption/scores").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"scores-hidden\"")))
			.andExpect(content().string(not(containsString("id=\"export-csv\""))));

		// the API
		RequestPostProcessor api = TestUsers.basic(this.manager);
		this.mvc.perform(get("/api/v1/adoption/headline").with(api)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/adoption/users").with(api))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("Hidden by the privacy policy")));
		this.mvc.perform(get("/api/v1/adoption/headline").param("user", rep.id().toString()).with(api))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/adoption/heatmap").with(api)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/adoption/movers").with(api)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/adoption/scores").with(api)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/adoption/time-to-first-value").with(api)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/adoption/cascade").with(api))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.managers", empty()));
		this.mvc.perform(get("/api/v1/adoption/late-entry").with(api))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.owners", empty()));

		// exports of individual figures: refused, and nothing logged
		long exports = this.policy.exportCount();
		this.mvc.perform(get("/adoption/scores.csv").with(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/adoption/scores.xlsx").with(session)).andExpect(status().isForbidden());
		assertThat(this.policy.exportCount()).isEqualTo(exports);

		// a team of 4: hidden, to its manager and to an executive, on pages and the API
		RequestPostProcessor small = TestUsers.signIn(this.mvc, this.smallManager);
		this.mvc.perform(get("/adoption/team").with(small)).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/adoption/headline").with(TestUsers.basic(this.smallManager)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail", containsString("this team has 4 people, fewer than the 5")));
		RequestPostProcessor executive = TestUsers.signIn(this.mvc, this.executive);
		this.mvc.perform(get("/adoption/team").param("manager", this.smallManager.id().toString()).with(executive))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(get("/api/v1/adoption/headline").param("team", this.smallManager.id().toString())
				.with(TestUsers.basic(this.executive)))
			.andExpect(status().isForbidden());
		// executives: the same policy for a person
		this.mvc
			.perform(get("/api/v1/adoption/users").param("user", this.smallRep.id().toString())
				.with(TestUsers.basic(this.executive)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/adoption/team").param("manager", this.manager.id().toString()).with(executive))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(rep.fullName()))));

		// everyone still sees their own
		RequestPostProcessor own = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/adoption/me").with(own)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/adoption/users").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.users[0].userId").value(rep.id().toString()));
	}

	@Test
	void exportsOfIndividualFiguresAreConfirmedAndLogged() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/adoption/scores").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"export-csv-form\"")))
			.andExpect(content().string(containsString("Exports of individual data are logged")));
		long before = this.policy.exportCount();
		this.mvc.perform(get("/adoption/scores.csv").with(session)).andExpect(status().isOk());
		this.mvc.perform(get("/adoption/scores.xlsx").with(session)).andExpect(status().isOk());
		assertThat(this.policy.exportCount()).isEqualTo(before + 2);
		assertThat(this.policy.exports(2)).allSatisfy(export -> {
			assertThat(export.exportedBy()).isEqualTo(this.manager.id());
			assertThat(export.scope()).contains("6 people");
		}).extracting(PrivacyPolicy.Export::export).contains("Adoption scores (CSV)", "Adoption scores (Excel)");

		// the log on the privacy page, with who exported
		User admin = this.users.create(Role.ADMIN);
		this.mvc.perform(get("/programme/privacy").with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.manager.fullName())))
			.andExpect(content().string(containsString("Adoption scores (CSV)")));
	}

	@Test
	void leadsAndAdministratorsChangeThePolicyWithinBounds() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		long version = this.policy.current().version();
		assertThatThrownBy(() -> this.policy.update(Viewer.of(admin), PrivacyPolicy.Mode.AGGREGATE_ONLY, 1, version))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("from 2");
		assertThatThrownBy(() -> this.policy.update(Viewer.of(admin), null, 5, version))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> this.policy.update(Viewer.of(admin), PrivacyPolicy.Mode.AGGREGATE_ONLY, 5, version + 7))
			.isInstanceOf(StaleRecordException.class);

		// only leads and administrators, on the page and the API
		this.mvc.perform(get("/programme/privacy").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/programme/privacy").with(TestUsers.basic(this.manager))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"AGGREGATE_ONLY\",\"minimumGroupSize\":5,\"version\":" + version + "}"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(put("/api/v1/programme/privacy").with(TestUsers.basic(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mode\":\"AGGREGATE_ONLY\",\"minimumGroupSize\":1,\"version\":" + version + "}"))
			.andExpect(status().isBadRequest());
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);
		this.mvc
			.perform(post("/programme/privacy").param("mode", "AGGREGATE_ONLY")
				.param("minimumGroupSize", "7")
				.param("version", String.valueOf(version))
				.with(session)
				.with(csrf()))
			.andExpect(redirectedUrl("/programme/privacy"));
		assertThat(this.policy.current().mode()).isEqualTo(PrivacyPolicy.Mode.AGGREGATE_ONLY);
		assertThat(this.policy.current().minimumGroupSize()).isEqualTo(7);
		this.mvc.perform(get("/api/v1/programme/privacy").with(TestUsers.basic(this.manager)))
			.andExpect(jsonPath("$.mode").value("AGGREGATE_ONLY"))
			.andExpect(jsonPath("$.minimumGroupSize").value(7));
		// a team of 6 is under 7 now
		this.mvc.perform(get("/adoption/team").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isForbidden());
	}

	private void aggregateOnly() {
		this.policy.update(Viewer.of(this.executive), PrivacyPolicy.Mode.AGGREGATE_ONLY, 5,
				this.policy.current().version());
	}

	private void active(UUID userId, LocalDate day) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, views, actions, features)
				values (:user, :day, true, 3, 3, '{sales:VIEW}') on conflict do nothing
				""").param("user", userId).param("day", day).update();
	}

}
