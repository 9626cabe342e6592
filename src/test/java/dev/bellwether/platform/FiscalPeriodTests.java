package dev.bellwether.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import dev.bellwether.platform.FiscalPeriod.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FiscalPeriodTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

	private final FiscalCalendar january = FiscalCalendar.of(CLOCK, ZoneId.of("UTC"), 1);

	private final FiscalCalendar april = FiscalCalendar.of(CLOCK, ZoneId.of("UTC"), 4);

	@Test
	void aCalendarYearsPeriodsAreItsMonthsQuartersAndYear() {
		FiscalPeriod q4 = this.january.period("2026-Q4", "period");
		assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(q4.end()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(q4.code()).isEqualTo("2026-Q4");
		assertThat(q4.label()).isEqualTo("Q4 FY2026");
		assertThat(this.january.period("FY2026", "period").end()).isEqualTo(LocalDate.of(2026, 12, 31));
		FiscalPeriod november = this.january.period("2026-11", "period");
		assertThat(november.end()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(november.label()).isEqualTo("Nov 2026");
		assertThat(this.january.current(Kind.QUARTER)).isEqualTo(q4);
	}

	@Test
	void aFiscalYearStartingInAprilIsNamedByTheYearItStartsIn() {
		FiscalPeriod fy = this.april.period("fy2026", "period");
		assertThat(fy.start()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(fy.end()).isEqualTo(LocalDate.of(2027, 3, 31));
		FiscalPeriod q4 = this.april.period("2026-q4", "period");
		assertThat(q4.start()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(q4.end()).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(this.april.periodOf(Kind.QUARTER, LocalDate.of(2027, 2, 14))).isEqualTo(q4);
		assertThat(this.april.periodOf(Kind.QUARTER, LocalDate.of(2026, 3, 31)).code()).isEqualTo("2025-Q4");
		assertThat(this.april.current(Kind.QUARTER).code()).isEqualTo("2026-Q3");
		FiscalPeriod march = this.april.period("2027-03", "period");
		assertThat(march.fiscalYear()).isEqualTo(2026);
		assertThat(this.april.periodOf(Kind.YEAR, march.start())).isEqualTo(fy);
	}

	@Test
	void periodsFollowEachOtherAndDivideIntoParts() {
		FiscalPeriod q1 = this.april.period("2026-Q1", "period");
		assertThat(this.april.previous(q1).code()).isEqualTo("2025-Q4");
		assertThat(this.april.next(this.april.period("2026-Q4", "period")).code()).isEqualTo("2027-Q1");
		assertThat(this.january.next(this.january.period("2026-12", "period")).code()).isEqualTo("2027-01");
		assertThat(this.april.parts(this.april.period("FY2026", "period"), Kind.QUARTER)).extracting(FiscalPeriod::code)
			.containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
		assertThat(this.april.parts(q1, Kind.MONTH)).extracting(FiscalPeriod::code)
			.containsExactly("2026-04", "2026-05", "2026-06");
		assertThat(this.january.parts(this.january.period("FY2026", "period"), Kind.MONTH)).hasSize(12);
	}

	@Test
	void aMalformedOrAbsurdPeriodIsRefusedNamingTheAcceptedForms() {
		for (String bad : new String[] { "2026-Q5", "2026-13", "2026-00", "Q4", "FY26", "2026", "", "3026-Q1",
				"1800-01", "2026-Q4; drop table", "x".repeat(500) }) {
			assertThatExceptionOfType(InvalidInputException.class).as(bad)
				.isThrownBy(() -> this.january.period(bad, "period"))
				.satisfies((ex) -> assertThat(ex.fieldErrors()).containsKey("period"))
				.withMessageContaining("2026-11 (a month), 2026-Q4 (a fiscal quarter) or FY2026 (a fiscal year)");
		}
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.january.period(null, "period"));
	}

}
