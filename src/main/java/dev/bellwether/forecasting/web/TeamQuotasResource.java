package dev.bellwether.forecasting.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.forecasting.QuotaGrid;
import dev.bellwether.platform.FiscalPeriod;

/**
 * A team's personal quotas for a fiscal year, as the API shows them.
 */
record TeamQuotasResource(UUID managerId, String year, String by, List<String> periods, List<Row> people,
		Map<String, BigDecimal> teamInEffect, BigDecimal teamYearInEffect) {

	record Row(UUID userId, String fullName, boolean active, int depth, boolean canSet,
			Map<String, BigDecimal> personal, Map<String, Long> versions, BigDecimal yearInEffect) {
	}

	static TeamQuotasResource of(QuotaGrid grid) {
		List<String> periods = grid.columns().stream().map(FiscalPeriod::code).toList();
		Map<String, BigDecimal> team = new LinkedHashMap<>();
		for (int i = 0; i < periods.size(); i++) {
			team.put(periods.get(i), grid.team().get(i));
		}
		List<Row> rows = grid.rows().stream().map(row -> {
			Map<String, BigDecimal> amounts = new LinkedHashMap<>();
			Map<String, Long> versions = new LinkedHashMap<>();
			row.cells().forEach(cell -> {
				amounts.put(cell.period().code(), cell.amount());
				versions.put(cell.period().code(), cell.version());
			});
			return new Row(row.person().id(), row.person().fullName(), row.person().active(), row.depth(),
					row.editable(), amounts, versions, row.year());
		}).toList();
		return new TeamQuotasResource(grid.manager().id(), grid.year().code(), grid.by().name(), periods, rows, team,
				grid.teamYear());
	}

}
