package dev.bellwether.sales;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of the sales pipeline, with the probability and forecast category a deal takes
 * by default when it reaches it.
 *
 * @param staleAfterDays open deals in this stage are stale after this many days
 * untouched; {@code null} for the company default
 * @param retired no longer offered for deals (kept for the deals and history that use it)
 */
public record PipelineStage(UUID id, String name, int position, int probability, ForecastCategory forecastCategory,
		StageOutcome outcome, Integer staleAfterDays, boolean retired, Instant createdAt, Instant updatedAt,
		long version) {

	public boolean isOpen() {
		return this.outcome == StageOutcome.OPEN;
	}

	public boolean isWon() {
		return this.outcome == StageOutcome.WON;
	}

	public boolean isLost() {
		return this.outcome == StageOutcome.LOST;
	}

	public StageDetails details() {
		return new StageDetails(this.name, this.probability, this.forecastCategory, this.outcome, this.staleAfterDays);
	}

}
