package dev.bellwether.benchmark;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketing benchmark through Surefire, for machines where the benchmark profile's
 * exec plugin does not resolve (offline):
 * {@code ./mvnw -o test -Dtest=MarketingBenchmarkCommand -Dbench.suite=marketing -Dbench.scale=0.1 -Dbench.report=docs/benchmarks.md}
 * (settings as {@link BenchmarkSettings}; never part of the build: it runs only with
 * {@code bench.suite=marketing}).
 */
class MarketingBenchmarkCommand {

	@Test
	@EnabledIfSystemProperty(named = "bench.suite", matches = "marketing")
	void runsTheMarketingBenchmark() {
		BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
		if (settings.dataDirectory().equals(Path.of("target/benchmark-postgres"))) {
			settings = new BenchmarkSettings(settings.scale(), settings.seed(), settings.generatorThreads(),
					settings.clients(), settings.requests(), settings.warmUp(), settings.timeout(), settings.reuse(),
					Path.of("target/benchmark-marketing-postgres"), settings.report(), false, false);
		}
		BenchmarkReport report = MarketingBenchmark.run(settings, System.out, context -> {
		});
		assertThat(report.rows).noneMatch(row -> row.result().equals("ERROR"));
	}

}
