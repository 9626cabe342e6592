package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineChanges.Movement;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.OpenDealStream.ClosedDeal;
import dev.bellwether.sales.OpenDealStream.DealState;
import dev.bellwether.sales.StageOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of docs/pipeline-snapshots.md, one deal at a time, in the fiscal quarter
 * 2026-Q4 of a calendar year (October to December).
 */
class ChangeBucketRulesTests {

	static final FiscalPeriod Q4 = FiscalCalendar.of(Clock.systemUTC(), ZoneOffset.UTC, 1).period("2026-Q4", "period");

	static final LocalDate IN = LocalDate.of(2026, 11, 15);

	static final LocalDate LATER = LocalDate.of(2027, 2, 1);

	static final UUID ID = UUID.randomUUID();

	@Test
	void anUnchangedDealCountsNowhere() {
		assertThat(PipelineChanges.movements(open(3, "100", IN), open(3, "100", IN), null, Q4)).isEmpty();
	}

	@Test
	void aDealOutsideThePeriodAtBothMomentsCountsNowhereEvenIfItChanged() {
		assertThat(PipelineChanges.movements(open(2, "100", LATER), open(4, "900", LATER.plusDays(9)), null, Q4))
			.isEmpty();
	}

	@Test
	void newPulledInAndPushedOut() {
		assertThat(PipelineChanges.movements(null, open(1, "70", IN), null, Q4)).containsExactly(move("NEW", "70"));
		assertThat(PipelineChanges.movements(open(1, "60", LATER), open(1, "65", IN), null, Q4))
			.containsExactly(move("PULLED_IN", "65"));
		assertThat(PipelineChanges.movements(open(1, "60", IN), open(1, "65", LATER), null, Q4))
			.containsExactly(move("PUSHED_OUT", "60"));
		assertThat(PipelineChanges.movements(null, open(1, "70", LATER), null, Q4)).isEmpty();
	}

	@Test
	void aDealThatMovedStageAndChangedAmountCountsInOneAmountAndOneStageBucket() {
		assertThat(PipelineChanges.movements(open(2, "80000", IN), open(5, "90000", IN), null, Q4))
			.containsExactly(move("AMOUNT_UP", "10000"), move("STAGE_FORWARD", "90000"));
		assertThat(PipelineChanges.movements(open(5, "70", IN), open(2, "62.50", IN), null, Q4))
			.containsExactly(move("AMOUNT_DOWN", "7.50"), move("STAGE_BACK", "62.50"));
	}

	@Test
	void aPulledInDealThatMovedStageIsPulledInAndMovedStage() {
		assertThat(PipelineChanges.movements(open(1, "50", LATER), open(3, "50", IN), null, Q4))
			.containsExactly(move("PULLED_IN", "50"), move("STAGE_FORWARD", "50"));
	}

	@Test
	void wonAndLostAtTheirAmountWhenClosedWithTheDifferenceAsAnAmountChange() {
		assertThat(PipelineChanges.movements(open(5, "100", IN), null, closed(StageOutcome.WON, "120", IN), Q4))
			.containsExactly(move("AMOUNT_UP", "20"), move("WON", "120"));
		assertThat(PipelineChanges.movements(open(4, "100", IN), null, closed(StageOutcome.LOST, "100", IN), Q4))
			.containsExactly(move("LOST", "100"));
	}

	@Test
	void aDealCreatedOrPulledInAndClosedInBetweenIsNewOrPulledInAndWon() {
		assertThat(PipelineChanges.movements(null, null, closed(StageOutcome.WON, "30", IN), Q4))
			.containsExactly(move("NEW", "30"), move("WON", "30"));
		assertThat(PipelineChanges.movements(open(2, "30", LATER), null, closed(StageOutcome.WON, "30", IN), Q4))
			.containsExactly(move("PULLED_IN", "30"), move("WON", "30"));
		assertThat(PipelineChanges.movements(open(2, "30", LATER), null, closed(StageOutcome.WON, "30", LATER), Q4))
			.isEmpty();
	}

	@Test
	void aDealThatVanishedIsRemoved() {
		assertThat(PipelineChanges.movements(open(2, "13", IN), null, null, Q4)).containsExactly(move("REMOVED", "13"));
		assertThat(PipelineChanges.movements(open(2, "13", LATER), null, null, Q4)).isEmpty();
	}

	@Test
	void aDealWithoutAnAmountCountsAsZero() {
		assertThat(PipelineChanges.movements(open(2, null, IN), open(2, "5", IN), null, Q4))
			.containsExactly(move("AMOUNT_UP", "5"));
	}

	private static DealState open(int stagePosition, String amount, LocalDate closeDate) {
		return new DealState(ID, UUID.randomUUID(), UUID.randomUUID(), stagePosition, ForecastCategory.PIPELINE,
				amount == null ? null : new BigDecimal(amount), closeDate);
	}

	private static ClosedDeal closed(StageOutcome outcome, String amount, LocalDate closeDate) {
		return new ClosedDeal(new DealState(ID, UUID.randomUUID(), UUID.randomUUID(), 6,
				outcome == StageOutcome.WON ? ForecastCategory.CLOSED : ForecastCategory.OMITTED,
				new BigDecimal(amount), closeDate), outcome, Instant.parse("2026-11-20T10:00:00Z"));
	}

	private static Movement move(String bucket, String amount) {
		return new Movement(ChangeBucket.valueOf(bucket), new BigDecimal(amount));
	}

}
