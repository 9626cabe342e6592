package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shares a deal's amount among its campaign touches by an {@link AttributionModel}, to
 * the cent: the shares always add up to the amount.
 * <p>
 * Each model gives every touch a weight (the weights add up to 1); the amount times each
 * weight is cut to whole cents, and the cents left over go one each to the touches whose
 * cut lost the most (the earlier touch first on a tie) — the largest-remainder method, so
 * no touch is ever off by more than a cent from its exact share.
 * <p>
 * The positions the U- and W-shaped models reward can fall on one touch (the first touch
 * also created the lead): that touch then gets the shares of every position it holds.
 * When no touch is left for the share of "the others" (20 % or 10 %), that share is split
 * equally among the positions' touches, so that nothing is lost.
 */
public final class Attribution {

	private static final BigDecimal CENT = new BigDecimal("0.01");

	private Attribution() {
	}

	/**
	 * A deal's journey, as the models see it.
	 *
	 * @param touches how many touches, in time order
	 * @param leadCreation the index of the lead-creation touch: the last touch at or
	 * before the lead (or contact) was created; {@code -1} when none was before it (the
	 * first touch stands in)
	 * @param opportunityCreation the index of the opportunity-creation touch: the last
	 * touch at or before the deal was created; {@code -1} for none (the last touch stands
	 * in)
	 */
	public record Journey(int touches, int leadCreation, int opportunityCreation) {

		public Journey {
			if (touches < 0 || leadCreation >= touches || opportunityCreation >= touches) {
				throw new IllegalArgumentException("A touch index lies outside the journey.");
			}
		}

		int lead() {
			return this.leadCreation < 0 ? 0 : this.leadCreation;
		}

		int opportunity() {
			return this.opportunityCreation < 0 ? this.touches - 1 : this.opportunityCreation;
		}

	}

