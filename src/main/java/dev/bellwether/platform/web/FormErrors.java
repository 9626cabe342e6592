package dev.bellwether.platform.web;

import dev.bellwether.platform.InvalidInputException;

import org.springframework.validation.BindingResult;

/**
 * Shows a service's validation errors inline, next to the form fields they belong to.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void addTo(BindingResult result, InvalidInputException ex) {
		ex.fieldErrors().forEach((field, message) -> {
			if (result.getFieldErrorCount(field) == 0) {
				if (hasField(result, field)) {
					result.rejectValue(field, "invalid", message);
				}
				else {
					result.reject("invalid", message);
				}
			}
		});
	}

	private static boolean hasField(BindingResult result, String field) {
		try {
			return result.getFieldType(field) != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
