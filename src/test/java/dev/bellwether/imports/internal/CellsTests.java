package dev.bellwether.imports.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.bellwether.imports.ImportSettings.DateOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cells read the ways spreadsheets and other CRMs write dates and amounts.
 */
class CellsTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void readsIsoDatesAndTimesWithAndWithoutAnOffset() {
		assertThat(Cells.date("2025-03-04", DateOrder.MONTH_FIRST)).isEqualTo(LocalDate.of(2025, 3, 4));
		assertThat(Cells.dateTime("2025-03-04", DateOrder.DAY_FIRST, BERLIN))
			.isEqualTo(Instant.parse("2025-03-03T23:00:00Z"));
		assertThat(Cells.dateTime("2025-03-04T09:30", DateOrder.DAY_FIRST, BERLIN))
			.isEqualTo(Instant.parse("2025-03-04T08:30:00Z"));
		assertThat(Cells.dateTime("2025-03-04 09:30:15", DateOrder.DAY_FIRST, BERLIN))
			.isEqualTo(Instant.parse("2025-03-04T08:30:15Z"));
		assertThat(Cells.dateTime("2025-03-04T09:30:15.250", DateOrder.DAY_FIRST, BERLIN))
			.isEqualTo(Instant.parse("2025-03-04T08:30:15.250Z"));
		assertThat(Cells.dateTime("2025-03-04T09:30:00Z", DateOrder.DAY_FIRST, BERLIN))
			.isEqualTo(Instant.parse("2025-03-04T09:30:00Z"));
		assertThat(Cells.dateTime("2025-03-04T09:30:00+02:00", DateOrder.DAY_FIRST, BERLIN))
			.isEqualTo(Instant.parse("2025-03-04T07:30:00Z"));
	}

	@Test
	void readsNumericDatesInTheChosenOrderAndWordedDates() {
		assertThat(Cells.date("04/03/2025", DateOrder.DAY_FIRST)).isEqualTo(LocalDate.of(2025, 3, 4));
		assertThat(Cells.date("04/03/2025", DateOrder.MONTH_FIRST)).isEqualTo(LocalDate.of(2025, 4, 3));
		assertThat(Cells.date("4.3.25", DateOrder.DAY_FIRST)).isEqualTo(LocalDate.of(2025, 3, 4));
		assertThat(Cells.date("4 Mar 2025", DateOrder.MONTH_FIRST)).isEqualTo(LocalDate.of(2025, 3, 4));
		assertThat(Cells.date("March 4, 2025", DateOrder.DAY_FIRST)).isEqualTo(LocalDate.of(2025, 3, 4));
	}

	@Test
	void refusesWhatIsNoDateSayingHowItWasRead() {
		assertThatThrownBy(() -> Cells.date("2025-02-30", DateOrder.DAY_FIRST))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is not a date");
		assertThatThrownBy(() -> Cells.date("13/13/2025", DateOrder.MONTH_FIRST))
			.hasMessageContaining("read as month/day/year");
		assertThatThrownBy(() -> Cells.date("soon", DateOrder.MONTH_FIRST)).hasMessageContaining("write it as");
	}

	@Test
	void readsAmountsWithCurrencySignsCodesAndSeparators() {
		assertThat(Cells.money("USD 1,234.50")).isEqualByComparingTo("1234.50");
		assertThat(Cells.money("1.234,50 EUR")).isEqualByComparingTo("1234.50");
		assertThat(Cells.money("€ 1 234,5")).isEqualByComparingTo("1234.5");
		assertThat(Cells.money("1'234")).isEqualByComparingTo("1234");
		assertThat(Cells.money("(250)")).isEqualByComparingTo(BigDecimal.valueOf(-250));
		assertThat(Cells.money("0,5")).isEqualByComparingTo("0.5");
		assertThatThrownBy(() -> Cells.money("lots")).hasMessage("'lots' is not an amount.");
	}

}
