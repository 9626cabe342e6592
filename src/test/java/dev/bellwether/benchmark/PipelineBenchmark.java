package dev.bellwether.benchmark;

import java.io.PrintStream;
import java.time.Clock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.bellwether.BellwetherApplication;
import dev.bellwether.benchmark.Scenarios.Scenario;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.internal.ApiTokens;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.StringUtils;

/**
 * The sales-core benchmark: generates a company of (at scale 1) a million deals with
 * their stage history, 200,000 accounts, a million contacts, three million activities and
 * 2,000 people in five levels, starts Bellwether on that database (in-process, random
 * port), and drives its API and pages from concurrent clients, each scenario beside the
 * raw SQL of the same query and a trivial authenticated endpoint measured in the same
 * run.
 * <p>
 * Run it with {@code ./mvnw -B -Pbenchmark verify} (settings in
 * {@link BenchmarkSettings}, e.g. {@code -Dbench.scale=0.01} for a quick run). Embedded
 * PostgreSQL by default; an external server with {@code SPRING_DATASOURCE_URL} (and
 * {@code _USERNAME}/{@code _PASSWORD}).
 */
public final class PipelineBenchmark {

	/**
	 * Calls of the trivial endpoint before the first scenario, per warm-up call of a
	 * scenario (2,000 by default).
	 */
	static final int SERVER_WARM_UP = 25;

	private PipelineBenchmark() {
	}

	public static void main(String[] args) {
		if ("adoption".equals(System.getProperty("bench.suite"))) {
			AdoptionBenchmark.main(args);
			return;
		}
		if ("marketing".equals(System.getProperty("bench.suite"))) {
			MarketingBenchmark.main(args);
			return;
		}
		if ("service".equals(System.getProperty("bench.suite"))) {
			ServiceBenchmark.main(args);
			return;
		}
		if ("web-to-lead".equals(System.getProperty("bench.suite"))) {
			WebToLeadBenchmark.main(args);
			return;
		}
		BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
		BenchmarkReport report = run(settings, System.out, context -> {
		}, context -> {
		});
		boolean failed = report.rows.stream().anyMatch(r -> r.result().equals("ERROR"));
		System.exit(failed ? 1 : 0);
	}

