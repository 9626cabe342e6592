package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;

import dev.bellwether.marketing.Attribution.Journey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attribution models against cases computed by hand, and the promise that the shares
 * add up to the deal's amount to the cent.
 */
class AttributionTests {

	private static String[] shares(String amount, Journey journey, AttributionModel model) {
		return Arrays.stream(Attribution.shares(new BigDecimal(amount), journey, model))
			.map(BigDecimal::toPlainString)
			.toArray(String[]::new);
	}

	@Test
	void firstAndLastTouchTakeEverything() {
		Journey three = new Journey(3, 1, 2);
		assertThat(shares("1200.00", three, AttributionModel.FIRST_TOUCH)).containsExactly("1200.00", "0.00", "0.00");
		assertThat(shares("1200.00", three, AttributionModel.LAST_TOUCH)).containsExactly("0.00", "0.00", "1200.00");
	}

	@Test
	void linearGivesTheLeftOverCentToTheEarlierTouch() {
		// 100.00 / 3 = 33.333…: two cents cut, the first touch gets the cent left
		assertThat(shares("100.00", new Journey(3, 0, 2), AttributionModel.LINEAR)).containsExactly("33.34", "33.33",
				"33.33");
	}

	@Test
	void uShapedGivesFortyFortyAndSharesTwenty() {
		// first 400, lead creation (touch 2) 400, the two others 100 each
		assertThat(shares("1000", new Journey(4, 1, 3), AttributionModel.U_SHAPED)).containsExactly("400.00", "400.00",
				"100.00", "100.00");
		// two touches: no others, so their 20 % is split between the two: 50/50
		assertThat(shares("1000", new Journey(2, 1, 1), AttributionModel.U_SHAPED)).containsExactly("500.00", "500.00");
		// the first touch also created the lead: 80 %, the others 10 % each
		assertThat(shares("1000", new Journey(3, 0, 2), AttributionModel.U_SHAPED)).containsExactly("800.00", "100.00",
				"100.00");
		assertThat(shares("1000", new Journey(1, 0, 0), AttributionModel.U_SHAPED)).containsExactly("1000.00");
	}

	@Test
	void wShapedGivesThirtyThreeTimesAndSharesTen() {
		// 999.99 over five touches, lead creation at 2, deal creation at 4: exact shares
		// 299.997, 299.997, 49.9995, 299.997, 49.9995 — cut to 299.99 ×3 and 49.99 ×2
		// (99,995 cents), the four cents left go to the largest remainders: the two
		// others (0.95 of a cent each), then the first and the lead's touch (0.7)
		assertThat(shares("999.99", new Journey(5, 1, 3), AttributionModel.W_SHAPED)).containsExactly("300.00",
				"300.00", "50.00", "299.99", "50.00");
		// no lead touch before the lead: the first stands in (60 %); the deal's creation
		// touch is the last (30 %); the one between takes the 10 %
		assertThat(shares("100", new Journey(3, -1, -1), AttributionModel.W_SHAPED)).containsExactly("60.00", "10.00",
				"30.00");
		// three touches, all positions distinct, no others: 10 % split three ways
		assertThat(shares("300", new Journey(3, 1, 2), AttributionModel.W_SHAPED)).containsExactly("100.00", "100.00",
				"100.00");
	}

	@Test
	void aDealWithoutAmountOrTouchesSharesNothing() {
		assertThat(shares("0", new Journey(3, 1, 2), AttributionModel.W_SHAPED)).containsExactly("0.00", "0.00",
				"0.00");
		assertThat(Attribution.shares(new BigDecimal("50"), new Journey(0, -1, -1), AttributionModel.LINEAR)).isEmpty();
		assertThatThrownBy(
				() -> Attribution.shares(new BigDecimal("-1"), new Journey(1, 0, 0), AttributionModel.LINEAR))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Journey(2, 2, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void everyModelAddsUpToTheAmountAndStaysWithinACentOfTheExactShare() {
		Random random = new Random(15);
		for (int run = 0; run < 5_000; run++) {
			int touches = 1 + random.nextInt(12);
			Journey journey = new Journey(touches, random.nextInt(touches + 1) - 1, random.nextInt(touches + 1) - 1);
			BigDecimal amount = BigDecimal.valueOf(random.nextLong(100_000_000_00L), 2);
			for (AttributionModel model : AttributionModel.values()) {
				BigDecimal[] shares = Attribution.shares(amount, journey, model);
				assertThat(Arrays.stream(shares).reduce(BigDecimal.ZERO, BigDecimal::add))
					.as("%s over %s", model, journey)
					.isEqualByComparingTo(amount);
				BigDecimal[] weights = Attribution.weights(journey, model);
				BigDecimal total = Arrays.stream(weights).reduce(BigDecimal.ZERO, BigDecimal::add);
				for (int i = 0; i < shares.length; i++) {
					BigDecimal exact = amount.multiply(weights[i]).divide(total, MathContext.DECIMAL128);
					assertThat(shares[i].subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
				}
			}
		}
	}

}
