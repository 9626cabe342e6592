package dev.bellwether.forecasting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.forecasting.Adjustment;
import dev.bellwether.forecasting.Forecast;
import dev.bellwether.forecasting.ForecastAmounts;
import dev.bellwether.forecasting.ForecastMeasures;
import dev.bellwether.forecasting.ForecastRow;
import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.sales.ForecastCategory;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The forecast grid as the API shows it: its rows depth first, each with its parent.
 */
record ForecastResource(String period, LocalDate start, LocalDate end, UUID managerId, String managerName,
		List<Row> rows) {

	@Schema(description = "One row: kind TEAM (the person and everyone below), OWN (a manager's own deals) or PERSON "
			+ "(someone without reports shown). Amounts in the company currency; attainment and coverage as ratios "
			+ "(0.8333 = 83.33%); coverageState RATIO, QUOTA_MET (closed ≥ quota: coverage null) or NO_QUOTA. "
			+ "deals links the API's deal list for each category. adjusted*: the figures with the adjustments in "
			+ "effect rolled up (an adjusted row's own figure, else the sum of the adjusted rows below it; Closed "
			+ "and Omitted are never adjusted); adjustments: those in effect made to this row, by category.")
	record Row(String key, String parentKey, String kind, UUID userId, String name, boolean active, int depth,
			BigDecimal closed, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline, BigDecimal omitted,
			long closedDeals, long commitDeals, long bestCaseDeals, long pipelineDeals, long omittedDeals,
			BigDecimal commitForecast, BigDecimal bestCaseForecast, BigDecimal openPipeline, BigDecimal quota,
			BigDecimal attainment, BigDecimal gapToQuota, BigDecimal coverage, String coverageState,
			Map<String, String> deals, BigDecimal adjustedCommit, BigDecimal adjustedBestCase,
			BigDecimal adjustedPipeline, BigDecimal adjustedCommitForecast, BigDecimal adjustedBestCaseForecast,
			BigDecimal adjustedOpenPipeline, Map<String, Adjustment> adjustments) {
	}

	static ForecastResource of(Forecast forecast) {
		return new ForecastResource(forecast.period().code(), forecast.period().start(), forecast.period().end(),
				forecast.managerId(), forecast.managerName(),
				forecast.rows().stream().map(row -> row(row, forecast)).toList());
	}

	private static Row row(ForecastRow row, Forecast forecast) {
		ForecastAmounts a = row.amounts();
		ForecastMeasures m = row.measures();
		Map<String, String> deals = new LinkedHashMap<>();
		for (ForecastCategory category : ForecastCategory.values()) {
			deals.put(category.name(), Forecasts.dealsLink(row, category, forecast.period(), true));
		}
		ForecastAmounts adjusted = row.adjusted();
		Map<String, Adjustment> adjustments = new LinkedHashMap<>();
		row.adjustments().forEach((category, adjustment) -> adjustments.put(category.name(), adjustment));
		return new Row(row.key(), row.parentKey(), row.kind().name(), row.userId(), row.name(), row.active(),
				row.depth(), a.closed(), a.commit(), a.bestCase(), a.pipeline(), a.omitted(), a.closedDeals(),
				a.commitDeals(), a.bestCaseDeals(), a.pipelineDeals(), a.omittedDeals(), a.commitForecast(),
				a.bestCaseForecast(), a.openPipeline(), m.quota(), m.attainment(), m.gap(), m.coverage(),
				m.coverageState().name(), deals, adjusted.commit(), adjusted.bestCase(), adjusted.pipeline(),
				adjusted.commitForecast(), adjusted.bestCaseForecast(), adjusted.openPipeline(), adjustments);
	}

}
