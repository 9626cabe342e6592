package dev.bellwether.platform.web;

import dev.bellwether.platform.ForbiddenException;
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

	/**
	 * Shows a refusal about one field (an owner the user may not choose) next to it.
	 * @throws ForbiddenException the refusal itself when it names no field (an error
	 * page)
	 */
	public static void addTo(BindingResult result, ForbiddenException ex) {
		if (ex.field() == null) {
			throw ex;
		}
		addTo(result, new InvalidInputException(ex.field(), ex.getMessage()));
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
