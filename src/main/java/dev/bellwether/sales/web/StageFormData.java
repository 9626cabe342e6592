package dev.bellwether.sales.web;

import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.StageDetails;
import dev.bellwether.sales.StageOutcome;

/**
 * The stage form as the browser posts it; the rules live in {@link StageDetails}.
 */
public class StageFormData {

	private String name;

	private Integer probability;

	private ForecastCategory forecastCategory = ForecastCategory.PIPELINE;

	private StageOutcome outcome = StageOutcome.OPEN;

	private Integer staleAfterDays;

	private long version;

	static StageFormData of(PipelineStage stage) {
		StageFormData form = new StageFormData();
		form.name = stage.name();
		form.probability = stage.probability();
		form.forecastCategory = stage.forecastCategory();
		form.outcome = stage.outcome();
		form.staleAfterDays = stage.staleAfterDays();
		form.version = stage.version();
		return form;
	}

	StageDetails toDetails() {
		return new StageDetails(this.name, this.probability, this.forecastCategory, this.outcome, this.staleAfterDays);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getProbability() {
		return this.probability;
	}

	public void setProbability(Integer probability) {
		this.probability = probability;
	}

	public ForecastCategory getForecastCategory() {
		return this.forecastCategory;
	}

	public void setForecastCategory(ForecastCategory forecastCategory) {
		this.forecastCategory = forecastCategory;
	}

	public StageOutcome getOutcome() {
		return this.outcome;
	}

	public void setOutcome(StageOutcome outcome) {
		this.outcome = outcome;
	}

	public Integer getStaleAfterDays() {
		return this.staleAfterDays;
	}

	public void setStaleAfterDays(Integer staleAfterDays) {
		this.staleAfterDays = staleAfterDays;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
