package dev.bellwether.platform;

import java.util.Map;

/**
 * A business rule rejected the input; {@code fieldErrors} names the fields at fault
 * (shown inline in forms, as per-field errors in the API).
 */
public class InvalidInputException extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public InvalidInputException(String field, String message) {
		super(message);
		this.fieldErrors = Map.of(field, message);
	}

	public InvalidInputException(Map<String, String> fieldErrors) {
		super(String.join("; ", fieldErrors.values()));
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
