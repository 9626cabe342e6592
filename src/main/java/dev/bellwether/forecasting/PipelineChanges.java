package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.forecasting.PipelineChangeReport.Bucket;
import dev.bellwether.forecasting.PipelineChangeReport.ChangedDeal;
import dev.bellwether.forecasting.PipelineChangeReport.Total;
import dev.bellwether.forecasting.PipelineSnapshots.Snapshot;
import dev.bellwether.identity.SqlFilter;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.DealFacts;
import dev.bellwether.sales.OpenDealStream;
import dev.bellwether.sales.OpenDealStream.ClosedDeal;
import dev.bellwether.sales.OpenDealStream.DealState;
import dev.bellwether.sales.OpportunityAccess;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import dev.bellwether.sales.StageOutcome;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed in a period's pipeline between two snapshots, or between the snapshot
 * nearest the period's start and the live pipeline, as the viewer may see it: the
 * {@link ChangeBucket}s with their totals and the deals behind them (see
 * docs/pipeline-snapshots.md for the exact rules).
 * <p>
 * Each side is read narrowed in SQL to the deals the viewer may see (by their owner at
 * that moment) closing in the period, then the start's deals that left the period are
 * looked up by id at the end, and the deals entering it at the start: only the deals that
 * matter to the period are read and kept in memory.
 */
@Service
@Transactional(readOnly = true)
public class PipelineChanges {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 1000;

	private final PipelineSnapshots snapshots;

	private final OpenDealStream deals;

	private final OpportunityAccess access;

	private final PipelineStages stages;

	private final DealFacts facts;

	private final DealFlags flags;

	private final FiscalCalendar calendar;

	private final Clock clock;

	private final UserDirectory users;

	private final Forecasts forecasts;

