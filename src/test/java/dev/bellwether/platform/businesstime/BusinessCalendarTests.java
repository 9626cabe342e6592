package dev.bellwether.platform.businesstime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

import dev.bellwether.platform.businesstime.BusinessCalendar.Holiday;
import dev.bellwether.platform.businesstime.BusinessCalendar.Hours;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Business time in a company's hours: weekends, holidays, split days and the days the
 * clocks change (Europe/London: last Sundays of March and October, 2026-03-29 and
 * 2026-10-25; America/New_York: 2026-03-08 and 2026-11-01).
 */
class BusinessCalendarTests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final BusinessCalendar LONDON_NINE_TO_FIVE = BusinessCalendar.weekdays(LONDON, Hours.parse("09:00-17:00"));

	static Instant at(String localDateTime, ZoneId zone) {
		return java.time.LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	@Test
	void countsOnlyWorkingHoursAcrossAWeekend() {
		// Friday 16:00 to Monday 10:00: an hour on Friday, an hour on Monday
		Instant friday = at("2026-06-12T16:00", LONDON);
		Instant monday = at("2026-06-15T10:00", LONDON);

		assertThat(LONDON_NINE_TO_FIVE.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofHours(2));
		assertThat(LONDON_NINE_TO_FIVE.addBusinessTime(friday, Duration.ofHours(2))).isEqualTo(monday);
	}

	@Test
	void startsCountingAtTheNextWorkingPeriodOutsideHours() {
		Instant saturday = at("2026-06-13T11:00", LONDON);

		assertThat(LONDON_NINE_TO_FIVE.addBusinessTime(saturday, Duration.ofMinutes(60)))
			.isEqualTo(at("2026-06-15T10:00", LONDON));
		assertThat(LONDON_NINE_TO_FIVE.businessTimeBetween(saturday, at("2026-06-14T23:00", LONDON))).isZero();
	}

	@Test
	void endsAtTheCloseOfAPeriodWhenTheAmountRunsOutExactlyThere() {
		assertThat(LONDON_NINE_TO_FIVE.addBusinessTime(at("2026-06-15T16:00", LONDON), Duration.ofHours(1)))
			.isEqualTo(at("2026-06-15T17:00", LONDON));
	}

	@Test
	void acrossTheSpringChangeAWeekdayCalendarCountsWorkingHoursNotWallClock() {
		// Friday 27 March 16:00 GMT to Monday 30 March 10:00 BST: 65 hours on the wall
		// clock (an hour was skipped), two business hours
		Instant friday = at("2026-03-27T16:00", LONDON);
		Instant monday = at("2026-03-30T10:00", LONDON);

		assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(65));
		assertThat(LONDON_NINE_TO_FIVE.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofHours(2));
		assertThat(LONDON_NINE_TO_FIVE.addBusinessTime(friday, Duration.ofHours(2))).isEqualTo(monday);
		// Monday's 10:00 is 09:00 UTC now, not 10:00 as on Friday
		assertThat(monday).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
	}

	@Test
	void aWorkedDayOnWhichTheClocksGoForwardIsAnHourShorter() {
		BusinessCalendar sundayNights = BusinessCalendar.weekdays(LONDON)
			.withHours(DayOfWeek.SUNDAY, Hours.parse("00:00-06:00"));
		Instant start = at("2026-03-29T00:00", LONDON);

		assertThat(sundayNights.businessTimeBetween(start, at("2026-03-29T12:00", LONDON)))
			.isEqualTo(Duration.ofHours(5));
		// four business hours from midnight: 01:00 GMT became 02:00 BST, so 05:00 local
		assertThat(sundayNights.addBusinessTime(start, Duration.ofHours(4)))
			.isEqualTo(Instant.parse("2026-03-29T04:00:00Z"))
			.isEqualTo(at("2026-03-29T05:00", LONDON));
	}

	@Test
	void aWorkedDayOnWhichTheClocksGoBackIsAnHourLonger() {
		BusinessCalendar sundayNights = BusinessCalendar.weekdays(LONDON)
			.withHours(DayOfWeek.SUNDAY, Hours.parse("00:00-06:00"));
		Instant start = at("2026-10-25T00:00", LONDON);

		assertThat(sundayNights.businessTimeBetween(start, at("2026-10-25T12:00", LONDON)))
			.isEqualTo(Duration.ofHours(7));
		assertThat(sundayNights.addBusinessTime(start, Duration.ofHours(7))).isEqualTo(at("2026-10-25T06:00", LONDON));
		assertThat(sundayNights.addBusinessTime(start, Duration.ofHours(3)))
			.isEqualTo(Instant.parse("2026-10-25T02:00:00Z"));
	}

	@Test
	void acrossTheAutumnChangeInNewYorkBusinessTimeIsTheSameAndWallClockAnHourLonger() {
		BusinessCalendar newYork = BusinessCalendar.weekdays(NEW_YORK, Hours.parse("09:00-17:00"));
		Instant friday = at("2026-10-30T16:00", NEW_YORK);
		Instant monday = at("2026-11-02T10:00", NEW_YORK);

		assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(67));
		assertThat(newYork.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofHours(2));
		assertThat(newYork.addBusinessTime(friday, Duration.ofMinutes(90)))
			.isEqualTo(Instant.parse("2026-11-02T14:30:00Z"));
	}

	@Test
	void acrossTheSpringChangeInNewYork() {
		BusinessCalendar newYork = BusinessCalendar.weekdays(NEW_YORK, Hours.parse("09:00-17:00"));
		Instant friday = at("2026-03-06T16:30", NEW_YORK);

		assertThat(newYork.addBusinessTime(friday, Duration.ofHours(1))).isEqualTo(at("2026-03-09T09:30", NEW_YORK))
			.isEqualTo(Instant.parse("2026-03-09T13:30:00Z"));
	}

	@Test
	void skipsHolidaysOnceAndEveryYear() {
		BusinessCalendar calendar = LONDON_NINE_TO_FIVE.withHolidays(
				new Holiday(LocalDate.of(2020, 12, 25), "Christmas Day", true),
				new Holiday(LocalDate.of(2026, 12, 28), "Boxing Day (substitute)", false));
		// Thursday 24 December 16:00 → Tuesday 29 December 10:00: Friday 25 and Monday 28
		// are holidays
		Instant thursday = at("2026-12-24T16:00", LONDON);

		assertThat(calendar.businessTimeBetween(thursday, at("2026-12-29T10:00", LONDON)))
			.isEqualTo(Duration.ofHours(2));
		assertThat(calendar.addBusinessTime(thursday, Duration.ofHours(2))).isEqualTo(at("2026-12-29T10:00", LONDON));
		assertThat(calendar.isHoliday(LocalDate.of(2031, 12, 25))).isTrue();
		assertThat(calendar.isHoliday(LocalDate.of(2027, 12, 28))).isFalse();
	}

	@Test
	void countsASplitDayWithoutItsBreak() {
		BusinessCalendar split = BusinessCalendar.weekdays(LONDON, Hours.parse("09:00-12:30"),
				Hours.parse("13:30-17:30"));

		assertThat(split.businessTimeBetween(at("2026-06-15T12:00", LONDON), at("2026-06-15T14:00", LONDON)))
			.isEqualTo(Duration.ofMinutes(60));
		assertThat(split.addBusinessTime(at("2026-06-15T12:00", LONDON), Duration.ofMinutes(45)))
			.isEqualTo(at("2026-06-15T13:45", LONDON));
	}

	@Test
	void zeroAndBackwardsAreZero() {
		Instant now = at("2026-06-15T12:00", LONDON);

		assertThat(LONDON_NINE_TO_FIVE.addBusinessTime(now, Duration.ZERO)).isEqualTo(now);
		assertThat(LONDON_NINE_TO_FIVE.businessTimeBetween(now, now.minusSeconds(60))).isZero();
	}

	@Test
	void aCalendarWithoutWorkingHoursNeverReachesADeadline() {
		BusinessCalendar none = BusinessCalendar.weekdays(LONDON);

		assertThat(none.works()).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> none.addBusinessTime(at("2026-06-15T12:00", LONDON), Duration.ofMinutes(1)));
	}

	@Test
	void readsPeriodsAndRefusesOverlapsAndBackwardPeriods() {
		assertThat(BusinessCalendars.parseDay("13:30-17:30, 9:00-12:30")).containsExactly(new Hours(540, 750),
				new Hours(810, 1050));
		assertThat(BusinessCalendars.parseDay("00:00-24:00")).containsExactly(new Hours(0, 1440));
		assertThat(BusinessCalendars.parseDay(" ")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendars.parseDay("09:00-12:00, 11:00-13:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessCalendars.parseDay("17:00-09:00"));
		assertThat(BusinessCalendars.format(List.of(new Hours(540, 1020)))).isEqualTo("09:00-17:00");
	}

	/**
	 * Against an independent count: minute by minute, a minute counts when its local time
	 * falls in the day's hours (and the day is no holiday); adding what was counted gives
	 * back the end (or the end of the last counted minute).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "Europe/London", "America/New_York" })
	void agreesWithCountingMinuteByMinute(String zoneName) {
		ZoneId zone = ZoneId.of(zoneName);
		BusinessCalendar calendar = BusinessCalendar
			.weekdays(zone, Hours.parse("08:30-12:00"), Hours.parse("13:00-17:30"))
			.withHours(DayOfWeek.SUNDAY, Hours.parse("00:00-03:00"))
			.withHolidays(new Holiday(LocalDate.of(2026, 3, 31), "A holiday", false));
		Random random = new Random(20260329L);
		Instant base = Instant.parse("2026-03-05T00:00:00Z");
		for (int sample = 0; sample < 40; sample++) {
			Instant from = base.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 35)));
			Instant to = from.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 6)));
			long expected = 0;
			Instant lastCounted = null;
			for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
				ZonedDateTime local = minute.atZone(zone);
				int minuteOfDay = local.getHour() * 60 + local.getMinute();
				boolean works = calendar.hoursOn(local.toLocalDate())
					.stream()
					.anyMatch(h -> minuteOfDay >= h.startMinute() && minuteOfDay < h.endMinute());
				if (works) {
					expected++;
					lastCounted = minute;
				}
			}
			assertThat(calendar.businessTimeBetween(from, to)).as("%s to %s", from, to)
				.isEqualTo(Duration.ofMinutes(expected));
			if (lastCounted != null) {
				assertThat(calendar.addBusinessTime(from, Duration.ofMinutes(expected)))
					.as("%s + %d min", from, expected)
					.isEqualTo(lastCounted.plusSeconds(60));
			}
		}
	}

}
