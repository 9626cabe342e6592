package dev.bellwether.platform.customfield;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.bellwether.platform.web.DateInput;

/**
 * What a custom field holds, and how a value typed in a form or sent in the API becomes
 * the value stored in the record's {@code custom} jsonb column: text as a string, numbers
 * as JSON numbers, a date as {@code 2026-06-17}, a date-time as a UTC instant, a pick
 * list as one of its options, a multi-select as an array of them, a checkbox as a
 * boolean, a user as the user's id.
 */
public enum CustomFieldType {

	TEXT("Text"), LONG_TEXT("Long text"), NUMBER("Number"), MONEY("Money"), PERCENT("Percent"), DATE("Date"),
	DATE_TIME("Date and time"), PICK_LIST("Pick list"), MULTI_SELECT("Multi-select"), CHECKBOX("Checkbox"),
	USER("User"), URL("URL"), EMAIL("E-mail"), PHONE("Phone");

	static final int TEXT_MAX = 255;

	static final int LONG_TEXT_MAX = 10_000;

	private static final Pattern URL_PATTERN = Pattern
		.compile("^(https?://)?[\\p{L}0-9.-]+\\.[\\p{L}]{2,}(:[0-9]{1,5})?([/?#]\\S*)?$");

	private static final Pattern EMAIL_PATTERN = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");

	private static final Pattern PHONE_PATTERN = Pattern.compile("^[+0-9 ()./-]{3,40}$");

	private static final BigDecimal MAX_NUMBER = new BigDecimal("1e15");

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final String label;

	CustomFieldType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the type has a list of options to choose from. */
	public boolean hasOptions() {
		return this == PICK_LIST || this == MULTI_SELECT;
	}

	/** Whether the global search finds a record by this field's value. */
	public boolean isSearched() {
		return switch (this) {
			case TEXT, LONG_TEXT, PICK_LIST, MULTI_SELECT, URL, EMAIL, PHONE -> true;
			default -> false;
		};
	}

	/** Whether its values are numbers (sorted and ranged as numbers). */
	public boolean isNumeric() {
		return this == NUMBER || this == MONEY || this == PERCENT;
	}

	/** Whether a list can be filtered from-to on it. */
	public boolean hasRange() {
		return isNumeric() || this == DATE || this == DATE_TIME;
	}

	/**
	 * @param raw a form's text or an API's JSON value (string, number, boolean or array)
	 * @param options the field's options (pick list, multi-select)
	 * @param zone the company's time zone, for a date-time typed without one
	 * @return the value to store, or null for an empty value
	 * @throws InvalidValueException with a message for the user
	 */
	public Object parse(Object raw, List<String> options, ZoneId zone) {
		if (raw == null) {
			return null;
		}
		if (this == MULTI_SELECT) {
			return multiSelect(raw, options);
		}
		if (raw instanceof Collection<?> || raw instanceof java.util.Map<?, ?>) {
			throw new InvalidValueException("Send a single value, not a list.");
		}
		if (this == CHECKBOX) {
			return checkbox(raw);
		}
		String text = raw.toString().strip();
		if (text.isEmpty()) {
			return null;
		}
		return switch (this) {
			case TEXT -> length(text, TEXT_MAX);
			case LONG_TEXT -> length(text, LONG_TEXT_MAX);
			case NUMBER -> number(text, "Enter a number, such as 42 or 3.5.", 6);
			case MONEY -> money(text);
			case PERCENT -> percent(text);
			case DATE -> date(text);
			case DATE_TIME -> dateTime(text, zone);
			case PICK_LIST -> option(text, options);
			case USER -> user(text);
			case URL -> matching(length(text, 500), URL_PATTERN,
					"Enter a web address such as example.com or https://www.example.com/page.");
			case EMAIL ->
				matching(length(text, 254), EMAIL_PATTERN, "Enter an e-mail address such as ana@example.com.");
			case PHONE -> matching(text, PHONE_PATTERN,
					"Enter a phone number using digits, spaces and + ( ) - . / only (3 to 40 characters).");
			case MULTI_SELECT, CHECKBOX -> throw new IllegalStateException();
		};
	}

	private static String length(String text, int max) {
		if (text.length() > max) {
			throw new InvalidValueException("Keep it to " + String.format(Locale.ENGLISH, "%,d", max) + " characters.");
		}
		return text;
	}

