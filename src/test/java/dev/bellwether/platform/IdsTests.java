package dev.bellwether.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void generatesVersion7Uuids() {
		UUID id = Ids.newId();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void idsFromLaterMillisecondsSortAfterEarlierOnes() throws Exception {
		UUID first = Ids.newId();
		long start = System.currentTimeMillis();
		while (System.currentTimeMillis() == start) {
			Thread.onSpinWait();
		}
		UUID second = Ids.newId();
		assertThat(second.getMostSignificantBits() >>> 16).isGreaterThan(first.getMostSignificantBits() >>> 16);
	}

	@Test
	void idsAreUnique() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(Ids.newId());
		}
		assertThat(new HashSet<>(ids)).hasSize(ids.size());
	}

}
