package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Deals won and lost (closed in a period, by close date) of one owner, team or period,
 * and the figures that follow from them (see {@code docs/analytics.md}).
 *
 * @param wonAmount the won deals' amounts added up (a deal without an amount adds 0)
 * @param cycleDays the won deals' sales cycles added up, in days (created to close date)
 * @param medianCycleDays the median sales cycle of the won deals; {@code null} without
 * any
 */
public record WinLoss(long won, long lost, BigDecimal wonAmount, BigDecimal lostAmount, long cycleDays,
		Double medianCycleDays) {

	public static final WinLoss NONE = new WinLoss(0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, null);

	/**
	 * @return won + lost
	 */
	public long closed() {
		return this.won + this.lost;
	}

	/**
	 * @return won ÷ (won + lost), from 0 to 1; {@code null} when nothing closed
	 */
	public Double winRate() {
		return closed() == 0 ? null : (double) this.won / closed();
	}

	/**
	 * @return won amount ÷ (won amount + lost amount); {@code null} when both are 0
	 */
	public Double valueWinRate() {
		BigDecimal closedAmount = this.wonAmount.add(this.lostAmount);
		return closedAmount.signum() == 0 ? null
				: this.wonAmount.divide(closedAmount, 10, RoundingMode.HALF_UP).doubleValue();
	}

	/**
	 * @return won amount ÷ won deals, to the cent (half up); {@code null} without won
	 * deals
	 */
	public BigDecimal averageDealSize() {
		return this.won == 0 ? null : this.wonAmount.divide(BigDecimal.valueOf(this.won), 2, RoundingMode.HALF_UP);
	}

	/**
	 * @return the won deals' sales cycles added up ÷ won deals, in days; {@code null}
	 * without won deals
	 */
	public Double meanCycleDays() {
		return this.won == 0 ? null : (double) this.cycleDays / this.won;
	}

}