	PipelineChanges(PipelineSnapshots snapshots, OpenDealStream deals, OpportunityAccess access, PipelineStages stages,
			DealFacts facts, DealFlags flags, FiscalCalendar calendar, Clock clock, UserDirectory users,
			Forecasts forecasts) {
		this.users = users;
		this.forecasts = forecasts;
		this.snapshots = snapshots;
		this.deals = deals;
		this.access = access;
		this.stages = stages;
		this.facts = facts;
		this.flags = flags;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * Who and how much to look at.
	 *
	 * @param ownerId only this owner's deals, or {@code null}
	 * @param teamOf only this manager's organisation, or {@code null}
	 * @param limit the most deals listed per bucket (the totals count them all)
	 */
	public record Scope(UUID ownerId, UUID teamOf, int limit) {

		public Scope {
			if (limit < 0 || limit > MAX_LIMIT) {
				throw new InvalidInputException("limit", "List 0 to " + MAX_LIMIT + " deals per bucket.");
			}
		}

		public static Scope all() {
			return new Scope(null, null, DEFAULT_LIMIT);
		}

	}

	/**
	 * What the pages, the exports and the API ask for: between two snapshots, from a
	 * snapshot to now, or (no {@code fromId}) since the period started.
	 * @param periodCode {@code null} or blank: between snapshots, the quarter holding the
	 * end; since the period started, the current quarter
	 * @throws InvalidInputException for an end without a start, or a malformed period
	 */
	public PipelineChangeReport report(Viewer viewer, UUID fromId, UUID toId, String periodCode, Scope scope) {
		if (fromId == null && toId != null) {
			throw new InvalidInputException("from", "Name the start snapshot (from) as well as the end (to).");
		}
		FiscalPeriod period = periodCode == null || periodCode.isBlank() ? null
				: this.calendar.period(periodCode, "period");
		if (fromId == null) {
			return sincePeriodStart(viewer, period != null ? period : this.calendar.current(FiscalPeriod.Kind.QUARTER),
					scope);
		}
		return between(viewer, fromId, toId, period, scope);
	}

	/**
	 * Between two snapshots, or from a snapshot to the live pipeline.
	 * @param toId {@code null} for the live pipeline
	 * @param period {@code null} for the fiscal quarter holding the end
	 * @throws RecordNotFoundException for an unknown snapshot
	 * @throws InvalidInputException when the start snapshot was taken after the end one,
	 * or for an unknown person in the scope
	 * @throws ForbiddenException for a person in the scope whose deals the viewer does
	 * not see
	 */
	public PipelineChangeReport between(Viewer viewer, UUID fromId, UUID toId, FiscalPeriod period, Scope scope) {
		Snapshot from = this.snapshots.get(viewer, fromId);
		Snapshot to = toId == null ? null : this.snapshots.get(viewer, toId);
		if (to != null && from.takenAt().isAfter(to.takenAt())) {
			throw new InvalidInputException("from",
					"The start snapshot (from) was taken after the end snapshot (to): swap them.");
		}
		Instant toAt = to == null ? this.clock.instant() : to.takenAt();
		FiscalPeriod target = period != null ? period
				: this.calendar.periodOf(FiscalPeriod.Kind.QUARTER, toAt.atZone(this.calendar.zone()).toLocalDate());
		return compare(viewer, from, to, toAt, target, scope);
	}

	/**
	 * From the snapshot taken nearest the period's start to the live pipeline.
	 * @throws InvalidInputException when no snapshot was ever taken
	 */
	public PipelineChangeReport sincePeriodStart(Viewer viewer, FiscalPeriod period, Scope scope) {
		Snapshot from = this.snapshots.nearest(this.calendar.startOf(period.start()))
			.map(snapshot -> snapshot.forViewer(viewer))
			.orElseThrow(() -> new InvalidInputException("period",
					"No pipeline snapshot has been taken yet to compare with: take one first."));
		return compare(viewer, from, null, this.clock.instant(), period, scope);
	}

	private PipelineChangeReport compare(Viewer viewer, Snapshot from, Snapshot to, Instant toAt, FiscalPeriod period,
			Scope scope) {
		checkNarrowing(viewer, "owner", scope.ownerId());
		checkNarrowing(viewer, "manager", scope.teamOf());
		SqlFilter snapshotOwners = this.access.readFilter(viewer, "d.owner_id", scope.ownerId(), scope.teamOf());

		// the start: deals in the period's pipeline then, their totals counted as they
		// come (a deal looked up by id later is outside the
		// period at that moment)
		Sum start = new Sum();
		Sum finish = new Sum();
		Map<UUID, DealState> startInPeriod = new HashMap<>();
		this.snapshots.forEachDealClosingIn(from.id(), snapshotOwners, period.start(), period.end(),
				deal -> startInPeriod.put(deal.id(), start.add(deal)));

		// the end: deals in the period's pipeline then, and those of the start that left
		// it but are open
		Map<UUID, DealState> end = new HashMap<>();
		if (to == null) {
			this.deals.forEachOpenClosingIn(viewer, scope.ownerId(), scope.teamOf(), period.start(), period.end(),
					deal -> end.put(deal.id(), finish.add(deal)));
		}
		else {
			this.snapshots.forEachDealClosingIn(to.id(), snapshotOwners, period.start(), period.end(),
					deal -> end.put(deal.id(), finish.add(deal)));
		}
		List<UUID> left = new ArrayList<>();
		startInPeriod.keySet().forEach(id -> {
			if (!end.containsKey(id)) {
				left.add(id);
			}
		});
		end.putAll(to == null ? this.deals.openOf(viewer, scope.ownerId(), scope.teamOf(), left)
				: this.snapshots.dealsOf(to.id(), snapshotOwners, left));

		// closed in between: from the period's pipeline, or closed with a date in it
		Map<UUID, ClosedDeal> closed = new HashMap<>();
		for (ClosedDeal deal : this.deals.closedBetween(viewer, scope.ownerId(), scope.teamOf(), from.takenAt(),
				toAt)) {
			UUID id = deal.state().id();
			if (!end.containsKey(id) && (startInPeriod.containsKey(id) || period.contains(deal.state().closeDate()))) {
				closed.put(id, deal);
			}
		}

		// deals entering the period's pipeline: were they open (elsewhere) at the start?
		Set<UUID> entering = new HashSet<>();
		end.keySet().stream().filter(id -> !startInPeriod.containsKey(id)).forEach(entering::add);
		closed.keySet().stream().filter(id -> !startInPeriod.containsKey(id)).forEach(entering::add);
		Map<UUID, DealState> startElsewhere = this.snapshots.dealsOf(from.id(), snapshotOwners, entering);

		// every deal once: those of the start, those entering, those closed in between
		Map<ChangeBucket, Tally> tallies = new EnumMap<>(ChangeBucket.class);
		startInPeriod.forEach((id, before) -> tally(id, before, end.get(id), closed.get(id), period, scope, tallies));
		end.forEach((id, after) -> {
			if (!startInPeriod.containsKey(id)) {
				tally(id, startElsewhere.get(id), after, null, period, scope, tallies);
			}
		});
		closed.forEach((id, closing) -> {
			if (!startInPeriod.containsKey(id)) {
				tally(id, startElsewhere.get(id), null, closing, period, scope, tallies);
			}
		});
		return new PipelineChangeReport(from, to, from.takenAt(), toAt, period, start.total(), finish.total(),
				buckets(tallies));
	}

	/**
	 * A person named to narrow the comparison must exist and be one whose deals the
	 * viewer sees (themself or someone below them; anyone for those who see every deal),
	 * as on the forecast grid: a silent empty answer would read as "nothing changed".
	 */
	private void checkNarrowing(Viewer viewer, String field, UUID personId) {
		if (personId == null) {
			return;
		}
		if (this.users.find(personId).isEmpty()) {
			throw new InvalidInputException(field, "There is no user with id " + personId + ".");
		}
		if (!this.forecasts.canSee(viewer, personId)) {
			throw new ForbiddenException(field,
					"You can see what changed in your own pipeline and that of the people below you only.");
		}
	}

	private static void tally(UUID id, DealState before, DealState after, ClosedDeal closing, FiscalPeriod period,
			Scope scope, Map<ChangeBucket, Tally> tallies) {
		DealState last = after != null ? after : closing == null ? null : closing.state();
		for (Movement movement : movements(before, after, closing, period)) {
			tallies.computeIfAbsent(movement.bucket(), bucket -> new Tally(scope.limit()))
				.add(id, movement.amount(), before, last);
		}
	}

	private List<Bucket> buckets(Map<ChangeBucket, Tally> tallies) {
		Map<ChangeBucket, List<Moved>> listed = new EnumMap<>(ChangeBucket.class);
		Set<UUID> shown = new HashSet<>();
		tallies.forEach((bucket, tally) -> {
			List<Moved> largest = tally.largest();
			listed.put(bucket, largest);
			largest.forEach(deal -> shown.add(deal.id()));
		});
		Map<UUID, DealFacts.Facts> found = this.facts.of(shown);
		Map<UUID, DealFlags.Flags> raised = this.flags.of(shown);
		Map<UUID, String> stageNames = new HashMap<>();
		for (PipelineStage stage : this.stages.all()) {
			stageNames.put(stage.id(), stage.name());
		}
		List<Bucket> buckets = new ArrayList<>();
		for (ChangeBucket bucket : ChangeBucket.values()) {
			Tally tally = tallies.get(bucket);
			List<ChangedDeal> deals = listed.getOrDefault(bucket, List.of()).stream().map(deal -> {
				DealFacts.Facts facts = found.get(deal.id());
				DealState before = deal.before();
				DealState after = deal.after();
				return new ChangedDeal(deal.id(), facts == null ? null : facts.name(),
						after != null ? after.ownerId() : before.ownerId(), deal.amount(),
						before == null ? null : before.value(), after == null ? null : after.value(),
						before == null ? null : before.closeDate(), after == null ? null : after.closeDate(),
						before == null ? null : stageNames.get(before.stageId()),
						after == null ? null : stageNames.get(after.stageId()), raised.get(deal.id()));
			}).toList();
			buckets.add(tally == null ? new Bucket(bucket, 0, BigDecimal.ZERO, deals)
					: new Bucket(bucket, tally.count, tally.amount, deals));
		}
		return buckets;
	}

	/** The count and amount of a moment's deals in the period. */
	private static final class Sum {

		private long count;

		private BigDecimal amount = BigDecimal.ZERO;

		DealState add(DealState deal) {
			this.count++;
			this.amount = this.amount.add(deal.value());
			return deal;
		}

		Total total() {
			return new Total(this.count, this.amount);
		}

	}

	/**
	 * A deal's part in a bucket.
	 *
	 * @param amount positive, the bucket's sign says which way it moves the pipeline
	 */
	record Movement(ChangeBucket bucket, BigDecimal amount) {

	}

	private record Moved(UUID id, BigDecimal amount, DealState before, DealState after) {

	}

	/** Largest amount first, then by id. */
	private static final Comparator<Moved> LARGEST_FIRST = Comparator.comparing(Moved::amount)
		.reversed()
		.thenComparing(Moved::id);

	/**
	 * A bucket's count and amount over all its deals, and its largest deals up to the
	 * limit, kept as they come (a bounded heap, not a sort of every deal: at a million
	 * deals a bucket holds tens of thousands).
	 */
	private static final class Tally {

		private final int limit;

		/** The smallest of the kept deals at its head. */
		private final PriorityQueue<Moved> kept;

		long count;

		BigDecimal amount = BigDecimal.ZERO;

		Tally(int limit) {
			this.limit = limit;
			this.kept = new PriorityQueue<>(Math.min(limit, 64) + 1, LARGEST_FIRST.reversed());
		}

		void add(UUID id, BigDecimal amount, DealState before, DealState after) {
			this.count++;
			this.amount = this.amount.add(amount);
			if (this.limit == 0) {
				return;
			}
			Moved deal = new Moved(id, amount, before, after);
			if (this.kept.size() < this.limit) {
				this.kept.add(deal);
			}
			else if (LARGEST_FIRST.compare(deal, this.kept.peek()) < 0) {
				this.kept.poll();
				this.kept.add(deal);
			}
		}

		List<Moved> largest() {
			List<Moved> largest = new ArrayList<>(this.kept);
			largest.sort(LARGEST_FIRST);
			return largest;
		}

	}

	/**
	 * The buckets one deal counts in (the rules of docs/pipeline-snapshots.md).
	 * @param before the deal at the start if it was open then (in the period or not)
	 * @param after the deal at the end if it is open then
	 * @param closed the deal as it closed between the two moments, if it did and is not
	 * open at the end
	 */
	static List<Movement> movements(DealState before, DealState after, ClosedDeal closed, FiscalPeriod period) {
		boolean startIn = before != null && period.contains(before.closeDate());
		List<Movement> movements = new ArrayList<>();
		if (after != null) {
			boolean endIn = period.contains(after.closeDate());
			if (startIn && endIn) {
				amountChange(before.value(), after.value(), movements);
			}
			else if (startIn) {
				movements.add(new Movement(ChangeBucket.PUSHED_OUT, before.value()));
			}
			else if (endIn) {
				movements.add(new Movement(before == null ? ChangeBucket.NEW : ChangeBucket.PULLED_IN, after.value()));
			}
			if (before != null && (startIn || endIn) && before.stagePosition() != after.stagePosition()) {
				movements.add(new Movement(after.stagePosition() > before.stagePosition() ? ChangeBucket.STAGE_FORWARD
						: ChangeBucket.STAGE_BACK, after.value()));
			}
		}
		else if (closed != null && (startIn || period.contains(closed.state().closeDate()))) {
			BigDecimal amount = closed.state().value();
			if (startIn) {
				amountChange(before.value(), amount, movements);
			}
			else {
				movements.add(new Movement(before == null ? ChangeBucket.NEW : ChangeBucket.PULLED_IN, amount));
			}
			movements
				.add(new Movement(closed.outcome() == StageOutcome.WON ? ChangeBucket.WON : ChangeBucket.LOST, amount));
		}
		else if (startIn) {
			movements.add(new Movement(ChangeBucket.REMOVED, before.value()));
		}
		return movements;
	}

	private static void amountChange(BigDecimal before, BigDecimal after, List<Movement> movements) {
		int direction = after.compareTo(before);
		if (direction > 0) {
			movements.add(new Movement(ChangeBucket.AMOUNT_UP, after.subtract(before)));
		}
		else if (direction < 0) {
			movements.add(new Movement(ChangeBucket.AMOUNT_DOWN, before.subtract(after)));
		}
	}

	/** Today in the company's time zone, for pages that default to the current period. */
	public LocalDate today() {
		return this.calendar.today();
	}

}
