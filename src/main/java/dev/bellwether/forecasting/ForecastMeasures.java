package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A row's figures against its quota (docs/forecasting.md):
 * <ul>
 * <li>attainment = Closed ÷ quota, none without a quota above 0;</li>
 * <li>gap to quota = quota − Closed (negative beyond the quota), none without a
 * quota;</li>
 * <li>coverage = Open pipeline ÷ (quota − Closed), only while the quota is not met: none
 * without a quota ({@link Coverage#NO_QUOTA}), and none once Closed reaches the quota
 * ({@link Coverage#QUOTA_MET}).</li>
 * </ul>
 * Ratios are rounded half up to 4 decimals (0.8333 is 83.33%).
 *
 * @param quota the quota in effect, or {@code null}
 */
public record ForecastMeasures(BigDecimal quota, BigDecimal attainment, BigDecimal gap, BigDecimal coverage,
		Coverage coverageState) {

	/**
	 * What the coverage figure is.
	 */
	public enum Coverage {

		/** A ratio: the quota is not met yet. */
		RATIO,

		/** Closed has reached the quota: no pipeline is needed. */
		QUOTA_MET,

		/** No quota in effect. */
		NO_QUOTA

	}

	public static ForecastMeasures of(ForecastAmounts amounts, BigDecimal quota) {
		if (quota == null) {
			return new ForecastMeasures(null, null, null, null, Coverage.NO_QUOTA);
		}
		BigDecimal attainment = quota.signum() > 0 ? amounts.closed().divide(quota, 4, RoundingMode.HALF_UP) : null;
		BigDecimal gap = quota.subtract(amounts.closed());
		if (gap.signum() <= 0) {
			return new ForecastMeasures(quota, attainment, gap, null, Coverage.QUOTA_MET);
		}
		return new ForecastMeasures(quota, attainment, gap, amounts.openPipeline().divide(gap, 4, RoundingMode.HALF_UP),
				Coverage.RATIO);
	}

}
