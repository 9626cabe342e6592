package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.platform.FieldChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StageChangeTests {

	private static final UUID PROPOSAL = UUID.randomUUID();

	private static final UUID NEGOTIATION = UUID.randomUUID();

	@Test
	void summarisesEveryChangedValue() {
		StageChange change = new StageChange(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, null, PROPOSAL,
				"Proposal", NEGOTIATION, "Negotiation", new BigDecimal("40000.00"), new BigDecimal("45000.00"),
				LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 15), 60, 80, ForecastCategory.BEST_CASE,
				ForecastCategory.COMMIT);

		assertThat(change.summary()).isEqualTo(
				"Stage Proposal → Negotiation · amount 40,000 → 45,000 · close date pushed 2026-11-30 → 2026-12-15 · "
						+ "probability 60% → 80% · forecast Best case → Commit");
		assertThat(change.pushed()).isTrue();
		assertThat(change.changes()).contains(new FieldChange("stage", "Proposal", "Negotiation"),
				new FieldChange("amount", "40000", "45000"));
	}

	@Test
	void aCloseDatePulledInIsNotAPush() {
		StageChange change = new StageChange(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, null, PROPOSAL,
				"Proposal", PROPOSAL, "Proposal", new BigDecimal("100.50"), new BigDecimal("100.5"),
				LocalDate.of(2026, 11, 30), LocalDate.of(2026, 10, 1), 60, 60, ForecastCategory.BEST_CASE,
				ForecastCategory.BEST_CASE);

		assertThat(change.pushed()).isFalse();
		assertThat(change.amountChanged()).isFalse();
		assertThat(change.summary()).isEqualTo("Close date pulled in 2026-11-30 → 2026-10-01");
	}

	@Test
	void summarisesACreation() {
		StageChange created = new StageChange(UUID.randomUUID(), UUID.randomUUID(), Instant.EPOCH, null, null, null,
				PROPOSAL, "Proposal", null, new BigDecimal("1234.5"), null, LocalDate.of(2026, 5, 1), null, 60, null,
				ForecastCategory.BEST_CASE);

		assertThat(created.isCreation()).isTrue();
		assertThat(created.summary())
			.isEqualTo("Created in Proposal · amount 1,234.5 · close date 2026-05-01 · 60% Best case");
	}

}
