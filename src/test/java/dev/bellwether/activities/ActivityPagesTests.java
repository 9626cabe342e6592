package dev.bellwether.activities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The task list, the activity pages and the timeline fragment, driven as a signed-in
 * browser would: a session, CSRF tokens on every POST, htmx headers.
 */
@IntegrationTest
class ActivityPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Activities activities;

	@Autowired
	Clock clock;

	@Value("${bellwether.time-zone:UTC}")
	ZoneId zone;

	private UUID account(User owner, String name) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null,
							owner.id(), null))
			.id();
	}

	private Activity task(User owner, UUID account, String subject, LocalDate due) {
		return this.activities.create(TestUsers.viewer(owner),
				ActivityDetails.task(subject, due, TaskPriority.NORMAL, owner.id()).linkedTo(account, null, null));
	}

	@Test
	void aCallJustMadeIsLoggedWithoutTypingWhenItTookPlace() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		UUID account = account(rep, "Calls Ltd " + UUID.randomUUID());
		String now = LocalDateTime.now(this.clock.withZone(this.zone)).withSecond(0).withNano(0).toString();

		// the form opens on a task; switched to a call, "when" already says now
		this.mvc.perform(get("/activities/new").param("accountId", account.toString()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"callAt\""), containsString("value=\"" + now + "\""),
					containsString("min=\"1900-01-01T00:00\""), containsString("max=\"2999-12-31T23:59\""))));

		Instant before = this.clock.instant();
		String saved = this.mvc
			.perform(post("/activities").param("kind", "CALL")
				.param("accountId", account.toString())
				.param("ownerId", rep.id().toString())
				.param("subject", "Quick check-in")
				.param("callAt", "")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Instant after = this.clock.instant();
		Activity call = this.activities.get(TestUsers.viewer(rep),
				UUID.fromString(saved.substring(saved.lastIndexOf('/') + 1)));
		assertThat(call.startsAt()).isBetween(before.minusSeconds(1), after.plusSeconds(1));
	}

	@Test
	void myOpenTasksPutOverdueFirstAndCompleteWithOneHtmxClick() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		UUID account = account(rep, "Tasks Ltd " + UUID.randomUUID());
		LocalDate today = this.activities.today();
		task(rep, account, "Later task", today.plusDays(3));
		Activity overdue = task(rep, account, "Overdue task", today.minusDays(2));
		task(this.users.create(Role.REP), account, "Someone else's task", today.minusDays(2));

		String page = this.mvc.perform(get("/tasks").with(session))
			.andExpect(status().isOk())
			.andExpect(view().name("activities/tasks"))
			.andExpect(content().string(allOf(containsString("Overdue task"), containsString("Later task"),
					not(containsString("Someone else")))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.indexOf("Overdue task")).isLessThan(page.indexOf("Later task"));
		assertThat(page).contains("hx-post=\"/activities/" + overdue.id() + "/complete\"", "hx-target=\"closest tr\"",
				"name=\"_csrf\"");
		this.mvc.perform(get("/tasks").param("due", "overdue").with(session))
			.andExpect(content().string(not(containsString("Later task"))));
		this.mvc.perform(get("/tasks/overdue-count").with(session))
			.andExpect(content().string(containsString(">1</span>")));

		this.mvc
			.perform(post("/activities/{id}/complete", overdue.id()).param("view", "task")
				.header("HX-Request", "true")
				.with(session))
			.andExpect(status().isForbidden());
		assertThat(this.activities.get(TestUsers.viewer(rep), overdue.id()).status()).isEqualTo(TaskStatus.OPEN);
		this.mvc
			.perform(post("/activities/{id}/complete", overdue.id()).param("view", "task")
				.header("HX-Request", "true")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", "tasks-changed"))
			.andExpect(content().string(allOf(containsString("id=\"task-" + overdue.id() + "\""),
					containsString("Reopen"), not(containsString("<html")))));

		assertThat(this.activities.get(TestUsers.viewer(rep), overdue.id()).status()).isEqualTo(TaskStatus.COMPLETED);
		this.mvc.perform(get("/tasks").with(session)).andExpect(content().string(not(containsString("Overdue task"))));
	}

	@Test
	void theLogActivityFormComesPrefilledShowsErrorsInlineAndReturnsToTheRecord() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		String name = "Prefilled " + UUID.randomUUID();
		UUID account = account(rep, name);

		this.mvc
			.perform(get("/activities/new").param("kind", "CALL")
				.param("accountId", account.toString())
				.param("origin", "account")
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(name),
					containsString("value=\"CALL\" autocomplete=\"off\" checked=\"checked\""))));

		this.mvc
			.perform(post("/activities").param("kind", "CALL")
				.param("accountId", account.toString())
				.param("ownerId", rep.id().toString())
				.param("callAt", "yesterday")
				.param("subject", "")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("activities/form"))
			.andExpect(content().string(containsString("is not a date and time")));

		this.mvc
			.perform(post("/activities").param("kind", "CALL")
				.param("accountId", account.toString())
				.param("ownerId", rep.id().toString())
				.param("callAt", "2026-03-02T10:00")
				.param("durationMinutes", "20")
				.param("subject", "")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Say what the call was about.")));

		this.mvc
			.perform(post("/activities").param("kind", "CALL")
				.param("accountId", account.toString())
				.param("ownerId", rep.id().toString())
				.param("callAt", "2026-03-02T10:00")
				.param("durationMinutes", "20")
				.param("subject", "Discovery call")
				.param("dueDate", "ignored for calls")
				.param("origin", "account")
				.with(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/accounts/" + account));

		this.mvc.perform(get("/timeline/account/{id}", account).header("HX-Request", "true").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Call: Discovery call (20 min)"),
					containsString(rep.fullName()), not(containsString("<html")))));
		this.mvc.perform(get("/accounts/{id}", account).with(session))
			.andExpect(content().string(allOf(containsString("hx-get=\"/timeline/account/" + account + "\""),
					containsString("id=\"log-activity\""))));
	}

	@Test
	void theTimelineFragmentPagesWithShowOlder() throws Exception {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		UUID account = account(rep, "Paged " + UUID.randomUUID());
		for (int i = 0; i < 21; i++) {
			this.activities.create(viewer,
					ActivityDetails.note("Note number " + i, rep.id()).linkedTo(account, null, null));
		}

		String first = this.mvc.perform(get("/timeline/account/{id}", account).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Show older")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String before = first.replaceAll("(?s).*before=([^\"&]+)\".*", "$1");

		this.mvc
			.perform(get("/timeline/account/{id}", account)
				.param("before", java.net.URLDecoder.decode(before, java.nio.charset.StandardCharsets.UTF_8))
				.with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Note: Note number 0"), not(containsString("Show older")),
					not(containsString("Timeline")))));
	}

	@Test
	void theActivityListAndRecordPageShowWhatTheViewerMaySee() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		UUID account = account(rep, "Listed " + UUID.randomUUID());
		Activity note = this.activities.create(TestUsers.viewer(rep),
				ActivityDetails.note("A listed note", rep.id()).linkedTo(account, null, null));

		this.mvc.perform(get("/activities").param("q", "listed note").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A listed note")));
		this.mvc.perform(get("/activities").param("kind", "TASK").param("q", "listed note").with(session))
			.andExpect(content().string(containsString("No activity matches these filters.")));
		this.mvc.perform(get("/activities/{id}", note.id()).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"edit-activity\"")));
		this.mvc.perform(get("/activities/{id}", UUID.randomUUID()).with(session)).andExpect(status().isNotFound());
	}

}
