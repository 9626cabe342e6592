package dev.bellwether.adoption.capture;

import java.time.Clock;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.adoption.internal.capture.DailyUsageRollup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily roll-up against a hand-made day of raw events whose figures are worked out by
 * hand below.
 */
@IntegrationTest
class DailyUsageRollupTests {

	@Autowired
	DailyUsageRollup rollup;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	private LocalDate today;

	@org.junit.jupiter.api.BeforeEach
	void today() {
		this.today = LocalDate.now(this.clock);
	}

	record Daily(boolean active, int logins, int views, int creates, int updates, int deletes, int searches,
			int dashboardViews, int apiCalls, int actions, List<String> features) {

		static Daily map(ResultSet rs, int row) throws SQLException {
			Array features = rs.getArray("features");
			return new Daily(rs.getBoolean("active"), rs.getInt("logins"), rs.getInt("views"), rs.getInt("creates"),
					rs.getInt("updates"), rs.getInt("deletes"), rs.getInt("searches"), rs.getInt("dashboard_views"),
					rs.getInt("api_calls"), rs.getInt("actions"), List.of((String[]) features.getArray()));
		}

	}

	private UsageEvents events() {
		return new UsageEvents(this.jdbc);
	}

	private Optional<Daily> daily(UUID user, LocalDate day) {
		return this.jdbc.sql("select * from usage_daily where user_id = :user and day = :day")
			.param("user", user)
			.param("day", day)
			.query(Daily::map)
			.optional();
	}

