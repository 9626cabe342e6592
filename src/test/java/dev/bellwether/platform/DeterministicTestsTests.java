package dev.bellwether.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import dev.bellwether.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test profile's promises: the application's clock starts at the fixed instant (today
 * is the same day on every run) and no scheduled job runs on its own.
 */
@IntegrationTest
class DeterministicTestsTests {

	@Autowired
	Clock clock;

	@Autowired
	FiscalCalendar calendar;

	@Value("${bellwether.clock.start}")
	Instant start;

	@Test
	void theClockStartsAtTheTestProfilesInstantAndRunsOn() {
		Instant now = this.clock.instant();
		assertThat(now).isAfterOrEqualTo(this.start).isBefore(this.start.plus(Duration.ofHours(6)));
		assertThat(this.calendar.today()).isEqualTo(LocalDate.of(2026, 6, 17));
		assertThat(this.clock.instant()).isAfterOrEqualTo(now);
	}

}
