package dev.bellwether.platform.web;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.customfield.CustomFields;

import org.springframework.ui.Model;
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

	/**
	 * A service's validation errors on a form with custom fields: the built-in fields'
	 * next to them, the custom fields' next to their inputs ({@code customErrors}).
	 */
	public static void addWithCustomFields(BindingResult result, Model model, InvalidInputException ex) {
		CustomFields.withoutCustomErrors(ex).ifPresent(rest -> addTo(result, rest));
		Map<String, String> custom = CustomFields.formErrors(ex);
		model.addAttribute("customErrors", custom);
		if (!custom.isEmpty() && !result.hasErrors()) {
			result.reject("custom", "Check the custom fields below.");
		}
	}

	/**
	 * Saves what a form entered, unless its binding failed already, the same way for
	 * every record type's form.
	 * @param invalid how the form shows the service's validation errors
	 * @return the record saved; or nothing when the service refused it and the form shows
	 * why: a field's error next to it, a refused owner next to the owner, a stale version
	 * as the form's own error with a reload link ({@code stale})
	 */
	public static <T> Optional<T> save(BindingResult result, Model model, Supplier<T> save,
			Consumer<InvalidInputException> invalid) {
		if (result.hasErrors()) {
			return Optional.empty();
		}
		try {
			return Optional.of(save.get());
		}
		catch (InvalidInputException ex) {
			invalid.accept(ex);
		}
		catch (ForbiddenException ex) {
			addTo(result, ex);
		}
		catch (StaleRecordException ex) {
			result.reject("stale", ex.getMessage());
			model.addAttribute("stale", true);
		}
		return Optional.empty();
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
