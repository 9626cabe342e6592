package dev.bellwether.platform.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.ListViewDetails;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.platform.listview.ViewSettings;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "All N matching" on a list opened through a saved view changes exactly the rows the
 * list shows and counts: the view's filters with the address's own over them.
 */
@IntegrationTest
class BulkAllMatchingViewTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	dev.bellwether.customers.Accounts accountService;

	@Autowired
	Opportunities opportunities;

	@Autowired
	ListViews listViews;

	@Autowired
	BulkChanges bulk;

	@Autowired
	java.time.Clock clock;

	private User manager;

	private User rep;

	private List<Opportunity> repsDeals;

	private List<Opportunity> colleaguesDeals;

	private Opportunity unmarked;

	private String marker;

	@BeforeEach
	void dealsOfTwoReps() {
		EditFixtures fixtures = new EditFixtures(this.accountService, this.opportunities, this.clock);
		this.manager = this.users.create(Role.MANAGER);
		this.rep = this.users.create(Role.REP, this.manager.id());
		User colleague = this.users.create(Role.REP, this.manager.id());
		UUID account = fixtures.account(this.rep, "View bulk " + UUID.randomUUID());
		this.marker = "Viewbulk " + UUID.randomUUID();
		this.repsDeals = new ArrayList<>();
		this.colleaguesDeals = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			this.repsDeals.add(fixtures.deal(this.rep, account, this.marker + " rep " + i));
		}
		for (int i = 0; i < 2; i++) {
			this.colleaguesDeals.add(fixtures.deal(colleague, account, this.marker + " colleague " + i));
		}
		this.unmarked = fixtures.deal(this.rep, account, "Not in the view " + UUID.randomUUID());
	}

	private ListView view(User owner, Map<String, String> filters) {
		return this.listViews.create(TestUsers.viewer(owner), "opportunity", ListViewDetails
			.personal("Bulk view " + UUID.randomUUID(), new ViewSettings(filters, List.of(), null, null)));
	}

	private String nextStep(Opportunity deal) {
		return this.opportunities.get(TestUsers.viewer(this.manager), deal.id()).nextStep();
	}

	@Test
	void allMatchingOnASavedViewChangesTheRowsTheListCountsAndNoMore() throws Exception {
		ListView view = view(this.manager, Map.of("q", this.marker, "owner", this.rep.id().toString()));
		var session = TestUsers.signIn(this.mvc, this.manager);
		this.mvc.perform(get("/opportunities").param("view", view.id().toString()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-bulk-total=\"3\"")))
			.andExpect(content().string(containsString("data-bulk-view=\"" + view.id() + "\"")));

		String location = this.mvc
			.perform(post("/bulk/opportunities").with(session)
				.with(csrf())
				.param("all", "true")
				.param("filter.view", view.id().toString())
				.param("action", "CHANGE")
				.param("field", "nextStep")
				.param("value", "Review in the pipeline meeting"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		BulkOperation operation = this.bulk.get(this.manager.id(),
				UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
		assertThat(operation.total()).isEqualTo(3);
		assertThat(operation.applied()).isEqualTo(3);
		this.repsDeals.forEach(deal -> assertThat(nextStep(deal)).isEqualTo("Review in the pipeline meeting"));
		this.colleaguesDeals.forEach(deal -> assertThat(nextStep(deal)).isNull());
		assertThat(nextStep(this.unmarked)).isNull();
	}

	@Test
	void theAddressOverridesTheViewAndAnEmptyFilterClearsItsOne() {
		ListView view = view(this.manager, Map.of("q", this.marker, "owner", this.rep.id().toString()));

		BulkOperation cleared = this.bulk.start(this.manager.id(),
				new BulkRequest("opportunities", BulkAction.CHANGE, List.of(), true,
						Map.of("view", view.id().toString(), "owner", ""), "nextStep", "Everyone's", null, null));

		assertThat(cleared.total()).isEqualTo(5);
		assertThat(nextStep(this.unmarked)).isNull();
	}

	@Test
	void meAndAViewsDefaultOpenedOnTheBareListAreTheViewers() throws Exception {
		ListView mine = view(this.rep, Map.of("q", this.marker, "owner", "me"));
		this.listViews.setDefault(TestUsers.viewer(this.rep), "opportunity", mine.id());
		var session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/opportunities").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-bulk-total=\"3\"")))
			.andExpect(content().string(containsString("data-bulk-view=\"" + mine.id() + "\"")));

		BulkOperation operation = this.bulk.start(this.rep.id(), new BulkRequest("opportunities", BulkAction.CHANGE,
				List.of(), true, Map.of("view", mine.id().toString()), "nextStep", "Mine", null, null));

		assertThat(operation.applied()).isEqualTo(3);
		this.colleaguesDeals.forEach(deal -> assertThat(nextStep(deal)).isNull());
	}

	@Test
	void aViewNotSharedWithTheUserSelectsNothing() {
		ListView managers = view(this.manager, Map.of("q", this.marker));

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.bulk.start(this.rep.id(),
					new BulkRequest("opportunities", BulkAction.CHANGE, List.of(), true,
							Map.of("view", managers.id().toString()), "nextStep", "x", null, null)))
			.isInstanceOf(dev.bellwether.platform.RecordNotFoundException.class);
		this.repsDeals.forEach(deal -> assertThat(nextStep(deal)).isNull());
	}

}
