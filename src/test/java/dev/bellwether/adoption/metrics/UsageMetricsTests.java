package dev.bellwether.adoption.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionBand;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.Cascade;
import dev.bellwether.adoption.Headline;
import dev.bellwether.adoption.Health;
import dev.bellwether.adoption.LevelFigures;
import dev.bellwether.adoption.ManagerAdoption;
import dev.bellwether.adoption.Movers;
import dev.bellwether.adoption.OrgLevel;
import dev.bellwether.adoption.Trend;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The usage figures against hand-computed values on a small company, as of Friday 14
 * March 2025 (the 30 days ending then start on Thursday 13 February and hold 22 weekdays;
 * the 28 start on Saturday 15 February):
 * <ul>
 * <li>exec: active 3 to 14 March (12 days, 10 of them weekdays), 2 actions a day, a
 * dashboard view on the 14th;</li>
 * <li>manager (under exec): active 22 February (Sat), 8 March (Sat), 13 March (Thu);</li>
 * <li>repA (under manager): active 23 February to 14 March (20 days, 15 weekdays), 5
 * actions a day, 4 report views and 2 exports;</li>
 * <li>repB (under manager): active 2 February only (lapsing);</li>
 * <li>repC (under manager): active 26 August 2024 only (dormant);</li>
 * <li>loner: no manager, only a login on the 14th (never active);</li>
 * <li>leaver (under manager): active 4 March, deactivated 9 March;</li>
 * <li>robot: an integration account, active every day.</li>
 * </ul>
 */
@IntegrationTest
class UsageMetricsTests {

	static final LocalDate AS_OF = LocalDate.of(2025, 3, 14);

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	User exec;

	User manager;

	User repA;

	User repB;

	User repC;

	User loner;

	User leaver;

	User robot;

	AdoptionScope company;

	@BeforeEach
	void company() {
		UsageFixture fixture = new UsageFixture(this.testUsers, this.jdbc);
		this.exec = fixture.user(Role.EXECUTIVE, null);
		this.manager = fixture.user(Role.MANAGER, this.exec);
		this.repA = fixture.user(Role.REP, this.manager);
		this.repB = fixture.user(Role.REP, this.manager);
		this.repC = fixture.user(Role.REP, this.manager);
		this.loner = fixture.user(Role.REP, null);
		this.leaver = fixture.user(Role.REP, this.manager);
		this.robot = fixture.user(Role.REP, this.manager);
		fixture.integrationAccount(this.robot);
		fixture.deactivated(this.leaver, LocalDate.of(2025, 3, 9));

		fixture.activeEachDay(this.exec, LocalDate.of(2025, 3, 3), AS_OF, 2, "sales:VIEW", "home:DASHBOARD_VIEW");
		fixture.row(this.exec.id(), AS_OF, false, 0, 0, 1, 0, 0);
		fixture.active(this.manager, LocalDate.of(2025, 2, 22), 1, "sales:VIEW");
		fixture.active(this.manager, LocalDate.of(2025, 3, 8), 1, "sales:VIEW");
		fixture.active(this.manager, LocalDate.of(2025, 3, 13), 1, "sales:VIEW");
		fixture.activeEachDay(this.repA, LocalDate.of(2025, 2, 23), AS_OF, 5, "sales:VIEW", "sales:CREATE",
				"activities:CREATE", "customers:VIEW", "reports:OTHER");
		fixture.row(this.repA.id(), LocalDate.of(2025, 3, 10), false, 0, 4, 0, 0, 2);
		fixture.active(this.repB, LocalDate.of(2025, 2, 2), 3, "sales:VIEW");
		fixture.active(this.repC, LocalDate.of(2024, 8, 26), 3, "sales:VIEW");
		fixture.row(this.loner.id(), AS_OF, false, 0, 0, 0, 0, 0);
		fixture.active(this.leaver, LocalDate.of(2025, 3, 4), 7, "sales:VIEW");
		fixture.activeEachDay(this.robot, LocalDate.of(2024, 12, 1), AS_OF, 50, "sales:VIEW", "sales:CREATE");

		this.company = AdoptionScope.of(List.of(this.exec.id(), this.manager.id(), this.repA.id(), this.repB.id(),
				this.repC.id(), this.loner.id(), this.leaver.id(), this.robot.id()));
	}

