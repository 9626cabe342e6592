package dev.bellwether.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service benchmark through Surefire, for machines where the benchmark profile's exec
 * plugin does not resolve (offline):
 * {@code ./mvnw -o test -Dtest=ServiceBenchmarkCommand -Dbench.suite=service -Dbench.scale=0.1 -Dbench.report=docs/benchmarks.md}
 * (settings as {@link BenchmarkSettings}; never part of the build: it runs only with
 * {@code bench.suite=service}).
 */
class ServiceBenchmarkCommand {

	@Test
	@EnabledIfSystemProperty(named = "bench.suite", matches = "service")
	void runsTheServiceBenchmark() {
		BenchmarkSettings settings = ServiceBenchmark.ownDatabase(BenchmarkSettings.fromSystemProperties());
		BenchmarkReport report = ServiceBenchmark.run(settings, System.out, context -> {
		});
		assertThat(report.rows).noneMatch(row -> row.result().equals("ERROR"));
	}

}
