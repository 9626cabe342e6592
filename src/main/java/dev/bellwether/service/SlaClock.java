package dev.bellwether.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.bellwether.platform.businesstime.BusinessCalendar;

/**
 * A case's SLA clocks: how much business time its first response and its resolution have
 * used, how much is left, when each is (or was) due and where each stands. Pure and
 * immutable; business time is the {@link BusinessCalendar}'s (weekends, holidays, the
 * calendar's time zone and its daylight-saving changes).
 * <p>
 * The rules (docs/service.md, "SLAs"):
 * <ul>
 * <li>Both clocks start when the case is created and count only business time.</li>
 * <li>While the case waits on the customer ({@link Counting#PAUSED}) neither counts;
 * while it is resolved or closed ({@link Counting#STOPPED}) both stop. Reopening resumes
 * them with the time already used: it is not a fresh start.</li>
 * <li>The first-response clock is done at the first public agent reply. A case resolved
 * without one has its first response done at the resolution (the resolution answered the
 * customer); reopened, that clock runs on until a reply.</li>
 * <li>A target is met when its clock stops at or before the due instant, missed when it
 * stops after; a running or paused one is breached once the due instant has passed.</li>
 * <li>When the targets change (the priority changed), a clock still going is measured
 * against the new target from the case's creation, as Zendesk does: the business time
 * already used counts in full, so a case raised to URGENT may be breached at once, its
 * due instant lying before the change. A clock already done keeps the outcome of the
 * target in force when it stopped.</li>
 * </ul>
 *
 * @param calendar the business hours the targets count in
 * @param createdAt when the case was created; the clocks start then
 * @param transitions when the clocks were paused, stopped or resumed (in any order; of
 * two at the same instant the later in the list wins)
 * @param firstResponseAt the first public agent reply, or {@code null}
 * @param targets the targets since creation and each later change (at least one; the
 * first applies from creation whatever its instant)
 * @param warning when a running target is due soon
 */