	@Test
	void headlineCountsActiveAndLicensedUsersWithoutIntegrationAccountsOrLeavers() {
		Headline headline = this.metrics.headline(this.company, AS_OF, false);

		assertThat(headline.licensedUsers()).isEqualTo(6);
		assertThat(headline.dau()).isEqualTo(2);
		assertThat(headline.wau()).isEqualTo(3);
		assertThat(headline.mau()).isEqualTo(3);
		assertThat(headline.adoptionRate()).isEqualTo(0.5);
		assertThat(headline.band()).isEqualTo(AdoptionBand.RED);
		// (12 + 3 + 20) active user-days ÷ 30 days ÷ 3 monthly active users
		assertThat(headline.averageDau()).isCloseTo(35 / 30.0, within(1e-9));
		assertThat(headline.stickiness()).isCloseTo(35 / 30.0 / 3, within(1e-9));
	}

	@Test
	void stickinessOnBusinessDaysLeavesWeekendsOut() {
		Headline headline = this.metrics.headline(this.company, AS_OF, true);

		// weekday active days (10 + 1 + 15) ÷ 22 weekdays ÷ 3 monthly active users
		assertThat(headline.averageDau()).isCloseTo(26 / 22.0, within(1e-9));
		assertThat(headline.stickiness()).isCloseTo(26 / 22.0 / 3, within(1e-9));
		assertThat(headline.mau()).isEqualTo(3);
	}

	@Test
	void aUserDeactivatedMidPeriodCountsUntilTheDayBeforeDeactivation() {
		Headline weekBefore = this.metrics.headline(this.company, LocalDate.of(2025, 3, 8), false);
		Headline onTheDay = this.metrics.headline(this.company, LocalDate.of(2025, 3, 9), false);

		// on the 8th: everyone but the robot, and leaver was active on the 4th
		assertThat(weekBefore.licensedUsers()).isEqualTo(7);
		assertThat(weekBefore.mau()).isEqualTo(4);
		assertThat(onTheDay.licensedUsers()).isEqualTo(6);
		assertThat(onTheDay.mau()).isEqualTo(3);
		assertThat(this.metrics.users(this.company, AS_OF)).extracting(UserHealth::userId)
			.doesNotContain(this.leaver.id(), this.robot.id());
	}

	@Test
	void healthClassesFromActiveDaysIn28And90() {
		Headline headline = this.metrics.headline(this.company, AS_OF, false);
		Map<Health, List<UserHealth>> byHealth = this.metrics.usersByHealth(this.company, AS_OF);

		assertThat(headline.health()).containsExactlyInAnyOrderEntriesOf(Map.of(Health.HEALTHY, 2L, Health.AT_RISK, 1L,
				Health.LAPSING, 1L, Health.DORMANT, 1L, Health.NEVER, 1L));
		assertThat(headline.healthyShare()).isCloseTo(2 / 6.0, within(1e-9));
		assertThat(ids(byHealth.get(Health.HEALTHY))).containsExactlyInAnyOrder(this.exec.id(), this.repA.id());
		assertThat(ids(byHealth.get(Health.AT_RISK))).containsExactly(this.manager.id());
		assertThat(ids(byHealth.get(Health.LAPSING))).containsExactly(this.repB.id());
		assertThat(ids(byHealth.get(Health.DORMANT))).containsExactly(this.repC.id());
		assertThat(ids(byHealth.get(Health.NEVER))).containsExactly(this.loner.id());
	}

