package dev.bellwether.sales;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DealTermsTests {

	private final PipelineStage proposal = StageRulesTests.stage(StageOutcome.OPEN, false);

	private final PipelineStage won = StageRulesTests.stage(StageOutcome.WON, false);

	private final PipelineStage lost = StageRulesTests.stage(StageOutcome.LOST, false);

	private final Map<String, String> errors = new LinkedHashMap<>();

	@Test
	void probabilityAndCategoryDefaultFromTheStage() {
		DealTerms terms = DealTerms.of(this.proposal, null, null, null, this.errors);

		assertThat(terms).isEqualTo(new DealTerms(30, ForecastCategory.PIPELINE, null));
	}

	@Test
	void anOpenDealOverridesProbabilityAndCategory() {
		assertThat(DealTerms.of(this.proposal, 70, ForecastCategory.COMMIT, null, this.errors))
			.isEqualTo(new DealTerms(70, ForecastCategory.COMMIT, null));
		assertThat(DealTerms.of(this.proposal, 30, ForecastCategory.OMITTED, null, this.errors).forecastCategory())
			.isEqualTo(ForecastCategory.OMITTED);
	}

	@Test
	void anOpenDealIsNeverClosed() {
		assertThat(DealTerms.of(this.proposal, 95, ForecastCategory.CLOSED, null, this.errors)).isNull();
		assertThat(this.errors).containsKey("forecastCategory");
	}

	@Test
	void aWonDealIsClosedAtAHundredPercent() {
		assertThat(DealTerms.of(this.won, null, null, null, this.errors))
			.isEqualTo(new DealTerms(100, ForecastCategory.CLOSED, null));
		assertThat(DealTerms.of(this.won, 80, ForecastCategory.COMMIT, null, this.errors)).isNull();
		assertThat(this.errors).containsOnlyKeys("probability", "forecastCategory");
	}

	@Test
	void aLostDealNeedsAReasonAndIsOmittedAtZero() {
		assertThat(DealTerms.of(this.lost, null, null, "  ", this.errors)).isNull();
		assertThat(this.errors).containsOnlyKeys("lossReason");

		assertThat(DealTerms.of(this.lost, null, null, " Chose a competitor ", new LinkedHashMap<>()))
			.isEqualTo(new DealTerms(0, ForecastCategory.OMITTED, "Chose a competitor"));
	}

	@Test
	void aDealThatIsNotLostKeepsNoLossReason() {
		assertThat(DealTerms.of(this.proposal, null, null, "Old reason", this.errors).lossReason()).isNull();
	}

}