	/**
	 * @return each touch's share of the amount, in the journey's order; they add up to
	 * the amount exactly (an empty array for a journey without touches)
	 * @throws IllegalArgumentException for a negative amount or one with fractions of a
	 * cent
	 */
	public static BigDecimal[] shares(BigDecimal amount, Journey journey, AttributionModel model) {
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("An attributed amount can't be negative.");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("An attributed amount is in whole cents.");
		}
		if (journey.touches() == 0) {
			return new BigDecimal[0];
		}
		return toCents(amount.setScale(2), weights(journey, model));
	}

	/**
	 * The same shares as {@link #shares} in whole cents, computed in {@code long}s: the
	 * models' weights are whole numbers (40/20/40, 30/30/30/10, 1 each, scaled by the
	 * count of "the others"), so each share is an exact quotient and remainder of
	 * {@code cents × weight ÷ total}, and the largest-remainder rule gives the very cents
	 * {@link #shares} gives, without a {@code BigDecimal} per touch. The ROI report
	 * shares every deal of a year with it.
	 * @param cents the amount in cents (not negative)
	 * @param into where the shares are written, at least {@code journey.touches()} long
	 * (reused from deal to deal by a caller that shares many)
	 * @param scratch working space of the same length
	 * @throws IllegalArgumentException for a negative amount
	 */
	static void cents(long cents, Journey journey, AttributionModel model, long[] into, long[] scratch) {
		if (cents < 0) {
			throw new IllegalArgumentException("An attributed amount can't be negative.");
		}
		int n = journey.touches();
		if (n == 0) {
			return;
		}
		long[] weights = scratch;
		java.util.Arrays.fill(weights, 0, n, 0L);
		long total;
		switch (model) {
			case FIRST_TOUCH, LAST_TOUCH -> {
				java.util.Arrays.fill(into, 0, n, 0L);
				into[model == AttributionModel.FIRST_TOUCH ? 0 : n - 1] = cents;
				return;
			}
			case LINEAR -> {
				java.util.Arrays.fill(weights, 0, n, 1L);
				total = n;
			}
			case U_SHAPED -> total = positional(weights, n, journey.lead(), -1, 40, 20);
			case W_SHAPED -> total = positional(weights, n, journey.lead(), journey.opportunity(), 30, 10);
			default -> throw new IllegalStateException("Unknown model " + model);
		}
		long largestWeight = 0;
		for (int i = 0; i < n; i++) {
			largestWeight = Math.max(largestWeight, weights[i]);
		}
		if (largestWeight != 0 && cents > Long.MAX_VALUE / largestWeight) {
			// beyond what a long product holds (amounts above about 10^14): exactly, the
			// slow way
			BigDecimal[] exact = shares(BigDecimal.valueOf(cents, 2), journey, model);
			for (int i = 0; i < n; i++) {
				into[i] = exact[i].movePointRight(2).longValueExact();
			}
			return;
		}
		long sum = 0;
		for (int i = 0; i < n; i++) {
			long product = cents * weights[i];
			into[i] = product / total;
			// the remainder replaces the weight: it is all the rest needs
			weights[i] = product % total;
			sum += into[i];
		}
		// fewer cents left than touches: one each to the largest remainders, the earlier
		// touch first on a tie
		for (long left = cents - sum; left > 0; left--) {
			int best = -1;
			for (int i = 0; i < n; i++) {
				if (weights[i] >= 0 && (best < 0 || weights[i] > weights[best])) {
					best = i;
				}
			}
			into[best]++;
			weights[best] = -1;
		}
	}

	/**
	 * Whole-number weights of a positional model: {@code share} for the first touch, the
	 * lead-creation touch and (W-shaped) the opportunity-creation touch, each scaled by
	 * the count of touches sharing {@code others}, which each get {@code others} — as
	 * {@link #positional(BigDecimal[], int[], BigDecimal[], BigDecimal)}.
	 * @param opportunity the opportunity-creation touch, or {@code -1} for a model
	 * without it
	 * @return the weights' total
	 */
	private static long positional(long[] weights, int n, int lead, int opportunity, int share, int others) {
		weights[0] += share;
		weights[lead] += share;
		if (opportunity >= 0) {
			weights[opportunity] += share;
		}
		int held = 1 + (lead != 0 ? 1 : 0) + (opportunity >= 0 && opportunity != 0 && opportunity != lead ? 1 : 0);
		boolean restEmpty = n == held;
		long count = restEmpty ? held : n - held;
		long total = 0;
		for (int i = 0; i < n; i++) {
			boolean holds = i == 0 || i == lead || i == opportunity;
			weights[i] = weights[i] * count + ((holds == restEmpty) ? others : 0);
			total += weights[i];
		}
		return total;
	}

	/**
	 * @return each touch's weight under the model, adding up to 1 (as exact fractions of
	 * a common denominator: weights[i] / sum)
	 */
	static BigDecimal[] weights(Journey journey, AttributionModel model) {
		int n = journey.touches();
		BigDecimal[] weights = new BigDecimal[n];
		Arrays.fill(weights, BigDecimal.ZERO);
		switch (model) {
			case FIRST_TOUCH -> weights[0] = BigDecimal.ONE;
			case LAST_TOUCH -> weights[n - 1] = BigDecimal.ONE;
			case LINEAR -> Arrays.fill(weights, BigDecimal.ONE);
			case U_SHAPED ->
				positional(weights, new int[] { 0, journey.lead() }, new BigDecimal[] { pct(40), pct(40) }, pct(20));
			case W_SHAPED -> positional(weights, new int[] { 0, journey.lead(), journey.opportunity() },
					new BigDecimal[] { pct(30), pct(30), pct(30) }, pct(10));
		}
		return weights;
	}

	private static BigDecimal pct(int percent) {
		return BigDecimal.valueOf(percent);
	}

	private static void positional(BigDecimal[] weights, int[] positions, BigDecimal[] shares, BigDecimal others) {
		for (int i = 0; i < positions.length; i++) {
			weights[positions[i]] = weights[positions[i]].add(shares[i]);
		}
		Set<Integer> held = new LinkedHashSet<>();
		for (int position : positions) {
			held.add(position);
		}
		List<Integer> rest = new ArrayList<>();
		for (int i = 0; i < weights.length; i++) {
			if (!held.contains(i)) {
				rest.add(i);
			}
		}
		// "the others" as a common denominator: scaling every weight by the count keeps
		// the shares exact fractions
		List<Integer> sharing = rest.isEmpty() ? List.copyOf(held) : rest;
		BigDecimal count = BigDecimal.valueOf(sharing.size());
		for (int i = 0; i < weights.length; i++) {
			weights[i] = weights[i].multiply(count);
		}
		for (int i : sharing) {
			weights[i] = weights[i].add(others);
		}
	}

	/**
	 * The largest-remainder method: each share cut to cents, the cents left over to the
	 * largest remainders.
	 */
	private static BigDecimal[] toCents(BigDecimal amount, BigDecimal[] weights) {
		BigDecimal total = BigDecimal.ZERO;
		for (BigDecimal weight : weights) {
			total = total.add(weight);
		}
		long cents = amount.movePointRight(2).longValueExact();
		long[] given = new long[weights.length];
		BigDecimal[] remainder = new BigDecimal[weights.length];
		long sum = 0;
		for (int i = 0; i < weights.length; i++) {
			// exact: cents × weight ÷ total, as a quotient and a remainder
			BigDecimal[] division = BigDecimal.valueOf(cents).multiply(weights[i]).divideAndRemainder(total);
			given[i] = division[0].longValueExact();
			remainder[i] = division[1];
			sum += given[i];
		}
		Integer[] order = new Integer[weights.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order,
				Comparator.<Integer, BigDecimal>comparing(i -> remainder[i])
					.reversed()
					.thenComparing(Comparator.naturalOrder()));
		for (int k = 0; sum < cents; k++) {
			given[order[k % order.length]]++;
			sum++;
		}
		BigDecimal[] shares = new BigDecimal[weights.length];
		for (int i = 0; i < shares.length; i++) {
			shares[i] = BigDecimal.valueOf(given[i]).multiply(CENT).setScale(2, RoundingMode.UNNECESSARY);
		}
		return shares;
	}

}