	@Test
	void breadthAndDepthOverUsersActiveIn28Days() {
		Headline headline = this.metrics.headline(this.company, AS_OF, false);
		UserHealth repA = user(this.repA);

		// default key features: 7; exec used 2, manager 1, repA 4 (reports:OTHER is no
		// key)
		assertThat(this.metrics.keyFeatures()).hasSize(7);
		assertThat(repA.keyFeaturesUsed()).isEqualTo(4);
		assertThat(repA.breadth()).isCloseTo(4 / 7.0, within(1e-9));
		assertThat(headline.breadth()).isCloseTo((2 + 1 + 4) / 7.0 / 3, within(1e-9));
		// actions: exec 12 × 2, manager 3 × 1, repA 20 × 5 = 127 over 4 weeks and 3 users
		assertThat(repA.actionsPerWeek()).isEqualTo(25.0);
		assertThat(headline.depth()).isCloseTo(127 / 4.0 / 3, within(1e-9));
	}

	@Test
	void keyFeaturesComeFromTheSettingsWhenSet() {
		this.jdbc
			.sql("""
					insert into adoption_settings (id, settings, updated_at) values (1, '{"keyFeatures": ["sales:VIEW", "sales:CREATE"]}', now())
					on conflict (id) do update set settings = excluded.settings
					""")
			.update();
		try {
			assertThat(this.metrics.keyFeatures()).containsExactly("sales:CREATE", "sales:VIEW");
			assertThat(user(this.repA).breadth()).isEqualTo(1.0);
			assertThat(user(this.manager).breadth()).isEqualTo(0.5);
		}
		finally {
			this.jdbc.sql("delete from adoption_settings where id = 1").update();
		}
	}

	@Test
	void serviceAndMarketingUsersAreMeasuredByTheirOwnKeyFeatures() {
		UsageFixture fixture = new UsageFixture(this.testUsers, this.jdbc);
		User agent = fixture.user(Role.SERVICE, null);
		User marketer = fixture.user(Role.MARKETING, null);
		User rep = fixture.user(Role.REP, null);
		// the same day's work for each: the agent 4 of service's 6 (sales:VIEW is not one
		// of them), the marketer 2 of marketing's 6, the rep 2 of the company's 7
		fixture.active(agent, AS_OF, 3, "service:VIEW", "service:CREATE", "service:DASHBOARD_VIEW", "customers:VIEW",
				"sales:VIEW");
		fixture.active(marketer, AS_OF, 3, "marketing:VIEW", "search:SEARCH", "service:VIEW");
		fixture.active(rep, AS_OF, 3, "sales:VIEW", "search:SEARCH", "service:VIEW");
		AdoptionScope three = AdoptionScope.of(List.of(agent.id(), marketer.id(), rep.id()));

		assertThat(this.metrics.keyFeatures(Role.SERVICE)).hasSize(6).allMatch(key -> !key.startsWith("sales:"));
		assertThat(this.metrics.keyFeatures(Role.REP)).isEqualTo(this.metrics.keyFeatures());
		List<UserHealth> users = this.metrics.users(three, AS_OF);
		UserHealth agentHealth = users.stream().filter(u -> u.userId().equals(agent.id())).findFirst().orElseThrow();
		assertThat(agentHealth.keyFeaturesUsed()).isEqualTo(4);
		assertThat(agentHealth.keyFeatures()).isEqualTo(6);
		assertThat(agentHealth.breadth()).isCloseTo(4 / 6.0, within(1e-9));
		assertThat(users).filteredOn(u -> u.userId().equals(marketer.id()))
			.singleElement()
			.satisfies(u -> assertThat(u.breadth()).isCloseTo(2 / 6.0, within(1e-9)));
		assertThat(users).filteredOn(u -> u.userId().equals(rep.id()))
			.singleElement()
			.satisfies(u -> assertThat(u.breadth()).isCloseTo(2 / 7.0, within(1e-9)));
		assertThat(this.metrics.headline(three, AS_OF, false).breadth()).isCloseTo((4 / 6.0 + 2 / 6.0 + 2 / 7.0) / 3,
				within(1e-9));

		// an administrator sends service back to the company-wide list: the agent's
		// sales:VIEW and customers:VIEW are 2 of 7
		this.jdbc.sql("""
				insert into adoption_settings (id, settings, updated_at)
				values (1, '{"keyFeaturesByRole": {"SERVICE": []}}', :now)
				on conflict (id) do update set settings = excluded.settings
				""").param("now", java.time.OffsetDateTime.parse("2025-03-14T12:00:00Z")).update();
		try {
			this.metrics.recompute();
			assertThat(this.metrics.keyFeatures(Role.SERVICE)).isEqualTo(this.metrics.keyFeatures());
			assertThat(this.metrics.users(AdoptionScope.of(List.of(agent.id())), AS_OF)).singleElement()
				.satisfies(u -> assertThat(u.breadth()).isCloseTo(2 / 7.0, within(1e-9)));
			// marketing keeps its default list
			assertThat(this.metrics.keyFeatures(Role.MARKETING)).hasSize(6);
		}
		finally {
			this.jdbc.sql("delete from adoption_settings where id = 1").update();
			this.metrics.recompute();
		}
	}

