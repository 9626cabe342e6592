package dev.bellwether.sales;

import java.util.Map;

import org.springframework.util.StringUtils;

/**
 * A deal's probability, forecast category and loss reason, as its stage allows them.
 * <ul>
 * <li>Left empty, probability and category default from the stage.</li>
 * <li>An open deal may override both: any probability from 0 to 100%, and Pipeline, Best
 * case, Commit or Omitted (left out of the forecast, e.g. while on hold) — but never
 * Closed, which only a won deal is.</li>
 * <li>A won deal is Closed at 100%, a lost deal Omitted at 0%: anything else is
 * refused.</li>
 * <li>A lost deal needs a loss reason; a deal that is not lost keeps none.</li>
 * </ul>
 */
record DealTerms(int probability, ForecastCategory forecastCategory, String lossReason) {

	/**
	 * @param errors receives a message per field that breaks the rules
	 * @return the terms, or {@code null} when {@code errors} received any
	 */
	static DealTerms of(PipelineStage stage, Integer probability, ForecastCategory category, String lossReason,
			Map<String, String> errors) {
		int before = errors.size();
		StageOutcome outcome = stage.outcome();
		int resolvedProbability = probability != null ? probability : stage.probability();
		ForecastCategory resolvedCategory = category != null ? category : stage.forecastCategory();
		if (outcome.isClosed()) {
			if (resolvedProbability != outcome.forcedProbability()) {
				errors.putIfAbsent("probability", outcome == StageOutcome.WON ? "A won deal's probability is 100%."
						: "A lost deal's probability is 0%.");
			}
			if (resolvedCategory != outcome.forcedCategory()) {
				errors.putIfAbsent("forecastCategory", outcome == StageOutcome.WON ? "A won deal forecasts as Closed."
						: "A lost deal is Omitted from the forecast.");
			}
		}
		else if (resolvedCategory == ForecastCategory.CLOSED) {
			errors.putIfAbsent("forecastCategory",
					"Only a won deal forecasts as Closed: move the deal to a won stage to close it.");
		}
		String reason = null;
		if (outcome == StageOutcome.LOST) {
			if (!StringUtils.hasText(lossReason)) {
				errors.putIfAbsent("lossReason", "Say why the deal was lost.");
			}
			else {
				reason = lossReason.trim();
			}
		}
		if (errors.size() > before) {
			return null;
		}
		return new DealTerms(resolvedProbability, resolvedCategory, reason);
	}

}
