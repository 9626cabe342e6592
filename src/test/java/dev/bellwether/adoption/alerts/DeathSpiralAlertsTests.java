package dev.bellwether.adoption.alerts;

import java.time.LocalDate;
import java.util.List;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.AdoptionSponsors;
import dev.bellwether.adoption.internal.alerts.AlertPeriods;
import dev.bellwether.adoption.internal.alerts.DeathSpiralAlerts;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.notifications.Notification;
import dev.bellwether.sales.Opportunities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Death-spiral warnings on hand-made usage: each fires on its fixture, not on the
 * counter-example beside it, and only once however often it is evaluated.
 */
@IntegrationTest
class DeathSpiralAlertsTests {

	static final String KIND = DeathSpiralAlerts.NOTIFICATION_KIND;

	@Autowired
	DeathSpiralAlerts alerts;

	@Autowired
	AdoptionSponsors sponsors;

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	AlertFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new AlertFixture(this.testUsers, this.jdbc, this.accounts, this.opportunities);
	}

	@Test
	void managerBelowTheirTeamTwoWeeksRunningWarnsThemAndTheirManagerOnce() {
		LocalDate w = LocalDate.of(2025, 6, 15);
		User executive = this.fixture.user(Role.EXECUTIVE, null);
		User manager = this.fixture.user(Role.MANAGER, executive);
		User rep1 = this.fixture.user(Role.REP, manager);
		User rep2 = this.fixture.user(Role.REP, manager);
		this.fixture.activeEachDay(executive, w.minusDays(60), w);
		this.fixture.activeEachDay(rep1, w.minusDays(60), w);
		this.fixture.activeEachDay(rep2, w.minusDays(60), w);
		this.fixture.active(manager, w.minusDays(40));
		this.fixture.active(manager, w.minusDays(20));
		this.fixture.active(manager, w.minusDays(3));

		this.alerts.managersBelowTheirTeam(w);
		this.alerts.managersBelowTheirTeam(w);

		List<Notification> own = this.fixture.notifications(manager, KIND);
		assertThat(own).hasSize(1);
		assertThat(own.get(0).title()).isEqualTo("Adoption warning: your team uses Bellwether more than you do");
		assertThat(own.get(0).body()).contains(
				"In the 28 days to 2025-06-15 you were active on 2 days; the 2 people in your team averaged 28.0 days.",
				"At the end of the week before: 1 against 28.0.");
		assertThat(own.get(0).link()).isEqualTo("/adoption/team?manager=" + manager.id());
		List<Notification> above = this.fixture.notifications(executive, KIND);
		assertThat(above).hasSize(1);
		assertThat(above.get(0).title()).contains(manager.fullName() + " uses Bellwether less than their team");
		assertThat(above.get(0).body()).contains(manager.fullName() + " was active on 2 days");
		assertThat(this.fixture.alerts(DeathSpiralAlerts.MANAGER_BELOW_TEAM, manager.id())).isOne();
		assertThat(this.fixture.notifications(rep1, KIND)).isEmpty();
	}

	@Test
	void managerBelowTheirTeamOnlyThisWeekIsNotWarned() {
		LocalDate w = LocalDate.of(2025, 9, 14);
		User executive = this.fixture.user(Role.EXECUTIVE, null);
		User manager = this.fixture.user(Role.MANAGER, executive);
		User rep1 = this.fixture.user(Role.REP, manager);
		User rep2 = this.fixture.user(Role.REP, manager);
		this.fixture.activeEachDay(executive, w.minusDays(60), w);
		// this week: manager 13 days, team 21; the week before: manager 20, team 14
		this.fixture.activeEachDay(manager, w.minusDays(40), w.minusDays(15));
		this.fixture.activeEachDay(rep1, w.minusDays(20), w);
		this.fixture.activeEachDay(rep2, w.minusDays(20), w);
		assertThat(this.metrics.cascade(AdoptionScope.everyone(), w, false)
			.managers()
			.stream()
			.filter(m -> m.managerId().equals(manager.id()))
			.findFirst()
			.orElseThrow()
			.teamOutUsesManager()).isTrue();

		this.alerts.managersBelowTheirTeam(w);

		assertThat(this.fixture.notifications(manager, KIND)).isEmpty();
		assertThat(this.fixture.notifications(executive, KIND)).isEmpty();
		assertThat(this.fixture.alerts(DeathSpiralAlerts.MANAGER_BELOW_TEAM, manager.id())).isZero();
	}

	@Test
	void topLevelTeamFallingIntoALowerBandWarnsExecutivesAndSponsorsOnce() {
		LocalDate w = LocalDate.of(2025, 3, 16);
		User admin = this.testUsers.create(Role.ADMIN);
		User executive = this.fixture.user(Role.EXECUTIVE, null);
		User sponsor = this.fixture.user(Role.MANAGER, null);
		this.sponsors.designate(TestUsers.viewer(admin), sponsor.id());
		this.fixture.activeEachDay(executive, w.minusDays(60), w);
		// falls from 5 of 5 (green) to 2 of 5 (red)
		User falling = this.fixture.user(Role.MANAGER, executive);
		User keeps = this.fixture.user(Role.REP, falling);
		this.fixture.activeEachDay(falling, w.minusDays(40), w);
		this.fixture.activeEachDay(keeps, w.minusDays(40), w);
		for (int i = 0; i < 3; i++) {
			this.fixture.activeEachDay(this.fixture.user(Role.REP, falling), w.minusDays(45), w.minusDays(32));
		}
		// falls from 5 of 5 to 4 of 5: still green
		User steady = this.fixture.user(Role.MANAGER, executive);
		this.fixture.activeEachDay(steady, w.minusDays(40), w);
		for (int i = 0; i < 3; i++) {
			this.fixture.activeEachDay(this.fixture.user(Role.REP, steady), w.minusDays(40), w);
		}
		this.fixture.activeEachDay(this.fixture.user(Role.REP, steady), w.minusDays(45), w.minusDays(32));

		this.alerts.bandsFallen(w);
		this.alerts.bandsFallen(w);

		String title = "Adoption warning: " + falling.fullName() + "'s team fell to red";
		List<Notification> toExecutive = this.fixture.notifications(executive, KIND)
			.stream()
			.filter(n -> n.title().equals(title))
			.toList();
		assertThat(toExecutive).hasSize(1);
		assertThat(toExecutive.get(0).body()).contains("fell from 100% (green) in the week ending 2025-03-09",
				"to 40% (red) in the week ending 2025-03-16", "2 of 5 licensed users were active in the last 30 days");
		assertThat(toExecutive.get(0).link()).isEqualTo("/adoption/team?manager=" + falling.id());
		assertThat(this.fixture.notifications(sponsor, KIND)).extracting(Notification::title).containsOnlyOnce(title);
		assertThat(this.fixture.notifications(falling, KIND)).isEmpty();
		assertThat(this.fixture.alerts(DeathSpiralAlerts.BAND_FELL, falling.id())).isOne();
		assertThat(this.fixture.alerts(DeathSpiralAlerts.BAND_FELL, steady.id())).isZero();
	}

	@Test
	void pipelineFreshnessFallingThreeWeeksRunningWarnsTheManagerOnce() {
		LocalDate w = AlertPeriods.endOfLastWeek(this.metrics.today());
		User falling = this.fixture.user(Role.MANAGER, null);
		User rep = this.fixture.user(Role.REP, falling);
		this.fixture.deal(rep, "100", this.metrics.today().plusDays(90), 2);
		this.fixture.deal(rep, "100", this.metrics.today().plusDays(90), 40);
		reading(falling, w, 3, 0.9);
		reading(falling, w, 2, 0.8);
		reading(falling, w, 1, 0.7);
		User recovering = this.fixture.user(Role.MANAGER, null);
		User other = this.fixture.user(Role.REP, recovering);
		this.fixture.deal(other, "100", this.metrics.today().plusDays(90), 2);
		this.fixture.deal(other, "100", this.metrics.today().plusDays(90), 40);
		reading(recovering, w, 3, 0.9);
		reading(recovering, w, 2, 0.6);
		reading(recovering, w, 1, 0.7);

		this.alerts.freshnessFalling(w);
		this.alerts.freshnessFalling(w);

		List<Notification> warned = this.fixture.notifications(falling, KIND);
		assertThat(warned).hasSize(1);
		assertThat(warned.get(0).title()).isEqualTo("Adoption warning: your team's pipeline is going stale");
		assertThat(warned.get(0).body()).contains("fell 3 weeks running: 90% → 80% → 70% → 50%",
				"Now 1 of 2 open deals were touched in the last 30 days.");
		assertThat(warned.get(0).link()).isEqualTo("/adoption/team?manager=" + falling.id());
		assertThat(this.fixture.notifications(rep, KIND)).isEmpty();
		assertThat(this.fixture.notifications(recovering, KIND)).isEmpty();
		assertThat(this.fixture.alerts(DeathSpiralAlerts.FRESHNESS_FALLING, recovering.id())).isZero();
		// this week's reading was kept for the weeks to come
		assertThat(this.fixture.alerts("FRESHNESS_READING", recovering.id())).isEqualTo(4);
	}

	@Test
	void noAlertWithoutEnoughFreshnessReadings() {
		LocalDate w = AlertPeriods.endOfLastWeek(this.metrics.today());
		User manager = this.fixture.user(Role.MANAGER, null);
		User rep = this.fixture.user(Role.REP, manager);
		this.fixture.deal(rep, "100", this.metrics.today().plusDays(90), 40);
		reading(manager, w, 2, 0.9);
		reading(manager, w, 1, 0.8);

		this.alerts.freshnessFalling(w);

		assertThat(this.fixture.notifications(manager, KIND)).isEmpty();
		assertThat(this.fixture.alerts("FRESHNESS_READING", manager.id())).isEqualTo(3);
	}

	private void reading(User manager, LocalDate weekEnd, int weeksBack, double share) {
		this.fixture.freshnessReading(manager, AlertPeriods.isoWeek(weekEnd.minusWeeks(weeksBack)), share);
	}

}
