package dev.bellwether.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's size is the share of the eligible rounded half up, and the same people and
 * seed draw the same sample.
 */
class PulseSamplingTests {

	@Test
	void asksTheShareOfTheEligibleRoundedHalfUp() {
		assertThat(PulseSampling.size(8, 40)).isEqualTo(3); // 3.2
		assertThat(PulseSampling.size(5, 50)).isEqualTo(3); // 2.5
		assertThat(PulseSampling.size(7, 100)).isEqualTo(7);
		assertThat(PulseSampling.size(10, 0)).isZero();
		assertThat(PulseSampling.size(3, 10)).isZero(); // 0.3
		assertThat(PulseSampling.size(0, 100)).isZero();
	}

	@Test
	void theSameSeedDrawsTheSameSample() {
		List<UUID> eligible = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			eligible.add(new UUID(0, i));
		}
		List<UUID> first = PulseSampling.pick(eligible, 25, 42);
		assertThat(first).hasSize(5).doesNotHaveDuplicates().isSubsetOf(eligible);
		assertThat(PulseSampling.pick(eligible, 25, 42)).isEqualTo(first);
		assertThat(PulseSampling.pick(eligible, 100, 7)).containsExactlyInAnyOrderElementsOf(eligible);
		assertThat(PulseSampling.pick(eligible, 0, 7)).isEmpty();
		// another seed, another draw (checked for these two seeds)
		assertThat(PulseSampling.pick(eligible, 25, 43)).isNotEqualTo(first);
	}

}
