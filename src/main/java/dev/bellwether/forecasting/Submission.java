package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A forecast submission, "the call": a manager's forecast for a period (their team row)
 * as it stood when they submitted it. Immutable.
 *
 * @param week the ISO week of {@code submittedAt} in the company time zone, e.g. 2026-W25
 * @param quota the team quota in effect then; {@code null} for none
 */
public record Submission(UUID id, UUID userId, String period, Instant submittedAt, String week, BigDecimal closed,
		BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline, BigDecimal omitted, BigDecimal adjustedCommit,
		BigDecimal adjustedBestCase, BigDecimal adjustedPipeline, BigDecimal quota) {

	/**
	 * @return Closed + Commit, as submitted
	 */
	public BigDecimal commitForecast() {
		return this.closed.add(this.commit);
	}

	/**
	 * @return Closed + adjusted Commit, as submitted: the call
	 */
	public BigDecimal adjustedCommitForecast() {
		return this.closed.add(this.adjustedCommit);
	}

	/**
	 * @return Closed + adjusted Commit + adjusted Best case, as submitted
	 */
	public BigDecimal adjustedBestCaseForecast() {
		return this.closed.add(this.adjustedCommit).add(this.adjustedBestCase);
	}

}
