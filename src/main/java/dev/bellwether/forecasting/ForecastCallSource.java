package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where forecast accuracy gets "the forecast of a period as of a moment" from: the seam
 * between {@link ForecastAccuracy} and how forecasts were made.
 * <p>
 * The calls are the pipeline snapshots ({@link SnapshotForecastCalls}): a forecast is
 * derived from one (its deals in forecast category Commit with their close date in the
 * period, by owner), and {@link ForecastAccuracy} adds the deals already won when the
 * snapshot was taken. A manager's submission in the call's week takes precedence over the
 * derived figure of their team row ({@link ForecastAccuracy#submittedInWeekOf}).
 */
interface ForecastCallSource {

	/**
	 * The moments at which a forecast was made, {@code from} included and {@code to}
	 * excluded, oldest first.
	 */
	List<Call> calls(Instant from, Instant to);

	/**
	 * The open part of each forecast asked for: per call, by owner (among
	 * {@code owners}), the amount of the deals in Commit with their close date between
	 * the two days given with the call.
	 */
	Map<Asked, Map<UUID, BigDecimal>> commitByOwner(List<Asked> asked, Set<UUID> owners);

	/**
	 * A forecast made at a moment (today: a pipeline snapshot, by its id).
	 */
	record Call(UUID id, Instant at) {
	}

	/**
	 * A forecast asked for one period, by its first and last day.
	 */
	record Asked(Call call, LocalDate firstDay, LocalDate lastDay) {
	}

}
