package dev.bellwether.service;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a person enters for time spent on a case: the day (not in the future), the minutes
 * (one minute to a whole day) and an optional note.
 */
public record TimeEntryDetails(@NotNull(message = "Enter the day the time was spent.") LocalDate date,
		@NotNull(message = "Enter the minutes spent.") @Min(value = CaseTime.MIN_MINUTES,
				message = "Log at least 1 minute.") @Max(value = CaseTime.MAX_MINUTES,
						message = "Log at most 1,440 minutes (a whole day) in one entry.") Integer minutes,
		@Size(max = 1000, message = "Keep the note to 1,000 characters.") String note) {

}
