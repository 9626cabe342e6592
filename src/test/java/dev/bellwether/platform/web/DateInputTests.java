package dev.bellwether.platform.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import dev.bellwether.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Dates as pickers and API clients send them, bounded alike everywhere.
 */
class DateInputTests {

	@Test
	void readsWhatAPickerSendsAndNothingForBlank() {
		assertThat(DateInput.date("closeDate", " 2026-09-30 ")).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(DateInput.date("closeDate", "")).isNull();
		assertThat(DateInput.dateTime("callAt", "2026-09-30T14:30")).isEqualTo(LocalDateTime.of(2026, 9, 30, 14, 30));
		assertThat(DateInput.dateTime("callAt", null)).isNull();
	}

	@Test
	void aFiveDigitYearIsRefusedInThePagesOwnDateFormatNotKept() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DateInput.date("closeDate", "22026-02-03"))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsEntry("closeDate",
					"3 Feb 22026 is not a date we can keep: choose a day between 1 Jan 1900 and 31 Dec 2999."));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DateInput.dateTime("callAt", "22026-02-03T10:00"))
			.satisfies(ex -> assertThat(ex.fieldErrors().get("callAt")).startsWith("3 Feb 22026 is not a date"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DateInput.date("closeDate", "1899-12-31"))
			.satisfies(ex -> assertThat(ex.fieldErrors().get("closeDate")).startsWith("31 Dec 1899"));
		assertThat(DateInput.date("closeDate", "2999-12-31")).isEqualTo(DateInput.LATEST);
		assertThat(DateInput.date("closeDate", "1900-01-01")).isEqualTo(DateInput.EARLIEST);
	}

	@Test
	void aDayThatDoesNotExistIsNotADate() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DateInput.date("closeDate", "2026-02-31"))
			.satisfies(ex -> assertThat(ex.fieldErrors().get("closeDate"))
				.isEqualTo("'2026-02-31' is not a date. Choose a day in the calendar"
						+ " (API clients send it as YYYY-MM-DD, e.g. 2026-09-30)."));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DateInput.date("closeDate", "31/02/2026"))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("closeDate"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DateInput.dateTime("callAt", "next tuesday"))
			.satisfies(ex -> assertThat(ex.fieldErrors().get("callAt")).contains("is not a date and time"));
	}

}
