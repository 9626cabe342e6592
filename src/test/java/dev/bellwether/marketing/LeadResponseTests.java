package dev.bellwether.marketing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.marketing.LeadResponse.State;
import dev.bellwether.platform.businesstime.BusinessCalendar;
import dev.bellwether.platform.businesstime.BusinessCalendar.Hours;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead's standing against its target, in Monday–Friday 09:00–17:00 UTC.
 */
class LeadResponseTests {

	static final BusinessCalendar CALENDAR = BusinessCalendar.weekdays(ZoneOffset.UTC, Hours.parse("09:00-17:00"));

	static final Instant FRIDAY_4_30 = Instant.parse("2026-06-12T16:30:00Z");

	static LeadResponse of(Instant activity, Instant accepted, boolean closed, Duration target, String now) {
		return LeadResponse.of(UUID.randomUUID(), "Web", UUID.randomUUID(), FRIDAY_4_30, activity, accepted, closed,
				target, CALENDAR, Instant.parse(now));
	}

	@Test
	void waitsUntilTheDeadlineInBusinessHoursThenIsBreached() {
		LeadResponse saturday = of(null, null, false, Duration.ofHours(1), "2026-06-13T12:00:00Z");
		LeadResponse monday = of(null, null, false, Duration.ofHours(1), "2026-06-15T11:40:00Z");

		assertThat(saturday.state()).isEqualTo(State.WAITING);
		assertThat(saturday.summary()).isEqualTo("Waiting 30 m, target 1 h");
		assertThat(monday.state()).isEqualTo(State.BREACHED);
		assertThat(monday.deadline()).isEqualTo(Instant.parse("2026-06-15T09:30:00Z"));
		assertThat(monday.summary()).isEqualTo("Waiting 3 h 10 m, target 1 h — breached");
		assertThat(monday.overdue(Instant.parse("2026-06-15T11:40:00Z"))).isEqualTo(Duration.ofMinutes(130));
		assertThat(monday.measured()).isTrue();
		assertThat(monday.withinTarget()).isFalse();
	}

	@Test
	void respondedAtTheEarlierOfFirstActivityAndAcceptance() {
		LeadResponse response = of(Instant.parse("2026-06-15T09:20:00Z"), Instant.parse("2026-06-15T09:10:00Z"), false,
				Duration.ofHours(1), "2026-06-17T10:00:00Z");

		assertThat(response.respondedAt()).isEqualTo(Instant.parse("2026-06-15T09:10:00Z"));
		assertThat(response.businessToResponse()).isEqualTo(Duration.ofMinutes(40));
		assertThat(response.wallToResponse()).isEqualTo(Duration.ofMinutes(60 * 64 + 40));
		assertThat(response.businessToFirstActivity()).isEqualTo(Duration.ofMinutes(50));
		assertThat(response.state()).isEqualTo(State.RESPONDED_IN_TIME);
		assertThat(response.summary()).isEqualTo("Responded in 40 business minutes (target 1 h)");
	}

	@Test
	void aClosedLeadWithoutAResponseAndALeadWithoutATargetAreNotMeasured() {
		LeadResponse closed = of(null, null, true, Duration.ofHours(1), "2026-06-17T10:00:00Z");
		LeadResponse untargeted = of(null, null, false, null, "2026-06-17T10:00:00Z");

		assertThat(closed.state()).isEqualTo(State.CLOSED);
		assertThat(closed.measured()).isFalse();
		assertThat(untargeted.state()).isEqualTo(State.WAITING);
		assertThat(untargeted.deadline()).isNull();
		assertThat(untargeted.measured()).isFalse();
		assertThat(untargeted.summary()).startsWith("Waiting").endsWith("no target");
	}

}