public record SlaClock(BusinessCalendar calendar, Instant createdAt, List<Transition> transitions,
		Instant firstResponseAt, List<TargetChange> targets, SlaWarning warning) {

	public SlaClock {
		Objects.requireNonNull(calendar, "calendar");
		Objects.requireNonNull(createdAt, "createdAt");
		if (targets == null || targets.isEmpty()) {
			throw new IllegalArgumentException("An SLA clock needs its targets");
		}
		transitions = transitions.stream().sorted(Comparator.comparing(Transition::at)).toList();
		targets = targets.stream().sorted(Comparator.comparing(TargetChange::at)).toList();
		warning = (warning != null) ? warning : SlaWarning.DEFAULT;
	}

	/**
	 * A clock with the same targets all along.
	 */
	public static SlaClock of(BusinessCalendar calendar, Instant createdAt, List<Transition> transitions,
			Instant firstResponseAt, SlaTargets targets, SlaWarning warning) {
		return new SlaClock(calendar, createdAt, transitions, firstResponseAt,
				List.of(new TargetChange(createdAt, targets)), warning);
	}

	/**
	 * @return both targets as of {@code now}
	 */
	public SlaStatus at(Instant now) {
		return new SlaStatus(measure(SlaMetric.FIRST_RESPONSE, now), measure(SlaMetric.RESOLUTION, now));
	}

	/**
	 * @return one target as of {@code now}
	 */
	public Measure measure(SlaMetric metric, Instant now) {
		Instant start = now.isBefore(this.createdAt) ? this.createdAt : now;
		Instant horizon = start;
		Instant completedAt = null;
		if (metric == SlaMetric.FIRST_RESPONSE && this.firstResponseAt != null
				&& !this.firstResponseAt.isAfter(horizon)) {
			completedAt = this.firstResponseAt.isBefore(this.createdAt) ? this.createdAt : this.firstResponseAt;
			horizon = completedAt;
		}
		List<Segment> segments = segmentsUntil(horizon);
		Segment last = segments.get(segments.size() - 1);
		if (completedAt == null && last.counting() == Counting.STOPPED) {
			int first = segments.size() - 1;
			while (first > 0 && segments.get(first - 1).counting() == Counting.STOPPED) {
				first--;
			}
			completedAt = segments.get(first).start();
		}
		Duration target = targetAt((completedAt != null) ? completedAt : now).of(metric);
		Duration threshold = this.warning.thresholdFor(target);
		Duration warnAfter = target.minus(threshold);

		Duration elapsed = Duration.ZERO;
		Instant crossing = null;
		Instant warned = (!warnAfter.isNegative() && !warnAfter.isZero()) ? null : this.createdAt;
		for (Segment segment : segments) {
			if (segment.counting() != Counting.RUNNING) {
				continue;
			}
			Duration used = this.calendar.businessTimeBetween(segment.start(), segment.end());
			Duration after = elapsed.plus(used);
			if (warned == null && after.compareTo(warnAfter) >= 0) {
				warned = this.calendar.addBusinessTime(segment.start(), warnAfter.minus(elapsed));
			}
			if (crossing == null && after.compareTo(target) >= 0) {
				crossing = this.calendar.addBusinessTime(segment.start(), target.minus(elapsed));
			}
			elapsed = after;
		}
		Duration remaining = target.minus(elapsed);
		boolean running = completedAt == null && last.counting() == Counting.RUNNING;
		boolean projects = running && this.calendar.works();
		Instant dueAt = (crossing != null) ? crossing
				: projects ? this.calendar.addBusinessTime(start, remaining) : null;
		Instant warnAt = (warned != null) ? warned
				: projects ? this.calendar.addBusinessTime(start, remaining.minus(threshold)) : null;
		SlaState state;
		if (completedAt != null) {
			state = (crossing != null && crossing.isBefore(completedAt)) ? SlaState.MISSED : SlaState.MET;
		}
		else if (crossing != null && crossing.isBefore(now)) {
			state = SlaState.BREACHED;
		}
		else if (!running) {
			state = SlaState.PAUSED;
		}
		else if (remaining.compareTo(threshold) <= 0) {
			state = SlaState.WARNING;
		}
		else {
			state = SlaState.RUNNING;
		}
		Instant breachedAt = (state == SlaState.BREACHED || state == SlaState.MISSED) ? crossing : null;
		return new Measure(metric, target, elapsed, remaining, dueAt, warnAt, state, breachedAt, completedAt);
	}

	private SlaTargets targetAt(Instant at) {
		SlaTargets inForce = this.targets.get(0).targets();
		for (TargetChange change : this.targets) {
			if (!change.at().isAfter(at)) {
				inForce = change.targets();
			}
		}
		return inForce;
	}

	/**
	 * @return the stretches from creation to {@code horizon}, each with how the clocks
	 * count in it; never empty
	 */
	private List<Segment> segmentsUntil(Instant horizon) {
		List<Instant> starts = new ArrayList<>();
		List<Counting> countings = new ArrayList<>();
		starts.add(this.createdAt);
		countings.add(Counting.RUNNING);
		for (Transition transition : this.transitions) {
			if (transition.at().isAfter(horizon)) {
				break;
			}
			Instant at = transition.at().isBefore(this.createdAt) ? this.createdAt : transition.at();
			if (at.equals(starts.get(starts.size() - 1))) {
				countings.set(countings.size() - 1, transition.counting());
			}
			else {
				starts.add(at);
				countings.add(transition.counting());
			}
		}
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < starts.size(); i++) {
			Instant end = (i + 1 < starts.size()) ? starts.get(i + 1) : horizon;
			segments.add(new Segment(starts.get(i), end, countings.get(i)));
		}
		return segments;
	}

	/**
	 * How the clocks count from a moment on.
	 */
	public enum Counting {

		/** The case is being worked (new or open). */
		RUNNING,

		/** The case waits on the customer. */
		PAUSED,

		/** The case is resolved or closed. */
		STOPPED

	}

	/**
	 * From {@code at} on, the clocks count as {@code counting} says.
	 */
	public record Transition(Instant at, Counting counting) {

		public Transition {
			Objects.requireNonNull(at, "at");
			Objects.requireNonNull(counting, "counting");
		}

	}

	/**
	 * From {@code at} on, these targets apply.
	 */
	public record TargetChange(Instant at, SlaTargets targets) {

		public TargetChange {
			Objects.requireNonNull(at, "at");
			Objects.requireNonNull(targets, "targets");
		}

	}

	private record Segment(Instant start, Instant end, Counting counting) {
	}

	/**
	 * One target as of a moment.
	 *
	 * @param metric what it measures
	 * @param target the business time allowed (the one in force now, or when the clock
	 * stopped)
	 * @param elapsed the business time used
	 * @param remaining the business time left; negative when overdue
	 * @param dueAt when the target runs (or ran) out: projected through the calendar
	 * while running, {@code null} while paused (it moves) and once met
	 * @param warnAt when the target is (or was) due soon; {@code null} like {@code dueAt}
	 * @param state where it stands
	 * @param breachedAt the due instant it went past, when breached or missed
	 * @param completedAt when its clock stopped for good, when met or missed
	 */
	public record Measure(SlaMetric metric, Duration target, Duration elapsed, Duration remaining, Instant dueAt,
			Instant warnAt, SlaState state, Instant breachedAt, Instant completedAt) {

		public Measure {
			if (state == SlaState.MET) {
				dueAt = null;
				warnAt = null;
			}
		}

	}

	/**
	 * A case's two targets as of a moment.
	 */
	public record SlaStatus(Measure firstResponse, Measure resolution) {

		public Measure of(SlaMetric metric) {
			return (metric == SlaMetric.FIRST_RESPONSE) ? this.firstResponse : this.resolution;
		}

	}

}
