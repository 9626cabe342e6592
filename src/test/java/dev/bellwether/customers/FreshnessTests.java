package dev.bellwether.customers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordTouched;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Freshness of accounts and contacts: when and by whom each was last touched — updated,
 * restored, or had work recorded against it in another module ({@link RecordTouched}).
 */
@IntegrationTest
class FreshnessTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	@Autowired
	Contacts contacts;

	@Autowired
	Freshness freshness;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MockMvc mvc;

	private static AccountDetails account(String name, UUID owner) {
		return new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null, owner, null);
	}

	/** Published as another module would: in the transaction that recorded the work. */
	private void publish(RecordTouched event) {
		this.transactions.executeWithoutResult(status -> this.events.publishEvent(event));
	}

	@Test
	void anUpdateMakesTheEditorTheLastToTouchTheRecord() {
		User manager = this.users.create(Role.MANAGER);
		User owner = this.users.create(Role.REP, manager.id());
		Account created = this.accounts.create(TestUsers.viewer(owner), account("Fresh Foods", owner.id()));
		assertThat(created.lastTouchedBy()).isEqualTo(owner.id());

		Account updated = this.accounts.update(TestUsers.viewer(manager), created.id(), created.version(),
				account("Fresh Foods Ltd", owner.id()));

		assertThat(updated.lastTouchedBy()).isEqualTo(manager.id());
		assertThat(updated.lastTouchedAt()).isAfter(created.lastTouchedAt()).isEqualTo(updated.updatedAt());
	}

	@Test
	void restoringAContactTouchesIt() {
		User owner = this.users.create(Role.REP);
		User admin = this.users.create(Role.ADMIN);
		Viewer viewer = TestUsers.viewer(owner);
		Contact contact = this.contacts.create(viewer,
				new ContactDetails("Rita", "Restored", null, null, null, null, null, owner.id()));
		this.contacts.delete(viewer, contact.id());

		Contact restored = this.contacts.restore(TestUsers.viewer(admin), contact.id());

		assertThat(restored.lastTouchedBy()).isEqualTo(admin.id());
		assertThat(restored.lastTouchedAt()).isAfter(contact.lastTouchedAt());
	}

	@Test
	void workRecordedElsewhereTouchesTheAccountAndTheContact() {
		User owner = this.users.create(Role.REP);
		User caller = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(owner);
		Account account = this.accounts.create(viewer, account("Touched Trading", owner.id()));
		Contact contact = this.contacts.create(viewer,
				new ContactDetails("Tom", "Touched", null, null, null, null, account.id(), owner.id()));
		Instant callLogged = this.clock.instant().plusSeconds(5).truncatedTo(ChronoUnit.MICROS);

		publish(new RecordTouched("account", account.id(), caller.id(), callLogged));
		publish(new RecordTouched("contact", contact.id(), caller.id(), callLogged));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> callLogged.equals(this.accounts.get(viewer, account.id()).lastTouchedAt())
					&& callLogged.equals(this.contacts.get(viewer, contact.id()).lastTouchedAt()));
		Account touched = this.accounts.get(viewer, account.id());
		assertThat(touched.lastTouchedBy()).isEqualTo(caller.id());
		assertThat(touched.version()).as("a touch is not an edit: open edit forms stay valid")
			.isEqualTo(account.version());
		assertThat(this.contacts.get(viewer, contact.id()).lastTouchedBy()).isEqualTo(caller.id());
	}

	@Test
	void anOlderTouchNeverMovesLastTouchedBack() {
		User owner = this.users.create(Role.REP);
		User late = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(owner);
		Account account = this.accounts.create(viewer, account("Late Letters", owner.id()));
		RecordTouched yesterday = new RecordTouched("account", account.id(), late.id(),
				account.lastTouchedAt().minus(1, ChronoUnit.DAYS));

		assertThat(this.freshness.touch(yesterday)).isFalse();

		Account unchanged = this.accounts.get(viewer, account.id());
		assertThat(unchanged.lastTouchedAt()).isEqualTo(account.lastTouchedAt());
		assertThat(unchanged.lastTouchedBy()).isEqualTo(owner.id());
		assertThat(
				this.freshness.touch(new RecordTouched("opportunity", account.id(), late.id(), this.clock.instant())))
			.as("other modules' records are theirs to touch")
			.isFalse();
	}

	@Test
	void theApiAndTheListsShowLastTouched() throws Exception {
		User owner = this.users.create(Role.REP);
		Account account = this.accounts.create(TestUsers.viewer(owner), account("Shown Shipping", owner.id()));

		this.mvc.perform(get("/api/v1/accounts/{id}", account.id()).with(TestUsers.basic(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lastTouchedAt").exists())
			.andExpect(jsonPath("$.lastTouchedBy").value(owner.id().toString()));
		this.mvc
			.perform(get("/api/v1/accounts").param("sort", "lastTouchedAt,desc")
				.param("q", "Shown Shipping")
				.with(TestUsers.basic(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].id").value(account.id().toString()));
		this.mvc.perform(get("/api/v1/contacts").param("sort", "lastTouchedAt,asc").with(TestUsers.basic(owner)))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/accounts").param("q", "Shown Shipping")
				.param("sort", "lastTouchedAt,desc")
				.with(TestUsers.signIn(this.mvc, owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Last touched")))
			.andExpect(content().string(containsString("just now")));
	}

}
