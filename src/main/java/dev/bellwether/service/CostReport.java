package dev.bellwether.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The cost of service over a period ({@link ServiceCosts#report}), grouped, with the
 * monthly trend.
 */
public record CostReport(LocalDate from, LocalDate to, ServiceCosts.Grouping by, String currency, CostFigures total,
		List<CostRow> rows, List<MonthCost> trend) {

}