	/**
	 * @param inspectData called with the generated company, before any scenario (the
	 * scenarios that write change it)
	 * @param inspect called after the last scenario
	 */
	static BenchmarkReport run(BenchmarkSettings settings, PrintStream out,
			Consumer<ConfigurableApplicationContext> inspectData, Consumer<ConfigurableApplicationContext> inspect) {
		boolean external = !settings.embeddedOnly() && (StringUtils.hasText(System.getenv("SPRING_DATASOURCE_URL"))
				|| StringUtils.hasText(System.getProperty("spring.datasource.url")));
		out.printf(
				"Bellwether benchmark: scale %s (%,d accounts, %,d people), %d clients, %d requests per scenario "
						+ "after %d warm-up, on %s PostgreSQL%n",
				settings.scale(), settings.accounts(), settings.users(), settings.clients(), settings.requests(),
				settings.warmUp(), external ? "an external" : "embedded");
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = start(settings)) {
			out.printf("Started Bellwether in %.1f s%n", (System.nanoTime() - started) / 1e9);
			DataSource dataSource = context.getBean(DataSource.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			BenchmarkReport report = new BenchmarkReport();
			report.fact("Machine: %d cores (%s %s), Java %s, max heap %,d MB; %s",
					Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
					System.getProperty("os.arch"), System.getProperty("java.version"),
					Runtime.getRuntime().maxMemory() / (1024 * 1024),
					jdbc.queryForObject("select version()", String.class).replaceFirst(" on .*", ""));
			report.fact("Load average before: %s", loadAverage());
			if (!external) {
				// a bulk load writes far more WAL than the default allows between
				// checkpoints
				jdbc.execute("alter system set max_wal_size = '4GB'");
				jdbc.execute("select pg_reload_conf()");
			}
			BenchmarkData data = new BenchmarkData(dataSource, out);
			if (data.alreadyGenerated()) {
				out.println("Reusing the company generated before (bench.reuse, or an external database)");
				report.fact("Data: reused from an earlier run");
			}
			else {
				out.println("Generating the company…");
				String hash = context.getBean(UserDirectory.class).encodePassword(BenchmarkData.PASSWORD).hash();
				BenchmarkData.Generated generated = data.generate(settings, hash);
				var counts = generated.counts();
				out.printf(
						"Generated %,d deals in %.1f s: %,.0f deals/s, %,.0f rows/s (load %.1f s, indexes %.1f s, "
								+ "vacuum/analyse %.1f s)%n",
						counts.opportunities(), generated.totalSeconds(), generated.dealsPerSecond(),
						generated.rowsPerSecond(), generated.loadSeconds(), generated.indexSeconds(),
						generated.analyseSeconds());
				report.fact(
						"Scale %s: %,d people, %,d accounts, %,d contacts, %,d opportunities, %,d stage-history "
								+ "rows, %,d activities (+%,d attendees)",
						settings.scale(), counts.users(), counts.accounts(), counts.contacts(), counts.opportunities(),
						counts.history(), counts.activities(), counts.attendees());
				report.fact("Generation: %,.0f opportunities/s with their history and everything else (%,.0f rows/s), "
						+ "%.1f s in all: COPY %.1f s (%,.0f opportunities/s), index build %.1f s, vacuum/analyse "
						+ "%.1f s; %d writer threads", generated.dealsPerSecond(), generated.rowsPerSecond(),
						generated.totalSeconds(), generated.loadSeconds(),
						counts.opportunities() / generated.loadSeconds(), generated.indexSeconds(),
						generated.analyseSeconds(), settings.generatorThreads());
			}
			inspectData.accept(context);
			double customSeconds = BenchmarkCustomFields.prepare(context, jdbc, out);
			if (customSeconds > 0) {
				report.fact(
						"Custom fields of deals for the lists' filter and sort: Region (pick list, EMEA, "
								+ "Americas, APAC) and Seats (number 1–500, indexed), a value of each on every deal, "
								+ "defined through `CustomFields.define`: %.1f s with the index and an analyse",
						customSeconds);
			}
			String quarter = context.getBean(FiscalCalendar.class).current(FiscalPeriod.Kind.QUARTER).code();
			ForecastBenchmarkData.Taken snapshots = ForecastBenchmarkData.prepare(context, jdbc, quarter,
					context.getBean(Clock.class).instant(), out);
			if (snapshots.snapshotRows() == null) {
				report.fact(
						"Forecasting (issue #14): %d weekly snapshots reused from an earlier run; one more weekly "
								+ "pipeline snapshot (`PipelineSnapshots.takeWeekly`, as the job runs it) of %,d open "
								+ "deals took **%.1f s** (target < 30 s), then was deleted again",
						ForecastBenchmarkData.WEEKS, snapshots.deals(), snapshots.seconds());
			}
			else {
				report.fact(
						"Forecasting (issue #14): the weekly pipeline snapshot (`PipelineSnapshots.takeWeekly`, "
								+ "as the job runs it) of %,d open deals took **%.1f s** (target < 30 s); %d earlier "
								+ "weekly snapshots derived from it in SQL with drift (ForecastBenchmarkData), %,d "
								+ "snapshot rows in all, in %.1f s; %,d quotas for %s",
						snapshots.deals(), snapshots.seconds(), snapshots.derived(), snapshots.snapshotRows(),
						snapshots.derivedSeconds(), snapshots.quotas(), quarter);
			}
			ApiTokens tokens = context.getBean(ApiTokens.class);
			Personas personas = Personas.choose(jdbc, id -> tokens.create(id, "Benchmark", 1).secret(), 16);
			int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
			BenchmarkHttp http = new BenchmarkHttp(port, settings.timeout());
			BenchmarkHttp.Session managerPage = http.signIn(personas.managers.get(0).username(),
					BenchmarkData.PASSWORD);
			report.fact(
					"Load: %d concurrent clients (java.net.http, personal access tokens; pages with a form "
							+ "sign-in session), %d warm-up and %d measured calls per scenario, in the same JVM as the "
							+ "application; SQL baselines over JDBC from as many threads; before each scenario with a "
							+ "ratio target, %d calls of the trivial endpoint, whose p95 is the one in its row",
					settings.clients(), settings.warmUp(), settings.requests(), Math.max(1, settings.requests() / 2));
			LoadDriver driver = new LoadDriver(settings.clients());
			// a server that has been up a while: its common paths (security, JSON, JDBC)
			// compiled by the JIT before anything is measured
			driver.measure(0, settings.warmUp() * SERVER_WARM_UP,
					i -> http.api("/api/v1/users/me", personas.reps.get(0).token()));
			Scenario trivial = null;
			java.util.List<Scenario> scenarios = new java.util.ArrayList<>(
					Scenarios.all(http, managerPage, jdbc, personas, context.getBean(Clock.class)));
			// issue #14's reads before the scenarios that write
			int firstWrite = scenarios.size();
			for (int s = 0; s < scenarios.size(); s++) {
				if (scenarios.get(s).name().startsWith("inline edit")) {
					firstWrite = s;
					break;
				}
			}
			scenarios.addAll(firstWrite, ForecastScenarios.all(http, jdbc, personas, quarter));
			for (Scenario scenario : scenarios) {
				if (!selected(scenario, report.rows.isEmpty())) {
					continue;
				}
				// a ratio target is over the trivial endpoint's p95 measured again right
				// before the scenario: on a shared machine the load changes during a run
				double trivialP95 = Double.NaN;
				if (trivial == null) {
					trivial = scenario;
				}
				else if (scenario.target().kind() == BenchmarkReport.Target.Kind.RATIO) {
					trivialP95 = driver.measure(0, Math.max(1, settings.requests() / 2), trivial.http()).p95Millis();
				}
				report.rows.add(measure(driver, settings, scenario, trivialP95));
				out.printf("  %-48s %s%n", scenario.name(), summary(report.rows.get(report.rows.size() - 1)));
			}
			if (settings.explain()) {
				QueryPlans.Explaining explaining = new QueryPlans.Explaining(dataSource);
				QueryPlans.explain(explaining,
						Scenarios.all(http, managerPage, explaining, personas, context.getBean(Clock.class)),
						Path.of("target/benchmark-plans.md"), out);
			}
			if (!Scenarios.DEEP_PAGES.isEmpty()) {
				// "after row n of m" → who, for each list
				Map<String, java.util.List<String>> where = new java.util.TreeMap<>();
				Scenarios.DEEP_PAGES
					.forEach((who, rows) -> where.computeIfAbsent(rows, r -> new java.util.ArrayList<>()).add(who));
				StringBuilder deep = new StringBuilder();
				where.forEach((rows, who) -> deep.append(deep.isEmpty() ? "" : "; ")
					.append(rows)
					.append(": ")
					.append(String.join(", ", new java.util.TreeSet<>(who))));
				report.fact("Deep pages by cursor (of the open deals the list has for the person): %s", deep);
			}
			report.fact("Load average after: %s (other processes on the machine compete for its cores)", loadAverage());
			out.println();
			out.println(report.table());
			if (settings.report() != null) {
				report.writeInto(settings.report());
				out.println("Results written into " + settings.report());
			}
			inspect.accept(context);
			return report;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The benchmark failed: " + ex.getMessage(), ex);
		}
	}

