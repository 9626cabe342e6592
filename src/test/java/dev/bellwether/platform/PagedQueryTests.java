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

}
