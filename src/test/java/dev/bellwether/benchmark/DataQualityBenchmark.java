package dev.bellwether.benchmark;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.dataquality.IssueFilter;
import dev.bellwether.dataquality.Measurement;
import dev.bellwether.dataquality.QualityMeasurement;
import dev.bellwether.dataquality.QualityScores;
import dev.bellwether.dataquality.Scoreboard;
import dev.bellwether.dataquality.StewardQueue;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-quality measurement at scale: {@code bench.deals} open deals (default 100,000)
 * with as many contacts and half as many accounts, spread over 40 reps in 4 teams, with
 * fields filled at random (a fixed seed in SQL: {@code i}-based); then a measurement
 * (facts, scores, snapshot, queue), a second one (the queue already there) and the pages'
 * reads are timed. Not part of the suite (the class name matches no test pattern); run it
 * on its own:
 * {@code ./mvnw -o test -Dtest=DataQualityBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
class DataQualityBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	QualityMeasurement measurement;

	@Autowired
	QualityScores scores;

	@Autowired
	StewardQueue queue;

	@Test
	void measuresAHundredThousandDeals() {
		int deals = Integer.getInteger("bench.deals", 100_000);
		int accounts = Math.max(1, deals / 2);
		List<UUID> reps = new ArrayList<>();
		User vp = this.users.create(Role.MANAGER);
		for (int t = 0; t < 4; t++) {
			User manager = this.users.create(Role.MANAGER, vp.id());
			for (int r = 0; r < 10; r++) {
				reps.add(this.users.create(Role.REP, manager.id()).id());
			}
		}
		String owners = reps.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
		long load = System.nanoTime();
		this.jdbc.sql("""
				insert into accounts (id, name, website, industry, phone, country, employees, owner_id, created_at,
				  updated_at, last_touched_at, version)
				select uuidv7(), 'Quality ' || i, case when i % 3 <> 0 then 'https://q' || i || '.example' end,
				  case when i % 4 <> 0 then 'Agriculture' end, case when i % 5 <> 0 then '+1 555 ' || i end,
				  case when i % 2 = 0 then 'US' end, case when i % 7 <> 0 then i % 500 end,
				  (cast(:owners as uuid[]))[i % 40 + 1], :now, :now, :now, 0
				from generate_series(1, :accounts) i
				""")
			.param("owners", owners)
			.param("now", utc(this.clock.instant()))
			.param("accounts", accounts)
			.update();
		this.jdbc.sql("""
				insert into contacts (id, first_name, last_name, title, email, phone, account_id, owner_id, created_at,
				  updated_at, last_touched_at, version)
				select uuidv7(), 'First', 'Quality ' || i, case when i % 3 = 0 then 'CTO' end,
				  case when i % 4 <> 0 then 'q' || i || '@example.com' end, case when i % 2 = 0 then '+1 555 ' || i end,
				  case when i % 10 <> 0 then a.ids[i % cardinality(a.ids) + 1] end,
				  (cast(:owners as uuid[]))[i % 40 + 1], :now, :now, :now, 0
				from generate_series(1, :deals) i,
				  (select array_agg(id) as ids from accounts where name like 'Quality %') a
				""").param("owners", owners).param("now", utc(this.clock.instant())).param("deals", deals).update();
		this.jdbc
			.sql("""
					insert into opportunities (id, name, account_id, primary_contact_id, owner_id, stage_id, amount, currency,
					  close_date, probability, forecast_category, next_step, lead_source, first_stage_id,
					  first_forecast_category, last_touched_at, created_at, updated_at, version)
					select uuidv7(), 'Quality deal ' || i, a.ids[i % cardinality(a.ids) + 1], null,
					  (cast(:owners as uuid[]))[i % 40 + 1], s.ids[i % cardinality(s.ids) + 1],
					  case when i % 6 <> 0 then 1000 + i end, 'USD', cast(:today as date) + (i % 200 - 20), 20, 'PIPELINE',
					  case when i % 3 <> 0 then 'Call' end, case when i % 2 = 0 then 'Web' end,
					  s.ids[1], 'PIPELINE', cast(:now as timestamptz) - make_interval(days => i % 90), :now, :now, 0
					from generate_series(1, :deals) i,
					  (select array_agg(id) as ids from accounts where name like 'Quality %') a,
					  (select array_agg(id order by position) as ids from pipeline_stages where outcome = 'OPEN' and not retired) s
					""")
			.param("owners", owners)
			.param("now", utc(this.clock.instant()))
			.param("today", java.time.LocalDate.now(this.clock))
			.param("deals", deals)
			.update();
		this.jdbc.sql("analyze accounts").update();
		this.jdbc.sql("analyze contacts").update();
		this.jdbc.sql("analyze opportunities").update();
		long loaded = System.nanoTime();

		Measurement first = this.measurement.measure();
		long firstDone = System.nanoTime();
		Measurement second = this.measurement.measure();
		long secondDone = System.nanoTime();
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		Scoreboard board = this.scores.scoreboard(admin, vp.id());
		long boardDone = System.nanoTime();
		this.scores.trend(admin, vp.id(), 90);
		long trendDone = System.nanoTime();
		long queued = this.queue.list(admin, IssueFilter.open(), PageRequest.of(0, 50)).getTotalElements();
		long queueDone = System.nanoTime();
		this.scores.records(admin, reps.get(0), "opportunity");
		long drillDone = System.nanoTime();

		System.out.printf(
				"""
						DATA QUALITY at %,d open deals, %,d contacts, %,d accounts (load %,d ms)
						  first measurement: %,d issues in %,d ms
						  second measurement (queue there): %,d issues, %,d fixed, in %,d ms
						  scoreboard of the 4 teams: %,d ms; trend: %,d ms; queue page (%,d open): %,d ms; one rep's deals: %,d ms
						""",
				first.deals(), first.contacts(), first.accounts(), (loaded - load) / 1_000_000, first.openIssues(),
				(firstDone - loaded) / 1_000_000, second.openIssues(), second.fixedIssues(),
				(secondDone - firstDone) / 1_000_000, (boardDone - secondDone) / 1_000_000,
				(trendDone - boardDone) / 1_000_000, queued, (queueDone - trendDone) / 1_000_000,
				(drillDone - queueDone) / 1_000_000);
		assertThat(board.overall().records()).isEqualTo(deals + deals + accounts);
		assertThat(second.fixedIssues()).isZero();
	}

}
