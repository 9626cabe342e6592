package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How much the open pipeline is expected to turn into won business per day: open deals ×
 * win rate (by count) × average deal size ÷ mean sales cycle in days, all but the open
 * deals from the deals closed in the period (see {@code docs/analytics.md}).
 *
 * @param openDeals the deals open now
 * @param days the days in the period
 * @param perDay to the cent (half up); {@code null} when the period has no won deal or a
 * mean cycle of 0 days
 * @param perPeriod {@code perDay} × the days in the period, to the cent
 */
public record PipelineVelocity(long openDeals, Double winRate, BigDecimal averageDealSize, Double cycleDays, long days,
		BigDecimal perDay, BigDecimal perPeriod) {

	static PipelineVelocity of(long openDeals, WinLoss closed, long days) {
		Double winRate = closed.winRate();
		BigDecimal size = closed.averageDealSize();
		Double cycle = closed.meanCycleDays();
		if (winRate == null || size == null || cycle == null || cycle == 0) {
			return new PipelineVelocity(openDeals, winRate, size, cycle, days, null, null);
		}
		// exact first, rounded once: won ÷ closed and cycle days ÷ won as fractions
		BigDecimal exact = BigDecimal.valueOf(openDeals)
			.multiply(BigDecimal.valueOf(closed.won()))
			.multiply(size)
			.multiply(BigDecimal.valueOf(closed.won()))
			.divide(BigDecimal.valueOf(closed.closed()).multiply(BigDecimal.valueOf(closed.cycleDays())), 10,
					RoundingMode.HALF_UP);
		return new PipelineVelocity(openDeals, winRate, size, cycle, days, exact.setScale(2, RoundingMode.HALF_UP),
				exact.multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP));
	}

}
