package dev.bellwether.forecasting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Person;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.sales.DealOutcomes;
import dev.bellwether.sales.PipelineStages;

import org.springframework.stereotype.Service;

/**
 * Win/loss and pipeline analytics over the deals a viewer may see, for a fiscal period:
 * win rates by count and value, average deal size and sales cycle per owner, team and
 * period; the funnel and time in stage from the stage history; pipeline velocity; the
 * trend over the last 8 quarters; and why deals were lost. Deals come from the sales
 * module's {@link DealOutcomes}; teams from identity's org chart. Every figure is defined
 * in {@code docs/analytics.md}.
 */
@Service
public class SalesAnalytics {

	/** Who sees everyone's analytics (and any manager's organisation). */
	static final Set<Role> SEE_EVERYONE = Set.of(Role.EXECUTIVE, Role.SALES_ADMIN, Role.ADMIN);

	static final int TREND_QUARTERS = 8;

	private final DealOutcomes outcomes;

	private final OrgChart orgChart;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	private final PipelineStages stages;

	SalesAnalytics(DealOutcomes outcomes, OrgChart orgChart, UserDirectory users, FiscalCalendar calendar,
			PipelineStages stages) {
		this.stages = stages;
		this.outcomes = outcomes;
		this.orgChart = orgChart;
		this.users = users;
		this.calendar = calendar;
	}

	/**
	 * @param code a period, {@code 2026-11}, {@code 2026-Q4} or {@code FY2026}; blank for
	 * the current fiscal quarter
	 * @throws dev.bellwether.platform.InvalidInputException naming the accepted forms
	 */
	public FiscalPeriod period(String code) {
		if (code == null || code.isBlank()) {
			return this.calendar.current(FiscalPeriod.Kind.QUARTER);
		}
		return this.calendar.period(code, "period");
	}

	/**
	 * Whose deals a viewer's analytics cover: executives, sales administrators and
	 * administrators everyone's, or any manager's organisation; a manager their own
	 * organisation or a part of it; anyone else their own deals.
	 * @param managerId whose organisation; {@code null} for the viewer's default
	 * @throws ForbiddenException for a manager outside (or above) the viewer's
	 * organisation
	 */
	public AnalyticsScope scope(Viewer viewer, UUID managerId) {
		if (SEE_EVERYONE.contains(viewer.role())) {
			return managerId == null ? new AnalyticsScope(null, "Everyone") : team(managerId);
		}
		UUID manager = managerId == null ? viewer.id() : managerId;
		if (!manager.equals(viewer.id()) && !this.orgChart.organisationOf(viewer.id()).contains(manager)) {
			throw new ForbiddenException("manager",
					"You see the analytics of your own organisation only: this person is not in it.");
		}
		return team(manager);
	}

	/**
	 * @return whether the viewer sees everyone's analytics
	 */
	public boolean seesEveryone(Viewer viewer) {
		return SEE_EVERYONE.contains(viewer.role());
	}

	/**
	 * @return the name of a stage given by id, for titles
	 */
	public String stageName(String stageId) {
		try {
			return this.stages.find(UUID.fromString(stageId.strip())).map(s -> s.name()).orElse("an unknown stage");
		}
		catch (IllegalArgumentException ex) {
			throw new dev.bellwether.platform.InvalidInputException("value", "A stage is named by its id.");
		}
	}

	private AnalyticsScope team(UUID managerId) {
		String name = this.users.namesOf(List.of(managerId)).get(managerId);
		if (name == null) {
			throw new dev.bellwether.platform.RecordNotFoundException("user", managerId);
		}
		return new AnalyticsScope(managerId, name);
	}

