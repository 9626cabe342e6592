package dev.bellwether.listviews;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import java.util.List;

import dev.bellwether.IntegrationTest;
import dev.bellwether.activities.Activities;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.activities.TaskStatus;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.platform.listview.ListColumn;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListDefinitions;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.marketing.LeadDetails;
import dev.bellwether.marketing.Leads;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.listview.ViewSettings;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import dev.bellwether.service.CaseDetails;
import dev.bellwether.service.Cases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The four list pages with saved views: the view in the URL, the columns chosen, the
 * selection column and the cells inline edit works on, the view controls, and the clear
 * refusals.
 */
@IntegrationTest
class ListViewPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	ListViews views;

	@Autowired
	Accounts accounts;

	@Autowired
	Leads leads;

	@Autowired
	Opportunities opportunities;

	@Autowired
	PipelineStages stages;

	@Autowired
	Clock clock;

	@Autowired
	Contacts contacts;

	@Autowired
	Activities activities;

	@Autowired
	Cases cases;

	@Autowired
	ListDefinitions lists;

	@Test
	void aViewInTheUrlShowsItsFiltersAndColumnsWithSelectionAndInlineCells() throws Exception {
		User rep = this.users.create(Role.REP);
		String name = "Viewed deal " + UUID.randomUUID();
		Opportunity deal = deal(rep, name);
		ListView view = this.views.create(TestUsers.viewer(rep), "opportunity", ListViewDetails.personal("Mine",
				ViewSettings.parse("owner=me&status=open&cols=name,probability:120,owner&sort=amount,desc")));

		this.mvc.perform(get("/opportunities").param("view", view.id().toString()).with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString(">Probability</a>")))
			.andExpect(content().string(containsString("width: 120px")))
			.andExpect(content().string(not(containsString(">Close date</a>"))))
			.andExpect(content().string(containsString(
					"name=\"ids\" form=\"bulk-form\" value=\"" + deal.id() + "\" aria-label=\"Select " + name + "\"")))
			.andExpect(content().string(containsString("data-inline-type=\"opportunity\" data-inline-id=\"" + deal.id()
					+ "\" data-inline-field=\"probability\" data-inline-version=\"" + deal.version() + "\"")))
			.andExpect(content().string(containsString("id=\"view-picker\"")))
			.andExpect(content().string(containsString("id=\"shortcuts-dialog\"")))
			.andExpect(content().string(containsString("selected=\"selected\">Mine</option>")));
	}

	@Test
	void aFilterInTheUrlOverridesTheViewAndOffersToUpdateIt() throws Exception {
		User rep = this.users.create(Role.REP);
		String name = "Override " + UUID.randomUUID();
		deal(rep, name);
		ListView view = this.views.create(TestUsers.viewer(rep), "opportunity",
				ListViewDetails.personal("Closed ones", ViewSettings.parse("status=closed")));

		this.mvc
			.perform(get("/opportunities").param("view", view.id().toString())
				.param("status", "open")
				.param("q", name)
				.with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("id=\"update-view\"")))
			.andExpect(content().string(containsString("id=\"view-modified\"")));
	}

	@Test
	void saveAsStoresTheListAsShownAndOpensIt() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = signedIn(rep);

		String location = this.mvc
			.perform(post("/list-views").param("recordType", "account")
				.param("name", "Software accounts")
				.param("query", "industry=Technology&owner=me&cols=name,owner")
				.param("sharing", "PERSONAL")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", "View 'Software accounts' saved."))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/accounts?view=");
		ListView saved = this.views.visible(TestUsers.viewer(rep), "account")
			.stream()
			.filter(v -> v.name().equals("Software accounts"))
			.findFirst()
			.orElseThrow();
		assertThat(saved.settings().toQuery()).isEqualTo("industry=Technology&owner=me&cols=name,owner");

		this.mvc.perform(get(location).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("selected=\"selected\">Software accounts</option>")))
			.andExpect(content().string(not(containsString(">City</a>"))));
	}

	@Test
	void sharingWithATeamYouDoNotLeadSaysWhyAndSavesNothing() throws Exception {
		User manager = this.users.create(Role.MANAGER);
		User otherManager = this.users.create(Role.MANAGER);

		this.mvc
			.perform(post("/list-views").param("recordType", "contact")
				.param("name", "Not my team")
				.param("query", "owner=me")
				.param("sharing", "TEAM")
				.param("sharedTeamId", otherManager.id().toString())
				.with(signedIn(manager))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", containsString("you don't lead that team")));
		assertThat(this.views.visible(TestUsers.viewer(manager), "contact")).extracting(ListView::name)
			.doesNotContain("Not my team");
	}

	@Test
	void aViewNotSharedWithYouIsAClearNotFound() throws Exception {
		User owner = this.users.create(Role.REP);
		User other = this.users.create(Role.REP);
		ListView view = this.views.create(TestUsers.viewer(owner), "contact",
				ListViewDetails.personal("Private", ViewSettings.empty()));

		this.mvc.perform(get("/contacts").param("view", view.id().toString()).with(signedIn(other)))
			.andExpect(status().isNotFound())
			.andExpect(request().attribute("dev.bellwether.platform.web.ErrorResponses.detail",
					containsString("No list view with id " + view.id())));
	}

	@Test
	void theDefaultViewOpensOnTheBareListAndTheStandardViewsOnEveryList() throws Exception {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		ListView overdue = this.views.visible(viewer, "activity")
			.stream()
			.filter(v -> v.name().equals("Overdue tasks"))
			.findFirst()
			.orElseThrow();
		RequestPostProcessor session = signedIn(rep);

		this.mvc.perform(post("/list-views/" + overdue.id() + "/default").with(session).with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/activities").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"view-is-default\"")))
			.andExpect(content().string(containsString("selected=\"selected\">Overdue tasks</option>")));
		this.mvc.perform(get("/accounts").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">My accounts</option>")))
			.andExpect(content().string(containsString("class=\"form-check-input bw-select-all\"")));
		this.mvc.perform(get("/contacts").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">My contacts</option>")));
		this.mvc.perform(get("/opportunities").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Closing this quarter</option>")));
	}

	@Test
	void theSortAndPageLinksOfADefaultViewStayInTheView() throws Exception {
		User rep = this.users.create(Role.REP);
		deal(rep, "Default links " + UUID.randomUUID());
		ListView mine = this.views.visible(TestUsers.viewer(rep), "account")
			.stream()
			.filter(v -> v.name().equals("My accounts"))
			.findFirst()
			.orElseThrow();
		this.views.setDefault(TestUsers.viewer(rep), "account", mine.id());

		this.mvc.perform(get("/accounts").with(signedIn(rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/accounts?view=" + mine.id() + "&amp;sort=name,desc")));
	}

	@Test
	void theColumnChooserShowsTheColumnsInTheOrderChosen() throws Exception {
		User rep = this.users.create(Role.REP);
		String name = "Chooser " + UUID.randomUUID();
		deal(rep, name);

		String page = this.mvc
			.perform(get("/opportunities").param("q", name)
				.param("col", "owner", "name")
				.param("w.owner", "150")
				.with(signedIn(rep)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.indexOf("data-column=\"owner\"")).isLessThan(page.indexOf("data-column=\"name\""));
		assertThat(page).contains("width: 150px").doesNotContain(">Stage</a>");
		assertThat(page).contains("name=\"query\" value=\"q=" + name.replace(" ", "+") + "&amp;cols=owner:150,name\"");
	}

	@Test
	void everyColumnOfEveryListRenders() throws Exception {
		User rep = this.users.create(Role.REP);
		String name = "All columns " + UUID.randomUUID();
		Opportunity deal = deal(rep, name);
		this.contacts.create(TestUsers.viewer(rep), new ContactDetails("Ada", name, "CTO", "ada@example.com",
				"+1 555 0100", null, deal.accountId(), rep.id()));
		this.activities.create(TestUsers.viewer(rep),
				new ActivityDetails(ActivityKind.TASK, name, null, deal.accountId(), null, deal.id(), rep.id(),
						LocalDate.now(this.clock).minusDays(1), TaskStatus.OPEN, TaskPriority.HIGH, null, null,
						List.of()));
		this.leads.create(TestUsers.viewer(rep), new LeadDetails("Ada", name, "Analytical Engines", "CTO",
				"ada@example.com", "+1 555 0100", "GB", "Webinar", null, null, rep.id(), null));
		// a case on the rep's account: its sales owner reads it
		this.cases.open(TestUsers.viewer(this.users.create(Role.SERVICE)),
				new CaseDetails(name, null, deal.accountId(), null, null, null, null, null, null, null, null));
		RequestPostProcessor session = signedIn(rep);

		for (ListDefinition list : this.lists.all()) {
			String cols = String.join(",", list.columns().stream().map(ListColumn::name).toList());
			String page = this.mvc.perform(get(list.path()).param("q", name).param("cols", cols).with(session))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (ListColumn column : list.columns()) {
				assertThat(page).as("%s shows column %s", list.path(), column.name())
					.contains("data-column=\"" + column.name() + "\"");
			}
			assertThat(page).as("%s shows the record", list.path()).contains("name=\"ids\"");
		}
	}

	@Test
	void unreadableColumnsAreABadRequestNotAServerError() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc.perform(get("/accounts").param("cols", "name:wide").with(signedIn(rep)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/opportunities").param("owner", "not-an-id").with(signedIn(rep)))
			.andExpect(status().isBadRequest());
	}

	private Opportunity deal(User owner, String name) {
		Viewer viewer = TestUsers.viewer(owner);
		UUID account = this.accounts
			.create(viewer,
					new AccountDetails("Account of " + name, null, null, null, null, null, null, null, null, null, null,
							null, owner.id(), null))
			.id();
		PipelineStage open = this.stages.active().stream().filter(PipelineStage::isOpen).findFirst().orElseThrow();
		return this.opportunities.create(viewer,
				new OpportunityDetails(name, account, null, owner.id(), open.id(), new BigDecimal("40000"), false,
						LocalDate.now(this.clock).plusDays(30), null, null, null, null, null, null));
	}

	private RequestPostProcessor signedIn(User user) throws Exception {
		return TestUsers.signIn(this.mvc, user);
	}

}
