package dev.bellwether.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.identity.Role;

/**
 * Time someone spent on a case ({@link CaseTime}).
 *
 * @param role the role the person had when logging it: the cost rate of this role on
 * {@code date} applies
 * @param date the day the time was spent (a timer's: the day it started, in the company's
 * time zone)
 * @param minutes 1 to 1,440; {@code null} while the timer runs
 * @param startedAt when the timer started; {@code null} for time entered by hand
 */
public record CaseTimeEntry(UUID id, UUID caseId, UUID userId, Role role, LocalDate date, Integer minutes, String note,
		TimeSource source, Instant startedAt, Instant createdAt, long version) {

	/** A timer still running: no minutes yet. */
	public boolean running() {
		return this.minutes == null;
	}

}
