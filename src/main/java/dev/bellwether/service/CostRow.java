package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One account's, product's, agent's or month's cost of service.
 *
 * @param id the account, product or agent; {@code null} for a month and for "no account"
 * and the like
 * @param month the month of a month's row
 * @param revenue by account only: the account's won amount in the period (deals closed
 * won with a close date in it); {@code null} otherwise
 */
public record CostRow(UUID id, YearMonth month, String name, CostFigures figures, BigDecimal revenue) {

	/**
	 * The cost to serve the account as a share of its revenue, in percent, one decimal;
	 * {@code null} without revenue.
	 */
	public BigDecimal costShareOfRevenue() {
		if (this.revenue == null || this.revenue.signum() <= 0) {
			return null;
		}
		return this.figures.totalCost().multiply(BigDecimal.valueOf(100)).divide(this.revenue, 1, RoundingMode.HALF_UP);
	}

}
