package dev.bellwether.home;

import java.math.BigDecimal;
import java.util.List;

import dev.bellwether.sales.PipelineAnalytics.StageTotals;
import dev.bellwether.sales.PipelineStage;

/**
 * The headline figures and charts the team and company views share: the open pipeline
 * (every open deal in scope, also those of deactivated owners), its Commit part, and what
 * was won.
 *
 * @param stageChart, categoryChart, wonChart {@link ChartData} as JSON for the page
 * @param wonStage the won stage the "won" chart links to, if there is one
 */
public record PipelineFigures(String currency, List<StageTotals> pipeline, long openCount, BigDecimal openAmount,
		BigDecimal commitAmount, WonComparison won, PipelineStage wonStage, String stageChart, String categoryChart,
		String wonChart) {

	public boolean hasPipeline() {
		return !this.pipeline.isEmpty();
	}

}
