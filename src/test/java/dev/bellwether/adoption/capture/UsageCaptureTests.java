package dev.bellwether.adoption.capture;

import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.internal.capture.UsageRecorder;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the application captures, end to end: real requests through MockMvc as signed-in
 * users, real changes through the modules' services, and the rows that reach
 * {@code usage_events}.
 */
@IntegrationTest
class UsageCaptureTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	UsageRecorder recorder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private Account account(User owner) {
		return this.accounts.create(TestUsers.viewer(owner), new AccountDetails("Capture Co " + UUID.randomUUID(), null,
				null, null, null, null, null, null, null, null, null, null, owner.id(), null));
	}

	/**
	 * The user's events, oldest first, as {@code KIND module record_type record_id
	 * client}, once everything queued is written.
	 */
	private List<String> eventsOf(User user) {
		this.recorder.flush();
		return this.jdbc.sql("""
				select kind, module, record_type, record_id, client from usage_events
				where user_id = :user order by occurred_at, id
				""")
			.param("user", user.id())
			.query((rs, n) -> rs.getString("kind") + " " + rs.getString("module") + " " + rs.getString("record_type")
					+ " " + rs.getObject("record_id") + " " + rs.getString("client"))
			.list();
	}

	@Test
	void aSignInAndARecordPageAreCapturedWithTheRecordTypeAndId() throws Exception {
		User rep = this.users.create(Role.REP);
		Account account = account(rep);
		eventsOf(rep); // the account's creation, outside a request
		this.jdbc.sql("delete from usage_events where user_id = :user").param("user", rep.id()).update();

		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/accounts/{id}", account.id()).with(session)).andExpect(status().isOk());
		this.mvc.perform(get("/accounts").with(session)).andExpect(status().isOk());

		assertThat(eventsOf(rep)).containsExactly("LOGIN null null null WEB",
				"VIEW customers account " + account.id() + " WEB", "VIEW customers account null WEB");
	}

	@Test
	void pagesWithoutUsageAreViewsOfTheirModuleAndApiCallsAreApiCalls() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/settings/tokens").with(session)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/pipeline/board").with(TestUsers.basic(rep))).andExpect(status().isOk());
		this.mvc.perform(get("/").with(session)).andExpect(status().isOk());
		this.mvc.perform(get("/search").param("q", "capture").with(session)).andExpect(status().isOk());

		assertThat(eventsOf(rep)).containsExactly("LOGIN null null null WEB", "VIEW identity null null WEB",
				"API_CALL identity null null API", "DASHBOARD_VIEW sales null null API",
				"DASHBOARD_VIEW home null null WEB", "SEARCH search null null WEB");
	}

	@Test
	void anApiReadOfARecordIsAViewThroughTheApi() throws Exception {
		User rep = this.users.create(Role.REP);
		Account account = account(rep);
		eventsOf(rep);
		this.jdbc.sql("delete from usage_events where user_id = :user").param("user", rep.id()).update();

		this.mvc.perform(get("/api/v1/accounts/{id}", account.id()).with(TestUsers.basic(rep)))
			.andExpect(status().isOk());

		assertThat(eventsOf(rep)).containsExactly("VIEW customers account " + account.id() + " API");
	}

	@Test
	void failuresFragmentsOfOtherPagesAndIgnoredHandlersAreNotCaptured() throws Exception {
		User rep = this.users.create(Role.REP);
		Account account = account(rep);
		eventsOf(rep);
		this.jdbc.sql("delete from usage_events where user_id = :user").param("user", rep.id()).update();
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		// not found
		this.mvc.perform(get("/accounts/{id}", UUID.randomUUID()).with(session)).andExpect(status().isNotFound());
		// the account page loading its deals, and its timeline
		this.mvc
			.perform(get("/opportunities").param("accountId", account.id().toString())
				.header("HX-Request", "true")
				.header("HX-Target", "account-opportunities")
				.header("HX-Current-URL", "http://localhost/accounts/" + account.id())
				.with(session))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/timeline/account/{id}", account.id()).header("HX-Request", "true")
				.header("HX-Current-URL", "http://localhost/accounts/" + account.id())
				.with(session))
			.andExpect(status().isOk());
		// the navigation bar's badge and search suggestions
		this.mvc.perform(get("/tasks/overdue-count").header("HX-Request", "true").with(session))
			.andExpect(status().isOk());
		this.mvc.perform(get("/search/suggest").param("q", "capt").header("HX-Request", "true").with(session))
			.andExpect(status().isOk());
		// a JSON look-up for a picker
		this.mvc.perform(get("/accounts/lookup").param("q", "capt").with(session)).andExpect(status().isOk());

		assertThat(eventsOf(rep)).containsExactly("LOGIN null null null WEB");

		// the list re-filtered on its own page counts
		this.mvc
			.perform(get("/accounts").param("q", "capture")
				.header("HX-Request", "true")
				.header("HX-Target", "results")
				.header("HX-Current-URL", "http://localhost/accounts")
				.with(session))
			.andExpect(status().isOk());
		assertThat(eventsOf(rep)).containsExactly("LOGIN null null null WEB", "VIEW customers account null WEB");
	}

	@Test
	void aCreateIsCapturedOnceItsTransactionCommitsAndNeverWhenItRollsBack() {
		User rep = this.users.create(Role.REP);

		Account committed = this.transactions.execute(status -> account(rep));
		UUID[] rolledBack = new UUID[1];
		this.transactions.executeWithoutResult(status -> {
			rolledBack[0] = account(rep).id();
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.sql("select count(*) from accounts where id = :id")
			.param("id", rolledBack[0])
			.query(Long.class)
			.single()).isZero();
		assertThat(eventsOf(rep)).containsExactly("CREATE customers account " + committed.id() + " WEB");
	}

	@Test
	void aCreateThroughTheApiIsCapturedAsAnApiCreate() throws Exception {
		User rep = this.users.create(Role.REP);

		this.mvc
			.perform(post("/api/v1/accounts").with(TestUsers.basic(rep))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Api Capture " + UUID.randomUUID() + "\"}"))
			.andExpect(status().isCreated());

		List<String> events = eventsOf(rep);
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).startsWith("CREATE customers account ").endsWith(" API");
	}

	@Test
	void nothingIsCapturedWhileCaptureIsOff() throws Exception {
		User rep = this.users.create(Role.REP);
		this.recorder.setEnabled(false);
		try {
			this.mvc.perform(get("/api/v1/users/me").with(TestUsers.basic(rep))).andExpect(status().isOk());
			account(rep);
		}
		finally {
			this.recorder.setEnabled(true);
		}

		assertThat(eventsOf(rep)).isEmpty();
	}

}
