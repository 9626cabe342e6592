package dev.bellwether.adoption.alerts;

import java.time.LocalDate;
import java.util.List;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.internal.alerts.DeathSpiralAlerts;
import dev.bellwether.adoption.internal.alerts.SponsorInactivityAlerts;
import dev.bellwether.adoption.internal.alerts.WeeklyDigests;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.notifications.Notification;
import dev.bellwether.sales.Opportunities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts and weekly digests under the aggregate-only privacy policy: a manager's digest
 * names nobody and lists no movers, the digest of a team smaller than the minimum group
 * has no figures, and a sponsor's inactivity is told to them alone. The policy is
 * company-wide: each test puts it back to individual.
 */
@IntegrationTest
class AlertsPrivacyTests {

	// weeks of this test's own, so that it raises no alert another test expects to raise
	static final LocalDate AS_OF = LocalDate.of(2024, 11, 17);

	@Autowired
	WeeklyDigests digests;

	@Autowired
	SponsorInactivityAlerts sponsorAlerts;

	@Autowired
	DeathSpiralAlerts deathSpiral;

	@Autowired
	AdoptionSponsors sponsors;

	@Autowired
	PrivacyPolicy policy;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	AlertFixture fixture;

	User admin;

	@BeforeEach
	void setUp() {
		this.fixture = new AlertFixture(this.testUsers, this.jdbc, this.accounts, this.opportunities);
		this.admin = this.testUsers.create(Role.ADMIN);
		this.policy.update(TestUsers.viewer(this.admin), PrivacyPolicy.Mode.AGGREGATE_ONLY, 5,
				this.policy.current().version());
	}

	@AfterEach
	void individualAgain() {
		this.policy.update(TestUsers.viewer(this.admin), PrivacyPolicy.Mode.INDIVIDUAL,
				PrivacyPolicy.DEFAULT_MINIMUM_GROUP_SIZE, this.policy.current().version());
	}

	/**
	 * A team of 5 (the manager and 4 reps): the manager active every day of the last 56,
	 * {@code healthy} the last 21, {@code atRisk} 2, 9 and 16 days back, {@code lapsing}
	 * 40 days back, the last rep never. Active in the 30 days: manager, healthy, atRisk =
	 * 3 of 5 = 60% (amber); weekly active: the same 3; at risk: atRisk; lapsing: lapsing.
	 * Under individual the digest names atRisk and lapsing and the movers; under
	 * aggregate-only the same counts and no one's name.
	 */
	@Test
	void aDigestUnderAggregateOnlyHasTheCountsAndNoOnesName() {
		User manager = this.fixture.user(Role.MANAGER, null);
		User healthy = this.fixture.user(Role.REP, manager);
		User atRisk = this.fixture.user(Role.REP, manager);
		User lapsing = this.fixture.user(Role.REP, manager);
		User never = this.fixture.user(Role.REP, manager);
		this.fixture.activeEachDay(manager, AS_OF.minusDays(55), AS_OF);
		this.fixture.activeEachDay(healthy, AS_OF.minusDays(20), AS_OF);
		this.fixture.active(atRisk, AS_OF.minusDays(2));
		this.fixture.active(atRisk, AS_OF.minusDays(9));
		this.fixture.active(atRisk, AS_OF.minusDays(16));
		this.fixture.active(lapsing, AS_OF.minusDays(40));

		WeeklyDigests.Digest digest = this.digests.compose(manager.id(), AS_OF).orElseThrow();

		assertThat(digest.title()).isEqualTo("Your team this week: adoption 60% (amber), 1 at risk, 1 lapsing");
		assertThat(digest.body()).contains(
				"Adoption rate: 60% (amber), 3 of 5 licensed users active in the last 30 days.",
				"Weekly active users: 3.", "Healthy: 2 · at risk: 1 · lapsing: 1.",
				"The privacy policy shows aggregate figures only: this digest names nobody and lists no movers.");
		assertThat(digest.body()).doesNotContain("At risk or lapsing:", "Movers", "▲", "▼", healthy.fullName(),
				atRisk.fullName(), lapsing.fullName(), never.fullName());
	}

