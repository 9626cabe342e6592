package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cost of service as counted from time entries and expenses — one definition, used
 * wherever it is shown:
 * <ul>
 * <li><b>time cost</b> = Σ (minutes × the hourly rate of the logger's role in force on
 * the entry's day) ÷ 60, rounded to the cent; time with no rate in force costs nothing
 * and is counted as <b>unrated minutes</b>;</li>
 * <li><b>expenses</b> = the sum of the expenses' amounts;</li>
 * <li><b>total cost</b> = time cost + expenses;</li>
 * <li><b>cost per resolved case</b> = total cost ÷ the cases resolved in the same period
 * (resolved or closed now, resolved in the period); none without a resolved case.</li>
 * </ul>
 *
 * @param minuteCost Σ minutes × hourly rate (not yet divided by 60), exact
 * @param casesWithCost cases with time or an expense counted here
 * @param resolvedCases cases resolved in the period
 */
public record CostFigures(long minutes, BigDecimal minuteCost, BigDecimal expenses, long unratedMinutes,
		long casesWithCost, long resolvedCases) {

	public static final CostFigures NONE = new CostFigures(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0);

	/** The time cost, to the cent. */
	public BigDecimal timeCost() {
		return this.minuteCost.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
	}

	/** Time cost + expenses, to the cent. */
	public BigDecimal totalCost() {
		return timeCost().add(this.expenses).setScale(2, RoundingMode.HALF_UP);
	}

	/** Total cost ÷ resolved cases, to the cent; {@code null} without a resolved case. */
	public BigDecimal costPerResolvedCase() {
		return this.resolvedCases == 0 ? null
				: totalCost().divide(BigDecimal.valueOf(this.resolvedCases), 2, RoundingMode.HALF_UP);
	}

	CostFigures withResolved(long resolved) {
		return new CostFigures(this.minutes, this.minuteCost, this.expenses, this.unratedMinutes, this.casesWithCost,
				resolved);
	}

}
