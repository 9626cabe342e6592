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
 * The adoption benchmark command at a tiny scale (50 people, 30 days of usage, a few
 * calls per page), on a database of its own: it generates the people and their usage
 * through the COPY path, measures both pages beside the trivial endpoint and the sales
 * mix with capture on and off, and prints every figure. Correctness only, never speed.
 */
class AdoptionBenchmarkSmokeTests {

	@Test
	void generatesUsageAndMeasuresThePagesAndTheCaptureRatio() {
		BenchmarkSettings settings = new BenchmarkSettings(0.01, 7, 2, 8, 8, 2, Duration.ofSeconds(30), false,
				Path.of("target/adoption-benchmark-smoke-postgres"), null, false, true);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		AdoptionBenchmark.Result result = AdoptionBenchmark.run(settings, 2, 30,
				new PrintStream(printed, true, StandardCharsets.UTF_8), context -> {
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					assertThat(
							jdbc.queryForObject("select count(*) from users where username like 'bench.%'", Long.class))
						.isEqualTo(50L);
					assertThat(jdbc.queryForObject("select count(*) from usage_events", Long.class))
						.isGreaterThan(5_000L);
					assertThat(jdbc.queryForObject("select count(*) from usage_daily", Long.class)).isPositive();
					assertThat(jdbc.queryForObject(
							"select count(*) from pg_indexes where indexname = 'usage_events_user_time_idx'",
							Long.class))
						.as("the index built again after the load")
						.isEqualTo(1L);
					assertThat(jdbc.queryForObject(
							"select count(*) from usage_events where occurred_at > now() - interval '5 minutes'",
							Long.class))
						.as("requests captured while capture was on")
						.isPositive();
				});
		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("events/s").contains("Capture on ÷ off").contains("| scenario |");
		assertThat(result.events()).isGreaterThan(5_000L);
		assertThat(result.eventsPerSecond()).isPositive();
		assertThat(result.captureOnPerSecond()).isPositive();
		assertThat(result.captureOffPerSecond()).isPositive();
		assertThat(result.report().rows).hasSize(3)
			.allSatisfy(row -> assertThat(row.result()).as(row.scenario()).isIn("PASS", "FAIL", "baseline"))
			.allSatisfy(row -> assertThat(row.http().errors()).as(row.scenario() + ": " + row.http().firstError())
				.isZero());
		assertThat(result.report().section()).contains(AdoptionBenchmark.START).contains(AdoptionBenchmark.END);
	}

}
