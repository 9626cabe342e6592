package dev.bellwether.programme;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.programme.Communications.MessageDraft;
import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The in-app banner as a strip on every page: the guidance answer of any page carries the
 * person's current banner (their latest delivered, unread in-app banner of the last 7
 * days), for them only, until they dismiss it (a read receipt) or open it through its
 * link. The test's own team is the audience; its messages and their deliveries are
 * deleted after.
 */
@IntegrationTest
class ProgrammeBannerTests {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

	@Autowired
	Communications communications;

	@Autowired
	MessageDelivery delivery;

	@Autowired
	UserDirectory users;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	final List<UUID> messages = new ArrayList<>();

	@AfterEach
	void deleteMessages() {
		MessageRows.delete(this.jdbc, this.messages);
	}

	@Test
	void thePageGuidanceCarriesTheRecipientsBannerUntilDismissed() throws Exception {
		Viewer lead = TestUsers.viewer(this.testUsers.create(Role.ADMIN));
		String team = "Banner " + UUID.randomUUID().toString().substring(0, 8);
		User sender = person(Role.MANAGER, "Senders " + team);
		User a = person(Role.REP, team);
		User b = person(Role.REP, team);
		User outsider = person(Role.REP, "Other " + team);
		String first = "Forecasts now live in Bellwether.";
		UUID banner = message(lead, Channel.IN_APP_BANNER, first + "\n\nThe rest of the story.", sender.id(), team);
		this.delivery.deliverDue(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC));
		RequestPostProcessor sessionA = TestUsers.signIn(this.mvc, a);

		this.mvc.perform(get("/programme/guidance/page").param("path", "/pipeline").with(sessionA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.banner.messageId").value(banner.toString()))
			.andExpect(jsonPath("$.banner.title").value("Message " + banner))
			.andExpect(jsonPath("$.banner.body").value(first))
			.andExpect(jsonPath("$.banner.shortened").value(true))
			.andExpect(jsonPath("$.banner.senderName").value(sender.fullName()))
			.andExpect(jsonPath("$.banner.link").value("/programme/messages/" + banner + "/read"));
		this.mvc
			.perform(get("/programme/guidance/page").param("path", "/pipeline")
				.with(TestUsers.signIn(this.mvc, outsider)))
			.andExpect(jsonPath("$.banner").value(nullValue()));

		// someone else's delivery cannot be dismissed
		this.mvc
			.perform(
					post("/programme/guidance/banner/{id}/dismissed", banner).with(TestUsers.signIn(this.mvc, outsider))
						.with(csrf()))
			.andExpect(status().isNotFound());
		// nor without the CSRF token
		this.mvc.perform(post("/programme/guidance/banner/{id}/dismissed", banner).with(sessionA))
			.andExpect(result -> assertThat(result.getResponse().getStatus()).isNotEqualTo(204));
		assertThat(readAt(banner, a)).isNull();
		this.mvc.perform(post("/programme/guidance/banner/{id}/dismissed", banner).with(sessionA).with(csrf()))
			.andExpect(status().isNoContent());

		this.mvc.perform(get("/programme/guidance/page").param("path", "/pipeline").with(sessionA))
			.andExpect(jsonPath("$.banner").value(nullValue()));
		assertThat(readAt(banner, a)).isNotNull();
		assertThat(readAt(banner, b)).as("b's delivery is untouched").isNull();
		this.mvc.perform(get("/programme/guidance/page").param("path", "/pipeline").with(TestUsers.signIn(this.mvc, b)))
			.andExpect(jsonPath("$.banner.messageId").value(banner.toString()));
		Communications.MessageFigures figures = this.communications.get(lead, banner);
		assertThat(List.of(figures.delivered(), figures.read())).containsExactly(2, 1);
	}

	@Test
	void onlyAnUnreadBannerOfTheLastSevenDaysTheLatestFirstIsShown() {
		Viewer lead = TestUsers.viewer(this.testUsers.create(Role.ADMIN));
		String team = "Banner " + UUID.randomUUID().toString().substring(0, 8);
		User a = person(Role.REP, team);
		Viewer viewer = TestUsers.viewer(a);
		String longBody = "word ".repeat(100).strip();
		UUID older = message(lead, Channel.IN_APP_BANNER, "Older", null, team);
		UUID newer = message(lead, Channel.IN_APP_BANNER, longBody, null, team);
		UUID announcement = message(lead, Channel.ANNOUNCEMENT, "An announcement", null, team);
		// hand-set deliveries, the clock's now being 2026-06-17T10:00Z and on
		delivered(older, a, "2026-06-15T08:00:00Z");
		delivered(newer, a, "2026-06-16T08:00:00Z");
		delivered(announcement, a, "2026-06-17T08:00:00Z");

		Communications.Banner banner = this.communications.banner(viewer).orElseThrow();
		assertThat(banner.messageId()).as("the latest banner; announcements are no banners").isEqualTo(newer);
		assertThat(banner.senderName()).isEqualTo("The programme team");
		// 280 characters at most: the first 279 cut at their last space (after the 55th
		// word, at 274), then the ellipsis: 55 words and 54 spaces, 274 + 1 characters
		assertThat(banner.body()).isEqualTo("word ".repeat(55).strip() + "…");
		assertThat(banner.body()).hasSizeLessThanOrEqualTo(Communications.BANNER_BODY_MAX);
		assertThat(banner.shortened()).isTrue();

		this.communications.markRead(viewer, newer);
		assertThat(this.communications.banner(viewer)).map(Communications.Banner::messageId).contains(older);
		assertThat(this.communications.banner(viewer).orElseThrow().shortened()).isFalse();

		// delivered 7 days ago or earlier: no longer shown
		this.jdbc.sql("update programme_message_deliveries set delivered_at = :at where message_id = :m")
			.param("at", OffsetDateTime.parse("2026-06-10T09:00:00Z"))
			.param("m", older)
			.update();
		assertThat(this.communications.banner(viewer)).isEmpty();
	}

	private void delivered(UUID message, User user, String at) {
		MessageRows.deliver(this.jdbc, message, user.id(), null, true, "DELIVERED", OffsetDateTime.parse(at));
	}

	private String readAt(UUID message, User user) {
		return this.jdbc.sql(
				"select cast(read_at as text) from programme_message_deliveries where message_id = :m and user_id = :u")
			.param("m", message)
			.param("u", user.id())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private UUID message(Viewer lead, Channel channel, String body, UUID senderId, String team) {
		UUID id = this.communications
			.create(lead,
					new MessageDraft("Pending", body, channel, senderId == null ? SenderKind.MANAGER : SenderKind.USER,
							senderId, AdkarStage.AWARENESS, TODAY, null, List.of(), List.of(team)))
			.id();
		this.messages.add(id);
		this.jdbc.sql("update programme_messages set title = :title where id = :id")
			.param("title", "Message " + id)
			.param("id", id)
			.update();
		return id;
	}

	private User person(Role role, String team) {
		String username = "banner-" + UUID.randomUUID().toString().substring(0, 12);
		return this.users.create(new UserProfile(username, "Person " + username, username + "@test.example", "Tester",
				role, null, team, "Region", null), TestUsers.PASSWORD, null);
	}

}
