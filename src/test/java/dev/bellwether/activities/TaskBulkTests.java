package dev.bellwether.activities;

import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.edit.BulkChanges;
import dev.bellwether.platform.edit.BulkOperation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bulk bar of the task list (/tasks): rows selected, or all the open tasks of the
 * window shown, with the rights of each task checked.
 */
@IntegrationTest
class TaskBulkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Activities activities;

	@Autowired
	BulkChanges bulk;

	private UUID account(User owner) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Task bulk " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, owner.id(), null))
			.id();
	}

	private Activity task(User owner, UUID account, String subject, LocalDate due) {
		return this.activities.create(TestUsers.viewer(owner),
				ActivityDetails.task(subject, due, TaskPriority.NORMAL, owner.id()).linkedTo(account, null, null));
	}

	private LocalDate due(User viewer, Activity task) {
		return this.activities.get(TestUsers.viewer(viewer), task.id()).dueDate();
	}

	private BulkOperation operation(User user, String location) {
		return this.bulk.get(user.id(), UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
	}

	@Test
	void allMatchingOnTheTaskListChangesTheOpenTasksOfTheWindowShown() throws Exception {
		User rep = this.users.create(Role.REP);
		User other = this.users.create(Role.REP);
		UUID account = account(rep);
		LocalDate today = this.activities.today();
		Activity first = task(rep, account, "Overdue one", today.minusDays(3));
		Activity second = task(rep, account, "Overdue two", today.minusDays(1));
		Activity later = task(rep, account, "Later", today.plusDays(10));
		Activity othersTask = task(other, account(other), "Someone else's", today.minusDays(2));
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		this.mvc.perform(get("/tasks").param("due", "overdue").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"bulk-form\""),
					containsString("data-bulk-total=\"2\""),
					containsString("name=\"ids\" form=\"bulk-form\" value=\"" + first.id() + "\""),
					containsString("name=\"filter.list\" value=\"tasks\""),
					containsString("name=\"filter.due\" value=\"overdue\""), containsString("bw-select-all"),
					containsString("id=\"shortcuts-dialog\""), containsString("table-hover align-middle bw-list"))));

		String location = this.mvc
			.perform(post("/bulk/activities").with(session)
				.with(csrf())
				.param("all", "true")
				.param("filter.list", "tasks")
				.param("filter.due", "overdue")
				.param("action", "CHANGE")
				.param("field", "dueDate")
				.param("value", today.plusDays(1).toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(operation(rep, location).applied()).isEqualTo(2);
		assertThat(due(rep, first)).isEqualTo(today.plusDays(1));
		assertThat(due(rep, second)).isEqualTo(today.plusDays(1));
		assertThat(due(rep, later)).isEqualTo(today.plusDays(10));
		assertThat(due(other, othersTask)).isEqualTo(today.minusDays(2));
	}

	@Test
	void aSelectedTaskTheUserMayNotChangeIsRefusedAndCompletingKeepsTheSelectionCell() throws Exception {
		User rep = this.users.create(Role.REP);
		User other = this.users.create(Role.REP);
		LocalDate today = this.activities.today();
		Activity mine = task(rep, account(rep), "Mine", today);
		Activity othersTask = task(other, account(other), "Not mine", today);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);

		String location = this.mvc
			.perform(post("/bulk/activities").with(session)
				.with(csrf())
				.param("ids", mine.id().toString(), othersTask.id().toString())
				.param("action", "CHANGE")
				.param("field", "dueDate")
				.param("value", today.plusDays(5).toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		BulkOperation operation = operation(rep, location);
		assertThat(operation.applied()).isEqualTo(1);
		assertThat(operation.refused()).isEqualTo(1);
		assertThat(due(other, othersTask)).isEqualTo(today);

		this.mvc
			.perform(post("/activities/{id}/complete", mine.id()).param("view", "task")
				.param("selectable", "true")
				.header("HX-Request", "true")
				.with(session)
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("bw-row-select"),
					containsString("name=\"selectable\" value=\"true\""), not(containsString("<html")))));
		this.mvc.perform(get("/").with(session))
			.andExpect(content().string(not(containsString(
					"bw-row-select\" type=\"checkbox\" name=\"ids\" form=\"bulk-form\" value=\"" + mine.id()))));
	}

	@Test
	void anUnknownWindowIsRefusedByName() {
		User rep = this.users.create(Role.REP);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.bulk.start(rep.id(),
					new dev.bellwether.platform.edit.BulkRequest("activities",
							dev.bellwether.platform.edit.BulkAction.RECYCLE, java.util.List.of(), true,
							java.util.Map.of("list", "tasks", "due", "someday"), null, null, null, null)))
			.isInstanceOf(dev.bellwether.platform.InvalidInputException.class)
			.hasMessageContaining("someday");
	}

}
