package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.notifications.Notification;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.programme.Communications.MessageDraft;
import dev.bellwether.programme.ProgrammeMessage.AdkarStage;
import dev.bellwether.programme.ProgrammeMessage.Channel;
import dev.bellwether.programme.ProgrammeMessage.SenderKind;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The programme's communications against hand-computed fixtures: the one in-app message a
 * day, delivery by the job (notifications, talking points to managers, e-mail through a
 * real SMTP server), read receipts through the message's link, repetitions of key
 * messages, refusals, and the API's and page's access. Every message's audience is the
 * test's own teams. Messages that no test delivers are scheduled far ahead (September),
 * beyond every day a test delivers on.
 */
@IntegrationTest
class CommunicationsTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final LocalDate TODAY = LocalDate.of(2026, 6, 17);

	static final LocalDate LATER = LocalDate.of(2026, 9, 1);

	@Autowired
	Communications communications;

	@Autowired
	MessageDelivery delivery;

	@Autowired
	MessageDeliveryJob job;

	@Autowired
	Notifications notifications;

	@Autowired
	AdoptionSponsors sponsors;

	@Autowired
	UserDirectory users;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void everyoneGetsAtMostOneInAppMessageADayTheEarliestScheduledFirst() {
		Viewer lead = lead();
		String t = team();
		String t2 = team();
		User a = person(Role.REP, t, null);
		User b = person(Role.REP, t, null);
		User c = person(Role.REP, t2, null);
		UUID m1 = send(lead, Channel.IN_APP_BANNER, TODAY, null, List.of(t));
		UUID m2 = send(lead, Channel.ANNOUNCEMENT, TODAY, null, List.of(t));
		UUID m3 = send(lead, Channel.IN_APP_BANNER, TODAY.plusDays(1), null, List.of(t));
		UUID m4 = send(lead, Channel.ANNOUNCEMENT, TODAY, null, List.of(t, t2));

		// Hand-computed: waiting messages are taken by send date, then as written
		// (m1, m2, m4 on the 17th; m3 on the 18th); one a person a UTC day.
		this.delivery.deliverDue(at(TODAY, 10));
		this.delivery.deliverDue(at(TODAY, 16));
		assertThat(this.communications.get(lead, m3).people()).as("m3 is queued until the 18th").isZero();
		this.delivery.deliverDue(at(TODAY.plusDays(1), 0));
		assertThat(this.communications.get(lead, m3).waiting()).isEqualTo(2);
		this.delivery.deliverDue(at(TODAY.plusDays(2), 9));
		this.delivery.deliverDue(at(TODAY.plusDays(3), 9));
		this.delivery.deliverDue(at(TODAY.plusDays(4), 9));

		Map<String, LocalDate> expected = new HashMap<>();
		expected.put(a.id() + "/" + m1, TODAY);
		expected.put(b.id() + "/" + m1, TODAY);
		expected.put(c.id() + "/" + m4, TODAY);
		expected.put(a.id() + "/" + m2, TODAY.plusDays(1));
		expected.put(b.id() + "/" + m2, TODAY.plusDays(1));
		expected.put(a.id() + "/" + m4, TODAY.plusDays(2));
		expected.put(b.id() + "/" + m4, TODAY.plusDays(2));
		expected.put(a.id() + "/" + m3, TODAY.plusDays(3));
		expected.put(b.id() + "/" + m3, TODAY.plusDays(3));
		assertThat(deliveredOn(List.of(a.id(), b.id(), c.id()))).isEqualTo(expected);
		assertThat(inbox(a.id())).extracting(Notification::kind)
			.containsExactlyInAnyOrder("PROGRAMME_IN_APP_BANNER", "PROGRAMME_ANNOUNCEMENT", "PROGRAMME_ANNOUNCEMENT",
					"PROGRAMME_IN_APP_BANNER");
		Communications.MessageFigures figures = this.communications.get(lead, m4);
		assertThat(List.of(figures.people(), figures.delivered(), figures.waiting(), figures.read())).containsExactly(3,
				3, 0, 0);
	}

	@Test
	void theJobDeliversDueMessagesTalkingPointsToEachManagerAndNoMailWithoutAServer() {
		Viewer lead = lead();
		String t = team();
		User manager = person(Role.MANAGER, team(), null);
		User a = person(Role.REP, t, manager.id());
		User b = person(Role.REP, t, manager.id());
		User loner = person(Role.REP, t, null);
		UUID announcement = send(lead, Channel.ANNOUNCEMENT, TODAY, null, List.of(t), SenderKind.MANAGER, null);
		UUID points = send(lead, Channel.TALKING_POINTS, TODAY, "Forecasts live here", List.of(t), SenderKind.MANAGER,
				null);
		UUID email = send(lead, Channel.EMAIL, TODAY, null, List.of(t));
		UUID future = send(lead, Channel.ANNOUNCEMENT, LATER, null, List.of(t));

		this.job.deliver();

		List<Notification> inboxOfA = inbox(a.id());
		assertThat(inboxOfA).singleElement().satisfies(n -> {
			assertThat(n.title()).isEqualTo("Announcement: Message " + announcement);
			assertThat(n.body()).endsWith("— " + manager.fullName());
			assertThat(n.link()).isEqualTo("/programme/messages/" + announcement + "/read");
		});
		assertThat(inbox(loner.id())).singleElement()
			.satisfies(n -> assertThat(n.body()).endsWith("— The programme team"));
		assertThat(inbox(manager.id())).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("PROGRAMME_TALKING_POINTS");
			assertThat(n.body()).contains("For 2 people of your team").contains(a.fullName()).contains(b.fullName());
		});
		Communications.MessageFigures talking = this.communications.get(lead, points);
		assertThat(List.of(talking.people(), talking.delivered(), talking.failed())).containsExactly(3, 2, 1);
		Communications.MessageFigures mailed = this.communications.get(lead, email);
		assertThat(List.of(mailed.people(), mailed.delivered(), mailed.failed())).containsExactly(3, 0, 3);
		assertThat(this.communications.get(lead, future).message().queued()).isTrue();
		assertThat(this.communications.get(lead, announcement).message().releasedAt()).isNotNull();
	}

	@Test
	void anEmailMessageIsMailedInTheSponsorsNameWithItsReadLink() throws Exception {
		Viewer lead = lead();
		User sponsor = person(Role.EXECUTIVE, team(), null);
		this.sponsors.designate(lead, sponsor.id());
		String t = team();
		User a = person(Role.REP, t, null);
		User b = person(Role.REP, t, null);
		UUID email = send(lead, Channel.EMAIL, TODAY, null, List.of(t), SenderKind.SPONSOR, sponsor.id());
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());
		MessageDelivery mailing = new MessageDelivery(this.jdbc, this.communications, this.users, this.notifications,
				new MessageMailer(Optional.of(sender), "programme@bellwether.example", "http://crm.example/"));

		mailing.deliverDue(at(TODAY, 11));

		List<MimeMessage> mine = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getSubject().equals("Message " + email);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
		assertThat(mine).hasSize(2);
		assertThat(mine.stream().map(m -> {
			try {
				return m.getAllRecipients()[0].toString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		})).containsExactlyInAnyOrder(a.email(), b.email());
		String body = ((String) mine.get(0).getContent()).replace("\r", "");
		assertThat(body).contains("Body of the message").contains("— " + sponsor.fullName());
		assertThat(body).contains("http://crm.example/programme/messages/" + email + "/read");
		Communications.MessageFigures figures = this.communications.get(lead, email);
		assertThat(List.of(figures.people(), figures.delivered(), figures.failed())).containsExactly(2, 2, 0);
	}

	@Test
	void followingTheNotificationRecordsTheReadReceipt() throws Exception {
		Viewer lead = lead();
		String t = team();
		User a = person(Role.REP, t, null);
		User b = person(Role.REP, t, null);
		User outsider = person(Role.REP, team(), null);
		UUID message = send(lead, Channel.ANNOUNCEMENT, TODAY, null, List.of(t));
		this.delivery.deliverDue(at(TODAY, 12));
		Notification notification = inbox(a.id()).get(0);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, a);

		this.mvc.perform(post("/notifications/{id}/read", notification.id()).with(session).with(csrf()))
			.andExpect(redirectedUrl("/programme/messages/" + message + "/read"));
		this.mvc.perform(get("/programme/messages/{id}/read", message).with(session))
			.andExpect(redirectedUrl("/programme/messages/" + message));
		this.mvc.perform(get("/programme/messages/{id}", message).with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Body of the message")));

		Communications.MessageFigures figures = this.communications.get(lead, message);
		assertThat(List.of(figures.delivered(), figures.read())).containsExactly(2, 1);
		assertThat(figures.readPercent()).isEqualTo(50);
		assertThat(this.communications.received(TestUsers.viewer(b), message)).isPresent();
		this.mvc.perform(get("/programme/messages/{id}", message).with(TestUsers.signIn(this.mvc, outsider)))
			.andExpect(status().isNotFound());
	}

	@Test
	void repetitionsOfAKeyMessageAreCountedPerPersonAgainstFiveToSeven() throws Exception {
		Viewer lead = lead();
		User manager = person(Role.MANAGER, team(), null);
		String ta = team();
		String tb = team();
		String tc = team();
		User a = person(Role.REP, ta, manager.id());
		User d = person(Role.REP, ta, null);
		User b = person(Role.REP, tb, manager.id());
		User c = person(Role.REP, tc, manager.id());
		String key = "Key " + UUID.randomUUID();
		// a: 4 times; d: meant 4 times, never delivered (no manager); b: 6; c: 8
		for (int i = 0; i < 4; i++) {
			send(lead, Channel.TALKING_POINTS, TODAY, key, List.of(ta, tb, tc), SenderKind.MANAGER, null);
		}
		for (int i = 0; i < 2; i++) {
			send(lead, Channel.TALKING_POINTS, TODAY, key, List.of(tb, tc), SenderKind.MANAGER, null);
			send(lead, Channel.TALKING_POINTS, TODAY, key, List.of(tc), SenderKind.MANAGER, null);
		}
		send(lead, Channel.TALKING_POINTS, TODAY, "Another " + key, List.of(ta), SenderKind.MANAGER, null);

		this.delivery.deliverDue(at(TODAY, 13));

		Communications.RepetitionReport report = this.communications.repetitions(lead);
		assertThat(report.teams().stream().filter(r -> r.keyMessage().equals(key))).containsExactlyInAnyOrder(
				new Communications.TeamRepetitions(key, ta, 2, 2, 0, 0),
				new Communications.TeamRepetitions(key, tb, 1, 0, 1, 0),
				new Communications.TeamRepetitions(key, tc, 1, 0, 0, 1));
		assertThat(report.outside().stream().filter(p -> p.keyMessage().equals(key)))
			.extracting(p -> p.fullName() + "=" + p.received())
			.containsExactlyInAnyOrder(a.fullName() + "=4", d.fullName() + "=0", c.fullName() + "=8");
		assertThat(report.teams().stream().filter(r -> r.keyMessage().equals("Another " + key)))
			.containsExactly(new Communications.TeamRepetitions("Another " + key, ta, 2, 2, 0, 0));
		this.mvc.perform(get("/programme/communications").with(TestUsers.signIn(this.mvc, this.users.get(lead.id()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(key)))
			.andExpect(content().string(containsString(c.fullName())));
	}

	@Test
	void refusesAMessageWithoutAudienceOrSenderInThePastEmptyOrTooLong() {
		Viewer lead = lead();
		String t = team();
		person(Role.REP, t, null);
		User rep = person(Role.REP, t, null);

		assertThat(refused(lead, draft("Body", TODAY, List.of(), SenderKind.MANAGER, null))).containsKey("audience");
		assertThat(refused(lead, draft("Body", TODAY, List.of(t), null, null))).containsKey("senderKind");
		assertThat(refused(lead, draft("Body", TODAY, List.of(t), SenderKind.SPONSOR, null))).containsKey("senderId");
		assertThat(refused(lead, draft("Body", TODAY, List.of(t), SenderKind.SPONSOR, rep.id())))
			.containsEntry("senderId", "The sender is not an active executive sponsor.");
		assertThat(refused(lead, draft("Body", TODAY, List.of(t), SenderKind.USER, UUID.randomUUID())))
			.containsEntry("senderId", "Unknown sender.");
		assertThat(refused(lead, draft("Body", TODAY.minusDays(1), List.of(t), SenderKind.MANAGER, null)))
			.containsKey("sendOn");
		assertThat(refused(lead, draft("  ", TODAY, List.of(t), SenderKind.MANAGER, null))).containsKey("body");
		assertThat(refused(lead,
				draft("x".repeat(Communications.MAX_BODY + 1), TODAY, List.of(t), SenderKind.MANAGER, null)))
			.containsKey("body");
		assertThat(refused(lead,
				draft("Body", TODAY, List.of("No such team " + UUID.randomUUID()), SenderKind.MANAGER, null)))
			.containsKey("audience");
		assertThat(this.communications.create(lead, draft("Body", TODAY, List.of(t), SenderKind.USER, rep.id()))
			.senderId()).isEqualTo(rep.id());
		assertThatThrownBy(() -> this.communications.create(TestUsers.viewer(rep),
				draft("Body", LATER, List.of(t), SenderKind.MANAGER, null)))
			.isInstanceOf(dev.bellwether.platform.ForbiddenException.class);
	}

	@Test
	void theApiIsForProgrammeLeadsAndAnswersBadInputWithA400() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		String t = team();
		person(Role.REP, t, null);
		String base = "/api/v1/programme/communications";

		this.mvc.perform(get(base + "/queues").with(TestUsers.basic(rep))).andExpect(status().isForbidden());
		this.mvc.perform(get(base + "/messages").with(TestUsers.basic(rep))).andExpect(status().isForbidden());
		this.mvc
			.perform(post(base + "/messages").with(TestUsers.basic(rep))
				.contentType("application/json")
				.content(json("Hello", t, LATER)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post(base + "/messages").with(TestUsers.basic(admin))
				.contentType("application/json")
				.content(json("", t, TODAY.minusDays(3))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("sendOn")))
			.andExpect(content().string(containsString("body")));

		String created = this.mvc
			.perform(post(base + "/messages").with(TestUsers.basic(admin))
				.contentType("application/json")
				.content(json("Hello", t, LATER)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("EMAIL"))
			.andExpect(jsonPath("$.teams[0]").value(t))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = created.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		this.mvc.perform(get(base + "/queues").with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[2].channel").value("EMAIL"));
		this.mvc
			.perform(put(base + "/messages/{id}", id).with(TestUsers.basic(admin))
				.contentType("application/json")
				.content(json("Hello", t, LATER).replace("}", ",\"version\":7}")))
			.andExpect(status().isConflict());
		this.mvc
			.perform(put(base + "/messages/{id}", id).with(TestUsers.basic(admin))
				.contentType("application/json")
				.content(json("Hello again", t, LATER).replace("}", ",\"version\":0}")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.body").value("Hello again"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get(base + "/repetitions").with(TestUsers.basic(admin))).andExpect(status().isOk());
		this.mvc.perform(delete(base + "/messages/{id}", id).with(TestUsers.basic(admin)))
			.andExpect(status().isNoContent());
		this.mvc.perform(get(base + "/messages/{id}", id).with(TestUsers.basic(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void thePageQueuesAMessageShowsRefusalsInlineAndIsForLeadsOnly() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User rep = this.testUsers.create(Role.REP);
		String t = team();
		person(Role.REP, t, null);
		RequestPostProcessor session = TestUsers.signIn(this.mvc, admin);

		this.mvc
			.perform(post("/programme/communications/messages").with(session)
				.with(csrf())
				.param("title", "Why we moved " + t)
				.param("body", "Because forecasts live here.")
				.param("channel", "EMAIL")
				.param("senderKind", "MANAGER")
				.param("stage", "AWARENESS")
				.param("sendOn", LATER.toString())
				.param("teams", t))
			.andExpect(redirectedUrl("/programme/communications"));
		this.mvc
			.perform(post("/programme/communications/messages").with(session)
				.with(csrf())
				.param("title", "No audience")
				.param("body", "Body")
				.param("channel", "EMAIL")
				.param("senderKind", "MANAGER")
				.param("stage", "AWARENESS")
				.param("sendOn", LATER.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose who the message is for")));
		this.mvc.perform(get("/programme/communications").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Why we moved " + t)));
		this.mvc.perform(get("/programme").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Communications")));
		this.mvc.perform(get("/programme/communications").with(TestUsers.signIn(this.mvc, rep)))
			.andExpect(status().isForbidden());
	}

	private static String json(String body, String team, LocalDate sendOn) {
		return """
				{"title":"Title","body":"%s","channel":"EMAIL","senderKind":"MANAGER","stage":"KNOWLEDGE",
				"sendOn":"%s","keyMessage":"Forecasts live here","teams":["%s"]}""".formatted(body, sendOn, team);
	}

	private Map<String, String> refused(Viewer lead, MessageDraft draft) {
		try {
			this.communications.create(lead, draft);
		}
		catch (InvalidInputException ex) {
			return ex.fieldErrors();
		}
		throw new AssertionError("not refused");
	}

	private static MessageDraft draft(String body, LocalDate sendOn, List<String> teams, SenderKind kind,
			UUID senderId) {
		return new MessageDraft("Title", body, Channel.ANNOUNCEMENT, kind, senderId, AdkarStage.DESIRE, sendOn, null,
				List.of(), teams);
	}

	private UUID send(Viewer lead, Channel channel, LocalDate sendOn, String key, List<String> teams) {
		return send(lead, channel, sendOn, key, teams, SenderKind.MANAGER, null);
	}

	private UUID send(Viewer lead, Channel channel, LocalDate sendOn, String key, List<String> teams, SenderKind kind,
			UUID senderId) {
		UUID id = this.communications
			.create(lead,
					new MessageDraft("Pending", "Body of the message", channel, kind, senderId, AdkarStage.AWARENESS,
							sendOn, key, List.of(), teams))
			.id();
		this.jdbc.sql("update programme_messages set title = :title where id = :id")
			.param("title", "Message " + id)
			.param("id", id)
			.update();
		return id;
	}

	private Map<String, LocalDate> deliveredOn(List<UUID> people) {
		Map<String, LocalDate> on = new HashMap<>();
		this.jdbc.sql("""
				select user_id, message_id, delivered_on from programme_message_deliveries
				where user_id = any (cast(:ids as uuid[])) and status = 'DELIVERED'
				""").param("ids", people.toArray(UUID[]::new)).query(rs -> {
			on.put(rs.getObject("user_id", UUID.class) + "/" + rs.getObject("message_id", UUID.class),
					rs.getObject("delivered_on", LocalDate.class));
		});
		return on;
	}

	private List<Notification> inbox(UUID userId) {
		return this.notifications.of(userId, PageRequest.of(0, 50)).getContent();
	}

	private Viewer lead() {
		return TestUsers.viewer(this.testUsers.create(Role.ADMIN));
	}

	private static String team() {
		return "Comms " + UUID.randomUUID().toString().substring(0, 8);
	}

	private User person(Role role, String team, UUID managerId) {
		String username = "comms-" + UUID.randomUUID().toString().substring(0, 12);
		return this.users.create(new UserProfile(username, "Person " + username, username + "@test.example", "Tester",
				role, managerId, team, "Region", null), TestUsers.PASSWORD, null);
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

}
