package dev.bellwether.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.bellwether.benchmark.BenchmarkReport.Target;
import dev.bellwether.benchmark.Personas.Persona;
import dev.bellwether.benchmark.Scenarios.Scenario;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #14's scenarios, as the CEO (the top of the five levels, who sees everyone): the
 * current quarter's forecast grid, what changed between the last two weekly snapshots,
 * and the company's win rates and funnel. Each baseline is the SQL the endpoint ran,
 * captured from the application for one call ({@link SqlCapture}) and run again over
 * JDBC; the target, as for the other API reads: p95 within 3× the SQL's plus the trivial
 * endpoint's.
 */
final class ForecastScenarios {

	static final double RATIO = 3;

	private ForecastScenarios() {
	}

	static List<Scenario> all(BenchmarkHttp http, JdbcTemplate jdbc, Personas personas, String quarter) {
		Persona ceo = personas.executives.get(0);
		if (!ceo.username().equals(BenchmarkData.USERNAME_PREFIX + "ceo")) {
			throw new IllegalStateException("The first executive is " + ceo.username() + ", not the CEO");
		}
		List<UUID> lastWeek = ForecastBenchmarkData.lastWeek(jdbc);
		DataSource dataSource = jdbc.getDataSource();
		List<Scenario> scenarios = new ArrayList<>();
		scenarios.add(scenario("forecast grid GET /api/v1/forecasts/" + quarter + " (CEO, 2,000 people)", http,
				dataSource, ceo, "/api/v1/forecasts/" + quarter));
		scenarios.add(scenario("what changed GET /api/v1/pipeline/changes between the last two weekly snapshots (CEO)",
				http, dataSource, ceo,
				"/api/v1/pipeline/changes?from=" + lastWeek.get(0) + "&to=" + lastWeek.get(1) + "&period=" + quarter));
		scenarios.add(scenario("analytics GET /api/v1/analytics/win-rates?period=" + quarter + " (CEO, company)", http,
				dataSource, ceo, "/api/v1/analytics/win-rates?period=" + quarter));
		scenarios.add(scenario("analytics GET /api/v1/analytics/funnel?period=" + quarter + " (CEO, company)", http,
				dataSource, ceo, "/api/v1/analytics/funnel?period=" + quarter));
		return scenarios;
	}

	private static Scenario scenario(String name, BenchmarkHttp http, DataSource dataSource, Persona who, String path) {
		Baseline baseline = new Baseline(http, dataSource, who, path);
		return new Scenario(name, Target.ratio(RATIO), i -> http.api(path, who.token()), i -> baseline.run());
	}

	/** The SQL the call runs, captured on first use (nothing else runs then). */
	private static final class Baseline {

		private final BenchmarkHttp http;

		private final DataSource dataSource;

		private final Persona who;

		private final String path;

		private volatile List<SqlCapture.Captured> statements;

		Baseline(BenchmarkHttp http, DataSource dataSource, Persona who, String path) {
			this.http = http;
			this.dataSource = dataSource;
			this.who = who;
			this.path = path;
		}

		void run() throws Exception {
			SqlCapture.replay(this.dataSource, statements());
		}

		private synchronized List<SqlCapture.Captured> statements() throws Exception {
			if (this.statements == null) {
				List<SqlCapture.Captured> trivial = SqlCapture
					.capture(i -> this.http.api("/api/v1/users/me", this.who.token()));
				List<SqlCapture.Captured> call = SqlCapture.capture(i -> this.http.api(this.path, this.who.token()));
				this.statements = SqlCapture.without(call, trivial);
				System.out.printf("    baseline of %s: %s%n", this.path, describe(this.statements));
				if (Boolean.getBoolean("bench.forecast.explain")) {
					java.nio.file.Path plans = java.nio.file.Path.of("target/benchmark-forecast-plans.md");
					java.nio.file.Files.writeString(plans,
							"## GET " + this.path + "\n\n" + SqlCapture.explain(this.dataSource, this.statements),
							java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
				}
			}
			return this.statements;
		}

		private static String describe(List<SqlCapture.Captured> statements) {
			StringBuilder text = new StringBuilder(SqlCapture.describe(statements));
			for (SqlCapture.Captured captured : statements) {
				String sql = captured.sql().replaceAll("\\s+", " ").strip();
				text.append(System.lineSeparator())
					.append("      ")
					.append(sql, 0, Math.min(sql.length(), 140))
					.append(" [")
					.append(captured.calls().size())
					.append(" set calls]");
			}
			return text.toString();
		}

	}

}