	/**
	 * Win rates, deal size and sales cycle for the period: in all, per owner, per team
	 * (each manager directly below the scope — for everyone, each manager at the top —
	 * over their whole organisation), and per quarter over the last 8.
	 */
	public WinRates winRates(Viewer viewer, AnalyticsScope scope, FiscalPeriod period) {
		List<FiscalCalendar.Period> one = List.of(period.span());
		List<DealOutcomes.Closed> byOwner = this.outcomes.closed(viewer, scope.managerId(), one, null);
		Map<UUID, UUID> teamOf = new HashMap<>();
		Map<UUID, String> teamNames = new LinkedHashMap<>();
		teams(scope, teamOf, teamNames);
		List<DealOutcomes.Closed> byTeam = teamNames.isEmpty() ? List.of()
				: this.outcomes.closed(viewer, scope.managerId(), one, teamOf);
		WinLoss total = WinLoss.NONE;
		List<Row> owners = new ArrayList<>();
		for (DealOutcomes.Closed row : byOwner) {
			if (row.group() == null) {
				total = winLoss(row);
			}
			else {
				owners.add(new Row(row.group(), null, winLoss(row)));
			}
		}
		Map<UUID, String> names = this.users.namesOf(owners.stream().map(Row::id).toList());
		owners = owners.stream()
			.map(row -> new Row(row.id(), names.getOrDefault(row.id(), "?"), row.figures()))
			.sorted(Comparator.comparing(Row::name))
			.toList();
		List<Row> teams = new ArrayList<>();
		Map<UUID, WinLoss> teamFigures = new HashMap<>();
		byTeam.stream().filter(row -> row.group() != null).forEach(row -> teamFigures.put(row.group(), winLoss(row)));
		teamNames.forEach((id, name) -> teams.add(new Row(id, name, teamFigures.getOrDefault(id, WinLoss.NONE))));
		return new WinRates(period, scope, total, owners, teams, trend(viewer, scope, period));
	}

	/**
	 * @return the 8 fiscal quarters ending with the one that holds the period's last day
	 * (or today, when that is earlier), the oldest first
	 */
	public List<FiscalPeriod> trendQuarters(FiscalPeriod period) {
		LocalDate last = period.end().isAfter(this.calendar.today()) ? this.calendar.today() : period.end();
		FiscalPeriod quarter = this.calendar.periodOf(FiscalPeriod.Kind.QUARTER, last);
		List<FiscalPeriod> quarters = new ArrayList<>();
		for (int i = 0; i < TREND_QUARTERS; i++) {
			quarters.add(0, quarter);
			quarter = this.calendar.previous(quarter);
		}
		return quarters;
	}

	private List<PeriodRow> trend(Viewer viewer, AnalyticsScope scope, FiscalPeriod period) {
		List<FiscalPeriod> quarters = trendQuarters(period);
		Map<Integer, WinLoss> byQuarter = new HashMap<>();
		this.outcomes.closed(viewer, scope.managerId(), quarters.stream().map(FiscalPeriod::span).toList(), Map.of())
			.stream()
			.filter(row -> row.group() == null)
			.forEach(row -> byQuarter.put(row.period(), winLoss(row)));
		List<PeriodRow> trend = new ArrayList<>();
		for (int i = 0; i < quarters.size(); i++) {
			trend.add(new PeriodRow(quarters.get(i), byQuarter.getOrDefault(i, WinLoss.NONE)));
		}
		return trend;
	}

	/**
	 * The funnel of the deals created in the period, and how long deals stayed in each
	 * stage (stays that ended in the period).
	 */
	public Funnel funnel(Viewer viewer, AnalyticsScope scope, FiscalPeriod period) {
		return new Funnel(period, scope, this.outcomes.funnel(viewer, scope.managerId(), period.span()),
				this.outcomes.timeInStage(viewer, scope.managerId(), period.span()));
	}

	/**
	 * Pipeline velocity: the deals open now, with the win rate, average deal size and
	 * mean sales cycle of the deals closed in the period.
	 */
	public PipelineVelocity velocity(Viewer viewer, AnalyticsScope scope, FiscalPeriod period) {
		WinLoss closed = this.outcomes.closed(viewer, scope.managerId(), List.of(period.span()), Map.of())
			.stream()
			.filter(row -> row.group() == null)
			.findFirst()
			.map(SalesAnalytics::winLoss)
			.orElse(WinLoss.NONE);
		long open = this.outcomes.open(viewer, scope.managerId()).count();
		return PipelineVelocity.of(open, closed, ChronoUnit.DAYS.between(period.start(), period.end()) + 1);
	}

	/**
	 * The deals lost in the period, by reason, competitor and stage lost at.
	 */
	public DealOutcomes.Losses losses(Viewer viewer, AnalyticsScope scope, FiscalPeriod period) {
		return this.outcomes.losses(viewer, scope.managerId(), period.span());
	}

