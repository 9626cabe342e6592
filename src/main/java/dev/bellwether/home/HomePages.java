package dev.bellwether.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.TaskWindow;
import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactFilter;
import dev.bellwether.customers.Contacts;
import dev.bellwether.dataquality.QualityScores;
import dev.bellwether.forecasting.ForecastAccuracy;
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityFilter;
import dev.bellwether.sales.PipelineAnalytics;
import dev.bellwether.sales.PipelineAnalytics.OpenDeals;
import dev.bellwether.sales.PipelineAnalytics.StageTotals;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The figures and lists of the home pages, by view: a rep's "my day", a manager's team
 * and the company. It owns no data: everything comes through the sales, activities,
 * customers, identity and forecasting modules' public APIs.
 */
@Service
public class HomePages {

	static final int LIST_SIZE = 10;

	private static final Set<Role> SEES_COMPANY = Set.of(Role.EXECUTIVE, Role.ADMIN, Role.SALES_ADMIN);

	private static final Set<Role> REASSIGNS_ANY_DEAL = Set.of(Role.ADMIN, Role.SALES_ADMIN);

	private static final Map<ForecastCategory, String> CATEGORY_COLOURS = Map.of(ForecastCategory.PIPELINE, "#8da4c4",
			ForecastCategory.BEST_CASE, "#f0ad4e", ForecastCategory.COMMIT, "#2e8b57", ForecastCategory.CLOSED,
			"#1f4e79", ForecastCategory.OMITTED, "#adb5bd");

	private final Opportunities opportunities;

	private final PipelineAnalytics analytics;

	private final PipelineStages stages;

	private final Activities activities;

	private final Accounts accounts;

	private final Contacts contacts;

	private final UserDirectory users;

	private final OrgChart orgChart;

	private final FiscalCalendar calendar;

	private final JsonMapper json;

	private final ForecastAccuracy accuracy;

	private final QualityScores quality;

	HomePages(Opportunities opportunities, PipelineAnalytics analytics, PipelineStages stages, Activities activities,
			Accounts accounts, Contacts contacts, UserDirectory users, OrgChart orgChart, FiscalCalendar calendar,
			JsonMapper json, ForecastAccuracy accuracy, QualityScores quality) {
		this.accuracy = accuracy;
		this.quality = quality;
		this.opportunities = opportunities;
		this.analytics = analytics;
		this.stages = stages;
		this.activities = activities;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.orgChart = orgChart;
		this.calendar = calendar;
		this.json = json;
	}

	/**
	 * @return the views the viewer may open ({@code company}, {@code team}, {@code day}),
	 * the default first
	 */
	public List<String> views(Viewer viewer) {
		List<String> views = new ArrayList<>();
		if (SEES_COMPANY.contains(viewer.role())) {
			views.add("company");
			views.add("team");
		}
		else if (viewer.role() == Role.MANAGER) {
			views.add("team");
		}
		views.add("day");
		return views;
	}

	/**
	 * @throws InvalidInputException when the viewer may not open the view
	 */
	public String view(Viewer viewer, String requested) {
		List<String> views = views(viewer);
		String shown = requested == null ? views.get(0) : requested;
		if (!views.contains(shown)) {
			throw new InvalidInputException("view",
					"'" + shown + "' is not a home view you can open; yours: " + String.join(", ", views) + ".");
		}
		return shown;
	}

	public LocalDate today() {
		return this.calendar.today();
	}

	public MyDay myDay(Viewer viewer) {
		Page<Activity> tasks = this.activities.openTasks(viewer, TaskWindow.TODAY, PageRequest.of(0, LIST_SIZE));
		FiscalCalendar.Period month = this.calendar.thisMonth();
		PageRequest byCloseDate = PageRequest.of(0, LIST_SIZE, Sort.by("closeDate"));
		Page<Opportunity> closing = this.opportunities.list(viewer, closingIn(viewer, month), byCloseDate);
		Page<Opportunity> stale = this.opportunities.list(viewer, mine(viewer, true, false), byCloseDate);
		Page<Opportunity> overdue = this.opportunities.list(viewer, mine(viewer, false, true), byCloseDate);
		List<Opportunity> attention = eachOnce(overdue.getContent(), stale.getContent());
		DayCounters counters = new DayCounters(tasks.getTotalElements(), closing.getTotalElements(),
				stale.getTotalElements(), overdue.getTotalElements(), month);
		PageRequest recent = PageRequest.of(0, 5, Sort.by(Sort.Order.desc("updatedAt")));
		return new MyDay(counters, tasks.getContent(), this.activities.namesFor(tasks.getContent()),
				closing.getContent(), attention, openStages(), accountNames(closing.getContent(), attention),
				this.accounts.list(viewer, new AccountFilter(null, null, null, viewer.id()), recent),
				this.contacts.list(viewer, new ContactFilter(null, null, viewer.id()), recent));
	}

