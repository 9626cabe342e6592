package dev.bellwether.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.bellwether.platform.FiscalCalendar.Period;
import dev.bellwether.sales.PipelineAnalytics.PeriodTotals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WonComparisonTests {

	static final Period Q4 = new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));

	@Test
	void comparesTheQuarterToDateWithLastQuarterAsManyDaysIn() {
		// 4 December is day 65 of Q4 (1 October is day 1): Q3 to 3 September
		List<Period> periods = WonComparison.periods(Q4, LocalDate.of(2026, 12, 4));

		assertThat(periods).containsExactly(Q4, new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
				new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 4)),
				new Period(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 3)));
	}

	@Test
	void aLongerQuarterIsComparedWithAllOfAShorterOneAtItsEnd() {
		Period q1 = new Period(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
		Period q2 = new Period(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 6, 30));
		// Q3 has 92 days, Q2 91: on the last day of Q3, all of Q2
		Period q3 = new Period(LocalDate.of(2027, 7, 1), LocalDate.of(2027, 9, 30));

		assertThat(WonComparison.periods(q3, LocalDate.of(2027, 9, 30)).get(3)).isEqualTo(q2);
		assertThat(WonComparison.periods(q1, LocalDate.of(2027, 1, 1)).get(3))
			.isEqualTo(new Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1)));
	}

	@Test
	void theChangeIsInWholePerCentAndNoneWithoutAnythingBefore() {
		Period any = Q4;
		PeriodTotals nothing = new PeriodTotals(any, 0, BigDecimal.ZERO);

		assertThat(new WonComparison(nothing, nothing, totals("92"), totals("100")).change()).isEqualTo(-8);
		assertThat(new WonComparison(nothing, nothing, totals("150"), totals("100")).change()).isEqualTo(50);
		assertThat(new WonComparison(nothing, nothing, totals("150"), nothing).change()).isNull();
	}

	private static PeriodTotals totals(String amount) {
		return new PeriodTotals(Q4, 1, new BigDecimal(amount));
	}

}
