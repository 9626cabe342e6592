package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formulas of forecast accuracy, by hand.
 */
class AccuracyMeasuresTests {

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void accuracyIsOneMinusTheAbsoluteErrorOverTheActual() {
		assertThat(AccuracyMeasures.accuracy(d("120000.00"), d("100000.00"))).isEqualTo("0.8000");
		assertThat(AccuracyMeasures.accuracy(d("80000.00"), d("100000.00"))).isEqualTo("0.8000");
		assertThat(AccuracyMeasures.accuracy(d("100000.00"), d("100000.00"))).isEqualTo("1.0000");
		assertThat(AccuracyMeasures.accuracy(d("0"), d("250.00"))).isEqualTo("0.0000");
		assertThat(AccuracyMeasures.accuracy(d("300.00"), d("100.00"))).as("off by more than the actual")
			.isEqualTo("-1.0000");
		// 2/3 rounds half up at the 4th decimal
		assertThat(AccuracyMeasures.accuracy(d("1.00"), d("3.00"))).isEqualTo("0.3333");
		assertThat(AccuracyMeasures.accuracy(d("0.01"), d("0.03"))).isEqualTo("0.3333");
	}

	@Test
	void accuracyAndBiasAreUndefinedWithoutAWonAmountOrAForecast() {
		assertThat(AccuracyMeasures.accuracy(d("999.99"), BigDecimal.ZERO)).isNull();
		assertThat(AccuracyMeasures.bias(d("999.99"), BigDecimal.ZERO)).isNull();
		assertThat(AccuracyMeasures.accuracy(null, d("10"))).isNull();
		assertThat(AccuracyMeasures.bias(null, d("10"))).isNull();
	}

	@Test
	void biasIsSigned() {
		assertThat(AccuracyMeasures.bias(d("120000.00"), d("100000.00"))).isEqualTo("0.2000");
		assertThat(AccuracyMeasures.bias(d("80000.00"), d("100000.00"))).isEqualTo("-0.2000");
		assertThat(AccuracyMeasures.bias(d("700.70"), d("824.15"))).isEqualTo("-0.1498");
	}

	@Test
	void mapeIsTheMeanAbsoluteErrorOverThePeriodsWithAWonAmountAndAForecast() {
		List<AccuracyMeasures.Outcome> periods = List.of(new AccuracyMeasures.Outcome(d("120.00"), d("100.00")),
				new AccuracyMeasures.Outcome(d("90.00"), d("100.00")),
				new AccuracyMeasures.Outcome(d("50.00"), BigDecimal.ZERO),
				new AccuracyMeasures.Outcome(null, d("100.00")));
		assertThat(AccuracyMeasures.mape(periods)).isEqualTo("0.1500");
		assertThat(AccuracyMeasures.mapePeriods(periods)).isEqualTo(2);
		// each error unrounded: (1/3 + 1/3 + 1/3) / 3, not 0.3333 × 3 / 3 by chance
		assertThat(AccuracyMeasures.mape(List.of(new AccuracyMeasures.Outcome(d("4"), d("3")),
				new AccuracyMeasures.Outcome(d("2"), d("3")), new AccuracyMeasures.Outcome(d("2"), d("6")))))
			.isEqualTo("0.4444");
		assertThat(AccuracyMeasures.mape(List.of(new AccuracyMeasures.Outcome(d("5"), BigDecimal.ZERO)))).isNull();
	}

	@Test
	void commitToCloseIsAShareUndefinedForNone() {
		assertThat(AccuracyMeasures.share(d("3"), d("4"))).isEqualTo("0.7500");
		assertThat(AccuracyMeasures.share(d("2034.13"), d("3034.12"))).isEqualTo("0.6704");
		assertThat(AccuracyMeasures.share(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
	}

}
