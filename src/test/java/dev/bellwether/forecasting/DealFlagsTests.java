package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.sales.DealFacts;
import dev.bellwether.sales.StageOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DealFlagsTests {

	static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	static final Instant QUIET_SINCE = NOW.minus(Duration.ofDays(DealFlags.QUIET_DAYS));

	@Test
	void raisesEachFlagOnAnOpenDeal() {
		DealFlags.Flags flags = DealFlags.of(facts(StageOutcome.OPEN, null, NOW.minus(Duration.ofDays(15)), true, 3, 2),
				QUIET_SINCE);

		assertThat(flags.labels()).containsExactly("Close date pushed 3 times", "Amount changed", "Stale",
				"No next step", "No activity in 14 days");
	}

	@Test
	void aWellKeptDealHasNoFlags() {
		DealFlags.Flags flags = DealFlags
			.of(facts(StageOutcome.OPEN, "Call on Monday", NOW.minus(Duration.ofDays(13)), false, 0, 0), QUIET_SINCE);

		assertThat(flags.any()).isFalse();
	}

	@Test
	void aClosedDealKeepsItsHistoryFlagsOnly() {
		DealFlags.Flags flags = DealFlags.of(facts(StageOutcome.WON, " ", NOW.minus(Duration.ofDays(90)), false, 1, 1),
				QUIET_SINCE);

		assertThat(flags.labels()).containsExactly("Close date pushed once", "Amount changed");
	}

	private static DealFacts.Facts facts(StageOutcome outcome, String nextStep, Instant lastTouched, boolean stale,
			int pushes, int amountChanges) {
		return new DealFacts.Facts(UUID.randomUUID(), "Deal", UUID.randomUUID(), "Proposal", outcome,
				new BigDecimal("1000"), LocalDate.of(2026, 12, 1), nextStep, lastTouched, stale, pushes, amountChanges);
	}

}
