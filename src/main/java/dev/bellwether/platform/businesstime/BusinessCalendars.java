package dev.bellwether.platform.businesstime;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.Ids;
import dev.bellwether.platform.InputValidation;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.VersionedUpdate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import static dev.bellwether.platform.SqlValues.utc;

/**
 * The stored business calendars (tables {@code business_calendars},
 * {@code business_calendar_hours}, {@code business_calendar_holidays}): one default, the
 * company's, now; the service module may add its teams' later (each has an id). A
 * calendar without a time zone of its own follows the company's
 * ({@code bellwether.time-zone}, UTC when unset). Who may change a calendar is the
 * caller's to check (administrators, on the calendar page).
 */
@Service
@Transactional(readOnly = true)
public class BusinessCalendars {

	public static final String RECORD_TYPE = "business-calendar";

	/** The company's calendar, created by the migration. */
	public static final UUID COMPANY = UUID.fromString("0193f000-0000-7000-8000-000000000001");

	private static final int MAX_HOLIDAY_NAME = 120;

	private final JdbcClient jdbc;

	private final ZoneId companyZone;

	private final Clock clock;

	BusinessCalendars(JdbcClient jdbc, @Value("${bellwether.time-zone:UTC}") ZoneId companyZone, Clock clock) {
		this.jdbc = jdbc;
		this.companyZone = companyZone;
		this.clock = clock;
	}

	/**
	 * @return the company's calendar (the default), as stored now
	 */
	public BusinessCalendar company() {
		return get(COMPANY).calendar();
	}

