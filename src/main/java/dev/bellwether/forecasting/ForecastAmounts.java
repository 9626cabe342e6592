package dev.bellwether.forecasting;

import java.math.BigDecimal;

/**
 * The amounts (and deal counts) of one row of the forecast, by category, for deals
 * closing in the period: Closed (won), Commit, Best case, Pipeline and Omitted (open
 * deals left out of the forecast). See docs/forecasting.md.
 */
public record ForecastAmounts(BigDecimal closed, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline,
		BigDecimal omitted, long closedDeals, long commitDeals, long bestCaseDeals, long pipelineDeals,
		long omittedDeals) {

	public static final ForecastAmounts NONE = new ForecastAmounts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
			BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0);

	/**
	 * @return Closed + Commit
	 */
	public BigDecimal commitForecast() {
		return this.closed.add(this.commit);
	}

	/**
	 * @return Closed + Commit + Best case
	 */
	public BigDecimal bestCaseForecast() {
		return this.closed.add(this.commit).add(this.bestCase);
	}

	/**
	 * @return Pipeline + Best case + Commit: the open deals counted in the forecast
	 */
	public BigDecimal openPipeline() {
		return this.pipeline.add(this.bestCase).add(this.commit);
	}

	public boolean isEmpty() {
		return this.closedDeals + this.commitDeals + this.bestCaseDeals + this.pipelineDeals + this.omittedDeals == 0;
	}

	public ForecastAmounts plus(ForecastAmounts other) {
		return new ForecastAmounts(this.closed.add(other.closed), this.commit.add(other.commit),
				this.bestCase.add(other.bestCase), this.pipeline.add(other.pipeline), this.omitted.add(other.omitted),
				this.closedDeals + other.closedDeals, this.commitDeals + other.commitDeals,
				this.bestCaseDeals + other.bestCaseDeals, this.pipelineDeals + other.pipelineDeals,
				this.omittedDeals + other.omittedDeals);
	}

}
