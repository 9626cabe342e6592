package dev.bellwether.adoption.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's pipeline freshness says which day it is of and when it was computed, and says
 * so when asked for a past day, which it cannot compute (deals keep their last touch
 * only), rather than silently answering for today.
 */
@IntegrationTest
class FreshnessApiTests {

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void answersTodaysFreshnessWithWhenItWasComputedAndSaysSoForAPastDay() throws Exception {
		User rep = this.users.create(Role.REP);
		LocalDate today = this.calendar.today();
		deal(TestUsers.viewer(rep), "400", today.plusDays(20));
		Opportunity untouched = deal(TestUsers.viewer(rep), "600", today.plusDays(20));
		this.jdbc.sql("update opportunities set last_touched_at = :at where id = :id")
			.param("at", OffsetDateTime.now(this.clock).minusDays(40))
			.param("id", untouched.id())
			.update();
		Instant before = this.clock.instant();

		String json = this.mvc.perform(get("/api/v1/adoption/freshness").with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openDeals").value(2))
			.andExpect(jsonPath("$.freshDeals").value(1))
			.andExpect(jsonPath("$.freshAmount").value(400))
			.andExpect(jsonPath("$.asOf").value(today.toString()))
			.andExpect(jsonPath("$.asOfNote").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Instant computedAt = Instant.parse(json.replaceAll(".*\"computedAt\":\"([^\"]+)\".*", "$1"));
		assertThat(computedAt).isBetween(before, this.clock.instant());

		LocalDate lastWeek = today.minusDays(7);
		this.mvc
			.perform(get("/api/v1/adoption/freshness").param("asOf", lastWeek.toString()).with(TestUsers.basic(rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openDeals").value(2))
			.andExpect(jsonPath("$.asOf").value(today.toString()))
			.andExpect(jsonPath("$.asOfNote", containsString("cannot be computed as of " + lastWeek)))
			.andExpect(jsonPath("$.computedAt").exists());
		this.mvc
			.perform(get("/api/v1/adoption/freshness").param("asOf", today.plusDays(1).toString())
				.with(TestUsers.basic(rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("asOf"));
	}

	private Opportunity deal(Viewer rep, String amount, LocalDate closeDate) {
		UUID account = this.accounts
			.create(rep,
					new AccountDetails("Fresh Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, rep.id(), null))
			.id();
		return this.opportunities.create(rep, new OpportunityDetails("Deal", account, null, rep.id(), PROPOSAL,
				new BigDecimal(amount), false, closeDate, null, null, null, null, null, null));
	}

}