	private static String matching(String text, Pattern pattern, String message) {
		if (!pattern.matcher(text).matches()) {
			throw new InvalidValueException(message);
		}
		return text;
	}

	private static BigDecimal number(String text, String message, int maxScale) {
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(message);
		}
		if (number.abs().compareTo(MAX_NUMBER) >= 0) {
			throw new InvalidValueException("That number is too large; keep it below 1,000,000,000,000,000.");
		}
		number = number.stripTrailingZeros();
		if (number.scale() > maxScale) {
			throw new InvalidValueException(
					maxScale == 2 ? "Use at most 2 decimals." : "Use at most " + maxScale + " decimals.");
		}
		return number.scale() < 0 ? number.setScale(0) : number;
	}

	private static BigDecimal money(String text) {
		return number(text, "Enter an amount such as 1250 or 1250.50.", 2).setScale(2);
	}

	private static BigDecimal percent(String text) {
		BigDecimal percent = number(text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text,
				"Enter a percentage from 0 to 100, such as 12.5.", 2);
		if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
			throw new InvalidValueException("Enter a percentage from 0 to 100.");
		}
		return percent;
	}

	private static String date(String text) {
		LocalDate date;
		try {
			date = LocalDate.parse(text);
		}
		catch (DateTimeException ex) {
			throw new InvalidValueException("Enter a date as year-month-day, such as 2026-06-17.");
		}
		return inRange(date).toString();
	}

	private static LocalDate inRange(LocalDate date) {
		if (date.isBefore(DateInput.EARLIEST) || date.isAfter(DateInput.LATEST)) {
			throw new InvalidValueException("Enter a date from 1 Jan 1900 to 31 Dec 2999.");
		}
		return date;
	}

	private static String dateTime(String text, ZoneId zone) {
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException notOffset) {
			try {
				instant = LocalDateTime.parse(text).atZone(zone).toInstant();
			}
			catch (DateTimeException ex) {
				throw new InvalidValueException(
						"Enter a date and time such as 2026-06-17T14:30 (company time) or 2026-06-17T12:30:00Z.");
			}
		}
		inRange(LocalDate.ofInstant(instant, zone));
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private static String option(String text, List<String> options) {
		for (String option : options) {
			if (option.equalsIgnoreCase(text)) {
				return option;
			}
		}
		throw new InvalidValueException(
				"'" + text + "' is not one of the choices: " + String.join(", ", options) + ".");
	}

	private static List<String> multiSelect(Object raw, List<String> options) {
		List<Object> values = new ArrayList<>();
		if (raw instanceof Collection<?> collection) {
			values.addAll(collection);
		}
		else if (raw instanceof String text) {
			// a form posts the ticked choices as one value per choice, bound as "a,b"
			for (String part : text.split(",")) {
				values.add(part);
			}
		}
		else {
			throw new InvalidValueException("Send a list of choices.");
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (Object value : values) {
			if (value == null || value.toString().isBlank()) {
				continue;
			}
			chosen.add(option(value.toString().strip(), options));
		}
		if (chosen.isEmpty()) {
			return null;
		}
		// stored in the options' order, so that equal choices compare equal
		return options.stream().filter(chosen::contains).toList();
	}

	private static Boolean checkbox(Object raw) {
		if (raw instanceof Boolean bool) {
			return bool;
		}
		String text = raw.toString().strip().toLowerCase(Locale.ROOT);
		if (text.isEmpty()) {
			return null;
		}
		// a form posts a hidden "false" before the box's "true"
		for (String part : text.split(",")) {
			if (part.equals("true") || part.equals("on") || part.equals("yes")) {
				return Boolean.TRUE;
			}
		}
		for (String part : text.split(",")) {
			if (!part.equals("false") && !part.equals("off") && !part.equals("no")) {
				throw new InvalidValueException("Send true or false.");
			}
		}
		return Boolean.FALSE;
	}

	private static String user(String text) {
		try {
			return UUID.fromString(text).toString();
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("Choose a user (send the user's id).");
		}
	}

	/**
	 * A value the field can't take; the message says what to enter instead.
	 */
	public static class InvalidValueException extends RuntimeException {

		public InvalidValueException(String message) {
			super(message);
		}

	}

}
