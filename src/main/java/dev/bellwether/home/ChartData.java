package dev.bellwether.home;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a Chart.js chart on a home page shows, serialised into the canvas's
 * {@code data-chart} attribute and drawn by {@code home.js}: clicking a bar or slice
 * opens {@code links[dataset][index]}, the list of the deals behind it.
 *
 * @param type a Chart.js type: {@code bar} or {@code doughnut}
 * @param stacked whether the datasets of a bar chart stack
 */
public record ChartData(String type, boolean stacked, String currency, List<String> labels, List<Dataset> datasets,
		List<List<String>> links) {

	public record Dataset(String label, List<BigDecimal> data, String color) {
	}

	public boolean isEmpty() {
		return this.datasets.stream()
			.flatMap(dataset -> dataset.data().stream())
			.allMatch(value -> value == null || value.signum() == 0);
	}

}
