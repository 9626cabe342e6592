package dev.bellwether.forecasting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.sales.DealFacts;
import dev.bellwether.sales.StageOutcome;

import org.springframework.stereotype.Service;

/**
 * The warning signs on a deal that a pipeline review asks about: its close date pushed
 * later (how many times), its amount changed, stale (the sales module's freshness rule),
 * no next step, no activity in {@value #QUIET_DAYS} days. For any module that lists deals
 * (the what-changed page, the forecast grid's drill-down, the pipeline review): pass the
 * ids of deals the viewer may see.
 */
@Service
public class DealFlags {

	/**
	 * Days without the deal being touched after which an open deal has had no activity.
	 */
	public static final int QUIET_DAYS = 14;

	private final DealFacts facts;

	private final Clock clock;

	DealFlags(DealFacts facts, Clock clock) {
		this.facts = facts;
		this.clock = clock;
	}

	/**
	 * @param closeDatePushes how many recorded changes moved the close date later
	 * @param amountChanged whether the amount was ever changed after the deal's creation
	 * @param stale open and untouched for longer than its stage allows
	 * @param noNextStep open without a next step
	 * @param noRecentActivity open and untouched (no update, no activity logged) for
	 * {@value #QUIET_DAYS} days
	 */
	public record Flags(UUID dealId, int closeDatePushes, boolean amountChanged, boolean stale, boolean noNextStep,
			boolean noRecentActivity) {

		/** The flags raised, as short labels, most telling first. */
		public List<String> labels() {
			List<String> labels = new ArrayList<>();
			if (this.closeDatePushes > 0) {
				labels.add(this.closeDatePushes == 1 ? "Close date pushed once"
						: "Close date pushed " + this.closeDatePushes + " times");
			}
			if (this.amountChanged) {
				labels.add("Amount changed");
			}
			if (this.stale) {
				labels.add("Stale");
			}
			if (this.noNextStep) {
				labels.add("No next step");
			}
			if (this.noRecentActivity) {
				labels.add("No activity in " + QUIET_DAYS + " days");
			}
			return labels;
		}

		public boolean any() {
			return !labels().isEmpty();
		}

	}

	/**
	 * The flags of the given deals that exist and are not in the recycle bin, by id (in
	 * the order given).
	 */
	public Map<UUID, Flags> of(Collection<UUID> dealIds) {
		Map<UUID, DealFacts.Facts> found = this.facts.of(dealIds);
		Instant quietSince = this.clock.instant().minus(Duration.ofDays(QUIET_DAYS));
		Map<UUID, Flags> flags = new LinkedHashMap<>();
		for (UUID id : dealIds) {
			DealFacts.Facts deal = found.get(id);
			if (deal != null) {
				flags.put(id, of(deal, quietSince));
			}
		}
		return flags;
	}

	static Flags of(DealFacts.Facts deal, Instant quietSince) {
		boolean open = deal.outcome() == StageOutcome.OPEN;
		return new Flags(deal.id(), deal.closeDatePushes(), deal.amountChanges() > 0, deal.stale(),
				open && (deal.nextStep() == null || deal.nextStep().isBlank()),
				open && deal.lastTouchedAt().isBefore(quietSince));
	}

}