	private static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
	}

	@Test
	void aDayOfEventsGivesExactCountsTheActiveFlagAndTheFeaturesUsed() {
		LocalDate day = this.today.minusDays(10);
		UsageEvents events = events();
		UUID seller = UUID.randomUUID();
		events.add(seller, at(day, 8, 0), "LOGIN", null);
		events.add(seller, at(day, 8, 1), "DASHBOARD_VIEW", "home");
		events.add(seller, at(day, 8, 2), "VIEW", "sales", "opportunity", UUID.randomUUID());
		events.add(seller, at(day, 8, 3), "VIEW", "customers", "account", null);
		events.add(seller, at(day, 8, 4), "VIEW", "identity");
		events.add(seller, at(day, 9, 0), "CREATE", "sales", "opportunity", UUID.randomUUID());
		events.add(seller, at(day, 9, 5), "UPDATE", "customers", "contact", UUID.randomUUID());
		events.add(seller, at(day, 9, 6), "DELETE", "customers", "account", UUID.randomUUID());
		events.add(seller, at(day, 12, 0), "SEARCH", "search");
		events.add(seller, at(day, 13, 0), "LOGIN", null);
		events.add(seller, at(day, 13, 1), "DASHBOARD_VIEW", "home");
		events.add(seller, at(day, 14, 0), "API_CALL", "identity");
		events.add(seller, at(day, 18, 0), "LOGOUT", null);
		// the moments either side of the day belong to the days before and after
		events.add(seller, day.atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1), "VIEW", "sales", "opportunity",
				UUID.randomUUID());
		events.add(seller, day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), "VIEW", "sales", "opportunity",
				UUID.randomUUID());

		// signs in, looks at dashboards and searches, changes their own password: busy,
		// but
		// never with a business record
		UUID looker = UUID.randomUUID();
		events.add(looker, at(day, 10, 0), "LOGIN", null);
		events.add(looker, at(day, 10, 1), "DASHBOARD_VIEW", "home");
		events.add(looker, at(day, 10, 2), "SEARCH", "search");
		events.add(looker, at(day, 10, 3), "VIEW", "identity");
		events.add(looker, at(day, 10, 4), "UPDATE", "identity", "user", looker);

		// one look at a list of a record type is enough
		UUID glancer = UUID.randomUUID();
		events.add(glancer, at(day, 23, 59), "VIEW", "activities", "activity", null);

		assertThat(this.rollup.rollUp(day, day)).isEqualTo(1);

		assertThat(daily(seller, day)).contains(new Daily(true, 2, 3, 1, 1, 1, 1, 2, 1, 10,
				List.of("customers:DELETE", "customers:UPDATE", "customers:VIEW", "home:DASHBOARD_VIEW",
						"identity:API_CALL", "identity:VIEW", "sales:CREATE", "sales:VIEW", "search:SEARCH")));
		assertThat(daily(looker, day)).contains(new Daily(false, 1, 1, 0, 1, 0, 1, 1, 0, 4,
				List.of("home:DASHBOARD_VIEW", "identity:UPDATE", "identity:VIEW", "search:SEARCH")));
		assertThat(daily(glancer, day))
			.contains(new Daily(true, 0, 1, 0, 0, 0, 0, 0, 0, 1, List.of("activities:VIEW")));
		assertThat(daily(seller, day.minusDays(1))).isEmpty();

		long eventsThatDay = this.jdbc
			.sql("select count(*) from usage_events where occurred_at >= :start and occurred_at < :end")
			.param("start", day.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("end", day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select events from usage_rollups where day = :day")
			.param("day", day)
			.query(Long.class)
			.single()).isEqualTo(eventsThatDay);
	}

	@Test
	void rollingADayUpAgainRebuildsItWithLateEvents() {
		LocalDate day = this.today.minusDays(11);
		UsageEvents events = events();
		UUID user = UUID.randomUUID();
		events.add(user, at(day, 9, 0), "DASHBOARD_VIEW", "home");
		this.rollup.rollUp(day, day);
		assertThat(daily(user, day)).map(Daily::active).contains(false);

		events.add(user, at(day, 17, 0), "UPDATE", "sales", "opportunity", UUID.randomUUID());
		this.rollup.rollUp(day, day);

		assertThat(daily(user, day))
			.contains(new Daily(true, 0, 0, 0, 1, 0, 0, 1, 0, 2, List.of("home:DASHBOARD_VIEW", "sales:UPDATE")));
		assertThat(this.jdbc.sql("select count(*) from usage_daily where user_id = :user")
			.param("user", user)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theJobRollsUpTodayYesterdayAndAnEarlierDayLeftIncomplete() {
		LocalDate earlier = this.today.minusDays(5);
		UsageEvents events = events();
		UUID user = UUID.randomUUID();
		events.add(user, this.clock.instant(), "VIEW", "customers", "account", UUID.randomUUID());
		events.add(user, at(this.today.minusDays(1), 12, 0), "VIEW", "customers", "contact", null);
		events.add(user, at(earlier, 12, 0), "SEARCH", "search");
		// the application stopped at noon that day, after its last roll-up; and yesterday
		// was last rolled up before it was over too
		for (LocalDate day : List.of(earlier, this.today.minusDays(1))) {
			this.jdbc.sql("""
					insert into usage_rollups (day, rolled_up_at, events) values (:day, :at, 0)
					on conflict (day) do update set rolled_up_at = excluded.rolled_up_at
					""").param("day", day).param("at", at(day, 11, 59).atOffset(ZoneOffset.UTC)).update();
		}

		this.rollup.rollUpRecentDays();

		assertThat(daily(user, this.today)).map(Daily::active).contains(true);
		assertThat(daily(user, this.today.minusDays(1))).map(Daily::active).contains(true);
		assertThat(daily(user, earlier)).map(Daily::features).contains(List.of("search:SEARCH"));
	}

	@Test
	void todayIsRolledUpAgainForThePeopleWithNewEventsAndCountsAllItsEvents() {
		UsageEvents events = events();
		UUID early = UUID.randomUUID();
		UUID late = UUID.randomUUID();
		events.add(early, this.clock.instant(), "VIEW", "customers", "account", UUID.randomUUID());
		this.rollup.rollUpRecentDays();
		assertThat(daily(early, this.today)).map(Daily::views).contains(1);
		assertThat(daily(late, this.today)).isEmpty();

		events.add(early, this.clock.instant(), "VIEW", "customers", "contact", UUID.randomUUID());
		events.add(late, this.clock.instant(), "UPDATE", "sales", "opportunity", UUID.randomUUID());
		this.rollup.rollUpRecentDays();

		assertThat(daily(early, this.today)).map(Daily::views).contains(2);
		assertThat(daily(late, this.today)).map(Daily::active).contains(true);
		long eventsToday = this.jdbc
			.sql("select count(*) from usage_events where occurred_at >= :start and occurred_at < :end")
			.param("start", this.today.atStartOfDay().atOffset(ZoneOffset.UTC))
			.param("end", this.today.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("select events from usage_rollups where day = :day")
			.param("day", this.today)
			.query(Long.class)
			.single()).isEqualTo(eventsToday);
	}

	@Test
	void yesterdayIsNotRebuiltOnceRolledUpAfterItWasOver() {
		LocalDate yesterday = this.today.minusDays(1);
		UUID user = UUID.randomUUID();
		this.jdbc.sql("""
				insert into usage_rollups (day, rolled_up_at, events) values (:day, :at, 0)
				on conflict (day) do update set rolled_up_at = excluded.rolled_up_at
				""").param("day", yesterday).param("at", at(this.today, 0, 5).atOffset(ZoneOffset.UTC)).update();
		// an event of yesterday arriving after that: left out, as for any earlier day
		events().add(user, at(yesterday, 12, 0), "VIEW", "sales", "opportunity", UUID.randomUUID());

		this.rollup.rollUpRecentDays();

		assertThat(daily(user, yesterday)).isEmpty();
		assertThat(this.rollup.rollUp(yesterday, yesterday)).isEqualTo(1);
		assertThat(daily(user, yesterday)).map(Daily::active).contains(true);
	}

	@Test
	void daysRetentionMayHaveThinnedAreNotRebuilt() {
		LocalDate old = this.today.minusMonths(14);
		UUID user = UUID.randomUUID();
		events().add(user, at(old, 12, 0), "VIEW", "sales", "opportunity", UUID.randomUUID());

		assertThat(this.rollup.rollUp(old, old)).isZero();

		assertThat(daily(user, old)).isEmpty();
	}

}
