package dev.bellwether.notifications;

import java.util.List;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.RecordNotFoundException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notification centre: each person sees and changes only their own messages.
 */
@IntegrationTest
class NotificationsTests {

	@Autowired
	Notifications notifications;

	@Autowired
	TestUsers users;

	@Autowired
	MockMvc mvc;

	@Test
	void sendListCountAndMarkRead() {
		User manager = this.users.create(Role.MANAGER);
		Notification first = this.notifications.send(manager.id(), "WEEKLY_DIGEST", "Your team this week",
				"6 of 8 reps active.", "/adoption/team");
		Notification second = this.notifications.send(manager.id(), "DEATH_SPIRAL", "Adoption falling", "Details",
				null);

		assertThat(this.notifications.unreadCount(manager.id())).isEqualTo(2);
		assertThat(this.notifications.of(manager.id(), PageRequest.of(0, 10)).getContent()).extracting(Notification::id)
			.containsExactly(second.id(), first.id());

		assertThat(this.notifications.markRead(manager.id(), first.id()).isRead()).isTrue();
		assertThat(this.notifications.unreadCount(manager.id())).isEqualTo(1);
		assertThat(this.notifications.markAllRead(manager.id())).isEqualTo(1);
		assertThat(this.notifications.unreadCount(manager.id())).isZero();
		assertThat(this.notifications.mailEnabled()).isFalse();
	}

	@Test
	void sendAllStoresEachMessageInOrderAsSendDoes() {
		User first = this.users.create(Role.MANAGER);
		User second = this.users.create(Role.SERVICE);
		String longTitle = "x".repeat(Notifications.MAX_TITLE + 5);
		List<Notification> sent = this.notifications
			.sendAll(List.of(new Notifications.Message(first.id(), "sla-breach", "Breached", "It was due.", "/cases/1"),
					new Notifications.Message(second.id(), "sla-warning", longTitle, "Due soon.", null),
					new Notifications.Message(first.id(), "sla-warning", "Due soon", "Due.", "/cases/2")));

		assertThat(sent).extracting(Notification::userId).containsExactly(first.id(), second.id(), first.id());
		assertThat(this.notifications.of(first.id(), PageRequest.of(0, 10)).getContent())
			.extracting(Notification::id, Notification::kind, Notification::title, Notification::body,
					Notification::link)
			.containsExactly(tuple(sent.get(2).id(), "sla-warning", "Due soon", "Due.", "/cases/2"),
					tuple(sent.get(0).id(), "sla-breach", "Breached", "It was due.", "/cases/1"));
		Notification shortened = this.notifications.of(second.id(), PageRequest.of(0, 10)).getContent().get(0);
		assertThat(shortened.title()).hasSize(Notifications.MAX_TITLE).endsWith("…");
		assertThat(shortened.link()).isNull();
		assertThat(this.notifications.unreadCount(second.id())).isOne();
		assertThat(this.notifications.sendAll(List.of())).isEmpty();
	}

	@Test
	void nobodyReadsOrMarksAnotherPersonsNotification() throws Exception {
		User owner = this.users.create(Role.REP);
		User other = this.users.create(Role.REP);
		Notification mine = this.notifications.send(owner.id(), "SPONSOR_INACTIVE", "Sponsor inactive", "Body", null);

		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.notifications.markRead(other.id(), mine.id()));
		this.mvc.perform(post("/api/v1/notifications/{id}/read", mine.id()).with(TestUsers.basic(other)).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/notifications").with(TestUsers.basic(other)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(0));
		this.mvc.perform(get("/api/v1/notifications").with(TestUsers.basic(owner)))
			.andExpect(jsonPath("$.content[0].title").value("Sponsor inactive"))
			.andExpect(jsonPath("$.page.totalElements").value(1));
		assertThat(this.notifications.unreadCount(owner.id())).isEqualTo(1);
	}

	@Test
	void pageBellAndOpeningALink() throws Exception {
		User rep = this.users.create(Role.REP);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, rep);
		this.mvc.perform(get("/notifications").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"notifications-empty\"")));
		Notification sent = this.notifications.send(rep.id(), "MY_ADOPTION", "3 deals need an update",
				"3 of your deals were not updated in 30 days.", "/opportunities?stale=true");

		this.mvc.perform(get("/notifications/count").with(session).header("HX-Request", "true"))
			.andExpect(content().string(containsString("id=\"unread-count\"")));
		this.mvc.perform(get("/notifications").with(session))
			.andExpect(content().string(containsString("3 deals need an update")));
		this.mvc.perform(post("/notifications/{id}/read", sent.id()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/opportunities?stale=true"));
		assertThat(this.notifications.unreadCount(rep.id())).isZero();
		// a link to another site is never followed
		Notification elsewhere = this.notifications.send(rep.id(), "MY_ADOPTION", "Elsewhere", "Body",
				"//evil.example/x");
		this.mvc.perform(post("/notifications/{id}/read", elsewhere.id()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/notifications"));
	}

}