	@Test
	void reportingFromTheSystemAndExportLeakageAreMeasuredOnceTheForecastCapturesItsViews() {
		Headline headline = this.metrics.headline(this.company, AS_OF, false);
		UserHealth repA = user(this.repA);

		// forecast views and list exports are captured: both figures are measured
		// (their formulas are checked in FiguresTests). Of the users in scope active in
		// the 30 days (exec, manager, repA; the leaver is deactivated), exec (a dashboard
		// view) and repA (report views) reported; repA has 2 exports to 4 report views
		assertThat(headline.reportingMeasured()).isTrue();
		assertThat(headline.exportLeakageMeasured()).isTrue();
		assertThat(headline.reportingShare()).isEqualTo(REPORTING_SHARE);
		assertThat(headline.executiveReportingShare()).isEqualTo(1.0);
		assertThat(headline.exportLeakage()).isEqualTo(0.5);
		assertThat(repA.exportLeakage()).isEqualTo(0.5);
		assertThat(repA.reportViews()).isEqualTo(4);
		assertThat(repA.exports()).isEqualTo(2);
		assertThat(repA.exportLeakage()).isEqualTo(0.5);
	}

	static final Double REPORTING_SHARE = 2 / 3.0;

	@Test
	void cascadeByOrgLevelWithManagersBesideTheirTeams() {
		Cascade cascade = this.metrics.cascade(this.company, AS_OF, false);

		assertThat(cascade.levels()).extracting(LevelFigures::level, LevelFigures::depth)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(OrgLevel.EXECUTIVES, 0),
					org.assertj.core.groups.Tuple.tuple(OrgLevel.MANAGERS, 1),
					org.assertj.core.groups.Tuple.tuple(OrgLevel.REPS, 0));
		LevelFigures reps = cascade.levels().get(2);
		assertThat(reps.userIds()).containsExactlyInAnyOrder(this.repA.id(), this.repB.id(), this.repC.id(),
				this.loner.id());
		assertThat(reps.figures().adoptionRate()).isEqualTo(0.25);
		assertThat(cascade.levels().get(0).figures().adoptionRate()).isEqualTo(1.0);

		// the manager: 3 days; the team (repA 20, repB 0, repC 0; not the leaver or
		// robot)
		ManagerAdoption first = cascade.managers().get(0);
		assertThat(first.managerId()).isEqualTo(this.manager.id());
		assertThat(first.ownActiveDays28()).isEqualTo(3);
		assertThat(first.teamSize()).isEqualTo(3);
		assertThat(first.teamAverageActiveDays28()).isCloseTo(20 / 3.0, within(1e-9));
		assertThat(first.teamOutUsesManager()).isTrue();
		// the exec manages the manager and, below, the reps: (3 + 20 + 0 + 0) ÷ 4 < 12
		ManagerAdoption execRow = cascade.managers().get(1);
		assertThat(execRow.managerId()).isEqualTo(this.exec.id());
		assertThat(execRow.teamAverageActiveDays28()).isEqualTo(23 / 4.0);
		assertThat(execRow.teamOutUsesManager()).isFalse();

