package dev.bellwether.adoption.web;

import java.time.Instant;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.internal.metrics.CompanyDashboardWarmUp;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the figures kept (as in production, where the rest of the suite computes them on
 * every call): the company dashboard's figures are computed ahead of its first view,
 * served as kept to the page and the API alike, and computed again on request.
 */
@IntegrationTest
@TestPropertySource(properties = "bellwether.adoption.figures.max-age=1h")
class KeptFiguresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	CompanyDashboardWarmUp warmUp;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void figuresAreKeptForEveryViewerUntilRecomputed() throws Exception {
		this.metrics.recompute();
		User executive = this.users.create(Role.EXECUTIVE);
		this.warmUp.keepTheCompanyDashboardComputed();
		Instant computed = this.metrics.computedAt(AdoptionScope.everyone(), this.calendar.today());
		int licensed = licensed(executive);

		this.users.create(Role.REP, executive.id());
		RequestPostProcessor session = TestUsers.signIn(this.mvc, executive);
		this.mvc.perform(get("/adoption").with(session)).andExpect(status().isOk());
		// kept: the same figures, computed when they were
		assertThat(licensed(executive)).isEqualTo(licensed);
		assertThat(this.metrics.computedAt(AdoptionScope.everyone(), this.calendar.today())).isEqualTo(computed);
		this.warmUp.keepTheCompanyDashboardComputed();
		assertThat(licensed(executive)).isEqualTo(licensed);

		this.mvc.perform(post("/adoption/recompute").with(session).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(licensed(executive)).isEqualTo(licensed + 1);
		assertThat(this.metrics.computedAt(AdoptionScope.everyone(), this.calendar.today())).isAfter(computed);
	}

	@Test
	void everyAnswerSaysWhenItsFiguresWereComputed() throws Exception {
		this.metrics.recompute();
		User executive = this.users.create(Role.EXECUTIVE);
		this.warmUp.keepTheCompanyDashboardComputed();
		Instant perPerson = this.metrics.computedAt(AdoptionScope.everyone(), this.calendar.today());

		// figures computed from the per-person figures say when those were computed
		for (String figure : java.util.List.of("headline", "users", "cascade", "movers", "time-to-first-value",
				"late-entry", "freshness")) {
			assertThat(computedAt(executive, figure)).as(figure).isEqualTo(perPerson);
		}
		// the others say when they were computed, and stay so while kept
		for (String figure : java.util.List.of("trend", "heatmap")) {
			Instant first = computedAt(executive, figure);
			assertThat(first).as(figure).isAfterOrEqualTo(perPerson);
			this.users.create(Role.REP, executive.id());
			assertThat(computedAt(executive, figure)).as(figure).isEqualTo(first);
		}

		this.metrics.recompute();
		assertThat(computedAt(executive, "headline")).isAfter(perPerson);
	}

	private Instant computedAt(User viewer, String figure) throws Exception {
		String json = this.mvc.perform(get("/api/v1/adoption/" + figure).with(TestUsers.basic(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Instant.parse(com.jayway.jsonpath.JsonPath.read(json, "$.computedAt"));
	}

	private int licensed(User viewer) throws Exception {
		String json = this.mvc.perform(get("/api/v1/adoption/headline").with(TestUsers.basic(viewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.licensedUsers").isNumber())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(json, "$.licensedUsers");
	}

}
