package dev.bellwether.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks a command's Bean Validation rules in the service, so that forms, the API and
 * imports all get the same rules and the same messages.
 */
@Component
public class InputValidation {

	private final Validator validator;

	InputValidation(Validator validator) {
		this.validator = validator;
	}

	/**
	 * @return field name to message, empty when valid; add business-rule errors before
	 * {@link #throwIfAny}
	 */
	public Map<String, String> violations(Object command) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<Object> violation : this.validator.validate(command)) {
			errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
		}
		return errors;
	}

	public static void throwIfAny(Map<String, String> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
