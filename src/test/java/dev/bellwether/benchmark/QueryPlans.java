package dev.bellwether.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plans PostgreSQL chooses for the scenarios' baseline queries at the generated
 * scale: each baseline is run once more through a template that asks for
 * {@code EXPLAIN (ANALYZE, BUFFERS)} instead of rows, so the plans are of exactly the
 * queries measured. Sequential scans of the big tables are called out: they are where an
 * index is missing.
 */
final class QueryPlans {

	private static final Pattern BIG_SEQ_SCAN = Pattern
		.compile("Seq Scan on (opportunities|opportunity_history|activities|accounts|contacts|field_history)\\b");

	private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

	private QueryPlans() {
	}

	/**
	 * @param scenarios built with {@code jdbc}
	 */
	static void explain(Explaining jdbc, List<Scenarios.Scenario> scenarios, Path file, PrintStream out) {
		StringBuilder plans = new StringBuilder();
		out.println("Query plans of the baselines (all in " + file + "):");
		for (Scenarios.Scenario scenario : scenarios) {
			if (scenario.sql() == null) {
				continue;
			}
			jdbc.statements.clear();
			jdbc.plans.clear();
			try {
				scenario.sql().run(0);
			}
			catch (Exception ex) {
				out.printf("  %-48s could not explain: %s%n", scenario.name(), ex.getMessage());
				continue;
			}
			plans.append("## ").append(scenario.name()).append("\n\n");
			List<String> seqScans = new ArrayList<>();
			double millis = 0;
			for (int q = 0; q < jdbc.plans.size(); q++) {
				String plan = jdbc.plans.get(q);
				plans.append(jdbc.statements.get(q).strip()).append("\n\n").append(plan).append("\n\n");
				Matcher seq = BIG_SEQ_SCAN.matcher(plan);
				while (seq.find()) {
					seqScans.add(seq.group(1));
				}
				Matcher execution = EXECUTION.matcher(plan);
				if (execution.find()) {
					millis += Double.parseDouble(execution.group(1));
				}
			}
			out.printf("  %-48s %6.1f ms%s%n", scenario.name(), millis,
					seqScans.isEmpty() ? "" : "  sequential scans of " + String.join(", ", seqScans));
		}
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, plans.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns no rows; keeps the plan of each statement instead.
	 */
	static final class Explaining extends JdbcTemplate {

		final List<String> statements = new ArrayList<>();

		final List<String> plans = new ArrayList<>();

		Explaining(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		public List<Map<String, Object>> queryForList(String sql, Object... args) {
			explain(sql, args);
			return List.of();
		}

		@Override
		public List<Map<String, Object>> queryForList(String sql) {
			explain(sql);
			return List.of();
		}

		@Override
		public <T> T queryForObject(String sql, Class<T> requiredType) {
			explain(sql);
			return null;
		}

		@Override
		public <T> T queryForObject(String sql, Class<T> requiredType, Object... args) {
			explain(sql, args);
			return null;
		}

		private void explain(String sql, Object... args) {
			this.statements.add(sql);
			this.plans
				.add(String.join("\n", super.queryForList("explain (analyze, buffers) " + sql, String.class, args)));
		}

	}

}
