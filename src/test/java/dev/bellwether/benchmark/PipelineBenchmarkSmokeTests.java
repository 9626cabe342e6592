package dev.bellwether.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import dev.bellwether.demo.PipelineChecks;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark command at a tiny scale (about 2,000 deals, a few requests per scenario),
 * on a database of its own: it generates a consistent company through the COPY path,
 * starts the application, signs in by token and by form, and measures every scenario:
 * every endpoint answers and every baseline runs without an error.
 */
class PipelineBenchmarkSmokeTests {

	@Test
	void generatesACompanyAndMeasuresEveryScenario() {
		BenchmarkSettings settings = new BenchmarkSettings(0.002, 7, 2, 8, 16, 4, Duration.ofSeconds(30), false,
				Path.of("target/benchmark-smoke-postgres"), null, true, true);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		BenchmarkReport report = PipelineBenchmark.run(settings, new PrintStream(printed, true, StandardCharsets.UTF_8),
				context -> {
					PipelineChecks pipeline = new PipelineChecks(new JdbcTemplate(context.getBean(DataSource.class)),
							"true");
					assertThat(pipeline.deals()).isBetween(1_500L, 2_500L);
					assertThat(pipeline.activities()).isBetween(4_000L, 8_000L);
					// the generated company's "now" is its context's clock
					Instant now = context.getBean(Clock.class).instant();
					pipeline.assertConsistent(now);
					pipeline.assertRealisticMix(now);
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					assertThat(jdbc.queryForObject("select count(*) from contacts", Long.class)).isBetween(1_500L,
							2_500L);
					assertThat(jdbc.queryForObject("""
							select count(*) from accounts a
							left join (select account_id, max(greatest(created_at, completed_at)) as at
							           from activities group by account_id) x on x.account_id = a.id
							where a.last_touched_at < coalesce(x.at, a.created_at)""", Long.class)).isZero();
					assertThat(jdbc.queryForObject("select count(*) from pg_indexes where tablename = 'opportunities'",
							Long.class))
						.as("indexes built again after the load")
						.isGreaterThan(5);
				}, context -> {
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					assertThat(jdbc.queryForObject(
							"select count(*) from opportunities where next_step like 'Benchmark step %'", Long.class))
						.as("inline edits saved")
						.isPositive();
				});
		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("Generated").contains("deals/s").contains("| scenario |");
		assertThat(output).contains("Query plans of the baselines");
		assertThat(Path.of("target/benchmark-plans.md")).content().contains("Execution Time");
		assertThat(report.row("trivial endpoint GET /api/v1/users/me").result()).isEqualTo("baseline");
		assertThat(report.row("trivial endpoint GET /api/v1/users/me").http().errors()).isZero();
		assertThat(report.row("global search (typos included)").measured()).isTrue();
		assertThat(report.row("manager home page GET / (HTML)").measured()).isTrue();
		assertThat(report.rows).hasSizeGreaterThan(10)
			.allSatisfy(row -> assertThat(row.result()).as(row.scenario()).isIn("PASS", "FAIL", "baseline"))
			.allSatisfy(
					row -> assertThat(row.http().errors()).as(row.scenario() + ": " + row.http().firstError()).isZero())
			.allSatisfy(row -> assertThat(row.sql().errors()).as(row.scenario() + " SQL: " + row.sql().firstError())
				.isZero());
		// reads have a raw SQL baseline and a ratio target over it; writes a throughput
		assertThat(report.rows).filteredOn(row -> row.target().kind() == BenchmarkReport.Target.Kind.RATIO)
			.hasSizeGreaterThan(8)
			.allSatisfy(row -> assertThat(row.sql().measured()).as(row.scenario() + " SQL baseline").isTrue())
			.allSatisfy(row -> assertThat(row.allowedP95Millis()).as(row.scenario() + " allowed p95")
				.isEqualTo(row.target().value() * row.trivialP95Millis() + row.sql().p95Millis()));
		assertThat(report.rows).filteredOn(row -> row.scenario().contains("after row 10,000 by cursor")).hasSize(2);
		assertThat(report.rows).filteredOn(row -> row.scenario().contains("Region = EMEA, by Seats")).hasSize(3);
		assertThat(report.section()).contains("Deep pages by cursor");
		assertThat(report.rows).filteredOn(row -> row.target().kind() == BenchmarkReport.Target.Kind.THROUGHPUT)
			.extracting(BenchmarkReport.Row::scenario)
			.anySatisfy(name -> assertThat(name).startsWith("inline edit"))
			.anySatisfy(name -> assertThat(name).startsWith("bulk close-date change"));
		assertThat(report.section()).contains(BenchmarkReport.START).contains(BenchmarkReport.END);
		assertThat(List.of(report.table().split("\n"))).hasSize(report.rows.size() + 2);
	}

}
