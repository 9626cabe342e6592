package dev.bellwether.platform.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values written in COPY's text format as a column takes them, as JDBC would bind them.
 */
class CopyRowsTests {

	@Test
	void valuesAreWrittenAsTheirColumnsReadThem() {
		CopyRows rows = new CopyRows("t", "a, b, c, d, e, f, g, h, i");
		rows.value(null)
			.value(UUID.fromString("01900000-0000-7000-8000-000000000001"))
			.value("tab\there\\ and\nnewline")
			.value(42)
			.value(new BigDecimal("123456789012345678.90"))
			.value(true)
			.value(LocalDate.of(2025, 2, 3))
			.value(OffsetDateTime.of(2026, 6, 17, 10, 0, 23, 83_962_000, ZoneOffset.UTC))
			.value(Instant.parse("2025-02-03T10:00:00Z"))
			.endRow();
		assertThat(rows).hasToString("\\N\t01900000-0000-7000-8000-000000000001\ttab\\there\\\\ and\\nnewline\t42\t"
				+ "123456789012345678.90\tt\t2025-02-03\t2026-06-17T10:00:23.083962Z\t2025-02-03T10:00:00Z\n");
		assertThat(rows.rows()).isEqualTo(1);
	}

	@Test
	void aValueOfAnUnknownTypeIsRefused() {
		assertThatThrownBy(() -> new CopyRows("t", "a").value(new Object()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