	/**
	 * The deals behind a figure (at most {@code limit}).
	 * @param ownerId only this owner's deals (who must be in the scope), or {@code null}
	 */
	public DealOutcomes.DealList deals(Viewer viewer, AnalyticsScope scope, UUID ownerId, FiscalPeriod period,
			DealOutcomes.Drill drill, String value, int limit) {
		return this.outcomes.deals(viewer, scope.managerId(), ownerId, period.span(), drill, value, limit);
	}

	/**
	 * @return the names of people, for lists of deals
	 */
	public Map<UUID, String> namesOf(java.util.Collection<UUID> ids) {
		return this.users.namesOf(ids);
	}

	private void teams(AnalyticsScope scope, Map<UUID, UUID> teamOf, Map<UUID, String> teamNames) {
		List<Person> people = this.users.people();
		Map<UUID, List<Person>> reports = new HashMap<>();
		people.stream()
			.filter(person -> person.managerId() != null)
			.forEach(person -> reports.computeIfAbsent(person.managerId(), id -> new ArrayList<>()).add(person));
		List<Person> leads = (scope.managerId() == null)
				? people.stream().filter(p -> p.managerId() == null && reports.containsKey(p.id())).toList()
				: reports.getOrDefault(scope.managerId(), List.of())
					.stream()
					.filter(p -> reports.containsKey(p.id()))
					.toList();
		for (Person lead : leads) {
			teamNames.put(lead.id(), lead.fullName());
			List<UUID> pending = new ArrayList<>(List.of(lead.id()));
			while (!pending.isEmpty()) {
				UUID id = pending.remove(pending.size() - 1);
				if (teamOf.putIfAbsent(id, lead.id()) == null) {
					reports.getOrDefault(id, List.of()).forEach(p -> pending.add(p.id()));
				}
			}
		}
	}

	private static WinLoss winLoss(DealOutcomes.Closed row) {
		return new WinLoss(row.won(), row.lost(), row.wonAmount(), row.lostAmount(), row.cycleDays(),
				row.medianCycleDays());
	}

	/**
	 * Whose deals analytics cover.
	 *
	 * @param managerId the manager whose organisation; {@code null} for everyone
	 * @param name the manager's name, or "Everyone"
	 */
	public record AnalyticsScope(UUID managerId, String name) {
	}

	/**
	 * Win rates for a period: in all, per owner (by name), per team, and per quarter.
	 */
	public record WinRates(FiscalPeriod period, AnalyticsScope scope, WinLoss total, List<Row> owners, List<Row> teams,
			List<PeriodRow> trend) {
	}

	/**
	 * One owner's or team's figures.
	 */
	public record Row(UUID id, String name, WinLoss figures) {
	}

	/**
	 * One quarter's figures.
	 */
	public record PeriodRow(FiscalPeriod period, WinLoss figures) {
	}

	/**
	 * The funnel and time in stage.
	 */
	public record Funnel(FiscalPeriod period, AnalyticsScope scope, DealOutcomes.Funnel funnel,
			List<DealOutcomes.StageTime> timeInStage) {

		/**
		 * @return each open stage with the share of the period's deals that reached it
		 * and the share of those that reached the stage before (the first: of all), then
		 * "won" as a last step without a stage
		 */
		public List<FunnelStep> steps() {
			List<FunnelStep> steps = new ArrayList<>();
			long before = this.funnel.deals();
			for (DealOutcomes.StageReach reach : this.funnel.steps()) {
				steps.add(new FunnelStep(reach.stage().id(), reach.stage().name(), reach.reached(),
						share(reach.reached(), this.funnel.deals()), share(reach.reached(), before)));
				before = reach.reached();
			}
			steps.add(new FunnelStep(null, "Won", this.funnel.won(), share(this.funnel.won(), this.funnel.deals()),
					share(this.funnel.won(), before)));
			return steps;
		}

		private static Double share(long part, long whole) {
			return whole == 0 ? null : (double) part / whole;
		}

	}

	/**
	 * A step of the funnel.
	 *
	 * @param stageId {@code null} for the last step, won
	 * @param reached how many of the period's deals reached the stage or went further
	 * @param share reached ÷ the period's deals; {@code null} without deals
	 * @param conversion reached ÷ those that reached the step before (for the first: the
	 * period's deals); {@code null} when none did
	 */
	public record FunnelStep(UUID stageId, String stage, long reached, Double share, Double conversion) {
	}

}
