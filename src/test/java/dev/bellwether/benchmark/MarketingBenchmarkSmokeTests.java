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
 * The marketing benchmark command at a tiny scale (about 2,000 deals, 2,000 leads, 50
 * campaigns, 2,000 members, a few calls per scenario), on a database of its own: it
 * generates the sales company and the marketing data through the COPY path and measures
 * every scenario beside its raw SQL. Correctness only, never speed.
 */
class MarketingBenchmarkSmokeTests {

	@Test
	void generatesLeadsCampaignsAndMembersAndMeasuresEveryScenario() {
		BenchmarkSettings settings = new BenchmarkSettings(0.002, 7, 2, 4, 8, 2, Duration.ofSeconds(60), false,
				Path.of("target/marketing-benchmark-smoke-postgres"), null, false, true);
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		BenchmarkReport report = MarketingBenchmark.run(settings,
				new PrintStream(printed, true, StandardCharsets.UTF_8), context -> {
					JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
					assertThat(jdbc.queryForObject("select count(*) from leads", Long.class)).isEqualTo(2_000L);
					assertThat(jdbc.queryForObject("select count(*) from campaigns", Long.class)).isEqualTo(50L);
					assertThat(jdbc.queryForObject("select count(*) from campaigns where parent_id is not null",
							Long.class))
						.isEqualTo(45L);
					assertThat(jdbc.queryForObject("select count(*) from campaign_members", Long.class))
						.as("the generated members, and those a measured conversion carried to its contact")
						.isGreaterThanOrEqualTo(2_000L);
					assertThat(jdbc.queryForObject(
							"select count(*) from leads where converted_opportunity_id is not null", Long.class))
						.as("the generated conversions and the measured ones")
						.isGreaterThanOrEqualTo(100L);
					assertThat(jdbc.queryForObject(
							"select count(*) from pg_indexes where indexname = 'leads_created_idx'", Long.class))
						.as("the index built again after the load")
						.isEqualTo(1L);
				});
		String output = printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("| scenario |").contains("ROI for a year");
		assertThat(report.rows).hasSizeGreaterThanOrEqualTo(12)
			.allSatisfy(row -> assertThat(row.result()).as(row.scenario()).isIn("PASS", "FAIL", "baseline"))
			.allSatisfy(
					row -> assertThat(row.http().errors()).as(row.scenario() + ": " + row.http().firstError()).isZero())
			.allSatisfy(
					row -> assertThat(row.sql().errors()).as(row.scenario() + ": " + row.sql().firstError()).isZero());
		assertThat(report.rows.stream().filter(r -> r.scenario().startsWith("ROI"))).hasSize(5)
			.allSatisfy(row -> assertThat(row.sql().measured()).isTrue());
		assertThat(report.section()).contains(MarketingBenchmark.START).contains(MarketingBenchmark.END);
	}

}
