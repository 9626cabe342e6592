package dev.bellwether.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.bellwether.platform.businesstime.BusinessCalendar;
import dev.bellwether.platform.businesstime.BusinessCalendar.Holiday;
import dev.bellwether.platform.businesstime.BusinessCalendar.Hours;
import dev.bellwether.service.SlaClock.Counting;
import dev.bellwether.service.SlaClock.Measure;
import dev.bellwether.service.SlaClock.TargetChange;
import dev.bellwether.service.SlaClock.Transition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA clocks checked against cases computed by hand. Every expected instant is written in
 * UTC, worked out from the calendar's local hours and the offset in force on that day:
 * Europe/Berlin is UTC+1 in winter and UTC+2 from 2026-03-29 to 2026-10-25;
 * America/New_York is UTC−5 in winter and UTC−4 from 2026-03-08 to 2026-11-01. Both
 * calendars work Monday to Friday, 09:00–17:00 local (eight hours a day).
 */
class SlaClockTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final BusinessCalendar BERLIN_HOURS = BusinessCalendar.weekdays(BERLIN, Hours.parse("09:00-17:00"));

	static final BusinessCalendar NEW_YORK_HOURS = BusinessCalendar.weekdays(NEW_YORK, Hours.parse("09:00-17:00"));

	/**
	 * NORMAL in the default policy: 8 business hours to respond, 3 days (24 h) to
	 * resolve.
	 */
	static final SlaTargets NORMAL = SlaTargets.ofMinutes(8 * 60, 24 * 60);

	/** URGENT: an hour to respond, four to resolve. */
	static final SlaTargets URGENT = SlaTargets.ofMinutes(60, 4 * 60);

	static Instant utc(String text) {
		return Instant.parse(text);
	}

	static Transition pause(String at) {
		return new Transition(utc(at), Counting.PAUSED);
	}

	static Transition resume(String at) {
		return new Transition(utc(at), Counting.RUNNING);
	}

	static Transition stop(String at) {
		return new Transition(utc(at), Counting.STOPPED);
	}

	static SlaClock clock(BusinessCalendar calendar, String createdAt, SlaTargets targets, Transition... transitions) {
		return SlaClock.of(calendar, utc(createdAt), List.of(transitions), null, targets, SlaWarning.DEFAULT);
	}

	@Test
	void countsOnlyWorkingHoursOverAWeekend() {
		// Friday 2026-06-12 15:00 CEST (13:00Z), 4 h to resolve: Friday 15–17 is 2 h, the
		// other 2 h are Monday 09–11 CEST = 07:00Z–09:00Z
		SlaClock clock = clock(BERLIN_HOURS, "2026-06-12T13:00:00Z", URGENT);

		Measure saturday = clock.measure(SlaMetric.RESOLUTION, utc("2026-06-13T10:00:00Z"));

		assertThat(saturday.elapsed()).isEqualTo(Duration.ofHours(2));
		assertThat(saturday.remaining()).isEqualTo(Duration.ofHours(2));
		assertThat(saturday.dueAt()).isEqualTo(utc("2026-06-15T09:00:00Z"));
		assertThat(saturday.state()).isEqualTo(SlaState.RUNNING);
		// the first hour ran out at 16:00 CEST on Friday
		Measure firstResponse = clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-06-13T10:00:00Z"));
		assertThat(firstResponse.state()).isEqualTo(SlaState.BREACHED);
		assertThat(firstResponse.breachedAt()).isEqualTo(utc("2026-06-12T14:00:00Z"));
		assertThat(firstResponse.remaining()).isEqualTo(Duration.ofHours(-1));
	}

	@Test
	void skipsHolidaysAndTheWeekendAfterThem() {
		// Thursday 24 Dec 2026 16:00 CET (15:00Z), 24 h to resolve; Friday 25 Dec is a
		// yearly holiday, then the weekend: Thu 1 h, Mon 28th 8 h, Tue 29th 8 h, Wed 30th
		// 7 h to 16:00 CET = 15:00Z
		BusinessCalendar calendar = BERLIN_HOURS.withHolidays(
				new Holiday(LocalDate.of(2025, 12, 25), "Christmas Day", true),
				new Holiday(LocalDate.of(2026, 12, 31), "New Year's Eve", false));
		SlaClock clock = clock(calendar, "2026-12-24T15:00:00Z", NORMAL);

		Measure resolution = clock.measure(SlaMetric.RESOLUTION, utc("2026-12-26T12:00:00Z"));

		assertThat(resolution.elapsed()).isEqualTo(Duration.ofHours(1));
		assertThat(resolution.dueAt()).isEqualTo(utc("2026-12-30T15:00:00Z"));
		// first response, 8 h: Thu 1 h + Mon 7 h, to 16:00 CET on Monday the 28th
		assertThat(clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-12-26T12:00:00Z")).dueAt())
			.isEqualTo(utc("2026-12-28T15:00:00Z"));
	}

	@Test
	void theSameInstantIsDueAtDifferentTimesInCalendarsOfOtherZones() {
		// Tuesday 2026-03-10 15:00Z, 4 h: in Berlin (CET) 16:00, so 1 h on Tuesday and
		// Wednesday 09–12 CET = 11:00Z; in New York (EDT since the 8th) 11:00, so 15:00
		// EDT on Tuesday = 19:00Z
		String created = "2026-03-10T15:00:00Z";

		assertThat(clock(BERLIN_HOURS, created, URGENT).measure(SlaMetric.RESOLUTION, utc(created)).dueAt())
			.isEqualTo(utc("2026-03-11T11:00:00Z"));
		assertThat(clock(NEW_YORK_HOURS, created, URGENT).measure(SlaMetric.RESOLUTION, utc(created)).dueAt())
			.isEqualTo(utc("2026-03-10T19:00:00Z"));
	}

	@Test
	void berlinSpringForwardMovesTheDueInstantAnHourEarlierInUtc() {
		// Friday 27 March 15:00 CET (14:00Z): 2 h on Friday, 2 h on Monday 30th 09–11
		// CEST = 07:00Z–09:00Z (on Friday 11:00 local was 10:00Z)
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-27T14:00:00Z", URGENT);

		Measure resolution = clock.measure(SlaMetric.RESOLUTION, utc("2026-03-27T14:00:00Z"));

		assertThat(resolution.dueAt()).isEqualTo(utc("2026-03-30T09:00:00Z"));
		assertThat(clock.measure(SlaMetric.RESOLUTION, utc("2026-03-30T08:00:00Z")).elapsed())
			.isEqualTo(Duration.ofHours(3));
	}

	@Test
	void berlinFallBackMovesTheDueInstantAnHourLaterInUtc() {
		// Friday 23 October 15:00 CEST (13:00Z): 2 h on Friday, Monday 26th 09–11 CET =
		// 08:00Z–10:00Z
		SlaClock clock = clock(BERLIN_HOURS, "2026-10-23T13:00:00Z", URGENT);

		assertThat(clock.measure(SlaMetric.RESOLUTION, utc("2026-10-23T13:00:00Z")).dueAt())
			.isEqualTo(utc("2026-10-26T10:00:00Z"));
	}

	@Test
	void newYorkSpringForwardAndFallBack() {
		// Friday 6 March 15:00 EST (20:00Z) → Monday 9th 11:00 EDT = 15:00Z
		assertThat(clock(NEW_YORK_HOURS, "2026-03-06T20:00:00Z", URGENT)
			.measure(SlaMetric.RESOLUTION, utc("2026-03-06T20:00:00Z"))
			.dueAt()).isEqualTo(utc("2026-03-09T15:00:00Z"));
		// Friday 30 October 15:00 EDT (19:00Z) → Monday 2 November 11:00 EST = 16:00Z
		assertThat(clock(NEW_YORK_HOURS, "2026-10-30T19:00:00Z", URGENT)
			.measure(SlaMetric.RESOLUTION, utc("2026-10-30T19:00:00Z"))
			.dueAt()).isEqualTo(utc("2026-11-02T16:00:00Z"));
	}

	@Test
	void aPauseAcrossAWeekendFreezesTheClockAndItsDueInstant() {
		// Friday 13 March 10:00 CET (09:00Z), 8 h to respond; waiting on the customer
		// from
		// 12:00 CET (2 h used) until Monday 16th 14:00 CET (13:00Z); 6 h left: Monday
		// 14–17 (3 h), Tuesday 09–12 CET = 11:00Z. Unpaused it would have been Monday
		// 10:00 CET.
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-13T09:00:00Z", NORMAL, pause("2026-03-13T11:00:00Z"),
				resume("2026-03-16T13:00:00Z"));

		Measure saturday = clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-14T12:00:00Z"));
		assertThat(saturday.state()).isEqualTo(SlaState.PAUSED);
		assertThat(saturday.elapsed()).isEqualTo(Duration.ofHours(2));
		assertThat(saturday.remaining()).isEqualTo(Duration.ofHours(6));
		assertThat(saturday.dueAt()).isNull();
		// Monday 10:00 CET, still paused: not breached although the unpaused due time
		// has passed
		assertThat(clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-16T09:30:00Z")).state())
			.isEqualTo(SlaState.PAUSED);

		Measure resumed = clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-16T13:00:00Z"));
		assertThat(resumed.state()).isEqualTo(SlaState.RUNNING);
		assertThat(resumed.dueAt()).isEqualTo(utc("2026-03-17T11:00:00Z"));
		// the warning (a quarter, 2 h left) at Tuesday 10:00 CET = 09:00Z
		assertThat(resumed.warnAt()).isEqualTo(utc("2026-03-17T09:00:00Z"));
	}

	@Test
	void severalPausesAddUp() {
		// as above, and a second pause on Tuesday 10:00–11:00 CET (09:00Z–10:00Z): due an
		// hour later, 13:00 CET = 12:00Z; and the first stretch of the pause before the
		// weekend counts no time even though it began in working hours
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-13T09:00:00Z", NORMAL, pause("2026-03-13T11:00:00Z"),
				resume("2026-03-16T13:00:00Z"), pause("2026-03-17T09:00:00Z"), resume("2026-03-17T10:00:00Z"));

		Measure measure = clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-17T10:30:00Z"));

		// 2 h Friday + 3 h Monday + 1 h Tuesday 09–10 + 0.5 h = 6.5 h
		assertThat(measure.elapsed()).isEqualTo(Duration.ofMinutes(390));
		assertThat(measure.dueAt()).isEqualTo(utc("2026-03-17T12:00:00Z"));
		assertThat(measure.state()).isEqualTo(SlaState.WARNING);
		assertThat(clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-17T12:00:01Z")).state())
			.isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aTargetIsMetWhenDoneByItsDueInstantAndMissedAfter() {
		// Monday 2 March 09:00 CET (08:00Z), first response within 1 h: due 09:00Z
		SlaClock onTime = SlaClock.of(BERLIN_HOURS, utc("2026-03-02T08:00:00Z"), List.of(), utc("2026-03-02T09:00:00Z"),
				URGENT, SlaWarning.DEFAULT);
		SlaClock late = SlaClock.of(BERLIN_HOURS, utc("2026-03-02T08:00:00Z"), List.of(), utc("2026-03-02T09:00:01Z"),
				URGENT, SlaWarning.DEFAULT);

		Measure met = onTime.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-03T12:00:00Z"));
		Measure missed = late.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-03T12:00:00Z"));

		assertThat(met.state()).isEqualTo(SlaState.MET);
		assertThat(met.elapsed()).isEqualTo(Duration.ofHours(1));
		assertThat(met.completedAt()).isEqualTo(utc("2026-03-02T09:00:00Z"));
		assertThat(missed.state()).isEqualTo(SlaState.MISSED);
		assertThat(missed.breachedAt()).isEqualTo(utc("2026-03-02T09:00:00Z"));
		assertThat(missed.remaining()).isEqualTo(Duration.ofSeconds(-1));
	}

	@Test
	void resolvingStopsBothClocksAndReopeningResumesWithTheTimeUsed() {
		// Monday 2 March 09:00 CET (08:00Z), URGENT (1 h / 4 h); resolved at 11:00 CET
		// with no reply (2 h used), reopened Tuesday 09:00 CET (08:00Z)
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-02T08:00:00Z", URGENT, stop("2026-03-02T10:00:00Z"),
				new Transition(utc("2026-03-02T15:00:00Z"), Counting.STOPPED), resume("2026-03-03T08:00:00Z"));

		Measure resolved = clock.measure(SlaMetric.RESOLUTION, utc("2026-03-02T20:00:00Z"));
		assertThat(resolved.state()).isEqualTo(SlaState.MET);
		assertThat(resolved.completedAt()).isEqualTo(utc("2026-03-02T10:00:00Z"));
		assertThat(resolved.elapsed()).isEqualTo(Duration.ofHours(2));
		// resolved without a reply: the resolution answered, an hour late
		assertThat(clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-02T20:00:00Z")).state())
			.isEqualTo(SlaState.MISSED);

		Measure reopened = clock.measure(SlaMetric.RESOLUTION, utc("2026-03-03T09:00:00Z"));
		assertThat(reopened.state()).isEqualTo(SlaState.WARNING);
		assertThat(reopened.elapsed()).isEqualTo(Duration.ofHours(3));
		assertThat(reopened.dueAt()).isEqualTo(utc("2026-03-03T10:00:00Z"));
		assertThat(reopened.completedAt()).isNull();
	}

	@Test
	void aRaisedPriorityIsMeasuredFromCreationAndMayBreachAtOnce() {
		// Monday 2 March 09:00 CET (08:00Z) NORMAL (8 h to respond); raised to URGENT (1
		// h)
		// at 14:00 CET with no reply: 5 h used, so breached, due back at 10:00 CET
		// (09:00Z)
		SlaClock clock = new SlaClock(BERLIN_HOURS, utc("2026-03-02T08:00:00Z"), List.of(), null,
				List.of(new TargetChange(utc("2026-03-02T08:00:00Z"), NORMAL),
						new TargetChange(utc("2026-03-02T13:00:00Z"), URGENT)),
				SlaWarning.DEFAULT);

		Measure before = clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-02T12:59:00Z"));
		Measure after = clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-02T13:00:00Z"));

		assertThat(before.state()).isEqualTo(SlaState.RUNNING);
		assertThat(before.dueAt()).isEqualTo(utc("2026-03-02T16:00:00Z"));
		assertThat(after.target()).isEqualTo(Duration.ofHours(1));
		assertThat(after.state()).isEqualTo(SlaState.BREACHED);
		assertThat(after.breachedAt()).isEqualTo(utc("2026-03-02T09:00:00Z"));
		// resolution: 4 h from 09:00 CET, so 13:00 CET = 12:00Z, already past
		assertThat(clock.measure(SlaMetric.RESOLUTION, utc("2026-03-02T13:00:00Z")).breachedAt())
			.isEqualTo(utc("2026-03-02T12:00:00Z"));
	}

	@Test
	void aLoweredPriorityGivesMoreTimeAndAMetTargetKeepsItsOutcome() {
		// URGENT Monday 2 March 09:00 CET, replied at 09:45 CET (met within 1 h), lowered
		// to NORMAL at 10:00 CET: first response stays met against 1 h; resolution now
		// 24 h from creation: Mon 8 h, Tue 8 h, Wed 8 h to 17:00 CET = 16:00Z on the 4th
		SlaClock clock = new SlaClock(BERLIN_HOURS, utc("2026-03-02T08:00:00Z"), List.of(), utc("2026-03-02T08:45:00Z"),
				List.of(new TargetChange(utc("2026-03-02T08:00:00Z"), URGENT),
						new TargetChange(utc("2026-03-02T09:00:00Z"), NORMAL)),
				SlaWarning.DEFAULT);

		SlaClock.SlaStatus status = clock.at(utc("2026-03-02T10:00:00Z"));

		assertThat(status.firstResponse().state()).isEqualTo(SlaState.MET);
		assertThat(status.firstResponse().target()).isEqualTo(Duration.ofHours(1));
		assertThat(status.resolution().target()).isEqualTo(Duration.ofHours(24));
		assertThat(status.resolution().dueAt()).isEqualTo(utc("2026-03-04T16:00:00Z"));
		assertThat(status.resolution().state()).isEqualTo(SlaState.RUNNING);
	}

	@Test
	void warnsWithAShareOrAFixedTimeLeft() {
		// Monday 2 March 09:00 CET, 4 h to resolve: a quarter left (1 h) at 12:00 CET
		// (11:00Z); 30 minutes left at 12:30 CET (11:30Z)
		SlaClock share = clock(BERLIN_HOURS, "2026-03-02T08:00:00Z", URGENT);
		SlaClock minutes = SlaClock.of(BERLIN_HOURS, utc("2026-03-02T08:00:00Z"), List.of(), null, URGENT,
				SlaWarning.timeLeft(Duration.ofMinutes(30)));

		assertThat(share.measure(SlaMetric.RESOLUTION, utc("2026-03-02T10:59:59Z")).state())
			.isEqualTo(SlaState.RUNNING);
		assertThat(share.measure(SlaMetric.RESOLUTION, utc("2026-03-02T11:00:00Z")).state())
			.isEqualTo(SlaState.WARNING);
		assertThat(share.measure(SlaMetric.RESOLUTION, utc("2026-03-02T08:00:00Z")).warnAt())
			.isEqualTo(utc("2026-03-02T11:00:00Z"));
		assertThat(minutes.measure(SlaMetric.RESOLUTION, utc("2026-03-02T08:00:00Z")).warnAt())
			.isEqualTo(utc("2026-03-02T11:30:00Z"));
		assertThat(minutes.measure(SlaMetric.RESOLUTION, utc("2026-03-02T11:00:00Z")).state())
			.isEqualTo(SlaState.RUNNING);
		// at the due instant exactly nothing is left, but it is not past: due soon
		assertThat(share.measure(SlaMetric.RESOLUTION, utc("2026-03-02T12:00:00Z")).state())
			.isEqualTo(SlaState.WARNING);
		assertThat(share.measure(SlaMetric.RESOLUTION, utc("2026-03-02T12:00:01Z")).state())
			.isEqualTo(SlaState.BREACHED);
	}

	@Test
	void aBreachSeenOverTheWeekendIsDatedWhenTheTimeRanOut() {
		// Friday 6 March 13:00 CET (12:00Z), 4 h: runs out at 17:00 CET (16:00Z) exactly,
		// the end of the working day; seen on Saturday nothing is "left", and it is past
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-06T12:00:00Z", URGENT);

		Measure saturday = clock.measure(SlaMetric.RESOLUTION, utc("2026-03-07T10:00:00Z"));

		assertThat(saturday.remaining()).isZero();
		assertThat(saturday.state()).isEqualTo(SlaState.BREACHED);
		assertThat(saturday.breachedAt()).isEqualTo(utc("2026-03-06T16:00:00Z"));
	}

	@Test
	void aBreachStaysBreachedWhilePausedAfterIt() {
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-02T08:00:00Z", URGENT, pause("2026-03-02T13:00:00Z"));

		Measure measure = clock.measure(SlaMetric.RESOLUTION, utc("2026-03-03T08:00:00Z"));

		assertThat(measure.state()).isEqualTo(SlaState.BREACHED);
		assertThat(measure.breachedAt()).isEqualTo(utc("2026-03-02T12:00:00Z"));
		assertThat(measure.elapsed()).isEqualTo(Duration.ofHours(5));
	}

	@Test
	void transitionsInAnyOrderAndBeforeCreationAreReadInTime() {
		List<Transition> shuffled = new ArrayList<>(List.of(resume("2026-03-16T13:00:00Z"),
				pause("2026-03-13T11:00:00Z"), new Transition(utc("2026-03-01T00:00:00Z"), Counting.RUNNING)));
		SlaClock clock = SlaClock.of(BERLIN_HOURS, utc("2026-03-13T09:00:00Z"), shuffled, null, NORMAL, null);

		assertThat(clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-16T13:00:00Z")).dueAt())
			.isEqualTo(utc("2026-03-17T11:00:00Z"));
	}

	@Test
	void beforeAnyBusinessTimeNothingIsUsed() {
		// created on a Saturday: the clocks start on Monday 09:00 CET
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-07T10:00:00Z", URGENT);

		Measure sunday = clock.measure(SlaMetric.FIRST_RESPONSE, utc("2026-03-08T10:00:00Z"));

		assertThat(sunday.elapsed()).isZero();
		assertThat(sunday.dueAt()).isEqualTo(utc("2026-03-09T09:00:00Z"));
	}

	@Test
	void seenBeforeItsCreationACaseIsDueFromItsCreation() {
		SlaClock clock = clock(BERLIN_HOURS, "2026-03-02T08:00:00Z", URGENT);

		Measure early = clock.measure(SlaMetric.RESOLUTION, utc("2026-02-27T08:00:00Z"));

		assertThat(early.dueAt()).isEqualTo(utc("2026-03-02T12:00:00Z"));
		assertThat(early.elapsed()).isZero();
	}

}