	/**
	 * The counters of "my day" alone, counted as {@link #myDay} counts them.
	 */
	public DayCounters dayCounters(Viewer viewer) {
		FiscalCalendar.Period month = this.calendar.thisMonth();
		PageRequest one = PageRequest.of(0, 1);
		return new DayCounters(this.activities.openTasks(viewer, TaskWindow.TODAY, one).getTotalElements(),
				this.opportunities.list(viewer, closingIn(viewer, month), one).getTotalElements(),
				this.opportunities.list(viewer, mine(viewer, true, false), one).getTotalElements(),
				this.opportunities.list(viewer, mine(viewer, false, true), one).getTotalElements(), month);
	}

	/**
	 * The open stages a deal can be moved to from "my day".
	 */
	public List<PipelineStage> openStages() {
		return this.stages.active().stream().filter(PipelineStage::isOpen).toList();
	}

	public Map<UUID, String> accountNames(Collection<Opportunity> deals) {
		return accountNames(deals, List.of());
	}

	private static OpportunityFilter closingIn(Viewer viewer, FiscalCalendar.Period month) {
		return new OpportunityFilter(null, null, viewer.id(), null, null, null, month.start(), month.end(),
				Boolean.TRUE, false, false);
	}

	private static OpportunityFilter mine(Viewer viewer, boolean stale, boolean overdue) {
		return new OpportunityFilter(null, null, viewer.id(), null, null, null, null, null, Boolean.TRUE, stale,
				overdue);
	}

