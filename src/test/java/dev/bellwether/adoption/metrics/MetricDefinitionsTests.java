package dev.bellwether.adoption.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.bellwether.adoption.AdoptionMetric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help texts the UI shows are the definitions docs/adoption-metrics.md publishes.
 */
class MetricDefinitionsTests {

	@Test
	void everyMetricIsDefinedInTheDocsWithTheSameText() throws IOException {
		String doc = Files.readString(Path.of("docs/adoption-metrics.md"));
		String metrics = doc.substring(doc.indexOf("## Metrics"));

		assertThat(doc).contains("## Metrics");
		for (AdoptionMetric metric : AdoptionMetric.values()) {
			assertThat(metrics).as(metric.name()).contains("### " + metric.label() + "\n");
			assertThat(metrics).as(metric.name()).contains(metric.definition());
		}
	}

	@Test
	void labelsAreDistinct() {
		assertThat(java.util.Arrays.stream(AdoptionMetric.values()).map(AdoptionMetric::label)).doesNotHaveDuplicates();
	}

}