	/**
	 * @throws RecordNotFoundException for an unknown calendar
	 */
	public Stored get(UUID id) {
		Row row = this.jdbc.sql("select id, name, time_zone, version from business_calendars where id = :id")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("time_zone"),
					rs.getLong("version")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
		Map<DayOfWeek, List<BusinessCalendar.Hours>> hours = new EnumMap<>(DayOfWeek.class);
		this.jdbc.sql("""
				select day_of_week, start_minute, end_minute from business_calendar_hours
				where calendar_id = :id order by day_of_week, start_minute
				""").param("id", id).query((rs, n) -> {
			hours.computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), day -> new ArrayList<>())
				.add(new BusinessCalendar.Hours(rs.getInt("start_minute"), rs.getInt("end_minute")));
			return null;
		}).list();
		List<BusinessCalendar.Holiday> holidays = this.jdbc.sql(
				"select holiday, name, yearly from business_calendar_holidays where calendar_id = :id order by holiday")
			.param("id", id)
			.query((rs, n) -> new BusinessCalendar.Holiday(rs.getObject("holiday", LocalDate.class),
					rs.getString("name"), rs.getBoolean("yearly")))
			.list();
		ZoneId zone = (row.timeZone() != null) ? ZoneId.of(row.timeZone()) : this.companyZone;
		return new Stored(new BusinessCalendar(row.id(), row.name(), zone, hours, holidays), row.timeZone() == null,
				row.version());
	}

	/**
	 * @return every stored calendar's name by id, the default first, then by name
	 */
	public Map<UUID, String> names() {
		Map<UUID, String> names = new LinkedHashMap<>();
		this.jdbc.sql("select id, name from business_calendars order by is_default desc, lower(name)")
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	/** The company's time zone ({@code bellwether.time-zone}). */
	public ZoneId companyZone() {
		return this.companyZone;
	}

	/**
	 * Saves the calendar's time zone and working hours, based on the version the editor
	 * read.
	 * @param timeZone a zone id such as {@code Europe/London}; blank: the company's
	 * @param hours each weekday's periods written {@code 09:00-12:00, 13:00-17:30}; blank
	 * or missing: not worked
	 * @throws InvalidInputException naming each field that is wrong ({@code timeZone},
	 * {@code hours.MONDAY} …), or for a calendar with no working hours at all
	 * @throws dev.bellwether.platform.StaleRecordException when it changed since
	 */
	@Transactional
	public Stored update(UUID actorId, UUID id, long expectedVersion, String timeZone, Map<DayOfWeek, String> hours) {
		Stored before = get(id);
		Map<String, String> errors = new LinkedHashMap<>();
		String zone = null;
		if (StringUtils.hasText(timeZone)) {
			try {
				zone = ZoneId.of(timeZone.trim()).getId();
			}
			catch (DateTimeException ex) {
				errors.put("timeZone", "'" + timeZone.trim() + "' is no time zone; choose one such as Europe/London.");
			}
		}
		Map<DayOfWeek, List<BusinessCalendar.Hours>> parsed = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			try {
				parsed.put(day, parseDay(hours.get(day)));
			}
			catch (IllegalArgumentException | DateTimeException ex) {
				errors
					.put("hours." + day.name(), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ": " + problem(ex)
							+ " Write periods as 09:00-12:00, 13:00-17:30; leave the day empty when it is not worked.");
			}
		}
		if (errors.isEmpty() && parsed.values().stream().allMatch(List::isEmpty)) {
			errors.put("hours.MONDAY", "Give at least one day working hours: business time never passes without.");
		}
		InputValidation.throwIfAny(errors);
		Instant now = this.clock.instant();
		new VersionedUpdate(RECORD_TYPE, id, expectedVersion).requireAt(before.version()).run(this.jdbc.sql("""
				update business_calendars set time_zone = :zone, updated_at = :now, updated_by = :actor,
				  version = version + 1
				where id = :id and version = :version
				""").param("zone", zone), actorId, now);
		this.jdbc.sql("delete from business_calendar_hours where calendar_id = :id").param("id", id).update();
		parsed.forEach((day,
				periods) -> periods.forEach(period -> this.jdbc.sql("""
						insert into business_calendar_hours (id, calendar_id, day_of_week, start_minute, end_minute)
						values (:hoursId, :id, :day, :start, :end)
						""")
					.param("hoursId", Ids.newId())
					.param("id", id)
					.param("day", day.getValue())
					.param("start", period.startMinute())
					.param("end", period.endMinute())
					.update()));
		return get(id);
	}

	/**
	 * Adds a day not worked (or renames the holiday already on that date).
	 * @throws InvalidInputException without a date or a name
	 */
	@Transactional
	public Stored addHoliday(UUID actorId, UUID id, LocalDate date, String name, boolean yearly) {
		get(id);
		Map<String, String> errors = new LinkedHashMap<>();
		if (date == null) {
			errors.put("date", "Choose the holiday's date.");
		}
		if (!StringUtils.hasText(name)) {
			errors.put("name", "Name the holiday, e.g. New Year's Day.");
		}
		else if (name.trim().length() > MAX_HOLIDAY_NAME) {
			errors.put("name", "Keep the name to " + MAX_HOLIDAY_NAME + " characters.");
		}
		InputValidation.throwIfAny(errors);
		this.jdbc.sql("""
				insert into business_calendar_holidays (id, calendar_id, holiday, name, yearly, created_at, created_by)
				values (:holidayId, :id, :date, :name, :yearly, :now, :actor)
				on conflict (calendar_id, holiday) do update set name = excluded.name, yearly = excluded.yearly
				""")
			.param("holidayId", Ids.newId())
			.param("id", id)
			.param("date", date)
			.param("name", name.trim())
			.param("yearly", yearly)
			.param("now", utc(this.clock.instant()))
			.param("actor", actorId)
			.update();
		return get(id);
	}

	@Transactional
	public Stored removeHoliday(UUID actorId, UUID id, LocalDate date) {
		this.jdbc.sql("delete from business_calendar_holidays where calendar_id = :id and holiday = :date")
			.param("id", id)
			.param("date", date)
			.update();
		return get(id);
	}

	/**
	 * @param text e.g. {@code 09:00-12:00, 13:00-17:30}
	 * @return the periods in order
	 * @throws IllegalArgumentException for a malformed or overlapping period
	 */
	static List<BusinessCalendar.Hours> parseDay(String text) {
		if (!StringUtils.hasText(text)) {
			return List.of();
		}
		List<BusinessCalendar.Hours> periods = new ArrayList<>();
		for (String part : text.split("[,;]")) {
			if (StringUtils.hasText(part)) {
				periods.add(BusinessCalendar.Hours.parse(part));
			}
		}
		periods.sort(java.util.Comparator.comparingInt(BusinessCalendar.Hours::startMinute));
		for (int i = 1; i < periods.size(); i++) {
			if (periods.get(i).startMinute() < periods.get(i - 1).endMinute()) {
				throw new IllegalArgumentException(periods.get(i - 1) + " and " + periods.get(i) + " overlap.");
			}
		}
		return periods;
	}

	/**
	 * @return the day's periods as the calendar page shows them
	 */
	public static String format(List<BusinessCalendar.Hours> periods) {
		return String.join(", ", periods.stream().map(BusinessCalendar.Hours::toString).toList());
	}

	private static String problem(RuntimeException ex) {
		if (ex instanceof DateTimeException) {
			return "a time is not a time of day (00:00 to 24:00).";
		}
		String message = ex.getMessage();
		return message.endsWith(".") ? message : message + ".";
	}

	private record Row(UUID id, String name, String timeZone, long version) {
	}

	/**
	 * A stored calendar, with whether it follows the company's time zone and the version
	 * an editor read.
	 */
	public record Stored(BusinessCalendar calendar, boolean companyZone, long version) {

		public String hoursText(DayOfWeek day) {
			return format(this.calendar.hours().getOrDefault(day, List.of()));
		}

	}

}
