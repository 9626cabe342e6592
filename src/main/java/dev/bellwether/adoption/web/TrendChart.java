package dev.bellwether.adoption.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.bellwether.adoption.Trend;
import dev.bellwether.platform.web.Dates;

/**
 * A line chart of weekly shares, serialised into a canvas's {@code data-trend} attribute
 * and drawn by {@code adoption.js}; clicking a week opens {@code links[index]}.
 *
 * @param datasets values from 0 to 100 (per cent), null where there is nothing to measure
 */
record TrendChart(List<String> labels, List<Line> datasets, List<String> links) {

	record Line(String label, List<Double> data, String color) {
	}

	static TrendChart of(Trend trend, Function<java.time.LocalDate, String> link) {
		List<String> labels = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<Double> adoption = new ArrayList<>();
		List<Double> stickiness = new ArrayList<>();
		List<Double> healthy = new ArrayList<>();
		for (Trend.Week week : trend.weeks()) {
			labels.add(Dates.format(week.day()));
			links.add(link.apply(week.day()));
			adoption.add(percent(week.adoptionRate()));
			stickiness.add(percent(week.stickiness()));
			healthy.add(percent(week.healthyShare()));
		}
		return new TrendChart(
				labels, List.of(new Line("Adoption rate", adoption, "#0d6efd"),
						new Line("Healthy users", healthy, "#198754"), new Line("Stickiness", stickiness, "#fd7e14")),
				links);
	}

	private static Double percent(Double share) {
		return share == null ? null : Math.round(share * 1000) / 10.0;
	}

}
