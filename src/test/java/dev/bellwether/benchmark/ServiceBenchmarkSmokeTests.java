package dev.bellwether.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service benchmark command at a tiny scale (about 2,000 deals, 2,000 cases with
 * their comments and a backlog of 200 open ones, a few calls per scenario), on a database
 * of its own: it generates the sales company and the cases through the COPY path and
 * measures every scenario beside its raw SQL, the SLA sweep too. Correctness only, never
 * speed.
 */
class ServiceBenchmarkSmokeTests {

	@Test
	void generatesCasesAndMeasuresEveryScenario() {
		BenchmarkSettings settings = new BenchmarkSettings(0.002, 7, 2, 4, 8, 2, Duration.ofSeconds(60), false,
				Path.of("target/service-benchmark-smoke-postgres"), null, false, true);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		BenchmarkReport report = ServiceBenchmark.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8),
				context -> {
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					assertThat(jdbc.queryForObject("select count(*) from cases", Long.class)).isEqualTo(2_200L);
					assertThat(jdbc.queryForObject(
							"select count(*) from cases where status in ('NEW', 'OPEN', 'WAITING_ON_CUSTOMER')",
							Long.class))
						.isGreaterThanOrEqualTo(200L);
					assertThat(jdbc.queryForObject("select count(*) from case_comments", Long.class))
						.isGreaterThan(2_200L * 3);
					assertThat(jdbc.queryForObject("select count(*) from case_sla_clocks", Long.class))
						.isEqualTo(2 * 2_200L);
					assertThat(jdbc.queryForObject(
							"""
									select count(*) from cases c where c.status <> (select s.to_status from case_status_changes s
									  where s.case_id = c.id order by s.changed_at desc, s.id desc limit 1)
									""",
							Long.class))
						.as("cases whose status is not their last change's")
						.isZero();
					assertThat(jdbc.queryForObject(
							"select count(*) from pg_indexes where indexname = 'cases_unassigned_idx'", Long.class))
						.as("the index built again after the load")
						.isEqualTo(1L);
					assertThat(
							jdbc.queryForObject("select count(*) from case_sla_clocks where escalated_at is not null "
									+ "and completed_at is null", Long.class))
						.as("the backlog's breaches, escalated by the sweeps before the story's end")
						.isPositive();
				});
		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("| scenario |").contains("SLA sweep");
		assertThat(report.rows).hasSizeGreaterThanOrEqualTo(14)
			.allSatisfy(row -> assertThat(row.result()).as(row.scenario()).isIn("PASS", "FAIL", "baseline", "n/a"))
			.allSatisfy(
					row -> assertThat(row.http().errors()).as(row.scenario() + ": " + row.http().firstError()).isZero())
			.allSatisfy(
					row -> assertThat(row.sql().errors()).as(row.scenario() + ": " + row.sql().firstError()).isZero());
		assertThat(report.rows.stream().filter(r -> r.scenario().startsWith("case list")))
			.hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(row -> assertThat(row.sql().measured()).isTrue());
		assertThat(report.rows.stream().filter(r -> r.scenario().startsWith("SLA sweep"))).hasSize(2)
			.allSatisfy(row -> assertThat(row.sql().measured()).isTrue());
		assertThat(report.rows.stream().filter(r -> r.scenario().startsWith("executive service view"))).hasSize(1)
			.allSatisfy(row -> assertThat(row.status()).isIn("measured", "n/a (404)"));
		assertThat(report.section()).contains(ServiceBenchmark.START).contains(ServiceBenchmark.END);
	}

}
