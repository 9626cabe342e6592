package dev.bellwether.platform.businesstime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hours a company works, in its time zone: working periods per weekday (a day may be
 * split, e.g. 09:00–12:00 and 13:00–17:30) and holidays (one-off dates, or yearly on the
 * same month and day). Counts business time between two instants and finds the instant a
 * span of business time ends, with {@link ZonedDateTime} so that a day on which the
 * clocks change is as long as it really is: 00:00–06:00 on the spring-forward Sunday in
 * London is five hours, on the autumn one seven. A period that starts in a gap (a local
 * time skipped when the clocks go forward) starts when the clocks resume; an ambiguous
 * local time (when they go back) is read at the earlier offset. Pure: no clock, no
 * database.
 *
 * @param id the stored calendar's id ({@code null} for one built in code)
 * @param name its name
 * @param zone its time zone
 * @param hours the working periods of each weekday, in order, not overlapping; a day
 * missing is not worked
 * @param holidays the days not worked
 */
public record BusinessCalendar(UUID id, String name, ZoneId zone, Map<DayOfWeek, List<Hours>> hours,
		List<Holiday> holidays) {

	/** A calendar with no working hours in this many days counts none (and adds none). */
	static final int MAX_DAYS = 3700;

	public BusinessCalendar {
		Map<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
		hours.forEach((day, periods) -> copy.put(day,
				periods.stream().sorted(Comparator.comparingInt(Hours::startMinute)).toList()));
		hours = Map.copyOf(copy);
		holidays = List.copyOf(holidays);
	}

	/**
	 * A calendar working the same periods Monday to Friday, with no holidays.
	 */
	public static BusinessCalendar weekdays(ZoneId zone, Hours... periods) {
		Map<DayOfWeek, List<Hours>> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				hours.put(day, List.of(periods));
			}
		}
		return new BusinessCalendar(null, "Weekdays", zone, hours, List.of());
	}

	public BusinessCalendar withHours(DayOfWeek day, Hours... periods) {
		Map<DayOfWeek, List<Hours>> changed = new EnumMap<>(DayOfWeek.class);
		changed.putAll(this.hours);
		changed.put(day, List.of(periods));
		return new BusinessCalendar(this.id, this.name, this.zone, changed, this.holidays);
	}

	public BusinessCalendar withHolidays(Holiday... more) {
		List<Holiday> all = new ArrayList<>(this.holidays);
		all.addAll(List.of(more));
		return new BusinessCalendar(this.id, this.name, this.zone, this.hours, all);
	}

	/**
	 * @return the working periods of the day in this calendar's zone (none on a holiday)
	 */
	public List<Hours> hoursOn(LocalDate date) {
		if (isHoliday(date)) {
			return List.of();
		}
		return this.hours.getOrDefault(date.getDayOfWeek(), List.of());
	}

	public boolean isHoliday(LocalDate date) {
		return this.holidays.stream().anyMatch(holiday -> holiday.falls(date));
	}

	/**
	 * @return whether the calendar has any working time in a week
	 */
	public boolean works() {
		return this.hours.values().stream().anyMatch(periods -> !periods.isEmpty());
	}

	/**
	 * @return the business time from {@code from} to {@code to}: the parts of the working
	 * periods between them; zero when {@code to} is not after {@code from}
	 */
	public Duration businessTimeBetween(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(this.zone).toLocalDate();
		// a period of the day before may still be running at "from" only if it ends at
		// midnight, which its own day covers; so the local date of "from" is the start
		for (LocalDate date = from.atZone(this.zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
			for (Hours period : hoursOn(date)) {
				Instant start = max(period.start(date, this.zone), from);
				Instant end = min(period.end(date, this.zone), to);
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/**
	 * @return the instant at which {@code amount} of business time counted from
	 * {@code start} has passed: {@code start} itself for zero; the end of a working
	 * period when the amount runs out exactly there
	 * @throws IllegalStateException when the calendar has no working hours (the amount
	 * never passes)
	 */
	public Instant addBusinessTime(Instant start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("Business time to add must not be negative: " + amount);
		}
		if (amount.isZero()) {
			return start;
		}
		Duration remaining = amount;
		LocalDate date = start.atZone(this.zone).toLocalDate();
		for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
			for (Hours period : hoursOn(date)) {
				Instant from = max(period.start(date, this.zone), start);
				Instant end = period.end(date, this.zone);
				if (!end.isAfter(from)) {
					continue;
				}
				Duration available = Duration.between(from, end);
				if (remaining.compareTo(available) <= 0) {
					return from.plus(remaining);
				}
				remaining = remaining.minus(available);
			}
		}
		throw new IllegalStateException("The business calendar " + this.name + " has no working hours in " + MAX_DAYS
				+ " days after " + start + ".");
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * A working period of a day, in minutes of the local day: from {@code startMinute}
	 * (included) to {@code endMinute} (excluded; 1440 is midnight at the day's end).
	 */
	public record Hours(int startMinute, int endMinute) {

		public Hours {
			if (startMinute < 0 || endMinute > 1440 || endMinute <= startMinute) {
				throw new IllegalArgumentException(
						"A working period runs forward within one day, not " + startMinute + "–" + endMinute);
			}
		}

		public static Hours of(LocalTime start, LocalTime end) {
			return new Hours(start.toSecondOfDay() / 60,
					end.equals(LocalTime.MIDNIGHT) ? 1440 : end.toSecondOfDay() / 60);
		}

		/**
		 * @param text e.g. {@code 09:00-17:30}
		 */
		public static Hours parse(String text) {
			String[] ends = text.trim().split("\\s*[-–]\\s*");
			if (ends.length != 2) {
				throw new IllegalArgumentException("Write a period as 09:00-17:30, not " + text.trim());
			}
			return new Hours(minuteOf(ends[0]), minuteOf(ends[1]));
		}

		private static int minuteOf(String time) {
			if (time.equals("24:00")) {
				return 1440;
			}
			LocalTime parsed = LocalTime.parse(time.length() == 4 ? "0" + time : time);
			return parsed.getHour() * 60 + parsed.getMinute();
		}

		Instant start(LocalDate date, ZoneId zone) {
			return at(date, this.startMinute, zone);
		}

		Instant end(LocalDate date, ZoneId zone) {
			return at(date, this.endMinute, zone);
		}

		private static Instant at(LocalDate date, int minute, ZoneId zone) {
			if (minute == 1440) {
				return date.plusDays(1).atStartOfDay(zone).toInstant();
			}
			return ZonedDateTime.of(date, LocalTime.ofSecondOfDay(minute * 60L), zone).toInstant();
		}

		public Duration length() {
			return Duration.ofMinutes(this.endMinute - this.startMinute);
		}

		@Override
		public String toString() {
			return text(this.startMinute) + "-" + text(this.endMinute);
		}

		private static String text(int minute) {
			return String.format("%02d:%02d", minute / 60, minute % 60);
		}

	}

	/**
	 * A day not worked: on this date only, or every year on its month and day.
	 */
	public record Holiday(LocalDate date, String name, boolean yearly) {

		public boolean falls(LocalDate day) {
			return this.yearly ? MonthDay.from(this.date).equals(MonthDay.from(day)) : this.date.equals(day);
		}

	}

}
