package dev.bellwether.home;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.CampaignDetails;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.Leads;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The marketing home page: a marketing user lands on it (no longer on the leads list) and
 * sees the leads waiting (oldest first, with their age), the campaigns running with
 * budget against cost, the year's ROI and funnel charts that drill into their lists; the
 * speed-to-lead slot stays out until it is given its breaches.
 */
@IntegrationTest
class MarketingHomeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Leads leads;

	@Autowired
	Campaigns campaigns;

	@Autowired
	MarketingHomePage page;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMarketingUserLandsOnTheirOwnHomePage() throws Exception {
		String tag = TestCustomers.tag();
		User marketingUser = this.users.create(Role.MARKETING);
		Viewer marketing = TestUsers.viewer(marketingUser);
		User rep = this.users.create(Role.REP);
		// the oldest lead waiting of all, and one created this year (so the funnel has a
		// bar)
		Lead oldest = this.leads.create(marketing, new LeadDetails("Olive", "Oldest " + tag, "Waiting Ltd", null, null,
				null, null, "Web", null, null, rep.id(), null));
		this.jdbc.sql("update leads set created_at = :at where id = :id")
			.param("at", Timestamp.from(Instant.parse("1999-01-04T10:00:00Z")))
			.param("id", oldest.id())
			.update();
		this.leads.create(marketing, new LeadDetails("Nina", "Newest " + tag, "Waiting Ltd", null, null, null, null,
				"Web", null, null, rep.id(), null));
		this.campaigns.create(marketing, new CampaignDetails("Running " + tag, null, CampaignStatus.ACTIVE,
				LocalDate.of(1999, 1, 1), null, new java.math.BigDecimal("5000.00"), null, null, null));

		MarketingHome home = this.page.of(marketing);
		assertThat(home.waiting()).first().extracting(Lead::id).isEqualTo(oldest.id());
		assertThat(home.waitingCount()).isGreaterThanOrEqualTo(2);
		assertThat(home.running()).extracting(c -> c.name()).contains("Running " + tag);
		assertThat(home.funnel().total().leads()).isGreaterThanOrEqualTo(1);
		assertThat(home.funnelChart()).contains("/marketing/funnel/leads?");

		RequestPostProcessor session = TestUsers.signIn(this.mvc, marketingUser);
		this.mvc.perform(get("/").with(session))
			.andExpect(status().isOk())
			.andExpect(view().name("home/marketing"))
			.andExpect(content().string(allOf(containsString("id=\"leads-waiting\""), containsString("Oldest " + tag),
					containsString("id=\"campaigns-running\""), containsString("Running " + tag),
					containsString("5,000"), containsString("id=\"funnel-chart\""),
					containsString("/marketing/funnel/leads?"), containsString("id=\"counter-roi\""),
					containsString("ROI = (won revenue − cost) ÷ cost"),
					containsString("id=\"speed-to-lead-breaches\""))));
		// a rep's home is unchanged
		this.mvc.perform(get("/").with(TestUsers.signIn(this.mvc, this.users.create(Role.REP))))
			.andExpect(status().isOk())
			.andExpect(view().name("home/home"));
	}

}
