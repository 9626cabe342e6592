package dev.bellwether.activities;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tasks, calls and meetings may have a sub-type from their kind's pick list.
 */
@IntegrationTest
class ActivitySubTypeTests {

	@Autowired
	Activities activities;

	@Autowired
	Accounts accounts;

	@Autowired
	PickLists pickLists;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	private User user;

	private Viewer rep;

	private Account account;

	private String tag;

	@BeforeEach
	void setUp() {
		this.user = this.users.create(Role.REP);
		this.rep = TestUsers.viewer(this.user);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		this.account = this.accounts.create(this.rep, new AccountDetails("Sub-type Co " + this.tag, null, null, null,
				null, null, null, null, null, null, null, null, this.user.id(), null));
	}

	private ActivityDetails call(String subType) {
		return ActivityDetails
			.call("Call " + this.tag, null, Instant.parse("2026-06-16T09:00:00Z"), null, this.user.id())
			.linkedTo(this.account.id(), null, null)
			.withSubType(subType);
	}

	@Test
	void aCallTakesATypeFromTheCallTypesWhateverTheCase() {
		Activity call = this.activities.create(this.rep, call(" discovery "));

		assertThat(call.subType()).isEqualTo("Discovery");
		assertThat(this.activities.create(this.rep, call(null)).subType()).isNull();
	}

	@Test
	void refusesATypeOfAnotherKindOrANoteWithAType() {
		assertThatThrownBy(() -> this.activities.create(this.rep, call("Send quote"))).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors().get("subType")).contains("Outbound"));
		assertThatThrownBy(() -> this.activities.create(this.rep,
				ActivityDetails.note("A note " + this.tag, this.user.id())
					.linkedTo(this.account.id(), null, null)
					.withSubType("Discovery")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("subType"));
	}

	@Test
	void activitiesFollowARenamedTypeAndKeepARetiredOne() {
		User admin = this.users.create(Role.ADMIN);
		PickListValue type = this.pickLists.add(admin.id(), "call-type", "Cold " + this.tag);
		Activity call = this.activities.create(this.rep, call("cold " + this.tag));

		this.pickLists.rename(admin.id(), "call-type", type.key(), "Cold call " + this.tag);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.activities.get(this.rep, call.id()).subType())
				.isEqualTo("Cold call " + this.tag));
		assertThat(this.activities.get(this.rep, call.id()).version()).isEqualTo(call.version() + 1);
		assertThatThrownBy(() -> this.activities.update(this.rep, call.id(), call.version(),
				call.details().withSubject("Stale " + this.tag)))
			.isInstanceOf(dev.bellwether.platform.StaleRecordException.class);

		this.pickLists.setRetired(admin.id(), "call-type", type.key(), true);
		Activity current = this.activities.get(this.rep, call.id());
		Activity edited = this.activities.update(this.rep, call.id(), current.version(),
				current.details().withSubject("Call again " + this.tag));
		assertThat(edited.subType()).isEqualTo("Cold call " + this.tag);
		assertThatThrownBy(() -> this.activities.create(this.rep, call("Cold call " + this.tag)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("retired");
	}

	@Test
	void theApiAndTheFormTakeTheType() throws Exception {
		this.mvc
			.perform(post("/api/v1/activities").with(TestUsers.basic(this.user))
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "MEETING", "subject": "Demo %s", "accountId": "%s", "subType": "DEMO",
						 "startsAt": "2026-06-18T09:00:00Z", "endsAt": "2026-06-18T10:00:00Z"}
						""".formatted(this.tag, this.account.id())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subType").value("Demo"));
		this.mvc.perform(get("/v3/api-docs").with(TestUsers.basic(this.user)))
			.andExpect(
					jsonPath("$.components.schemas.ActivityRequest.properties.subType.enum", hasItem("Negotiation")));

		var signedIn = TestUsers.signIn(this.mvc, this.user);
		this.mvc.perform(get("/activities/new").param("accountId", this.account.id().toString()).with(signedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("label=\"Meeting types\"")));
		this.mvc
			.perform(post("/activities").param("kind", "TASK")
				.param("subject", "Typed task " + this.tag)
				.param("accountId", this.account.id().toString())
				.param("ownerId", this.user.id().toString())
				.param("subType", "Outbound")
				.with(csrf())
				.with(signedIn))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not on the task type list")));
	}

}
