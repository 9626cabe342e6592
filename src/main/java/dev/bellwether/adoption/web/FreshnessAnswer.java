package dev.bellwether.adoption.web;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.bellwether.sales.PipelineHygiene;

/**
 * The API's pipeline freshness: the figures, the day they are of (always today: deals
 * keep their last touch, not a history of touches, so a past day's freshness cannot be
 * computed again), when they were computed, and, when another day was asked for, a note
 * saying that the answer is today's.
 *
 * @param figures the freshness figures, as their own fields of the answer
 * @param asOf the day the figures are of: today
 * @param computedAt when they were computed
 * @param asOfNote why the answer is not for the day asked for, or {@code null}
 */
record FreshnessAnswer(@JsonUnwrapped PipelineHygiene.Freshness figures, LocalDate asOf, Instant computedAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String asOfNote) {

	static String notForPastDays(LocalDate askedFor, LocalDate today) {
		return "Freshness is known as of today (" + today + ") only: deals keep their last touch, not a history of "
				+ "touches, so it cannot be computed as of " + askedFor + ". These figures are today's.";
	}

}
