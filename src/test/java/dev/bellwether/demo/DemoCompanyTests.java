package dev.bellwether.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company a newcomer sees on first start: its hierarchy, and its accounts and
 * contacts spread over the reps.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class DemoCompanyTests {

	static final String DEMO_DEALS = "o.owner_id in (select id from users where email like '%@bellwether-demo.com')";

	@Autowired
	DemoCompany demo;

	@Autowired
	UserDirectory users;

	@Autowired
	OrgChart orgChart;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	FiscalCalendar calendar;

	void seeded() {
		User admin = this.users.findByUsername("admin").orElseThrow();
		if (this.users.findByUsername("ceo").isEmpty()) {
			this.transactions.executeWithoutResult(status -> this.demo.seed(admin.id()));
		}
	}

	@Test
	void seedsAFourLevelSalesOrganisationWithAccountsAndContacts() {
		seeded();
		Map<Role, Long> roles = DemoPeople.all()
			.stream()
			.collect(Collectors.groupingBy(DemoPeople.Person::role, Collectors.counting()));
		assertThat(roles).containsEntry(Role.REP, 20L)
			.containsEntry(Role.MANAGER, 4L)
			.containsEntry(Role.EXECUTIVE, 2L);

		User ceo = this.users.findByUsername("ceo").orElseThrow();
		User manager = this.users.findByUsername("mgr.north").orElseThrow();
		User rep = this.users.findByUsername("rep.north1").orElseThrow();
		assertThat(this.orgChart.level(ceo.id())).isZero();
		assertThat(this.orgChart.level(manager.id())).isEqualTo(2);
		assertThat(this.orgChart.level(rep.id())).isEqualTo(3);
		assertThat(this.orgChart.isAbove(ceo.id(), rep.id())).isTrue();
		assertThat(this.orgChart.organisationOf(manager.id())).hasSize(6);

		Viewer viewer = new Viewer(ceo.id(), ceo.username(), ceo.fullName(), ceo.role());
		long demoAccounts = DemoPeople.all()
			.stream()
			.filter(p -> p.role() == Role.REP)
			.map(p -> this.users.findByUsername(p.username()).orElseThrow())
			.mapToLong(u -> this.accounts.list(viewer, new AccountFilter(null, null, null, u.id()), Pageable.ofSize(1))
				.getTotalElements())
			.sum();
		assertThat(demoAccounts).isEqualTo(DemoCompany.ACCOUNTS);
		long repContacts = this.contacts.list(viewer, new ContactFilter(null, null, rep.id()), Pageable.ofSize(1))
			.getTotalElements();
		assertThat(repContacts).isPositive();
		long demoContacts = DemoPeople.all()
			.stream()
			.filter(p -> p.role() == Role.REP)
			.map(p -> this.users.findByUsername(p.username()).orElseThrow())
			.mapToLong(u -> this.contacts.list(viewer, new ContactFilter(null, null, u.id()), Pageable.ofSize(1))
				.getTotalElements())
			.sum();
		assertThat(demoContacts).isBetween(900L, 1200L);
		assertThat(this.users.findByUsername("rep.north1").orElseThrow().managerId()).isEqualTo(manager.id());
	}

	@Test
	void givesEveryRepAndManagerQuotasForTheLastSixQuartersThisOneAndTheNextTwo(
			@Autowired dev.bellwether.forecasting.Quotas quotas,
			@Autowired dev.bellwether.forecasting.Forecasts forecasts) {
		seeded();
		User ceo = this.users.findByUsername("ceo").orElseThrow();
		Viewer viewer = new Viewer(ceo.id(), ceo.username(), ceo.fullName(), ceo.role());
		var current = this.calendar.current(dev.bellwether.platform.FiscalPeriod.Kind.QUARTER);
		var quarter = current;
		for (int i = 0; i < DemoQuotas.PAST_QUARTERS; i++) {
			quarter = this.calendar.previous(quarter);
		}
		for (int i = 0; i < DemoQuotas.PAST_QUARTERS + 1 + DemoQuotas.NEXT_QUARTERS; i++) {
			for (DemoPeople.Person person : DemoPeople.all()) {
				User user = this.users.findByUsername(person.username()).orElseThrow();
				var view = quotas.get(viewer, user.id(), quarter.code());
				if (person.role() == Role.REP) {
					assertThat(view.personal()).as(person.username() + " " + quarter).isNotNull();
					assertThat(view.personal().amount()).isGreaterThanOrEqualTo(new java.math.BigDecimal("20000"));
					assertThat(view.personal().amount().remainder(new java.math.BigDecimal("5000"))).isZero();
				}
				else if (person.role() == Role.MANAGER) {
					assertThat(view.team()).as(person.username() + " " + quarter).isNotNull();
				}
			}
			quarter = this.calendar.next(quarter);
		}
		User north = this.users.findByUsername("mgr.north").orElseThrow();
		var forecast = forecasts.forecast(viewer, this.calendar.previous(current).code(), north.id());
		assertThat(forecast.total().measures().quota()).isPositive();
		assertThat(forecast.total().measures().attainment()).isNotNull();
		assertThat(forecast.rows()).hasSize(7);
	}

	@Test
	void hasARepWhoseForecastsAreAlwaysOptimistic(@Autowired dev.bellwether.forecasting.ForecastAccuracy accuracy) {
		seeded();
		User ceo = this.users.findByUsername("ceo").orElseThrow();
		Viewer viewer = new Viewer(ceo.id(), ceo.username(), ceo.fullName(), ceo.role());
		User optimist = this.users.findByUsername(DemoUsage.OPTIMIST).orElseThrow();
		var report = accuracy.report(viewer, ceo.id(), accuracy.periods(null, null, null));
		java.util.List<java.math.BigDecimal> optimistBiases = new java.util.ArrayList<>();
		java.util.List<String> alwaysOptimistic = new java.util.ArrayList<>();
		for (var row : report.rows()) {
			if (row.team()) {
				continue;
			}
			var biases = row.periods().stream().map(f -> f.bias()).filter(java.util.Objects::nonNull).toList();
			if (!biases.isEmpty() && biases.stream().allMatch(bias -> bias.signum() > 0)) {
				alwaysOptimistic.add(row.name());
			}
			if (row.personId().equals(optimist.id())) {
				optimistBiases.addAll(biases);
			}
		}
		assertThat(optimistBiases).as("a forecast at the start of most quarters").hasSizeGreaterThanOrEqualTo(4);
		assertThat(optimistBiases).as("always optimistic").allSatisfy(bias -> assertThat(bias).isPositive());
		assertThat(alwaysOptimistic).as("the one rep optimistic in every quarter").containsExactly(optimist.fullName());
		assertThat(report.top().mape()).as("the company's accuracy tells something").isNotNull();
	}

	@Test
	void seedsAboutFifteenHundredDealsWhoseStageHistoryExplainsThem() {
		seeded();
		PipelineChecks pipeline = new PipelineChecks(this.jdbc, DEMO_DEALS);
		assertThat(pipeline.deals()).isBetween(1_300L, 1_700L);
		assertThat(pipeline.activities()).isBetween(4_300L, 5_700L);
		pipeline.assertConsistent(this.clock.instant());
		pipeline.assertRealisticMix(this.clock.instant());
	}

	@Test
	void spreadsDealsOverEveryRepWithAFewOwnedByManagersOnTheirRepsAccounts() {
		seeded();
		Map<String, Object> owners = this.jdbc.queryForMap("""
				select count(distinct o.owner_id) filter (where u.role = 'REP') as reps,
				       count(*) filter (where u.role = 'MANAGER') as managers_deals,
				       count(*) filter (where u.role not in ('REP', 'MANAGER')) as others,
				       count(*) filter (where a.owner_id <> o.owner_id and a.owner_id not in
				         (select r.id from users r where r.manager_id = o.owner_id)) as strangers
				from opportunities o join users u on u.id = o.owner_id join accounts a on a.id = o.account_id
				where %s
				""".formatted(DEMO_DEALS));
		assertThat(owners).containsEntry("reps", 20L).containsEntry("others", 0L).containsEntry("strangers", 0L);
		assertThat((Long) owners.get("managers_deals")).isPositive();
	}

	@Test
	void datesAccountsBeforeTheirDealsAndTouchesThemWithTheirActivities() {
		seeded();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from opportunities o join accounts a on a.id = o.account_id
				where %s and a.created_at >= o.created_at
				""".formatted(DEMO_DEALS), Long.class)).isZero();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from accounts a
				left join (select x.account_id, max(x.created_at) as at from activities x group by x.account_id) logged
				  on logged.account_id = a.id
				where a.owner_id in (select id from users where email like '%@bellwether-demo.com')
				  and a.last_touched_at < coalesce(logged.at, a.created_at)
				""", Long.class)).as("accounts touched before the last activity logged on them").isZero();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from contacts c
				where c.owner_id in (select id from users where email like '%@bellwether-demo.com')
				  and c.last_touched_at > c.created_at
				""", Long.class)).isPositive();
	}

	@Test
	void tellsTheAdoptionStoryInThirtyWeeksOfUsage() {
		seeded();
		// the story's usage ends the day before the seeding day: "today" is its last day
		LocalDate today = this.calendar.today().minusDays(1);
		String activeDays = """
				select count(*) from usage_daily d join users u on u.id = d.user_id
				where u.username = ? and u.email like '%@bellwether-demo.com' and d.active and d.day > ? and d.day <= ?
				""";
		// the chief executive: nearly every working day, dashboards, reports and deals
		// (no forecasts: this build captures none)
		long ceoDays = this.jdbc.queryForObject(activeDays, Long.class, "ceo", today.minusDays(28), today);
		assertThat(ceoDays).isGreaterThanOrEqualTo(17);
		Map<String, Object> ceo = this.jdbc.queryForMap("""
				select sum(dashboard_views) as dashboards, sum(report_views) as reports, sum(views) as views
				from usage_daily d join users u on u.id = d.user_id where u.username = 'ceo'
				""");
		assertThat(ceo.values()).allSatisfy(v -> assertThat(((Number) v).longValue()).isGreaterThan(100));

		// the East region's manager stopped about ten weeks ago...
		String manager = "mgr." + DemoUsage.FADING_REGION.toLowerCase(java.util.Locale.ROOT);
		assertThat(this.jdbc.queryForObject(activeDays, Long.class, manager, today.minusWeeks(9), today)).isZero();
		assertThat(
				this.jdbc.queryForObject(activeDays, Long.class, manager, today.minusWeeks(30), today.minusWeeks(11)))
			.isGreaterThan(80);
		// ...and the region's reps followed; the other regions' reps did not
		Map<String, Object> lastFourWeeks = this.jdbc.queryForMap("""
				select count(*) filter (where u.region = ?)::float / 5 as fading,
				       count(*) filter (where u.region <> ?)::float / 15 as others
				from usage_daily d join users u on u.id = d.user_id
				where u.role = 'REP' and u.email like '%@bellwether-demo.com' and d.active and d.day > ?
				""", DemoUsage.FADING_REGION, DemoUsage.FADING_REGION, today.minusDays(28));
		assertThat((Double) lastFourWeeks.get("fading")).isLessThan(1);
		assertThat((Double) lastFourWeeks.get("others")).isGreaterThan(10);
		assertThat(this.jdbc.queryForObject(
				"""
						select min(n) from (select count(*) as n from usage_daily d join users u on u.id = d.user_id
						  where u.role = 'REP' and u.email like '%@bellwether-demo.com' and u.region = ? and d.active and d.day between ? and ? group by u.id) r
						""",
				Long.class, DemoUsage.FADING_REGION, today.minusWeeks(30), today.minusWeeks(12)))
			.isGreaterThan(40);

		// the rep who enters deals only when they close
		Map<String, Object> late = this.jdbc.queryForMap("""
				select count(*) as closed,
				       count(*) filter (where o.closed_at - o.created_at > interval '1 day') as entered_early,
				       count(*) filter (where o.first_forecast_category not in ('COMMIT', 'CLOSED')) as entered_open
				from opportunities o join users u on u.id = o.owner_id
				where u.username = ? and o.closed_at is not null
				""", DemoUsage.LATE_ENTRANT);
		assertThat((Long) late.get("closed")).isGreaterThan(20);
		assertThat(late).containsEntry("entered_early", 0L).containsEntry("entered_open", 0L);
		assertThat(this.jdbc.queryForObject("""
				select count(*) filter (where o.closed_at - o.created_at <= interval '1 day')::float / count(*)
				from opportunities o join users u on u.id = o.owner_id
				where u.role = 'REP' and u.email like '%@bellwether-demo.com' and u.username <> ?
				  and o.closed_at is not null
				""", Double.class, DemoUsage.LATE_ENTRANT)).isLessThan(0.1);

		// the integration account: flagged, and far busier than anyone
		Map<String, Object> integration = this.jdbc.queryForMap("""
				select u.integration_account, sum(d.api_calls) as calls, count(*) as days
				from users u join usage_daily d on d.user_id = u.id where u.username = ?
				group by u.integration_account
				""", DemoUsage.INTEGRATION);
		assertThat(integration).containsEntry("integration_account", true);
		assertThat((Long) integration.get("days")).isGreaterThanOrEqualTo(DemoUsage.HISTORY_DAYS - 1);
		assertThat((Long) integration.get("calls")).isGreaterThan(20_000);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from users where integration_account and email like '%@bellwether-demo.com'",
				Long.class))
			.isOne();

		// the chief executive sponsors the programme
		assertThat(this.jdbc.queryForList("""
				select u.username from adoption_sponsors s join users u on u.id = s.user_id
				where u.email like '%@bellwether-demo.com'
				""", String.class)).containsExactly("ceo");
	}

	@Test
	void keepsDealsAsTheirOwnersUseOfBellwetherSays() {
		seeded();
		// as of the seeding: the story ends the day before the clock's today
		LocalDate today = this.calendar.today();
		java.sql.Timestamp staleBefore = java.sql.Timestamp.from(this.calendar.startOf(today.minusDays(30)));
		Map<String, Map<String, Object>> regions = new java.util.HashMap<>();
		this.jdbc.query("""
				select u.region, count(*) as open,
				       count(*) filter (where o.close_date < ?) as overdue,
				       count(*) filter (where o.last_touched_at < ?) as stale
				from opportunities o join pipeline_stages s on s.id = o.stage_id join users u on u.id = o.owner_id
				where %s and s.outcome = 'OPEN' and u.region is not null group by u.region
				""".formatted(DEMO_DEALS), rs -> {
			regions.put(rs.getString("region"),
					Map.of("open", rs.getLong("open"), "overdue", rs.getLong("overdue"), "stale", rs.getLong("stale")));
		}, java.sql.Date.valueOf(today), staleBefore);
		assertThat(regions).containsOnlyKeys(DemoPeople.REGIONS);
		regions.forEach((region, deals) -> {
			long open = (Long) deals.get("open");
			assertThat(open).as(region + "'s open deals").isGreaterThan(20);
			if (region.equals(DemoUsage.FADING_REGION)) {
				// its people stopped five to ten weeks ago: most of its open deals
				// untouched since
				assertThat((Long) deals.get("stale")).as(region + "'s stale deals").isGreaterThan(open * 6 / 10);
				assertThat((Long) deals.get("overdue")).as(region + "'s overdue deals").isGreaterThan(open / 3);
			}
			else {
				// people who use Bellwether keep their deals current: at most 5% stale or
				// overdue
				assertThat((Long) deals.get("stale")).as(region + "'s stale deals").isLessThanOrEqualTo(open / 20);
				assertThat((Long) deals.get("overdue")).as(region + "'s overdue deals").isLessThanOrEqualTo(open / 20);
			}
		});
		// the chief executive's top open deals (by amount) are not mostly overdue
		Long overdueOfTopTen = this.jdbc.queryForObject("""
				select count(*) filter (where close_date < ?) from (
				  select o.close_date from opportunities o join pipeline_stages s on s.id = o.stage_id
				  where %s and s.outcome = 'OPEN' order by o.amount desc, o.id limit 10) top
				""".formatted(DEMO_DEALS), Long.class, java.sql.Date.valueOf(today));
		assertThat(overdueOfTopTen).isLessThanOrEqualTo(3);
	}

	@Test
	void ringsTheNotificationBellWithTheStorySoFar() {
		seeded();
		Map<String, java.util.List<String>> kinds = new java.util.HashMap<>();
		this.jdbc.query("""
				select u.username, n.kind, n.title from notifications n join users u on u.id = n.user_id
				where u.email like '%@bellwether-demo.com'
				""", rs -> {
			kinds.computeIfAbsent(rs.getString("username"), k -> new java.util.ArrayList<>())
				.add(rs.getString("kind") + ": " + rs.getString("title"));
		});
		String fadingManager = "mgr." + DemoUsage.FADING_REGION.toLowerCase(java.util.Locale.ROOT);
		// the fading region's manager is warned, and so is their own manager
		assertThat(kinds.get(fadingManager)).anySatisfy(n -> assertThat(n).startsWith("DEATH_SPIRAL"));
		assertThat(kinds.get("vp.sales")).anySatisfy(n -> assertThat(n).startsWith("DEATH_SPIRAL"));
		// every regional manager has had their weekly digests
		for (String region : DemoPeople.REGIONS) {
			assertThat(kinds.get("mgr." + region.toLowerCase(java.util.Locale.ROOT)))
				.filteredOn(n -> n.startsWith("WEEKLY_DIGEST"))
				.hasSizeGreaterThanOrEqualTo(DemoCompany.ALERT_WEEKS - 1);
		}
		// reps get neither (the demo programme's pulse survey, when seeded, asked them)
		assertThat(kinds.getOrDefault("rep.north1", java.util.List.of())).filteredOn(n -> !n.startsWith("PULSE_SURVEY"))
			.isEmpty();
	}

	@Test
	void reconstructsWeeklyPipelineSnapshotsFromTheStageHistory() {
		seeded();
		Map<String, Object> weekly = this.jdbc.queryForMap("""
				select count(*) as snapshots, min(deal_count) as fewest, max(taken_at) as last,
				       count(*) filter (where extract(isodow from taken_at at time zone 'UTC') <> 1) as not_monday
				from pipeline_snapshots where kind = 'WEEKLY' and taken_by is null and taken_at < ?
				""", seedingDay());
		// eighteen months of history, a snapshot each Monday
		assertThat((Long) weekly.get("snapshots")).isGreaterThanOrEqualTo(70);
		assertThat(weekly).containsEntry("not_monday", 0L);
		// the last snapshot holds each deal untouched since as it is now
		assertThat(this.jdbc.queryForObject("""
				with last as (select id, taken_at from pipeline_snapshots where kind = 'WEEKLY'
				              and taken_by is null and taken_at < ? order by taken_at desc limit 1)
				select count(*) from opportunities o cross join last
				where %s and o.deleted_at is null
				  and not exists (select 1 from opportunity_history h where h.opportunity_id = o.id
				                  and h.changed_at > last.taken_at)
				  and (o.closed_at is null) <> exists (select 1 from pipeline_snapshot_deals d
				        where d.snapshot_id = last.id and d.deal_id = o.id and d.stage_id = o.stage_id
				          and d.amount is not distinct from o.amount and d.close_date = o.close_date)
				""".formatted(DEMO_DEALS), Long.class, seedingDay())).isZero();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from pipeline_snapshot_deals d join pipeline_snapshots p on p.id = d.snapshot_id
				where p.kind = 'WEEKLY' and p.taken_by is null
				""", Long.class)).isPositive();
	}

	@Test
	void submitsEveryManagersForecastWeeklyUntilTheEastManagerStopped() {
		seeded();
		java.util.UUID east = this.users.findByUsername("mgr.east").orElseThrow().id();
		java.util.UUID north = this.users.findByUsername("mgr.north").orElseThrow().id();
		java.util.UUID vp = this.users.findByUsername("vp.sales").orElseThrow().id();
		java.time.LocalDate stoppedOn = DemoUsage.stoppedOn(this.calendar.today()).get("mgr.east");
		Map<String, Object> figures = this.jdbc.queryForMap("""
				select count(*) filter (where user_id = ?) as north,
				       count(*) filter (where user_id = ?) as east,
				       max(submitted_at) filter (where user_id = ?) as east_last,
				       max(submitted_at) filter (where user_id = ?) as north_last,
				       count(*) filter (where extract(isodow from submitted_at at time zone 'UTC') <> 1) as not_monday,
				       count(*) filter (where commit_amount <> adjusted_commit) as adjusted
				from forecast_submissions where submitted_at < ? and user_id in (?, ?)
				""", north, east, east, north, seedingDay(), north, east);
		// eighteen months, a submission each Monday
		assertThat((Long) figures.get("north")).isGreaterThanOrEqualTo(70);
		assertThat((Long) figures.get("east")).isLessThan((Long) figures.get("north")).isPositive();
		assertThat(((java.sql.Timestamp) figures.get("east_last")).toInstant()
			.atZone(java.time.ZoneOffset.UTC)
			.toLocalDate()).isBefore(stoppedOn);
		assertThat(((java.sql.Timestamp) figures.get("north_last")).toInstant()
			.atZone(java.time.ZoneOffset.UTC)
			.toLocalDate()).isAfter(this.calendar.today().minusDays(8));
		assertThat(figures).containsEntry("not_monday", 0L).containsEntry("adjusted", 0L);
		// a team's figures hold its managers': the VP's commit at least the regions' sum
		assertThat(this.jdbc.queryForObject("""
				select count(*) from forecast_submissions v
				where v.user_id = ?
				  and v.commit_amount < (select sum(r.commit_amount) from forecast_submissions r
				    join users u on u.id = r.user_id
				    where u.manager_id = v.user_id and r.submitted_minute = v.submitted_minute
				      and r.period_code = v.period_code)
				""", Long.class, vp)).isZero();
	}

	@Test
	void holdsTheManagersWeeklyPipelineReviewsUntilTheEastManagerStopped() {
		seeded();
		Map<String, Map<String, Object>> byManager = new java.util.HashMap<>();
		this.jdbc.query("""
				select u.username, count(*) as reviews, max(r.started_at) as last,
				       sum((select count(*) from pipeline_review_deals d where d.review_id = r.id)) as deals,
				       sum(coalesce((select meeting_modes from usage_daily x where x.user_id = r.run_by
				                     and x.day = cast(r.started_at at time zone 'UTC' as date)), 0)) as counted
				from pipeline_reviews r join users u on u.id = r.run_by
				where u.email like '%@bellwether-demo.com' and r.subject_kind = 'TEAM' and r.subject_id = r.run_by
				group by u.username
				""", rs -> {
			byManager.put(rs.getString("username"),
					Map.of("reviews", rs.getLong("reviews"), "last",
							rs.getObject("last", java.time.OffsetDateTime.class), "deals", rs.getLong("deals"),
							"counted", rs.getLong("counted")));
		});
		// a review most weeks of the thirty, each walking deals and counted as meeting
		// mode
		assertThat((Long) byManager.get("mgr.north").get("reviews")).isGreaterThanOrEqualTo(20);
		assertThat((Long) byManager.get("mgr.north").get("deals")).isPositive();
		assertThat(byManager.get("mgr.north").get("counted")).isEqualTo(byManager.get("mgr.north").get("reviews"));
		// the East manager stopped using Bellwether about ten weeks ago: so did her
		// reviews
		java.time.OffsetDateTime eastLast = (java.time.OffsetDateTime) byManager.get("mgr.east").get("last");
		assertThat(eastLast.toLocalDate())
			.isBefore(this.calendar.today().minusDays(DemoUsage.MANAGER_STOPPED_DAYS_AGO));
		assertThat((java.time.OffsetDateTime) byManager.get("mgr.north").get("last"))
			.isAfter(seedingDay().minusDays(8));
	}

	/**
	 * The demo's own snapshots are before the seeding day (other tests take theirs
	 * later).
	 */
	private java.time.OffsetDateTime seedingDay() {
		return java.time.OffsetDateTime.ofInstant(this.calendar.startOf(this.calendar.today()),
				java.time.ZoneOffset.UTC);
	}

	@Test
	void seedsACatalogueAndPricesNearlyHalfTheDealsFromLineItems() {
		seeded();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from products where code in (%s) and list_price > 0 and active
				""".formatted(
				DemoCatalogue.all().stream().map(i -> "'" + i.details().code() + "'").collect(Collectors.joining(","))),
				Long.class))
			.isEqualTo(DemoCatalogue.all().size());
		assertThat(DemoCatalogue.all()).hasSizeGreaterThanOrEqualTo(12);
		Map<String, Object> deals = this.jdbc.queryForMap("""
				select count(*) as deals, count(*) filter (where o.amount_from_line_items) as priced,
				       count(*) filter (where o.amount_from_line_items and o.amount <> coalesce(
				         (select sum(round(l.quantity * l.unit_price * (100 - l.discount_percent) / 100, 2))
				          from opportunity_line_items l where l.opportunity_id = o.id), -1)) as wrong,
				       count(*) filter (where not o.amount_from_line_items and exists
				         (select 1 from opportunity_line_items l where l.opportunity_id = o.id)) as stray
				from opportunities o where %s
				""".formatted(DEMO_DEALS));
		long total = (Long) deals.get("deals");
		assertThat((Long) deals.get("priced")).isBetween(total * 35 / 100, total * 55 / 100);
		assertThat(deals).containsEntry("wrong", 0L).containsEntry("stray", 0L);
		// line items at list price with a usual discount, and services quoted per deal
		assertThat(this.jdbc.queryForObject("""
				select count(distinct l.product_id) from opportunity_line_items l
				join opportunities o on o.id = l.opportunity_id where %s
				""".formatted(DEMO_DEALS), Long.class)).isEqualTo(DemoCatalogue.all().size());
		assertThat(this.jdbc.queryForObject("""
				select count(*) from opportunity_line_items l join opportunities o on o.id = l.opportunity_id
				where %s and l.discount_percent > 0
				""".formatted(DEMO_DEALS), Long.class)).isPositive();
	}

}
