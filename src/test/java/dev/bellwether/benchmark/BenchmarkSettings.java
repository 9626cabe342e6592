package dev.bellwether.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a benchmark run does, from system properties ({@code -Dbench.scale=0.01} ...).
 *
 * @param scale 1 is a million deals over 200,000 accounts, with a million contacts, three
 * million activities and 2,000 people
 * @param seed the generator's seed
 * @param generatorThreads connections that write generated rows in parallel
 * @param clients concurrent HTTP (and JDBC) clients
 * @param requests measured calls per scenario
 * @param warmUp calls per scenario before measuring
 * @param timeout per HTTP request
 * @param reuse keep the generated database between runs (embedded only), and skip
 * generating when it is there
 * @param dataDirectory the embedded server's data directory
 * @param report where to write the results as Markdown, or null
 * @param explain also write the baseline queries' plans (EXPLAIN ANALYZE) into
 * {@code target/benchmark-plans.md}
 */
record BenchmarkSettings(double scale, long seed, int generatorThreads, int clients, int requests, int warmUp,
		Duration timeout, boolean reuse, Path dataDirectory, Path report, boolean explain, boolean embeddedOnly) {

	static BenchmarkSettings fromSystemProperties() {
		Function<String, String> property = System::getProperty;
		String report = property.apply("bench.report");
		return new BenchmarkSettings(number(property, "bench.scale", 1.0), (long) number(property, "bench.seed", 1),
				(int) number(property, "bench.generator-threads", Runtime.getRuntime().availableProcessors()),
				(int) number(property, "bench.clients", 8), (int) number(property, "bench.requests", 400),
				(int) number(property, "bench.warmup", 80),
				Duration.ofMillis((long) number(property, "bench.timeout-ms", 10_000)),
				Boolean.parseBoolean(property.apply("bench.reuse")),
				Path.of(value(property, "bench.data-dir", "target/benchmark-postgres")),
				report == null || report.isBlank() || report.equals("none") ? null : Path.of(report),
				Boolean.parseBoolean(property.apply("bench.explain")), false);
	}

	int accounts() {
		return Math.max(10, (int) Math.round(200_000 * this.scale));
	}

	int users() {
		return Math.max(50, (int) Math.round(2_000 * Math.min(1.0, this.scale * 10)));
	}

	private static double number(Function<String, String> property, String name, double fallback) {
		String value = property.apply(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
		}
	}

	private static String value(Function<String, String> property, String name, String fallback) {
		String value = property.apply(name);
		return value == null || value.isBlank() ? fallback : value.trim();
	}

}
