package dev.bellwether.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageRulesTests {

	@ParameterizedTest(name = "{0} stage as {1} at {2}% is allowed: {3}")
	@CsvSource({ "OPEN, PIPELINE, 10, true", "OPEN, BEST_CASE, 40, true", "OPEN, COMMIT, 80, true",
			"OPEN, CLOSED, 90, false", "OPEN, OMITTED, 0, false", "WON, CLOSED, 100, true", "WON, COMMIT, 100, false",
			"WON, CLOSED, 90, false", "LOST, OMITTED, 0, true", "LOST, CLOSED, 0, false", "LOST, OMITTED, 10, false" })
	void forecastCategoryAndProbabilityFollowTheOutcome(StageOutcome outcome, ForecastCategory category,
			int probability, boolean allowed) {
		assertThat(StageRules.check(new StageDetails("Stage", probability, category, outcome, null)).isEmpty())
			.isEqualTo(allowed);
	}

	@Test
	void anOpenStageCannotForecastAsClosed() {
		assertThat(StageRules.check(new StageDetails("Almost", 90, ForecastCategory.CLOSED, StageOutcome.OPEN, null)))
			.containsKey("forecastCategory");
	}

	@Test
	void thePipelineKeepsAnActiveOpenWonAndLostStage() {
		PipelineStage open = stage(StageOutcome.OPEN, false);
		PipelineStage won = stage(StageOutcome.WON, false);
		PipelineStage lost = stage(StageOutcome.LOST, false);

		assertThat(StageRules.missingOutcome(List.of(open, won, lost))).isNull();
		assertThat(StageRules.missingOutcome(List.of(open, won))).contains("lost stage");
		assertThat(StageRules.missingOutcome(List.of(won, lost))).contains("open stage");
		assertThat(StageRules.missingOutcome(List.of(open, lost, stage(StageOutcome.WON, true)))).contains("won stage");
	}

	static PipelineStage stage(StageOutcome outcome, boolean retired) {
		ForecastCategory category = outcome.forcedCategory() != null ? outcome.forcedCategory()
				: ForecastCategory.PIPELINE;
		int probability = outcome.forcedProbability() != null ? outcome.forcedProbability() : 30;
		return new PipelineStage(UUID.randomUUID(), outcome.label(), 1, probability, category, outcome, null, retired,
				Instant.EPOCH, Instant.EPOCH, 0);
	}

}
