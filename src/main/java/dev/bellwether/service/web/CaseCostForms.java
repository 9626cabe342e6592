package dev.bellwether.service.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.DateInput;
import dev.bellwether.service.ExpenseCategory;
import dev.bellwether.service.ExpenseDetails;
import dev.bellwether.service.TimeEntryDetails;

/**
 * The forms of the case page's "Time and cost" card. Their fields are named apart
 * ({@code timeDate}, {@code expenseDate}) because both forms are on one page; the
 * service's errors ({@code date}) are shown on them by {@link #rename}.
 */
final class CaseCostForms {

	private CaseCostForms() {
	}

	/** The service's field errors under the form's own field names. */
	static InvalidInputException rename(InvalidInputException ex, String dateField) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.fieldErrors().forEach((field, message) -> errors.put("date".equals(field) ? dateField : field, message));
		return new InvalidInputException(errors);
	}

	static Integer minutes(String text, Map<String, String> errors, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "'" + text.trim() + "' is not a number of minutes; enter whole minutes such as 45.");
			return null;
		}
	}

	static LocalDate day(String text, Map<String, String> errors, String field) {
		try {
			return DateInput.date(field, text);
		}
		catch (InvalidInputException ex) {
			errors.putAll(ex.fieldErrors());
			return null;
		}
	}

	/** The log-time form. */
	public static class TimeForm {

		private String timeDate;

		private String minutes;

		private String note;

		TimeEntryDetails toDetails() {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate day = day(this.timeDate, errors, "timeDate");
			Integer value = minutes(this.minutes, errors, "minutes");
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return new TimeEntryDetails(day, value, this.note);
		}

		public String getTimeDate() {
			return this.timeDate;
		}

		public void setTimeDate(String timeDate) {
			this.timeDate = timeDate;
		}

		public String getMinutes() {
			return this.minutes;
		}

		public void setMinutes(String minutes) {
			this.minutes = minutes;
		}

		public String getNote() {
			return this.note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

	/** The add-an-expense form. */
	public static class ExpenseForm {

		private String expenseDate;

		private String amount;

		private String description;

		private String category;

		ExpenseDetails toDetails() {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate day = day(this.expenseDate, errors, "expenseDate");
			BigDecimal value = null;
			if (this.amount != null && !this.amount.isBlank()) {
				try {
					value = new BigDecimal(this.amount.trim().replace(",", ""));
				}
				catch (NumberFormatException ex) {
					errors.put("amount",
							"'" + this.amount.trim() + "' is not an amount; enter a number such as 48.20.");
				}
			}
			ExpenseCategory kind = null;
			if (this.category != null && !this.category.isBlank()) {
				try {
					kind = ExpenseCategory.valueOf(this.category.trim());
				}
				catch (IllegalArgumentException ex) {
					errors.put("category", "Choose a category from the list.");
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			return new ExpenseDetails(day, value, this.description, kind);
		}

		public String getExpenseDate() {
			return this.expenseDate;
		}

		public void setExpenseDate(String expenseDate) {
			this.expenseDate = expenseDate;
		}

		public String getAmount() {
			return this.amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getCategory() {
			return this.category;
		}

		public void setCategory(String category) {
			this.category = category;
		}

	}

}
