package dev.bellwether.adoption.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.internal.alerts.WeeklyDigests;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.notifications.Notification;
import dev.bellwether.notifications.NotificationMailer;
import dev.bellwether.notifications.Notifications;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each manager's weekly digest: the figures and names of a hand-made team, sent once a
 * week, none for a manager with no one below them, and e-mailed through a real SMTP
 * server (GreenMail) when mail is configured.
 */
@IntegrationTest
class WeeklyDigestsTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final LocalDate AS_OF = LocalDate.of(2025, 10, 19);

	@Autowired
	WeeklyDigests digests;

	@Autowired
	Clock clock;

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	Notifications notifications;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	AlertFixture fixture;

	User manager;

	User healthy;

	User atRisk;

	User lapsing;

	@BeforeEach
	void setUp() {
		this.fixture = new AlertFixture(this.testUsers, this.jdbc, this.accounts, this.opportunities);
		this.manager = this.fixture.user(Role.MANAGER, null);
		this.healthy = this.fixture.user(Role.REP, this.manager);
		this.atRisk = this.fixture.user(Role.REP, this.manager);
		this.lapsing = this.fixture.user(Role.REP, this.manager);
		this.fixture.user(Role.REP, this.manager);
		this.fixture.activeEachDay(this.manager, AS_OF.minusDays(55), AS_OF);
		this.fixture.activeEachDay(this.healthy, AS_OF.minusDays(20), AS_OF);
		this.fixture.active(this.atRisk, AS_OF.minusDays(2));
		this.fixture.active(this.atRisk, AS_OF.minusDays(9));
		this.fixture.active(this.atRisk, AS_OF.minusDays(16));
		this.fixture.active(this.lapsing, AS_OF.minusDays(40));
		LocalDate today = this.metrics.today();
		this.fixture.deal(this.healthy, "100", today.plusDays(90), 2);
		Opportunity stale = this.fixture.deal(this.healthy, "300", today.plusDays(30), 40);
		this.fixture.overdue(stale, today.minusDays(3));
	}

	@Test
	void theDigestHasTheTeamsFiguresAndNamesThoseAtRiskOrLapsing() {
		WeeklyDigests.Digest digest = this.digests.compose(this.manager.id(), AS_OF).orElseThrow();

		assertThat(digest.title()).isEqualTo("Your team this week: adoption 60% (amber), 1 at risk, 1 lapsing");
		assertThat(digest.link()).isEqualTo("/adoption/team");
		assertThat(digest.body()).contains("in the week ending 2025-10-19.",
				"Adoption rate: 60% (amber), 3 of 5 licensed users active in the last 30 days.",
				"Weekly active users: 3.", "Healthy: 2 · at risk: 1 · lapsing: 1.",
				"At risk or lapsing: " + this.atRisk.fullName() + " (at risk), " + this.lapsing.fullName()
						+ " (lapsing).",
				"Open deals: 2, of which 1 stale (not touched in 30 days) and 1 overdue.",
				"Deals closed this quarter (since " + this.calendar.quarterOf(AS_OF).start() + "): 0, of which 0",
				"▲ " + this.healthy.fullName() + ": 0 → 21", "▲ " + this.atRisk.fullName() + ": 0 → 3",
				"▼ " + this.lapsing.fullName() + ": 1 → 0");
		assertThat(digest.body()).doesNotContain(this.healthy.fullName() + " (");
	}

	@Test
	void atMostTenPeopleAreNamed() {
		User big = this.fixture.user(Role.MANAGER, null);
		for (int i = 0; i < 12; i++) {
			this.fixture.active(this.fixture.user(Role.REP, big), AS_OF.minusDays(1));
		}

		String body = this.digests.compose(big.id(), AS_OF).orElseThrow().body();

		assertThat(body).contains("Healthy: 0 · at risk: 12 · lapsing: 0.", " and 2 more.");
		assertThat(body.split("\\(at risk\\)", -1)).hasSize(11);
	}

	@Test
	void aManagerWithNoOneBelowThemGetsNoDigest() {
		User alone = this.fixture.user(Role.MANAGER, null);
		this.fixture.activeEachDay(alone, AS_OF.minusDays(10), AS_OF);
		assertThat(this.digests.compose(alone.id(), AS_OF)).isEmpty();
	}

	@Test
	void eachManagerGetsOneDigestAWeekAsANotification() {
		this.digests.sendAll(AS_OF);
		this.digests.sendAll(AS_OF);

		List<Notification> sent = this.fixture.notifications(this.manager, WeeklyDigests.KIND);
		assertThat(sent).singleElement().satisfies(n -> {
			assertThat(n.title()).isEqualTo("Your team this week: adoption 60% (amber), 1 at risk, 1 lapsing");
			assertThat(n.body()).contains("Weekly active users: 3.");
			assertThat(n.link()).isEqualTo("/adoption/team");
		});
		assertThat(this.fixture.notifications(this.healthy, WeeklyDigests.KIND)).isEmpty();

		this.digests.sendAll(AS_OF.plusWeeks(1));
		assertThat(this.fixture.notifications(this.manager, WeeklyDigests.KIND)).hasSize(2);
	}

	@Test
	void theDigestIsEmailedWhenMailIsConfigured() throws Exception {
		// the shared test application has no SMTP server: the digest goes through the
		// notification centre's mailer pointed at GreenMail
		assertThat(this.notifications.mailEnabled()).isFalse();
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());
		NotificationMailer mailer = new NotificationMailer(Optional.of(sender), "bellwether@example.com",
				"https://crm.example.com");
		WeeklyDigests.Digest digest = this.digests.compose(this.manager.id(), AS_OF).orElseThrow();

		assertThat(mailer.send(this.manager.email(), new Notification(UUID.randomUUID(), this.manager.id(),
				this.clock.instant(), WeeklyDigests.KIND, digest.title(), digest.body(), digest.link(), null)))
			.isTrue();

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(this.manager.email());
		assertThat(received[0].getSubject())
			.isEqualTo("[Bellwether] Your team this week: adoption 60% (amber), 1 at risk, 1 lapsing");
		assertThat((String) received[0].getContent()).contains("Adoption rate: 60% (amber)",
				"▼ " + this.lapsing.fullName() + ": 1 → 0", "https://crm.example.com/adoption/team");
	}

}