	/**
	 * A team of 4 (the manager and 3 reps) under a minimum group of 5: the digest, sent
	 * as a notification, says the figures are hidden and has none.
	 */
	@Test
	void aTeamOfFourGetsADigestWithoutFigures() {
		User manager = this.fixture.user(Role.MANAGER, null);
		User rep = this.fixture.user(Role.REP, manager);
		this.fixture.user(Role.REP, manager);
		this.fixture.user(Role.REP, manager);
		this.fixture.activeEachDay(manager, AS_OF.minusDays(10), AS_OF);
		this.fixture.active(rep, AS_OF.minusDays(3));

		this.digests.sendAll(AS_OF);

		List<Notification> sent = this.fixture.notifications(manager, WeeklyDigests.KIND);
		assertThat(sent).singleElement().satisfies(n -> {
			assertThat(n.title()).isEqualTo("Your team this week: hidden by the privacy policy");
			assertThat(n.body()).contains("Hidden by the privacy policy: your team has 4 people, fewer than the 5 a "
					+ "group needs for its figures to be shown, so this digest has no figures.");
			assertThat(n.body()).doesNotContain("Adoption rate", "Weekly active", "Healthy:", "Open deals", "%",
					rep.fullName());
			assertThat(n.link()).isEqualTo("/adoption/me");
		});
	}

	/**
	 * Two managers below their teams two weeks running (active 20 and 3 days before the
	 * week's end: 2 days in the 28 to it, 1 in the 28 to the week before; their reps
	 * every day, 28.0): the manager of 4 reps (a team of 5) is warned alone, with their
	 * own figures, their executive is not told; the manager of 2 reps (a team of 3) is
	 * not warned at all.
	 */
	@Test
	void aManagerBelowTheirTeamIsWarnedAloneAndNotAboutATeamOfThree() {
		LocalDate w = LocalDate.of(2024, 12, 15);
		User executive = this.fixture.user(Role.EXECUTIVE, null);
		User manager = this.fixture.user(Role.MANAGER, executive);
		User smallManager = this.fixture.user(Role.MANAGER, executive);
		this.fixture.activeEachDay(executive, w.minusDays(60), w);
		for (int i = 0; i < 4; i++) {
			this.fixture.activeEachDay(this.fixture.user(Role.REP, manager), w.minusDays(60), w);
		}
		for (int i = 0; i < 2; i++) {
			this.fixture.activeEachDay(this.fixture.user(Role.REP, smallManager), w.minusDays(60), w);
		}
		for (User m : List.of(manager, smallManager)) {
			this.fixture.active(m, w.minusDays(20));
			this.fixture.active(m, w.minusDays(3));
		}

		this.deathSpiral.managersBelowTheirTeam(w);

		assertThat(this.fixture.notifications(manager, DeathSpiralAlerts.NOTIFICATION_KIND)).singleElement()
			.satisfies(n -> assertThat(n.body()).contains(
					"In the 28 days to 2024-12-15 you were active on 2 days; the 4 people in your team averaged 28.0 days.",
					"At the end of the week before: 1 against 28.0."));
		assertThat(this.fixture.notifications(executive, DeathSpiralAlerts.NOTIFICATION_KIND)).isEmpty();
		assertThat(this.fixture.notifications(smallManager, DeathSpiralAlerts.NOTIFICATION_KIND)).isEmpty();
		assertThat(this.fixture.alerts(DeathSpiralAlerts.MANAGER_BELOW_TEAM, smallManager.id())).isZero();
	}

	/**
	 * A sponsor with no active day in the 14 days to 2024-09-11 (last active 20 days
	 * before): under aggregate-only told to them, not to the administrators.
	 */
	@Test
	void aSponsorsInactivityIsToldToThemAloneUnderAggregateOnly() {
		LocalDate asOf = LocalDate.of(2024, 9, 11);
		User sponsor = this.fixture.user(Role.EXECUTIVE, null);
		this.sponsors.designate(TestUsers.viewer(this.admin), sponsor.id());
		this.fixture.active(sponsor, asOf.minusDays(20));

		this.sponsorAlerts.evaluate(asOf);

		assertThat(this.fixture.notifications(sponsor, SponsorInactivityAlerts.KIND)).singleElement()
			.extracting(Notification::body)
			.asString()
			.contains("was last active on 2024-08-22 (20 days before)");
		assertThat(this.fixture.notifications(this.admin, SponsorInactivityAlerts.KIND)).extracting(Notification::title)
			.filteredOn(t -> t.contains(sponsor.fullName()))
			.isEmpty();
		this.sponsors.remove(TestUsers.viewer(this.admin), sponsor.id());
	}

}
