package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.ListViews;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bare deal list (no view, no filter, no personal default) opens the open deals due
 * from today, nearest first; explicit addresses and personal defaults are unchanged.
 */
@IntegrationTest
class DealListOpeningTests {

	static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	ListViews listViews;

	private User rep;

	private String marker;

	@BeforeEach
	void threeDeals() {
		this.rep = this.users.create(Role.REP);
		this.marker = UUID.randomUUID().toString().substring(0, 8);
		UUID account = this.accounts
			.create(TestUsers.viewer(this.rep),
					new AccountDetails("Opening " + this.marker, null, null, null, null, null, null, null, null, null,
							null, null, this.rep.id(), null))
			.id();
		LocalDate today = this.opportunities.today();
		deal(account, "Later " + this.marker, today.plusMonths(3));
		deal(account, "Soon " + this.marker, today.plusDays(2));
		deal(account, "Years old " + this.marker, today.minusYears(3));
	}

	private void deal(UUID account, String name, LocalDate closeDate) {
		this.opportunities.create(TestUsers.viewer(this.rep), new OpportunityDetails(name, account, null, this.rep.id(),
				FIRST_STAGE, new BigDecimal("1000.00"), false, closeDate, null, null, null, null, null, null));
	}

	private UUID openingViewId() {
		return this.listViews.visible(TestUsers.viewer(this.rep), OpportunityAccess.RECORD_TYPE)
			.stream()
			.filter(v -> v.name().equals("Open deals from today"))
			.map(ListView::id)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void theBareListOpensTheOpenDealsDueFromTodayNearestFirst() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		String page = this.mvc.perform(get("/opportunities").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Soon " + this.marker),
					containsString("Later " + this.marker), not(containsString("Years old " + this.marker)),
					containsString("selected=\"selected\">Open deals from today</option>"),
					containsString("id=\"view-opening\""),
					// sort and page links stay in the view
					containsString("/opportunities?view=" + openingViewId()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page.indexOf("Soon " + this.marker))
			.isLessThan(page.indexOf("Later " + this.marker));
	}

	@Test
	void explicitAddressesAndAPersonalDefaultAreUnchanged() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		// the list as it comes, and a sort of one's own: every deal, the oldest first
		this.mvc.perform(get("/opportunities").param("view", "").with(session))
			.andExpect(content()
				.string(allOf(containsString("Years old " + this.marker), not(containsString("id=\"view-opening\"")))));
		String sorted = this.mvc.perform(get("/opportunities").param("sort", "closeDate,asc").with(session))
			.andExpect(content().string(containsString("Years old " + this.marker)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(sorted.indexOf("Years old " + this.marker))
			.isLessThan(sorted.indexOf("Soon " + this.marker));

		ListView allOpen = this.listViews.visible(TestUsers.viewer(this.rep), OpportunityAccess.RECORD_TYPE)
			.stream()
			.filter(v -> v.name().equals("All open deals"))
			.findFirst()
			.orElseThrow();
		this.listViews.setDefault(TestUsers.viewer(this.rep), OpportunityAccess.RECORD_TYPE, allOpen.id());
		this.mvc.perform(get("/opportunities").with(session))
			.andExpect(content().string(allOf(containsString("Years old " + this.marker),
					containsString("id=\"view-is-default\""), not(containsString("id=\"view-opening\"")))));
	}

}
