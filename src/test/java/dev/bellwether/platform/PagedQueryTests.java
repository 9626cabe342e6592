package dev.bellwether.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PagedQueryTests {

	@Test
	void aTotalThatReachedTheCapIsMarkedCapped() {
		PageRequest third = PageRequest.of(2, 25);
		long cap = third.getOffset() + 25 + PagedQuery.COUNT_CAP;

		assertThat(PagedQuery.isCapped(new PageImpl<>(List.of("a"), third, cap))).isTrue();
		assertThat(PagedQuery.isCapped(new PageImpl<>(List.of("a"), third, cap - 1))).isFalse();
		assertThat(PagedQuery.isCapped(new PageImpl<>(List.of("a"), PageRequest.of(0, 25), 300))).isFalse();
	}

	@Test
	void aPageAskedToCountExactlyIsNeverCappedNorLimited() {
		PageRequest third = PageRequest.of(2, 25);
		long cap = third.getOffset() + 25 + PagedQuery.COUNT_CAP;

		assertThat(PagedQuery.countLimit(third)).isEqualTo(cap);
		assertThat(PagedQuery.countLimit(PagedQuery.exactTotal(third, true))).isEqualTo(Long.MAX_VALUE);
		assertThat(PagedQuery.exactTotal(third, false)).isSameAs(third);
		assertThat(PagedQuery.isCapped(new PageImpl<>(List.of("a"), PagedQuery.exactTotal(third, true), cap)))
			.isFalse();
	}

	@Test
	void aPageAfterACursorCountsFewerRowsPastItAndSaysWhenItStopped() {
		Keyset after = new Keyset(List.of("x"), 10_000);
		ListRequest deep = ListRequest.of(PageRequest.of(0, 50), false, after, null);
		long cap = 10_000 + 50 + PagedQuery.CURSOR_COUNT_CAP;

		assertThat(deep.getOffset()).isEqualTo(10_000);
		assertThat(PagedQuery.countCap(deep)).isEqualTo(PagedQuery.CURSOR_COUNT_CAP);
		assertThat(PagedQuery.countLimit(deep)).isEqualTo(cap);
		assertThat(PagedQuery.isCapped(new PageImpl<>(List.of("a"), deep, cap))).isTrue();
		assertThat(PagedQuery.isCapped(new PageImpl<>(List.of("a"), deep, cap - 1))).isFalse();
		assertThat(PagedQuery.countCap(PageRequest.of(3, 50))).isEqualTo(PagedQuery.COUNT_CAP);
	}

}
