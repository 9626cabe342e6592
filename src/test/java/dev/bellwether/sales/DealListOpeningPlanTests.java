package dev.bellwether.sales;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.bellwether.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What EXPLAIN says of the bare deal list's order ("Open deals from today": open deals,
 * {@code close_date >= today order by close_date, id}) on many rows: an index range,
 * stopped after the page, no sort. Run on a temporary table shaped and indexed as
 * {@code opportunities} (its close-date indexes of V4 and V26_1), so that the suite's own
 * data stays as it is: 200,000 deals over twelve years, a quarter of them open.
 */
@IntegrationTest
class DealListOpeningPlanTests {

	@Autowired
	DataSource dataSource;

	@Test
	void theOpeningViewsPageIsAnIndexRangeWithoutASort() throws Exception {
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("""
					create temporary table plan_deals (id uuid not null primary key, owner_id uuid not null,
					    close_date date not null, closed_at timestamptz, deleted_at timestamptz)
					""");
			sql.execute("create index plan_deals_close_idx on plan_deals (close_date, id) where deleted_at is null");
			sql.execute("""
					create index plan_deals_open_close_idx on plan_deals (close_date, id)
					    where deleted_at is null and closed_at is null
					""");
			sql.execute("""
					insert into plan_deals
					select gen_random_uuid(), gen_random_uuid(), date '2016-06-17' + (n % 4380),
					       case when n % 4 = 0 then null else timestamptz '2026-01-01' end, null
					from generate_series(1, 200000) n
					""");
			sql.execute("analyze plan_deals");

			String page = plan(sql, """
					explain select id from plan_deals where deleted_at is null and closed_at is null
					    and close_date >= date '2026-06-17' order by close_date, id limit 26
					""");
			assertThat(page).contains("plan_deals_open_close_idx").contains("Limit").doesNotContain("Sort");

			String next = plan(sql, """
					explain select id from plan_deals where deleted_at is null and closed_at is null
					    and close_date >= date '2026-06-17'
					    and (close_date, id) > (date '2027-01-01', '00000000-0000-0000-0000-000000000000')
					order by close_date, id limit 26
					""");
			assertThat(next).contains("plan_deals_open_close_idx").doesNotContain("Sort");
			sql.execute("drop table plan_deals");
		}
	}

	private static String plan(Statement sql, String query) throws Exception {
		StringBuilder plan = new StringBuilder();
		try (ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				plan.append(rows.getString(1)).append('\n');
			}
		}
		System.out.println(plan);
		return plan.toString();
	}

}
