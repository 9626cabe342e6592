package dev.bellwether.sales.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.DateInput;

/**
 * Text the browser or an API client sends that must be parsed before the service sees it.
 * Parse errors are collected and reported together with the service's own validation
 * errors, so one answer names every field at fault.
 */
final class Inputs {

	private final Map<String, String> errors = new LinkedHashMap<>();

	LocalDate date(String field, String text) {
		try {
			return DateInput.date(field, text);
		}
		catch (InvalidInputException ex) {
			this.errors.putAll(ex.fieldErrors());
			return null;
		}
	}

	java.math.BigDecimal decimal(String field, String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(text.trim().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			this.errors.put(field, "'" + text.trim() + "' is not " + what + "; enter a number such as 12500.50.");
			return null;
		}
	}

	<E extends Enum<E>> E choice(String field, String text, Class<E> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			StringBuilder allowed = new StringBuilder();
			for (E value : type.getEnumConstants()) {
				allowed.append(allowed.isEmpty() ? "" : ", ").append(value.name());
			}
			this.errors.put(field, "'" + text.trim() + "' is not one of " + allowed + ".");
			return null;
		}
	}

	Map<String, String> errors() {
		return this.errors;
	}

	/**
	 * Runs the service call when everything parsed; otherwise only checks the rest (so
	 * that one answer names every field at fault) and saves nothing. Parse errors win
	 * over what the service says about the same fields.
	 */
	<T> T submit(Runnable check, Supplier<T> call) {
		if (this.errors.isEmpty()) {
			return call.get();
		}
		Map<String, String> all = new LinkedHashMap<>(this.errors);
		try {
			check.run();
		}
		catch (InvalidInputException ex) {
			ex.fieldErrors().forEach(all::putIfAbsent);
		}
		throw new InvalidInputException(all);
	}

	void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
	}

}
