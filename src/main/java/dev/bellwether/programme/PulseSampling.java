package dev.bellwether.programme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Who of the eligible audience a survey asks: the share asked of them, rounded half up,
 * drawn by a shuffle seeded with the survey's seed — the same eligible people and seed
 * give the same sample (tests fix the seed).
 */
final class PulseSampling {

	private PulseSampling() {
	}

	/**
	 * @param eligible in a stable order (by id)
	 * @param percent 0–100
	 * @return the people asked, in the draw's order
	 */
	static List<UUID> pick(List<UUID> eligible, int percent, long seed) {
		int count = size(eligible.size(), percent);
		List<UUID> shuffled = new ArrayList<>(eligible);
		Collections.shuffle(shuffled, new Random(seed));
		return List.copyOf(shuffled.subList(0, count));
	}

	/**
	 * @return how many of {@code eligible} people a share of {@code percent} asks:
	 * rounded half up (50% of 5 asks 3)
	 */
	static int size(int eligible, int percent) {
		return (eligible * percent + 50) / 100;
	}

}
