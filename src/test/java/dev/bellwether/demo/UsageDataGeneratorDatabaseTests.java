package dev.bellwether.demo;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.bellwether.demo.UsageDataGenerator.Person;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage generator against PostgreSQL: its {@code usage_daily} rows are exactly the
 * roll-up of the events it wrote, computed in SQL. Written in a transaction that is
 * rolled back, so the shared test database keeps no usage of made-up people.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class UsageDataGeneratorDatabaseTests {

	static final String ROLL_UP = """
			select user_id, (occurred_at at time zone 'UTC')::date as day,
			  bool_or(kind in ('VIEW', 'CREATE', 'UPDATE') and record_type is not null) as active,
			  count(*) filter (where kind = 'LOGIN') as logins,
			  count(*) filter (where kind = 'VIEW') as views,
			  count(*) filter (where kind = 'CREATE') as creates,
			  count(*) filter (where kind = 'UPDATE') as updates,
			  count(*) filter (where kind = 'DELETE') as deletes,
			  count(*) filter (where kind = 'SEARCH') as searches,
			  count(*) filter (where kind = 'REPORT_VIEW') as report_views,
			  count(*) filter (where kind = 'DASHBOARD_VIEW') as dashboard_views,
			  count(*) filter (where kind = 'FORECAST_VIEW') as forecast_views,
			  count(*) filter (where kind = 'EXPORT') as exports,
			  count(*) filter (where kind = 'API_CALL') as api_calls,
			  count(*) filter (where kind = 'MEETING_MODE') as meeting_modes,
			  count(*) filter (where kind not in ('LOGIN', 'LOGOUT')) as actions,
			  coalesce(array_agg(distinct (module || ':' || kind)::text collate "C")
			    filter (where module is not null and kind not in ('LOGIN', 'LOGOUT')), '{}') as features
			from usage_events where user_id = any (?::uuid[])
			group by 1, 2
			""";

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void writesDailyRowsThatAgreeWithARollUpOfItsEventsInSql() {
		UsageDataGenerator generator = new UsageDataGenerator(11, UsageDataGeneratorTests.FROM,
				UsageDataGeneratorTests.NOW);
		List<Person> people = UsageDataGeneratorTests.people(generator, 40);
		String[] ids = people.stream().map(p -> p.id().toString()).toArray(String[]::new);
		this.transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			this.jdbc.update("delete from usage_rollups where day between ? and ?", UsageDataGeneratorTests.FROM,
					LocalDate.of(2026, 3, 13));
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			UsageDataGenerator.Counts written;
			try {
				written = generator.generate(connection, people);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
			assertThat(written.days()).isEqualTo(72);
			assertThat(written.events()).isGreaterThan(20_000);
			assertThat(written.dailyRows()).isGreaterThan(1_000);
			assertThat(this.jdbc.queryForObject("select count(*) from usage_events where user_id = any (?::uuid[])",
					Long.class, (Object) ids))
				.isEqualTo(written.events());

			String columns = "user_id, day, active, logins, views, creates, updates, deletes, searches, report_views, "
					+ "dashboard_views, forecast_views, exports, api_calls, meeting_modes, actions, features";
			String differences = """
					select count(*) from (
					  (select %1$s from (%2$s) c except select %1$s from usage_daily where user_id = any (?::uuid[]))
					  union all
					  (select %1$s from usage_daily where user_id = any (?::uuid[]) except select %1$s from (%2$s) c)
					) d
					""".formatted(columns, ROLL_UP);
			assertThat(this.jdbc.queryForObject(differences, Long.class, ids, ids, ids, ids)).isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from usage_daily where user_id = any (?::uuid[])",
					Long.class, (Object) ids))
				.isEqualTo(written.dailyRows());
			// every day rolled up, with the number of events it has
			assertThat(this.jdbc.queryForObject("""
					select count(*) from usage_rollups r
					full join (select (occurred_at at time zone 'UTC')::date as day, count(*) as events
					  from usage_events where user_id = any (?::uuid[]) group by 1) e using (day)
					where r.day between ? and ? and r.events is distinct from coalesce(e.events, 0)
					   or r.day is null
					""", Long.class, ids, UsageDataGeneratorTests.FROM, LocalDate.of(2026, 3, 13))).isZero();
			assertThat(this.jdbc.queryForObject("""
					select count(*) from usage_events where user_id = any (?::uuid[])
					  and (occurred_at > ? or (kind = 'API_CALL' and user_id <> ?))
					""", Long.class, ids, java.sql.Timestamp.from(UsageDataGeneratorTests.NOW), new UUID(1, 1)))
				.isZero();
		});
	}

}
