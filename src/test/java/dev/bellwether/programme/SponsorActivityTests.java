package dev.bellwether.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.AdoptionSponsors.SponsorActivity;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.SponsorAct.Kind;
import dev.bellwether.adoption.internal.alerts.SponsorInactivityAlerts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.Ids;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sponsor activity (issue 18, item 2): a sponsor's own use, dashboards reviewed, messages
 * sent in their name and meetings chaired all count, and only a sponsor with none of them
 * in 14 days raises the sponsor-inactivity alert. Each sponsor's figures are set by hand
 * below and checked one by one.
 */
@IntegrationTest
class SponsorActivityTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 9, 10);

	static final Instant LONG_AGO = LocalDate.of(2024, 1, 15).atStartOfDay().toInstant(ZoneOffset.UTC);

	@Autowired
	AdoptionSponsors sponsors;

	@Autowired
	SponsorInactivityAlerts alerts;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	PrivacyPolicy policy;

	final List<UUID> meetings = new ArrayList<>();

	final List<UUID> messages = new ArrayList<>();

	@AfterEach
	void removeProgrammeRows() {
		for (UUID meeting : this.meetings) {
			this.jdbc.sql("delete from programme_committee_attendance where meeting_id = :id")
				.param("id", meeting)
				.update();
			this.jdbc.sql("delete from programme_committee_meetings where id = :id").param("id", meeting).update();
		}
		MessageRows.delete(this.jdbc, this.messages);
	}

	@Test
	void everyKindOfSponsorActCountsAndOnlyASponsorWithNoneIsReported() {
		User admin = this.testUsers.create(Role.ADMIN);
		User recipient = this.testUsers.create(Role.REP);
		// uses records on two days of the window, and on a day just before it
		User user = sponsor(admin);
		usage(user, AS_OF.minusDays(13), true, 0);
		usage(user, AS_OF, true, 2);
		usage(user, AS_OF.minusDays(14), true, 0);
		// only reviews dashboards: on one day, three views
		User reviewer = sponsor(admin);
		usage(reviewer, AS_OF.minusDays(3), false, 3);
		// a message in their name reached two people on one day and one on the next;
		// another
		// message is still waiting, a third failed
		User writer = sponsor(admin);
		UUID message = message(writer, "Why we move to Bellwether");
		delivered(message, writer, recipient, AS_OF.minusDays(5), "DELIVERED");
		delivered(message, writer, admin, AS_OF.minusDays(5), "DELIVERED");
		delivered(message, writer, this.testUsers.create(Role.REP), AS_OF.minusDays(4), "DELIVERED");
		UUID waiting = message(writer, "Not yet out");
		delivered(waiting, writer, recipient, null, "WAITING");
		UUID failed = message(writer, "Bounced");
		delivered(failed, writer, recipient, AS_OF.minusDays(2), "FAILED");
		// chaired a meeting in the window and was present
		User chair = sponsor(admin);
		meeting(chair, AS_OF.minusDays(7), "September review", true);
		// chaired one in the window but was recorded absent, and one 20 days before,
		// present
		User absent = sponsor(admin);
		meeting(absent, AS_OF.minusDays(1), "Absent chair", false);
		meeting(absent, AS_OF.minusDays(20), "August review", true);
		// nothing at all
		User idle = sponsor(admin);

		List<SponsorActivity> activity = this.sponsors.activity(AS_OF);

		SponsorActivity ofUser = of(activity, user);
		assertThat(ofUser.count(Kind.OWN_USE)).isEqualTo(2);
		assertThat(ofUser.count(Kind.DASHBOARD_REVIEWED)).isEqualTo(1);
		assertThat(ofUser.lastActDay()).isEqualTo(AS_OF);
		assertThat(ofUser.from()).isEqualTo(AS_OF.minusDays(13));
		assertThat(ofUser.inactive()).isFalse();

		SponsorActivity ofReviewer = of(activity, reviewer);
		assertThat(ofReviewer.count(Kind.OWN_USE)).isZero();
		assertThat(ofReviewer.count(Kind.DASHBOARD_REVIEWED)).isEqualTo(1);
		assertThat(ofReviewer.inactive()).isFalse();

		SponsorActivity ofWriter = of(activity, writer);
		// one act per message and day delivered: the 5th and the 4th day before
		assertThat(ofWriter.count(Kind.MESSAGE_SENT)).isEqualTo(2);
		assertThat(ofWriter.acts()).extracting(a -> a.day() + " " + a.what())
			.containsExactly(AS_OF.minusDays(4) + " Why we move to Bellwether",
					AS_OF.minusDays(5) + " Why we move to Bellwether");
		assertThat(ofWriter.lastActDay()).isEqualTo(AS_OF.minusDays(4));

		SponsorActivity ofChair = of(activity, chair);
		assertThat(ofChair.count(Kind.MEETING_CHAIRED)).isEqualTo(1);
		assertThat(ofChair.acts()).singleElement().satisfies(a -> assertThat(a.what()).isEqualTo("September review"));

		SponsorActivity ofAbsent = of(activity, absent);
		assertThat(ofAbsent.inactive()).isTrue();
		assertThat(ofAbsent.lastActDay()).isEqualTo(AS_OF.minusDays(20));

		SponsorActivity ofIdle = of(activity, idle);
		assertThat(ofIdle.inactive()).isTrue();
		assertThat(ofIdle.lastActDay()).isNull();

		this.alerts.evaluate(AS_OF);
		for (User active : List.of(user, reviewer, writer, chair)) {
			assertThat(alertsOf(active)).as(active.fullName()).isZero();
		}
		assertThat(alertsOf(absent)).isEqualTo(1);
		assertThat(alertsOf(idle)).isEqualTo(1);
		assertThat(this.jdbc.sql("select body from notifications where user_id = :id and kind = :kind")
			.param("id", absent.id())
			.param("kind", SponsorInactivityAlerts.KIND)
			.query(String.class)
			.single()).contains("was last active on " + AS_OF.minusDays(20) + " (20 days before)")
			.contains("chaired a steering committee meeting");
	}

	@Test
	void theCommitteePageAndApiShowSponsorActivityToTheCommitteeOnly() throws Exception {
		User admin = this.testUsers.create(Role.ADMIN);
		User chair = sponsor(admin);
		User rep = this.testUsers.create(Role.REP);

		this.mvc.perform(get("/programme/committee").with(TestUsers.signIn(this.mvc, admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"sponsor-activity\"")))
			.andExpect(content().string(containsString(chair.fullName())));
		this.mvc.perform(get("/api/v1/programme/committee/sponsor-activity").with(TestUsers.basic(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.sponsor.userId == '" + chair.id() + "')].inactive").value(true));
		this.mvc.perform(get("/api/v1/programme/committee/sponsor-activity").with(TestUsers.basic(rep)))
			.andExpect(status().isForbidden());

		// aggregate-only: a sponsor sees their own activity, nobody sees another's
		User other = sponsor(admin);
		this.policy.update(TestUsers.viewer(admin), PrivacyPolicy.Mode.AGGREGATE_ONLY, 5,
				this.policy.current().version());
		try {
			this.mvc.perform(get("/api/v1/programme/committee/sponsor-activity").with(TestUsers.basic(chair)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].sponsor.userId").value(chair.id().toString()));
			this.mvc.perform(get("/api/v1/programme/committee/sponsor-activity").with(TestUsers.basic(admin)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(0));
			this.mvc.perform(get("/programme/committee").with(TestUsers.signIn(this.mvc, other)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"sponsor-activity-hidden\"")))
				.andExpect(content().string(containsString(other.fullName())));
		}
		finally {
			this.policy.update(TestUsers.viewer(admin), PrivacyPolicy.Mode.INDIVIDUAL, 5,
					this.policy.current().version());
		}
	}

	private SponsorActivity of(List<SponsorActivity> activity, User user) {
		return activity.stream().filter(a -> a.sponsor().userId().equals(user.id())).findFirst().orElseThrow();
	}

	private int alertsOf(User user) {
		return this.jdbc.sql("select count(*) from notifications where user_id = :id and kind = :kind")
			.param("id", user.id())
			.param("kind", SponsorInactivityAlerts.KIND)
			.query(Integer.class)
			.single();
	}

	private User sponsor(User admin) {
		User user = this.testUsers.create(Role.EXECUTIVE);
		this.sponsors.designate(TestUsers.viewer(admin), user.id());
		return user;
	}

	private void usage(User user, LocalDate day, boolean active, int dashboardViews) {
		this.jdbc.sql("""
				insert into usage_daily (user_id, day, active, logins, views, dashboard_views, actions)
				values (:user, :day, :active, 1, :views, :dashboards, 3)
				""")
			.param("user", user.id())
			.param("day", day)
			.param("active", active)
			.param("views", active ? 3 : 0)
			.param("dashboards", dashboardViews)
			.update();
	}

	private UUID message(User sender, String title) {
		UUID id = Ids.newId();
		this.jdbc.sql("""
				insert into programme_messages (id, title, body, channel, sender_kind, sender_id, adkar_stage, send_on,
				    released_at, created_at, updated_at)
				values (:id, :title, 'Body', 'EMAIL', 'SPONSOR', :sender, 'AWARENESS', :sendOn, :at, :at, :at)
				""")
			.param("id", id)
			.param("title", title)
			.param("sender", sender.id())
			.param("sendOn", AS_OF.minusDays(5))
			.param("at", OffsetDateTime.ofInstant(LONG_AGO, ZoneOffset.UTC))
			.update();
		this.messages.add(id);
		return id;
	}

	private void delivered(UUID message, User sender, User to, LocalDate on, String status) {
		MessageRows.deliver(this.jdbc, message, to.id(), sender.id(), false, status,
				(on != null) ? on.atStartOfDay().atOffset(ZoneOffset.UTC) : null);
	}

	private void meeting(User chair, LocalDate heldOn, String title, boolean present) {
		UUID id = Ids.newId();
		OffsetDateTime at = OffsetDateTime.ofInstant(LONG_AGO, ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into programme_committee_meetings (id, held_on, title, chair_id, created_at, updated_at, version)
				values (:id, :heldOn, :title, :chair, :at, :at, 0)
				""")
			.param("id", id)
			.param("heldOn", heldOn)
			.param("title", title)
			.param("chair", chair.id())
			.param("at", at)
			.update();
		this.jdbc.sql("""
				insert into programme_committee_attendance (meeting_id, user_id, attended, updated_at)
				values (:id, :chair, :present, :at)
				""").param("id", id).param("chair", chair.id()).param("present", present).param("at", at).update();
		this.meetings.add(id);
	}

}
