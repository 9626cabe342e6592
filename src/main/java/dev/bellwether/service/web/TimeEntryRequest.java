package dev.bellwether.service.web;

import java.time.LocalDate;

import dev.bellwether.service.CaseTimeEntry;
import dev.bellwether.service.TimeEntryDetails;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Time spent on a case as an API client sends it: all of it to log time; the fields to
 * change and the version read to change an entry.
 */
record TimeEntryRequest(
		@Schema(description = "The day the time was spent, not in the future (company time zone)",
				example = "2026-06-16") LocalDate date,
		@Schema(description = "Whole minutes, 1 to 1440", minimum = "1", maximum = "1440",
				example = "45") Integer minutes,
		@Schema(maxLength = 1000, example = "Called the customer and reset the export") String note,
		@Schema(description = "To change an entry: the version you read; a stale one is refused with 409 Conflict",
				example = "0") Long version) {

	TimeEntryDetails toDetails() {
		return new TimeEntryDetails(this.date, this.minutes, this.note);
	}

	/** The entry with the fields sent applied; those left out stay as they are. */
	TimeEntryDetails applyTo(CaseTimeEntry entry) {
		return new TimeEntryDetails(this.date != null ? this.date : entry.date(),
				this.minutes != null ? this.minutes : entry.minutes(), this.note != null ? this.note : entry.note());
	}

}
