package dev.bellwether.sales;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deal pages with MockMvc: list, htmx fragments, record page, forms with inline
 * errors, stage moves, line items, the recycle bin and the set-up pages.
 */
@IntegrationTest
class SalesPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Products products;

	private UUID account(User owner, String name) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null,
							owner.id(), null))
			.id();
	}

	private Opportunity deal(User owner, UUID account, String name) {
		return this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails(name, account, null, owner.id(), SalesModuleTests.PROPOSAL,
						new BigDecimal("40000"), false, LocalDate.now(this.clock).plusDays(30), null, null, null, null,
						null, null));
	}

	private Cookie signIn(User user) throws Exception {
		return this.mvc.perform(formLogin("/login").user(user.username()).password(TestUsers.PASSWORD))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
	}

	@Test
	void createsADealThroughTheFormAndShowsItsRecordPage() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep, "Form Co " + UUID.randomUUID());
		Cookie session = signIn(rep);

		this.mvc.perform(get("/opportunities/new").param("accountId", account.toString()).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Form Co")));
		String location = this.mvc
			.perform(post("/opportunities").cookie(session)
				.with(csrf())
				.param("name", "Form deal")
				.param("accountId", account.toString())
				.param("ownerId", rep.id().toString())
				.param("stageId", SalesModuleTests.PROPOSAL.toString())
				.param("amount", "12,500.50")
				.param("closeDate", "2026-09-30"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/opportunities/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		this.mvc.perform(get(location).cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Form deal")))
			.andExpect(content().string(containsString("12,500.50 USD")))
			.andExpect(content().string(containsString("Created in Proposal")))
			.andExpect(content().string(containsString("hx-get=\"/timeline/opportunity/")));
	}

	@Test
	void aCloseDateOutsideTheYearsADateInputTakesIsRefusedInTheUsersTerms() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep, "Far Future Co " + UUID.randomUUID());
		Cookie session = signIn(rep);

		this.mvc.perform(get("/opportunities/new").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("type=\"date\" min=\"1900-01-01\""), containsString("max=\"2999-12-31\""))));
		// what a picker sends when a user types 31/02/22026 into it
		this.mvc
			.perform(post("/opportunities").cookie(session)
				.with(csrf())
				.param("name", "Far future " + account)
				.param("accountId", account.toString())
				.param("ownerId", rep.id().toString())
				.param("stageId", SalesModuleTests.LOST.toString())
				.param("closeDate", "22026-02-03"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"3 Feb 22026 is not a date we can keep: choose a day between 1 Jan 1900 and 31 Dec 2999.")))
			.andExpect(content().string(not(containsString("YYYY-MM-DD"))));
	}

	@Test
	void anInvalidFormIsShownAgainWithInlineMessagesAndNothingIsSaved() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep, "Invalid Co " + UUID.randomUUID());
		Cookie session = signIn(rep);

		this.mvc
			.perform(post("/opportunities").cookie(session)
				.with(csrf())
				.param("name", "Never saved " + account)
				.param("accountId", account.toString())
				.param("ownerId", rep.id().toString())
				.param("stageId", SalesModuleTests.LOST.toString())
				.param("amount", "-3")
				.param("closeDate", "next tuesday"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a date")))
			.andExpect(content().string(containsString("The amount can&#39;t be negative.")))
			.andExpect(content().string(containsString("Say why the deal was lost.")));

		assertThat(
				this.opportunities.list(TestUsers.viewer(rep), OpportunityFilter.ofAccount(account), Pageable.ofSize(5))
					.getTotalElements())
			.isZero();
	}

	@Test
	void theListServesAFragmentToHtmxAndTheAccountsDealsToTheAccountPage() throws Exception {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep, "Fragment Co " + UUID.randomUUID());
		deal(rep, account, "Fragment deal");
		Cookie session = signIn(rep);

		this.mvc
			.perform(get("/opportunities").param("q", "Fragment deal")
				.header("HX-Request", "true")
				.header("HX-Target", "results")
				.cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fragment deal")))
			.andExpect(content().string(not(containsString("<nav"))));
		this.mvc
			.perform(get("/opportunities").param("accountId", account.toString())
				.header("HX-Request", "true")
				.header("HX-Target", "account-opportunities")
				.cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Fragment deal")))
			.andExpect(content().string(containsString("Add deal")));
		this.mvc.perform(get("/accounts/" + account).cookie(session))
			.andExpect(content().string(containsString("id=\"account-opportunities\"")));
	}

	@Test
	void markingADealLostNeedsAReason() throws Exception {
		User rep = this.users.create(Role.REP);
		Opportunity deal = deal(rep, account(rep, "Lost Co " + UUID.randomUUID()), "Lost deal");
		Cookie session = signIn(rep);

		this.mvc
			.perform(post("/opportunities/" + deal.id() + "/stage").cookie(session)
				.with(csrf())
				.param("stageId", SalesModuleTests.LOST.toString())
				.param("version", "0"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", containsString("Say why the deal was lost.")));
		this.mvc
			.perform(post("/opportunities/" + deal.id() + "/stage").cookie(session)
				.with(csrf())
				.param("stageId", SalesModuleTests.LOST.toString())
				.param("version", "0")
				.param("lossReason", "lost to a competitor on price"))
			.andExpect(flash().attribute("flashSuccess", containsString("Closed Lost")));

		this.mvc.perform(get("/opportunities/" + deal.id()).cookie(session))
			.andExpect(content().string(containsString("Lost to a competitor on price")))
			.andExpect(content().string(containsString("Stage Proposal → Closed Lost")));
	}

	@Test
	void aStaleStageMoveSaysSoAndKeepsTheNewerVersion() throws Exception {
		User rep = this.users.create(Role.REP);
		Opportunity deal = deal(rep, account(rep, "Race Co " + UUID.randomUUID()), "Race deal");
		this.opportunities.changeStage(TestUsers.viewer(rep), deal.id(), SalesModuleTests.NEGOTIATION, 0, null);
		Cookie session = signIn(rep);

		this.mvc
			.perform(post("/opportunities/" + deal.id() + "/stage").cookie(session)
				.with(csrf())
				.param("stageId", SalesModuleTests.PROSPECTING.toString())
				.param("version", "0"))
			.andExpect(flash().attribute("flashError", containsString("changed by someone else")));
		assertThat(this.opportunities.get(TestUsers.viewer(rep), deal.id()).stageName()).isEqualTo("Negotiation");
	}

	@Test
	void lineItemsAreAddedAndRemovedWithHtmx() throws Exception {
		User rep = this.users.create(Role.REP);
		User salesAdmin = this.users.create(Role.SALES_ADMIN);
		Product product = this.products.create(TestUsers.viewer(salesAdmin), new ProductDetails(
				"P-" + UUID.randomUUID().toString().substring(0, 8), "Onboarding", null, new BigDecimal("800"), true));
		Opportunity deal = deal(rep, account(rep, "Items Co " + UUID.randomUUID()), "Items deal");
		Cookie session = signIn(rep);

		this.mvc
			.perform(post("/opportunities/" + deal.id() + "/line-items").cookie(session)
				.with(csrf())
				.header("HX-Request", "true")
				.param("productId", product.id().toString())
				.param("quantity", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Onboarding")))
			.andExpect(content().string(containsString("2,400.00")))
			.andExpect(content().string(not(containsString("<nav"))));
		this.mvc
			.perform(post("/opportunities/" + deal.id() + "/line-items").cookie(session)
				.with(csrf())
				.header("HX-Request", "true")
				.param("productId", product.id().toString())
				.param("quantity", "lots"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not a quantity")));

		LineItem item = this.opportunities.lineItems(TestUsers.viewer(rep), deal.id()).get(0);
		this.mvc
			.perform(post("/opportunities/" + deal.id() + "/line-items/" + item.id() + "/delete").cookie(session)
				.with(csrf())
				.header("HX-Request", "true"))
			.andExpect(content().string(containsString("No products on this deal yet.")));
	}

	@Test
	void deletedDealsAreRestoredFromTheirRecycleBin() throws Exception {
		User rep = this.users.create(Role.REP);
		Opportunity deal = deal(rep, account(rep, "Bin Co " + UUID.randomUUID()), "Binned deal " + UUID.randomUUID());
		Cookie session = signIn(rep);
		this.mvc.perform(post("/opportunities/" + deal.id() + "/delete").cookie(session).with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/recycle-bin/opportunities").cookie(session))
			.andExpect(content().string(containsString(deal.name())));
		this.mvc.perform(post("/recycle-bin/opportunities/" + deal.id() + "/restore").cookie(session).with(csrf()))
			.andExpect(flash().attribute("flashSuccess", containsString("restored")));
		assertThat(this.opportunities.get(TestUsers.viewer(rep), deal.id()).isDeleted()).isFalse();
	}

	@Test
	void salesAdministratorsSetUpStagesAndProductsAndRepsCannot() throws Exception {
		User rep = this.users.create(Role.REP);
		User salesAdmin = this.users.create(Role.SALES_ADMIN);
		Cookie repSession = signIn(rep);
		Cookie adminSession = signIn(salesAdmin);

		this.mvc.perform(get("/admin/stages").cookie(repSession)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/products").cookie(repSession)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/stages").cookie(adminSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Needs Analysis")));
		this.mvc.perform(get("/admin/products").cookie(adminSession)).andExpect(status().isOk());
		this.mvc
			.perform(post("/admin/stages").cookie(adminSession)
				.with(csrf())
				.param("name", "Verbal yes")
				.param("outcome", "OPEN")
				.param("probability", "95")
				.param("forecastCategory", "CLOSED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("An open stage forecasts as Pipeline")));
		this.mvc
			.perform(post("/admin/stages/" + SalesModuleTests.PROPOSAL + "/delete").cookie(adminSession).with(csrf()))
			.andExpect(flash().attribute("flashError", containsString("retire it instead")));
	}

}
