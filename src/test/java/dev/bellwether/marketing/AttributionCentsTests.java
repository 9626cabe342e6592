package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import dev.bellwether.marketing.Attribution.Journey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ROI report's shares in {@code long} cents ({@link Attribution#cents}) against the
 * exact {@code BigDecimal} shares ({@link Attribution#shares}) on random journeys and
 * amounts, with fixed seeds: the same cents for every touch, every model, including
 * amounts too large for a long product (the exact path then).
 */
class AttributionCentsTests {

	static Stream<Arguments> seeds() {
		return Stream.of(AttributionModel.values())
			.flatMap(model -> Stream.of(1L, 2L, 3L, 42L).map(seed -> Arguments.of(model, seed)));
	}

	@ParameterizedTest(name = "{0}, seed {1}")
	@MethodSource("seeds")
	void longCentsMatchTheExactSharesOnRandomJourneys(AttributionModel model, long seed) {
		Random random = new Random(seed);
		long[] into = new long[300];
		long[] scratch = new long[300];
		for (int run = 0; run < 2_000; run++) {
			int touches = 1 + (run % 10 == 0 ? random.nextInt(300) : random.nextInt(8));
			Journey journey = new Journey(touches, random.nextInt(touches + 1) - 1, random.nextInt(touches + 1) - 1);
			long cents = switch (run % 5) {
				case 0 -> random.nextInt(1_000);
				case 1 -> random.nextLong(100_000_000L);
				case 2 -> random.nextLong(1_000_000_000_000L);
				// beyond a long product with the weights: numeric(19, 2)'s range
				case 3 -> Long.MAX_VALUE / (1 + random.nextInt(50));
				default -> random.nextInt(touches + 1);
			};
			BigDecimal amount = BigDecimal.valueOf(cents, 2);
			long[] expected = Arrays.stream(Attribution.shares(amount, journey, model))
				.mapToLong(share -> share.movePointRight(2).longValueExact())
				.toArray();
			// what a caller reusing the arrays leaves in them must not matter
			Arrays.fill(into, 7);
			Arrays.fill(scratch, -3);
			Attribution.cents(cents, journey, model, into, scratch);
			assertThat(Arrays.copyOf(into, touches)).as("%s of %s cents over %s", model, cents, journey)
				.containsExactly(expected);
			assertThat(Arrays.stream(into, 0, touches).sum()).isEqualTo(cents);
		}
	}

}
