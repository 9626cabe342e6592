package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The formulas of forecast accuracy (docs/forecasting.md, "Forecast accuracy"), on exact
 * amounts: every ratio is computed from the unrounded amounts and rounded half up to 4
 * decimals once, at the end. A ratio over an actual of 0 is undefined ({@code null}).
 */
public final class AccuracyMeasures {

	static final int SCALE = 4;

	private static final MathContext EXACT = MathContext.DECIMAL128;

	private AccuracyMeasures() {
	}

	/**
	 * Accuracy = 1 − |forecast − actual| ÷ actual: 1 for a perfect forecast, 0 when off
	 * by the whole actual, negative when off by more.
	 * @return {@code null} without a forecast or when actual is 0 (or less)
	 */
	public static BigDecimal accuracy(BigDecimal forecast, BigDecimal actual) {
		BigDecimal error = absoluteError(forecast, actual);
		return error == null ? null : round(BigDecimal.ONE.subtract(error));
	}

	/**
	 * Signed bias = (forecast − actual) ÷ actual: above 0 an optimistic forecast, below 0
	 * a pessimistic one.
	 * @return {@code null} without a forecast or when actual is 0 (or less)
	 */
	public static BigDecimal bias(BigDecimal forecast, BigDecimal actual) {
		if (forecast == null || actual == null || actual.signum() <= 0) {
			return null;
		}
		return round(forecast.subtract(actual).divide(actual, EXACT));
	}

	/**
	 * Mean absolute percentage error across periods: the mean of |forecast − actual| ÷
	 * actual over the periods that have a forecast and an actual above 0.
	 * @return {@code null} when no period counts
	 */
	public static BigDecimal mape(List<Outcome> periods) {
		BigDecimal sum = BigDecimal.ZERO;
		int counted = 0;
		for (Outcome period : periods) {
			BigDecimal error = absoluteError(period.forecast(), period.actual());
			if (error != null) {
				sum = sum.add(error);
				counted++;
			}
		}
		return counted == 0 ? null : round(sum.divide(BigDecimal.valueOf(counted), EXACT));
	}

	/**
	 * @return how many of the periods enter {@link #mape}
	 */
	public static int mapePeriods(List<Outcome> periods) {
		return (int) periods.stream().filter(p -> absoluteError(p.forecast(), p.actual()) != null).count();
	}

	/**
	 * A share (commit-to-close by count or by value): part ÷ whole.
	 * @return {@code null} when the whole is 0
	 */
	public static BigDecimal share(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0) {
			return null;
		}
		return round(part.divide(whole, EXACT));
	}

	/**
	 * |forecast − actual| ÷ actual, unrounded; {@code null} when undefined.
	 */
	static BigDecimal absoluteError(BigDecimal forecast, BigDecimal actual) {
		if (forecast == null || actual == null || actual.signum() <= 0) {
			return null;
		}
		return forecast.subtract(actual).abs().divide(actual, EXACT);
	}

	private static BigDecimal round(BigDecimal value) {
		return value.setScale(SCALE, RoundingMode.HALF_UP);
	}

	/**
	 * A period's forecast (none when there was no forecast) and actual.
	 */
	public record Outcome(BigDecimal forecast, BigDecimal actual) {
	}

}