		assertThat(cascade.executives()).isEqualTo(1);
		assertThat(cascade.executiveTeamFiguresShare()).isEqualTo(1.0);
		assertThat(this.metrics.cascade(this.company, AS_OF.plusDays(7), false).executiveTeamFiguresShare())
			.isEqualTo(0.0);
	}

	@Test
	void trendHas26WeeksEndingWithTheHeadline() {
		for (boolean businessDays : List.of(false, true)) {
			Trend trend = this.metrics.trend(this.company, AS_OF, businessDays);
			Headline headline = this.metrics.headline(this.company, AS_OF, businessDays);

			assertThat(trend.weeks()).hasSize(26);
			Trend.Week last = trend.weeks().get(25);
			assertThat(last.day()).isEqualTo(AS_OF);
			assertThat(last.licensedUsers()).isEqualTo(headline.licensedUsers());
			assertThat(last.wau()).isEqualTo(headline.wau());
			assertThat(last.adoptionRate()).isEqualTo(headline.adoptionRate());
			assertThat(last.healthyShare()).isCloseTo(headline.healthyShare(), within(1e-9));
			assertThat(last.stickiness()).isCloseTo(headline.stickiness(), within(1e-9));
			assertThat(trend.weeks().get(0).day()).isEqualTo(AS_OF.minusWeeks(25));
		}
		// 7 March: the leaver is licensed and active (4 March); the 30 days start 6
		// February
		Trend.Week week = this.metrics.trend(this.company, AS_OF, false).weeks().get(24);
		assertThat(week.day()).isEqualTo(LocalDate.of(2025, 3, 7));
		assertThat(week.licensedUsers()).isEqualTo(7);
		assertThat(week.mau()).isEqualTo(4);
		assertThat(week.wau()).isEqualTo(3);
		assertThat(week.adoptionRate()).isCloseTo(4 / 7.0, within(1e-9));
		assertThat(week.healthyShare()).isCloseTo(1 / 7.0, within(1e-9));
		// exec 5 + manager 1 + repA 13 + leaver 1 user-days
		assertThat(week.stickiness()).isCloseTo(20 / 30.0 / 4, within(1e-9));
	}

	@Test
	void trendHasNoDataForWeeksEndingBeforeTheScopesFirstCapturedUsage() {
		AdoptionScope team = AdoptionScope.of(Set.of(this.manager.id(), this.repB.id()));
		LocalDate first = this.jdbc.sql("select min(day) from usage_daily where user_id in (:a, :b)")
			.param("a", this.manager.id())
			.param("b", this.repB.id())
			.query(LocalDate.class)
			.single();

		Trend trend = this.metrics.trend(team, AS_OF, false);

		assertThat(first).isEqualTo(LocalDate.of(2025, 2, 2));
		assertThat(trend.weeks()).hasSize(26);
		assertThat(trend.weeks()).filteredOn(week -> week.day().isBefore(first)).hasSize(20).allSatisfy(week -> {
			assertThat(week.captured()).isFalse();
			assertThat(week.adoptionRate()).isNull();
			assertThat(week.healthyShare()).isNull();
			assertThat(week.stickiness()).isNull();
		});
		assertThat(trend.weeks()).filteredOn(week -> !week.day().isBefore(first)).hasSize(6).allSatisfy(week -> {
			assertThat(week.captured()).isTrue();
			assertThat(week.adoptionRate()).isNotNull();
		});
		// 21 February: repB's first active day (2 February) is in the 30 days, the
		// manager's (22 February) is not yet
		Trend.Week february = trend.weeks().get(22);
		assertThat(february.day()).isEqualTo(LocalDate.of(2025, 2, 21));
		assertThat(february.adoptionRate()).isCloseTo(1 / 2.0, within(1e-9));
	}

	@Test
	void trendWeeksMatchTheHeadlineOfTheirDay() {
		Trend trend = this.metrics.trend(this.company, AS_OF, true);
		for (int back : List.of(1, 3, 5, 20)) {
			Trend.Week week = trend.weeks().get(25 - back);
			Headline headline = this.metrics.headline(this.company, week.day(), true);
			assertThat(week.mau()).as("week %s", week.day()).isEqualTo(headline.mau());
			assertThat(week.wau()).as("week %s", week.day()).isEqualTo(headline.wau());
			assertThat(week.licensedUsers()).isEqualTo(headline.licensedUsers());
			assertThat(week.healthyShare()).isEqualTo(headline.healthyShare());
			assertThat(week.stickiness()).isEqualTo(headline.stickiness());
		}
	}

	@Test
	void moversRoseAndFellMost() {
		Movers movers = this.metrics.movers(this.company, AS_OF, 2);

		assertThat(movers.risers()).extracting(Movers.Mover::userId, Movers.Mover::change)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(this.repA.id(), 20),
					org.assertj.core.groups.Tuple.tuple(this.exec.id(), 12));
		assertThat(movers.fallers()).extracting(Movers.Mover::userId, Movers.Mover::change)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(this.repB.id(), -1));
	}

	@Test
	void aUserWithNoManagerIsAnIndividualAndNeverActive() {
		UserHealth loner = user(this.loner);

		assertThat(loner.managerId()).isNull();
		assertThat(loner.health()).isEqualTo(Health.NEVER);
		assertThat(loner.activeOnDay()).isFalse();
		Cascade alone = this.metrics.cascade(AdoptionScope.user(this.loner.id()), AS_OF, false);
		assertThat(alone.levels()).singleElement()
			.satisfies(level -> assertThat(level.level()).isEqualTo(OrgLevel.REPS));
		assertThat(alone.managers()).isEmpty();
	}

	@Test
	void anEmptyScopeHasNoFiguresRatherThanErrors() {
		AdoptionScope nobody = AdoptionScope.of(Set.of());
		Headline headline = this.metrics.headline(nobody, AS_OF, false);

		assertThat(headline.licensedUsers()).isZero();
		assertThat(headline.mau()).isZero();
		assertThat(headline.adoptionRate()).isNull();
		assertThat(headline.band()).isNull();
		assertThat(headline.stickiness()).isNull();
		assertThat(headline.breadth()).isNull();
		assertThat(this.metrics.cascade(nobody, AS_OF, false).levels()).isEmpty();
		assertThat(this.metrics.trend(nobody, AS_OF, false).weeks()).hasSize(26)
			.allSatisfy(week -> assertThat(week.adoptionRate()).isNull());
		assertThat(this.metrics.movers(nobody, AS_OF, 5).risers()).isEmpty();
		assertThat(this.metrics.headline(AdoptionScope.user(this.robot.id()), AS_OF, false).licensedUsers()).isZero();
	}

	@Test
	void everyoneIncludesTheFixtureAndNoIntegrationAccount() {
		List<UserHealth> everyone = this.metrics.users(AdoptionScope.everyone(), AS_OF);

		assertThat(ids(everyone)).contains(this.exec.id(), this.loner.id()).doesNotContain(this.robot.id());
		assertThat(this.metrics.headline(AdoptionScope.everyone(), AS_OF, false).licensedUsers())
			.isEqualTo(everyone.size());
	}

	@Test
	void bandsAtTheirThresholds() {
		assertThat(AdoptionBand.of(0.8)).isEqualTo(AdoptionBand.GREEN);
		assertThat(AdoptionBand.of(0.7999)).isEqualTo(AdoptionBand.AMBER);
		assertThat(AdoptionBand.of(0.6)).isEqualTo(AdoptionBand.AMBER);
		assertThat(AdoptionBand.of(0.5999)).isEqualTo(AdoptionBand.RED);
		assertThat(AdoptionBand.of(null)).isNull();
	}

	private UserHealth user(User user) {
		return this.metrics.users(this.company, AS_OF)
			.stream()
			.filter(u -> u.userId().equals(user.id()))
			.findFirst()
			.orElseThrow();
	}

	private static List<UUID> ids(List<UserHealth> users) {
		return users.stream().map(UserHealth::userId).toList();
	}

}
