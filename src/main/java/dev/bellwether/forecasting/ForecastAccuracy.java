package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.DealFacts;
import dev.bellwether.sales.DealOutcomes;
import dev.bellwether.sales.OpportunityAccess;
import dev.bellwether.sales.StageOutcome;

import org.springframework.stereotype.Service;

/**
 * Forecast accuracy (docs/forecasting.md, "Forecast accuracy"): per fiscal period and per
 * team and rep, the Commit forecast (Closed + Commit) at the start of the period and week
 * by week against what was won, with accuracy, signed bias, MAPE across periods and the
 * commit-to-close rate, over today's manager hierarchy. Forecasts come from a
 * {@link ForecastCallSource} (today derived from the pipeline snapshots), won deals from
 * the sales module's {@link DealOutcomes}. A rep sees their own, a manager their
 * organisation, executives, sales administrators and administrators anyone's.
 */
@Service
public class ForecastAccuracy {

	static final int DEFAULT_PERIODS = 8;

	static final int MAX_PERIODS = 24;

	static final int SUMMARY_PERIODS = 4;

	private static final Set<Role> SEE_ANYONES = EnumSet.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);

	private static final Set<Role> SHOWN_ROLES = EnumSet.of(Role.REP, Role.MANAGER, Role.EXECUTIVE);

	private final SnapshotForecastCalls source;

	private final Submissions submissions;

	private final DealOutcomes outcomes;

	private final DealFacts facts;

	private final OpportunityAccess access;

	private final UserDirectory users;

	private final OrgChart orgChart;

	private final FiscalCalendar calendar;

	private final Clock clock;

	ForecastAccuracy(SnapshotForecastCalls source, Submissions submissions, DealOutcomes outcomes, DealFacts facts,
			OpportunityAccess access, UserDirectory users, OrgChart orgChart, FiscalCalendar calendar, Clock clock) {
		this.source = source;
		this.submissions = submissions;
		this.outcomes = outcomes;
		this.facts = facts;
		this.access = access;
		this.users = users;
		this.orgChart = orgChart;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * The periods asked for: one ({@code period}), a range ({@code from}, {@code to}, of
	 * the same kind, at most 24), or by default the last 8 fiscal quarters that are over.
	 * @throws InvalidInputException for a malformed period, mixed kinds, a range the
	 * wrong way round or too long
	 */
	public List<FiscalPeriod> periods(String period, String from, String to) {
		boolean hasPeriod = period != null && !period.isBlank();
		boolean hasFrom = from != null && !from.isBlank();
		boolean hasTo = to != null && !to.isBlank();
		if (hasPeriod && (hasFrom || hasTo)) {
			throw new InvalidInputException("period", "Give either a period or a range (from, to), not both.");
		}
		if (hasPeriod) {
			return List.of(this.calendar.period(period, "period"));
		}
		FiscalPeriod last = hasTo ? this.calendar.period(to, "to") : null;
		FiscalPeriod first = hasFrom ? this.calendar.period(from, "from") : null;
		if (last == null) {
			FiscalPeriod.Kind kind = first == null ? FiscalPeriod.Kind.QUARTER : first.kind();
			last = this.calendar.previous(this.calendar.current(kind));
			if (first != null && first.start().isAfter(last.start())) {
				last = first;
			}
		}
		if (first == null) {
			first = last;
			for (int i = 1; i < DEFAULT_PERIODS; i++) {
				first = this.calendar.previous(first);
			}
		}
		if (first.kind() != last.kind()) {
			throw new InvalidInputException("to", "from and to must be periods of the same kind (both months, "
					+ "both quarters or both years); " + FiscalPeriod.ACCEPTED_FORMS + ".");
		}
		if (first.start().isAfter(last.start())) {
			throw new InvalidInputException("to", "to (" + last.code() + ") is before from (" + first.code() + ").");
		}
		List<FiscalPeriod> periods = new ArrayList<>();
		for (FiscalPeriod p = first; !p.start().isAfter(last.start()); p = this.calendar.next(p)) {
			periods.add(p);
			if (periods.size() > MAX_PERIODS) {
				throw new InvalidInputException("from", "At most " + MAX_PERIODS + " periods at a time.");
			}
		}
		return periods;
	}

	/**
	 * Whose accuracy: the manager asked for, or by default the viewer (for executives,
	 * sales administrators and administrators without reports, the head of the company).
	 * @throws InvalidInputException for an unknown person
	 * @throws ForbiddenException for someone above the viewer or in another branch
	 */
	public UUID top(Viewer viewer, UUID managerId) {
		List<Person> people = this.users.people();
		return top(viewer, managerId, new OrgTree(people), people);
	}

	private UUID top(Viewer viewer, UUID managerId, OrgTree tree, List<Person> people) {
		UUID top = managerId;
		if (top == null) {
			top = viewer.id();
			if (SEE_ANYONES.contains(viewer.role()) && tree.reportsOf(top).isEmpty()) {
				top = headOfCompany(tree, people).orElse(top);
			}
		}
		if (!tree.contains(top)) {
			throw new InvalidInputException("manager", "There is no user with id " + top + ".");
		}
		if (!canSee(viewer, top)) {
			throw new ForbiddenException("manager", "You can see the forecast accuracy of yourself and the people "
					+ "below you, not " + tree.person(top).fullName() + "'s.");
		}
		return top;
	}

	/**
	 * @return whether the viewer may see the person's forecast accuracy
	 */
	public boolean canSee(Viewer viewer, UUID userId) {
		return viewer.id().equals(userId) || SEE_ANYONES.contains(viewer.role())
				|| this.orgChart.isAbove(viewer.id(), userId);
	}

	/**
	 * @return whether the viewer may open anyone's accuracy
	 */
	public boolean seesAnyone(Viewer viewer) {
		return SEE_ANYONES.contains(viewer.role());
	}

	/**
	 * The active person without a manager who has the largest organisation.
	 */
	private static Optional<UUID> headOfCompany(OrgTree tree, List<Person> people) {
		return people.stream()
			.filter(p -> p.active() && (p.managerId() == null || !tree.contains(p.managerId())))
			.max(Comparator.comparingInt((Person p) -> tree.organisationOf(p.id()).size())
				.thenComparing(Person::id, Comparator.reverseOrder()))
			.map(Person::id);
	}

	/**
	 * The accuracy of a manager's organisation (or a person's own) over the periods, each
	 * row a team (a person with reports: them and everyone below) or a person, depth
	 * first, with the forecast week by week.
	 */
	public Report report(Viewer viewer, UUID managerId, List<FiscalPeriod> periods) {
		return report(viewer, managerId, periods, true);
	}

	/**
	 * The executive home's figure: the accuracy of the viewer's company (the head of the
	 * company's organisation, or the viewer's own) in the last fiscal quarter that is
	 * over, and MAPE over the last 4.
	 */
	public Summary companySummary(Viewer viewer) {
		FiscalPeriod last = this.calendar.previous(this.calendar.current(FiscalPeriod.Kind.QUARTER));
		List<FiscalPeriod> periods = new ArrayList<>();
		FiscalPeriod p = last;
		for (int i = 0; i < SUMMARY_PERIODS; i++) {
			periods.add(0, p);
			p = this.calendar.previous(p);
		}
		Report report = report(viewer, null, periods, false);
		Row top = report.rows().get(0);
		PeriodFigures figures = top.periods().get(top.periods().size() - 1);
		return new Summary(report.managerId(), report.managerName(), periods.get(0), last, figures.startForecast(),
				figures.actual(), figures.accuracy(), figures.bias(), top.mape(), top.mapePeriods());
	}

	private Report report(Viewer viewer, UUID managerId, List<FiscalPeriod> periods, boolean weekly) {
		List<Person> people = this.users.people();
		OrgTree tree = new OrgTree(people);
		UUID top = top(viewer, managerId, tree, people);
		List<Person> organisation = tree.organisationOf(top);
		Set<UUID> owners = organisation.stream().map(Person::id).collect(Collectors.toCollection(LinkedHashSet::new));
		LocalDate firstDay = periods.get(0).start();
		LocalDate lastDay = periods.get(periods.size() - 1).end();
		List<DealOutcomes.WonDeal> won = this.outcomes.won(viewer, top, firstDay, lastDay)
			.stream()
			.filter(deal -> owners.contains(deal.ownerId()))
			.toList();
		Instant now = this.clock.instant();
		LocalDate today = this.calendar.today();
		List<ForecastCallSource.Call> calls = this.source.calls(this.calendar.startOf(firstDay),
				min(this.calendar.startOf(lastDay.plusDays(1)), now.plusNanos(1)));
		List<PeriodCalls> periodCalls = new ArrayList<>();
		List<ForecastCallSource.Asked> asked = new ArrayList<>();
		for (FiscalPeriod period : periods) {
			PeriodCalls pc = weeklyCalls(period, calls, weekly);
			periodCalls.add(pc);
			pc.points.forEach(call -> asked.add(new ForecastCallSource.Asked(call, period.start(), period.end())));
		}
		Map<ForecastCallSource.Asked, Map<UUID, BigDecimal>> commit = this.source.commitByOwner(asked, owners);
		Map<Integer, List<SnapshotForecastCalls.CommitDeal>> startCommit = new HashMap<>();
		Map<Integer, List<DealOutcomes.WonDeal>> wonIn = new HashMap<>();
		for (int i = 0; i < periods.size(); i++) {
			FiscalPeriod period = periods.get(i);
			PeriodCalls pc = periodCalls.get(i);
			startCommit.put(i, pc.start == null ? List.of()
					: this.source.commitDeals(pc.start.id(), period.start(), period.end(), owners));
			wonIn.put(i, won.stream().filter(deal -> period.contains(deal.closeDate())).toList());
		}
		// each owner's figures per period first, so that a row adds up its owners' only
		List<Map<UUID, OwnerFigures>> byOwner = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			FiscalPeriod period = periods.get(i);
			List<ForecastCallSource.Call> points = periodCalls.get(i).points;
			Map<UUID, OwnerFigures> owned = new HashMap<>();
			Set<UUID> wonIds = new HashSet<>();
			for (DealOutcomes.WonDeal deal : wonIn.get(i)) {
				wonIds.add(deal.id());
				OwnerFigures of = owned.computeIfAbsent(deal.ownerId(), id -> new OwnerFigures(points.size()));
				of.actual = of.actual.add(deal.value());
				of.won++;
				for (int k = 0; k < points.size(); k++) {
					if (!deal.closedAt().isAfter(points.get(k).at())) {
						of.closed[k] = of.closed[k].add(deal.value());
					}
				}
			}
			for (int k = 0; k < points.size(); k++) {
				int point = k;
				commit.getOrDefault(new ForecastCallSource.Asked(points.get(k), period.start(), period.end()), Map.of())
					.forEach((owner, amount) -> {
						OwnerFigures of = owned.computeIfAbsent(owner, id -> new OwnerFigures(points.size()));
						of.commit[point] = of.commit[point].add(amount);
					});
			}
			for (SnapshotForecastCalls.CommitDeal deal : startCommit.get(i)) {
				OwnerFigures of = owned.computeIfAbsent(deal.ownerId(), id -> new OwnerFigures(points.size()));
				of.commitDeals++;
				of.commitAmount = of.commitAmount.add(deal.value());
				if (wonIds.contains(deal.id())) {
					of.commitWon++;
					of.commitWonAmount = of.commitWonAmount.add(deal.value());
				}
			}
			byOwner.add(owned);
		}
		List<UUID> heads = organisation.stream().map(Person::id).filter(id -> !tree.reportsOf(id).isEmpty()).toList();
		List<Map<UUID, List<Submission>>> submitted = new ArrayList<>();
		for (FiscalPeriod period : periods) {
			submitted.add(this.submissions.made(heads, period.code())
				.stream()
				.collect(Collectors.groupingBy(Submission::userId)));
		}
		List<Row> rows = new ArrayList<>();
		for (Person person : organisation) {
			boolean team = !tree.reportsOf(person.id()).isEmpty();
			List<UUID> rowOwners = team ? tree.organisationOf(person.id()).stream().map(Person::id).toList()
					: List.of(person.id());
			List<PeriodFigures> figures = new ArrayList<>();
			boolean anything = false;
			for (int i = 0; i < periods.size(); i++) {
				FiscalPeriod period = periods.get(i);
				PeriodCalls pc = periodCalls.get(i);
				OwnerFigures row = new OwnerFigures(pc.points.size());
				for (UUID owner : rowOwners) {
					OwnerFigures of = byOwner.get(i).get(owner);
					if (of != null) {
						row.add(of);
						anything = true;
					}
				}
				List<Point> points = new ArrayList<>();
				for (int k = 0; k < pc.points.size(); k++) {
					ForecastCallSource.Call call = pc.points.get(k);
					BigDecimal derived = row.closed[k].add(row.commit[k]);
					Submission submission = team
							? submittedInWeekOf(submitted.get(i).getOrDefault(person.id(), List.of()), period, call)
							: null;
					points.add(new Point(call.id(), call.at(), row.closed[k], row.commit[k],
							submission == null ? derived : submission.adjustedCommitForecast(),
							submission == null ? null : submission.id()));
				}
				Point start = (pc.start == null || points.isEmpty()) ? null : points.get(0);
				boolean over = period.end().isBefore(today);
				BigDecimal startForecast = start == null ? null : start.forecast();
				boolean judged = over && start != null;
				figures.add(new PeriodFigures(period, over, start, startForecast, row.actual, row.won,
						over ? AccuracyMeasures.accuracy(startForecast, row.actual) : null,
						over ? AccuracyMeasures.bias(startForecast, row.actual) : null, row.commitDeals, row.commitWon,
						row.commitAmount, row.commitWonAmount,
						judged ? AccuracyMeasures.share(BigDecimal.valueOf(row.commitWon),
								BigDecimal.valueOf(row.commitDeals)) : null,
						judged ? AccuracyMeasures.share(row.commitWonAmount, row.commitAmount) : null, points));
			}
			boolean shown = person.id().equals(top) || (person.active() && SHOWN_ROLES.contains(person.role()))
					|| anything;
			if (!shown) {
				continue;
			}
			List<AccuracyMeasures.Outcome> outcomesOver = figures.stream()
				.filter(PeriodFigures::over)
				.map(f -> new AccuracyMeasures.Outcome(f.startForecast(), f.actual()))
				.toList();
			rows.add(new Row(person.id(), person.fullName(), team, tree.depthBelow(top, person.id()), !person.active(),
					figures, AccuracyMeasures.mape(outcomesOver), AccuracyMeasures.mapePeriods(outcomesOver)));
		}
		return new Report(top, tree.person(top).fullName(), periods, rows);
	}

	/**
	 * The submission that is a team's forecast at a call: the manager's latest submission
	 * for the period made in the call's week of the period (7 days from the period's
	 * first day, the last cut at its end), if any; else the team's forecast is derived
	 * from the snapshot.
	 * @param made the manager's submissions for the period, newest first
	 */
	Submission submittedInWeekOf(List<Submission> made, FiscalPeriod period, ForecastCallSource.Call call) {
		if (made.isEmpty()) {
			return null;
		}
		long week = java.time.temporal.ChronoUnit.DAYS.between(period.start(),
				LocalDate.ofInstant(call.at(), this.calendar.zone())) / 7;
		Instant from = this.calendar.startOf(period.start().plusDays(7 * week));
		Instant to = min(this.calendar.startOf(period.start().plusDays(7 * (week + 1))),
				this.calendar.startOf(period.end().plusDays(1)));
		return made.stream()
			.filter(s -> !s.submittedAt().isBefore(from) && s.submittedAt().isBefore(to))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The forecast points of a period: for each week from its first day (7 days, the last
	 * one cut at the period's end), the first call made in it, up to now; the start call
	 * is the first week's.
	 */
	private PeriodCalls weeklyCalls(FiscalPeriod period, List<ForecastCallSource.Call> calls, boolean weekly) {
		Instant end = this.calendar.startOf(period.end().plusDays(1));
		List<ForecastCallSource.Call> points = new ArrayList<>();
		ForecastCallSource.Call start = null;
		for (int week = 0;; week++) {
			Instant from = this.calendar.startOf(period.start().plusDays(7L * week));
			if (!from.isBefore(end)) {
				break;
			}
			Instant to = min(this.calendar.startOf(period.start().plusDays(7L * (week + 1))), end);
			ForecastCallSource.Call first = calls.stream()
				.filter(call -> !call.at().isBefore(from) && call.at().isBefore(to))
				.findFirst()
				.orElse(null);
			if (week == 0) {
				start = first;
			}
			if (first != null) {
				points.add(first);
			}
			if (!weekly) {
				break;
			}
		}
		return new PeriodCalls(start, points);
	}

	/**
	 * The deals behind a figure of a row: {@code won} (the actual: deals won with their
	 * close date in the period), {@code commit} (the deals in Commit at the start, and
	 * what became of them) or {@code forecast} (the deals in the forecast made at a call,
	 * by default the start's: won by then, and in Commit then).
	 * @param personId the row's person; {@code team} for their whole organisation
	 * @throws InvalidInputException for an unknown figure, call or person
	 * @throws ForbiddenException for a person outside the manager's organisation
	 */
	public Drill deals(Viewer viewer, UUID managerId, UUID personId, boolean team, FiscalPeriod period, String what,
			UUID callId) {
		List<Person> people = this.users.people();
		OrgTree tree = new OrgTree(people);
		UUID top = top(viewer, managerId, tree, people);
		UUID person = personId == null ? top : personId;
		if (!tree.contains(person)) {
			throw new InvalidInputException("person", "There is no user with id " + person + ".");
		}
		Set<UUID> organisation = tree.organisationOf(top).stream().map(Person::id).collect(Collectors.toSet());
		if (!organisation.contains(person)) {
			throw new ForbiddenException("person", "This person is not in the organisation shown.");
		}
		Set<UUID> owners = team ? tree.organisationOf(person).stream().map(Person::id).collect(Collectors.toSet())
				: Set.of(person);
		String figure = what == null || what.isBlank() ? "forecast" : what.strip().toLowerCase(java.util.Locale.ROOT);
		List<DealOutcomes.WonDeal> won = this.outcomes.won(viewer, top, period.start(), period.end())
			.stream()
			.filter(deal -> owners.contains(deal.ownerId()))
			.toList();
		List<ForecastCallSource.Call> calls = this.source.calls(this.calendar.startOf(period.start()),
				this.calendar.startOf(period.end().plusDays(1)));
		ForecastCallSource.Call call;
		if (callId != null) {
			call = calls.stream()
				.filter(c -> c.id().equals(callId))
				.findFirst()
				.orElseThrow(() -> new InvalidInputException("at",
						"There is no forecast " + callId + " in " + period.code() + "."));
		}
		else {
			call = weeklyCalls(period, calls, false).start;
		}
		List<DrillDeal.Then> then = new ArrayList<>();
		String title;
		switch (figure) {
			case "won" -> {
				title = "Won in " + period.label() + " (the actual)";
				won.forEach(deal -> then
					.add(new DrillDeal.Then(deal.id(), deal.ownerId(), "won", deal.amount(), deal.closeDate())));
			}
			case "commit", "forecast" -> {
				if (call == null) {
					title = "No forecast: no pipeline snapshot was taken in the period's first week";
					break;
				}
				boolean commitOnly = figure.equals("commit");
				title = (commitOnly ? "In Commit at " : "In the forecast at ") + this.calendar.zone().getId() + " "
						+ java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu HH:mm")
							.format(call.at().atZone(this.calendar.zone()));
				if (!commitOnly) {
					won.stream()
						.filter(deal -> !deal.closedAt().isAfter(call.at()))
						.forEach(deal -> then.add(new DrillDeal.Then(deal.id(), deal.ownerId(), "won by then",
								deal.amount(), deal.closeDate())));
				}
				this.source.commitDeals(call.id(), period.start(), period.end(), owners)
					.forEach(deal -> then
						.add(new DrillDeal.Then(deal.id(), deal.ownerId(), "Commit", deal.amount(), deal.closeDate())));
			}
			default -> throw new InvalidInputException("what", "A figure is one of won, commit or forecast.");
		}
		Map<UUID, DealFacts.Facts> now = this.facts.of(then.stream().map(DrillDeal.Then::dealId).toList());
		Set<UUID> involved = new HashSet<>();
		then.forEach(t -> involved.add(t.ownerId()));
		now.values().forEach(f -> involved.add(f.ownerId()));
		Map<UUID, String> names = this.users.namesOf(involved);
		List<DrillDeal> rows = new ArrayList<>();
		for (DrillDeal.Then t : then) {
			DealFacts.Facts f = now.get(t.dealId());
			boolean readable = f != null && this.access.canRead(viewer, f.ownerId());
			rows.add(new DrillDeal(t, names.get(t.ownerId()), readable ? f.name() : null,
					f == null ? null : names.get(f.ownerId()), readable ? f.stageName() : null,
					f == null ? null : f.amount(), f == null ? null : f.closeDate(), fate(f, period)));
		}
		BigDecimal total = sum(then.stream().map(t -> t.amount() == null ? BigDecimal.ZERO : t.amount()).toList());
		return new Drill(top, period, person, tree.person(person).fullName(), team, figure,
				call == null ? null : call.id(), call == null ? null : call.at(), title, rows, total);
	}

	/**
	 * What became of a deal, judged now against the period.
	 */
	static Fate fate(DealFacts.Facts deal, FiscalPeriod period) {
		if (deal == null) {
			return Fate.DELETED;
		}
		if (deal.outcome() == StageOutcome.WON) {
			return period.contains(deal.closeDate()) ? Fate.WON_IN_PERIOD : Fate.WON_OUTSIDE_PERIOD;
		}
		if (deal.outcome() == StageOutcome.LOST) {
			return Fate.LOST;
		}
		return deal.closeDate() != null && deal.closeDate().isAfter(period.end()) ? Fate.SLIPPED : Fate.OPEN;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		BigDecimal total = BigDecimal.ZERO;
		for (BigDecimal amount : amounts) {
			total = total.add(amount);
		}
		return total;
	}

	/**
	 * One owner's (or, added up, one row's) figures for a period, with the closed and
	 * Commit parts at each of the period's points.
	 */
	private static final class OwnerFigures {

		BigDecimal actual = BigDecimal.ZERO;

		long won;

		final BigDecimal[] closed;

		final BigDecimal[] commit;

		long commitDeals;

		long commitWon;

		BigDecimal commitAmount = BigDecimal.ZERO;

		BigDecimal commitWonAmount = BigDecimal.ZERO;

		OwnerFigures(int points) {
			this.closed = new BigDecimal[points];
			this.commit = new BigDecimal[points];
			java.util.Arrays.fill(this.closed, BigDecimal.ZERO);
			java.util.Arrays.fill(this.commit, BigDecimal.ZERO);
		}

		void add(OwnerFigures other) {
			this.actual = this.actual.add(other.actual);
			this.won += other.won;
			for (int k = 0; k < this.closed.length; k++) {
				this.closed[k] = this.closed[k].add(other.closed[k]);
				this.commit[k] = this.commit[k].add(other.commit[k]);
			}
			this.commitDeals += other.commitDeals;
			this.commitWon += other.commitWon;
			this.commitAmount = this.commitAmount.add(other.commitAmount);
			this.commitWonAmount = this.commitWonAmount.add(other.commitWonAmount);
		}

	}

	private record PeriodCalls(ForecastCallSource.Call start, List<ForecastCallSource.Call> points) {
	}

	/**
	 * What became of a deal in a forecast.
	 */
	public enum Fate {

		WON_IN_PERIOD("won in the period"), WON_OUTSIDE_PERIOD("won, closing outside the period"), LOST("lost"),
		SLIPPED("still open, closing after the period"), OPEN("still open"), DELETED("deleted");

		private final String label;

		Fate(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * A forecast made at a moment for a row: its closed part (won by then), its open part
	 * (in Commit then) and the forecast (their sum, or a team's submitted figure).
	 */
	/**
	 * @param forecast the submitted forecast (Closed + adjusted Commit, as submitted)
	 * when {@code submissionId} is set, else the one derived from the snapshot
	 * @param submissionId the manager's submission that is the team's forecast in this
	 * week, {@code null} when the forecast is derived
	 */
	public record Point(UUID callId, Instant at, BigDecimal closed, BigDecimal commit, BigDecimal forecast,
			UUID submissionId) {
	}

	/**
	 * A row's figures for one period.
	 *
	 * @param over whether the period is over (only then accuracy, bias and
	 * commit-to-close are given, and the period enters MAPE)
	 * @param start the forecast at the start; {@code null} without a snapshot in the
	 * period's first week
	 * @param weeks the forecast week by week (weeks without a snapshot left out)
	 */
	public record PeriodFigures(FiscalPeriod period, boolean over, Point start, BigDecimal startForecast,
			BigDecimal actual, long wonDeals, BigDecimal accuracy, BigDecimal bias, long commitDeals, long commitWon,
			BigDecimal commitAmount, BigDecimal commitWonAmount, BigDecimal commitToCloseCount,
			BigDecimal commitToCloseValue, List<Point> weeks) {
	}

	/**
	 * @param team a team row (the person and everyone below); else the person's own deals
	 * @param depth how far below the top
	 * @param mape across the periods that are over, with a forecast and an actual above 0
	 * @param mapePeriods how many periods enter MAPE
	 */
	public record Row(UUID personId, String name, boolean team, int depth, boolean deactivated,
			List<PeriodFigures> periods, BigDecimal mape, int mapePeriods) {
	}

	public record Report(UUID managerId, String managerName, List<FiscalPeriod> periods, List<Row> rows) {

		/**
		 * @return the top row (the manager's team, or the person)
		 */
		public Row top() {
			return this.rows.get(0);
		}

	}

	/**
	 * The executive home's figure.
	 */
	public record Summary(UUID managerId, String managerName, FiscalPeriod from, FiscalPeriod lastQuarter,
			BigDecimal forecast, BigDecimal actual, BigDecimal accuracy, BigDecimal bias, BigDecimal mape,
			int mapePeriods) {

		/**
		 * @return the page showing these figures
		 */
		public String link() {
			return "/forecast/accuracy?from=" + this.from.code() + "&to=" + this.lastQuarter.code() + "&manager="
					+ this.managerId;
		}

	}

	/**
	 * The deals behind a figure.
	 */
	public record Drill(UUID managerId, FiscalPeriod period, UUID personId, String personName, boolean team,
			String figure, UUID callId, Instant at, String title, List<DrillDeal> deals, BigDecimal total) {
	}

	/**
	 * A deal as the figure counted it, and as it is now.
	 *
	 * @param name {@code null} when the viewer may no longer see the deal
	 */
	public record DrillDeal(Then then, String ownerThen, String name, String ownerNow, String stageNow,
			BigDecimal amountNow, LocalDate closeDateNow, Fate fate) {

		public record Then(UUID dealId, UUID ownerId, String as, BigDecimal amount, LocalDate closeDate) {
		}

	}

}