	/**
	 * @param requested the manager whose team to show; {@code null} for the viewer's own
	 * (a manager) or everyone (those who see the whole company)
	 * @throws InvalidInputException for a team outside the viewer's organisation
	 */
	public TeamHome team(Viewer viewer, UUID requested) {
		List<User> managers = managersInScope(viewer);
		UUID team = requested != null ? requested : (viewer.role() == Role.MANAGER ? viewer.id() : null);
		if (team != null && !team.equals(viewer.id())
				&& managers.stream().noneMatch(manager -> manager.id().equals(team))) {
			throw new InvalidInputException("team", "You can only look at teams in your own organisation.");
		}
		String teamName = team == null ? "Everyone" : teamName(team, managers) + "'s team";
		// the team's open deals added up once: the figures and charts, who hasn't touched
		// their deals, and how many stale and overdue deals there are in all
		OpenDeals open = this.analytics.openDeals(viewer, team);
		PipelineFigures figures = pipelineFigures(viewer, team, open.pipeline());
		PageRequest byAmount = PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.desc("amount")));
		List<Opportunity> overdue = this.opportunities.listContent(viewer,
				new OpportunityFilter(null, null, null, team, null, null, null, null, Boolean.TRUE, false, true),
				byAmount);
		List<Opportunity> stale = this.opportunities.listContent(viewer,
				new OpportunityFilter(null, null, null, team, null, null, null, null, Boolean.TRUE, true, false),
				byAmount);
		List<Opportunity> attention = eachOnce(overdue, stale);
		Set<UUID> people = new HashSet<>();
		open.owners().forEach(owner -> people.add(owner.ownerId()));
		attention.forEach(deal -> people.add(deal.ownerId()));
		Set<UUID> deactivated = deactivatedPeople();
		if (team != null) {
			deactivated.retainAll(this.orgChart.organisationOf(team));
		}
		return new TeamHome(managers, team, teamName, figures, attention, open.stale(), open.overdue(), open.owners(),
				this.users.namesOf(people), accountNames(attention, List.of()), orphaned(viewer, deactivated));
	}

	/**
	 * Data quality for the team and company views (the data-quality module's figures):
	 * the completeness of the team (or everyone, for {@code null}) now and 30 days
	 * before, and its open issues.
	 * @return {@code null} for a viewer who doesn't see data quality
	 */
	public QualityScores.Summary dataQuality(Viewer viewer, UUID team) {
		return this.quality.summary(viewer, team);
	}

	public CompanyHome company(Viewer viewer) {
		PipelineFigures figures = pipelineFigures(viewer, null, this.analytics.openPipeline(viewer, null));
		Page<Opportunity> top = this.opportunities.list(viewer,
				new OpportunityFilter(null, null, null, null, null, null, null, null, Boolean.TRUE, false, false),
				PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.desc("amount"))));
		OrphanedDeals orphaned = REASSIGNS_ANY_DEAL.contains(viewer.role()) ? orphaned(viewer, deactivatedPeople())
				: null;
		return new CompanyHome(figures, top,
				this.users.namesOf(top.getContent().stream().map(Opportunity::ownerId).collect(Collectors.toSet())),
				accountNames(top.getContent(), List.of()), orphaned, this.accuracy.companySummary(viewer));
	}

	/**
	 * The open deals of deactivated owners that the viewer may see, the largest first.
	 */
	private OrphanedDeals orphaned(Viewer viewer, Set<UUID> deactivated) {
		List<Opportunity> deals = this.opportunities.openDealsOf(viewer, deactivated,
				PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.desc("amount"))));
		return new OrphanedDeals(this.analytics.openTotalsOf(viewer, deactivated), deals,
				this.users.namesOf(deals.stream().map(Opportunity::ownerId).collect(Collectors.toSet())),
				accountNames(deals, List.of()));
	}

	/**
	 * Everyone deactivated, read page by page (there are few).
	 */
	private Set<UUID> deactivatedPeople() {
		Set<UUID> ids = new HashSet<>();
		Page<User> page = this.users.list(new UserFilter(null, null, Boolean.FALSE, null), PageRequest.of(0, 500));
		page.forEach(user -> ids.add(user.id()));
		while (page.hasNext()) {
			page = this.users.list(new UserFilter(null, null, Boolean.FALSE, null), page.nextPageable());
			page.forEach(user -> ids.add(user.id()));
		}
		return ids;
	}

	/**
	 * The first deals of each list, each deal once, up to {@link #LIST_SIZE}: a deal both
	 * overdue and stale is listed once, with both badges.
	 */
	static List<Opportunity> eachOnce(List<Opportunity> first, List<Opportunity> then) {
		Map<UUID, Opportunity> deals = new LinkedHashMap<>();
		first.forEach(deal -> deals.putIfAbsent(deal.id(), deal));
		then.forEach(deal -> deals.putIfAbsent(deal.id(), deal));
		return deals.values().stream().limit(LIST_SIZE).toList();
	}

	private String teamName(UUID team, List<User> managers) {
		return managers.stream()
			.filter(manager -> manager.id().equals(team))
			.findFirst()
			.orElseGet(() -> this.users.get(team))
			.fullName();
	}

	/**
	 * Open pipeline by stage and category, and won this quarter against last: the figures
	 * and charts the team and company views share.
	 */
	private PipelineFigures pipelineFigures(Viewer viewer, UUID team, List<StageTotals> pipeline) {
		FiscalCalendar.Period quarter = this.calendar.thisQuarter();
		WonComparison won = WonComparison
			.of(this.analytics.won(viewer, team, WonComparison.periods(quarter, this.calendar.today())));
		List<PipelineStage> stages = this.stages.active();
		PipelineStage wonStage = stages.stream().filter(PipelineStage::isWon).findFirst().orElse(null);
		BigDecimal commit = pipeline.stream()
			.filter(totals -> totals.category() == ForecastCategory.COMMIT)
			.map(StageTotals::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new PipelineFigures(this.opportunities.currency(), pipeline,
				pipeline.stream().mapToLong(StageTotals::count).sum(),
				pipeline.stream().map(StageTotals::amount).reduce(BigDecimal.ZERO, BigDecimal::add), commit, won,
				wonStage, write(stageChart(pipeline, stages, team)), write(categoryChart(pipeline, team)),
				write(wonChart(won, wonStage, team)));
	}

	/**
	 * Open pipeline by stage, a bar per stage stacked by forecast category; each segment
	 * opens the deals of that stage and category.
	 */
	private ChartData stageChart(List<StageTotals> pipeline, List<PipelineStage> stages, UUID team) {
		List<PipelineStage> open = stages.stream().filter(PipelineStage::isOpen).toList();
		List<ChartData.Dataset> datasets = new ArrayList<>();
		List<List<String>> links = new ArrayList<>();
		for (ForecastCategory category : List.of(ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE,
				ForecastCategory.COMMIT)) {
			List<BigDecimal> data = new ArrayList<>();
			List<String> categoryLinks = new ArrayList<>();
			for (PipelineStage stage : open) {
				data.add(pipeline.stream()
					.filter(t -> t.stage() != null && t.stage().id().equals(stage.id()) && t.category() == category)
					.map(StageTotals::amount)
					.reduce(BigDecimal.ZERO, BigDecimal::add));
				categoryLinks.add(dealsLink(team).queryParam("stage", stage.id())
					.queryParam("category", category.name())
					.toUriString());
			}
			datasets.add(new ChartData.Dataset(category.label(), data, CATEGORY_COLOURS.get(category)));
			links.add(categoryLinks);
		}
		return new ChartData("bar", true, this.opportunities.currency(),
				open.stream().map(PipelineStage::name).toList(), datasets, links);
	}

	private ChartData categoryChart(List<StageTotals> pipeline, UUID team) {
		List<ForecastCategory> categories = List.of(ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE,
				ForecastCategory.COMMIT);
		List<BigDecimal> data = categories.stream()
			.map(category -> pipeline.stream()
				.filter(t -> t.category() == category)
				.map(StageTotals::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add))
			.toList();
		List<String> links = categories.stream()
			.map(category -> dealsLink(team).queryParam("category", category.name()).toUriString())
			.toList();
		return new ChartData("doughnut", false, this.opportunities.currency(),
				categories.stream().map(ForecastCategory::label).toList(),
				List.of(new ChartData.Dataset("Open pipeline", data,
						categories.stream().map(CATEGORY_COLOURS::get).collect(Collectors.joining(",")))),
				List.of(links));
	}

	/**
	 * Won last quarter up to the same point against this quarter to date, each bar
	 * opening the won deals behind it.
	 */
	private ChartData wonChart(WonComparison won, PipelineStage wonStage, UUID team) {
		List<String> links = new ArrayList<>();
		for (PipelineAnalytics.PeriodTotals totals : List.of(won.samePoint(), won.toDate())) {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath("/opportunities")
				.queryParam("closeFrom", totals.period().start())
				.queryParam("closeTo", totals.period().end());
			if (wonStage != null) {
				link.queryParam("stage", wonStage.id());
			}
			if (team != null) {
				link.queryParam("team", team);
			}
			links.add(link.toUriString());
		}
		return new ChartData("bar", false, this.opportunities.currency(),
				List.of("Last quarter, to the same point", "This quarter, to date"),
				List.of(new ChartData.Dataset("Won", List.of(won.samePoint().amount(), won.toDate().amount()),
						"#2e8b57")),
				List.of(links));
	}

	private static UriComponentsBuilder dealsLink(UUID team) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/opportunities").queryParam("status", "open");
		if (team != null) {
			link.queryParam("team", team);
		}
		return link;
	}

	/**
	 * Managers whose teams the viewer may look at: every manager for those who see the
	 * whole company, the managers in their own organisation for managers.
	 */
	private List<User> managersInScope(Viewer viewer) {
		return SEES_COMPANY.contains(viewer.role()) ? this.users.activeManagers()
				: this.users.activeManagersAmong(this.orgChart.organisationOf(viewer.id()));
	}

	private Map<UUID, String> accountNames(Collection<Opportunity> some, Collection<Opportunity> more) {
		Set<UUID> ids = new HashSet<>();
		some.forEach(deal -> ids.add(deal.accountId()));
		more.forEach(deal -> ids.add(deal.accountId()));
		return this.accounts.namesOf(ids);
	}

	private String write(ChartData chart) {
		return this.json.writeValueAsString(chart);
	}

}