	private static BenchmarkReport.Row measure(LoadDriver driver, BenchmarkSettings settings, Scenario scenario,
			double trivialP95Millis) {
		try {
			scenario.http().run(0);
		}
		catch (BenchmarkHttp.UnexpectedStatus ex) {
			String status = ex.status == 404 ? "n/a (404)" : "error: " + ex.getMessage();
			return new BenchmarkReport.Row(scenario.name(), scenario.target(), status, LoadDriver.Measurement.NONE,
					sql(driver, settings, scenario), trivialP95Millis);
		}
		catch (Exception ex) {
			return new BenchmarkReport.Row(scenario.name(), scenario.target(),
					"error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(), LoadDriver.Measurement.NONE,
					LoadDriver.Measurement.NONE, trivialP95Millis);
		}
		// a bulk change: the call above was its warm-up; one more, measured end to end
		LoadDriver.Measurement http = scenario.once() ? driver.measure(0, 1, scenario.http())
				: driver.measure(settings.warmUp(), settings.requests(), scenario.http());
		return new BenchmarkReport.Row(scenario.name(), scenario.target(), "measured", http,
				sql(driver, settings, scenario), trivialP95Millis);
	}

	private static LoadDriver.Measurement sql(LoadDriver driver, BenchmarkSettings settings, Scenario scenario) {
		return scenario.sql() == null ? LoadDriver.Measurement.NONE
				: driver.measure(settings.warmUp(), settings.requests(), scenario.sql());
	}

	/**
	 * {@code -Dbench.only=search,board}: only the scenarios whose names contain one of
	 * the words, and the first (the trivial endpoint) to compare them with.
	 */
	private static boolean selected(Scenario scenario, boolean first) {
		String only = System.getProperty("bench.only", "");
		return first || only.isBlank()
				|| java.util.Arrays.stream(only.split(","))
					.map(String::trim)
					.anyMatch(word -> !word.isEmpty() && scenario.name().contains(word));
	}

	static String loadAverage() {
		try {
			String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	private static String summary(BenchmarkReport.Row row) {
		if (!row.measured()) {
			return row.status();
		}
		return String.format(Locale.ROOT,
				"p50 %.1f ms, p95 %.1f ms, %.1f/s (SQL p50 %.1f, p95 %.1f; allowed p95 %.1f%s) %s",
				row.http().p50Millis(), row.http().p95Millis(), row.http().perSecond(), row.sql().p50Millis(),
				row.sql().p95Millis(), row.allowedP95Millis(),
				row.target().kind() == BenchmarkReport.Target.Kind.THROUGHPUT
						? String.format(Locale.ROOT, "; %,.0f deals/s", row.dealsPerSecond()) : "",
				row.result());
	}

	/**
	 * Settings as command-line arguments, which take precedence over
	 * {@code application.properties} (never the everyday data directory by accident).
	 */
	static ConfigurableApplicationContext start(BenchmarkSettings settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("bellwether.demo.enabled", "false");
		properties.put("bellwether.admin.initial-password", "benchmark-admin-password");
		properties.put("bellwether.embedded-db.dir", settings.dataDirectory().toString());
		properties.put("bellwether.embedded-db.clean", String.valueOf(!settings.reuse()));
		properties.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(settings.clients() * 2 + 4));
		if (settings.embeddedOnly()) {
			// a database of its own even where the environment names an external one
			// (CI's
			// second run), whose other tests' data the checks must not see
			properties.put("spring.datasource.url", "");
		}
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		String[] args = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(BellwetherApplication.class).web(WebApplicationType.SERVLET)
			.initializers(SqlCapture::install)
			.run(args);
	}

}
