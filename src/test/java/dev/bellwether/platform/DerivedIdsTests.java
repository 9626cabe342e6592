package dev.bellwether.platform;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DerivedIdsTests {

	private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456Z");

	@Test
	void theSameTimeSequenceAndKeyAlwaysGiveTheSameVersion7Id() {
		UUID id = Ids.derived(AT, 3, "account|1|phone");
		assertThat(Ids.derived(AT, 3, "account|1|phone")).isEqualTo(id);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
	}

	@Test
	void aDifferentKeyGivesADifferentId() {
		assertThat(Ids.derived(AT, 0, "a")).isNotEqualTo(Ids.derived(AT, 0, "b"));
	}

	@Test
	void idsOfOneInstantSortBySequence() {
		assertThat(Ids.derived(AT, 1, "zzz")).isGreaterThan(Ids.derived(AT, 0, "aaa"));
		assertThat(Ids.derived(AT, 2, "aaa")).isGreaterThan(Ids.derived(AT, 1, "zzz"));
	}

	@Test
	void refusesASequenceThatDoesNotFit() {
		assertThatThrownBy(() -> Ids.derived(AT, 4096, "x")).isInstanceOf(IllegalArgumentException.class);
	}

}
