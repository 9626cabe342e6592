package dev.bellwether.dataquality;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a measurement of data quality did.
 *
 * @param day the snapshot day it wrote (today in the company's time zone)
 * @param accounts accounts scored
 * @param contacts contacts scored
 * @param deals open deals scored
 * @param openIssues issues it found (new or still there)
 * @param fixedIssues issues open before that it no longer found (now fixed)
 */
public record Measurement(LocalDate day, Instant at, long accounts, long contacts, long deals, long openIssues,
		long fixedIssues, long millis) {
}
