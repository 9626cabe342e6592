package dev.bellwether.sales;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules a pipeline must keep: an open stage forecasts as pipeline, best case or
 * commit; a won stage as closed (at 100%), a lost stage as omitted (at 0%); and at least
 * one open, one won and one lost stage stay active, or deals could not be worked, won or
 * lost.
 */
final class StageRules {

	private StageRules() {
	}

	/**
	 * @return field name to message for a stage whose category or probability does not
	 * fit its outcome
	 */
	static Map<String, String> check(StageDetails stage) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (stage.outcome() == null || stage.forecastCategory() == null) {
			return errors;
		}
		switch (stage.outcome()) {
			case OPEN -> {
				if (stage.forecastCategory() == ForecastCategory.CLOSED
						|| stage.forecastCategory() == ForecastCategory.OMITTED) {
					errors.put("forecastCategory",
							"An open stage forecasts as Pipeline, Best case or Commit; Closed and Omitted are for won and lost stages.");
				}
			}
			case WON -> {
				if (stage.forecastCategory() != ForecastCategory.CLOSED) {
					errors.put("forecastCategory", "A won stage forecasts as Closed.");
				}
				if (stage.probability() != null && stage.probability() != 100) {
					errors.put("probability", "A won stage has a probability of 100%.");
				}
			}
			case LOST -> {
				if (stage.forecastCategory() != ForecastCategory.OMITTED) {
					errors.put("forecastCategory", "A lost stage is Omitted from the forecast.");
				}
				if (stage.probability() != null && stage.probability() != 0) {
					errors.put("probability", "A lost stage has a probability of 0%.");
				}
			}
		}
		return errors;
	}

	/**
	 * @param activeStages the stages that would be active after a change
	 * @return why the pipeline would be unusable, or {@code null} when it is fine
	 */
	static String missingOutcome(Collection<PipelineStage> activeStages) {
		for (StageOutcome outcome : StageOutcome.values()) {
			if (activeStages.stream().noneMatch(s -> !s.retired() && s.outcome() == outcome)) {
				return switch (outcome) {
					case OPEN -> "The pipeline needs at least one active open stage, or no deal could be worked.";
					case WON -> "The pipeline needs at least one active won stage, or no deal could be won.";
					case LOST -> "The pipeline needs at least one active lost stage, or no deal could be lost.";
				};
			}
		}
		return null;
	}

}
