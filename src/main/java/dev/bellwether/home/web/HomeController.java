package dev.bellwether.home.web;

import java.math.BigDecimal;
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
import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityFilter;
import dev.bellwether.sales.PipelineAnalytics;
import dev.bellwether.sales.PipelineAnalytics.OpenDeals;
import dev.bellwether.sales.PipelineAnalytics.OwnerFreshness;
import dev.bellwether.sales.PipelineAnalytics.PeriodTotals;
import dev.bellwether.sales.PipelineAnalytics.StageTotals;
import dev.bellwether.sales.PipelineStage;
import dev.bellwether.sales.PipelineStages;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The start page, by role: reps (and everyone) get "my day", managers their team,
 * executives and administrators the whole pipeline. Each view is reachable from the
 * others' tabs where the viewer may see it.
 */
@Controller
class HomeController {

	static final int LIST_SIZE = 10;

	private static final Set<Role> SEES_COMPANY = Set.of(Role.EXECUTIVE, Role.ADMIN, Role.SALES_ADMIN);

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

	HomeController(Opportunities opportunities, PipelineAnalytics analytics, PipelineStages stages,
			Activities activities, Accounts accounts, Contacts contacts, UserDirectory users, OrgChart orgChart,
			FiscalCalendar calendar, JsonMapper json) {
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

	@Usage(UsageKind.DASHBOARD_VIEW)
	@GetMapping("/")
	String home(Viewer viewer, @RequestParam(required = false) String view, @RequestParam(required = false) UUID team,
			HttpServletRequest request, Model model) {
		List<String> views = views(viewer);
		String shown = view == null ? views.get(0) : view;
		if (!views.contains(shown)) {
			throw new InvalidInputException("view",
					"'" + shown + "' is not a home view you can open; yours: " + String.join(", ", views) + ".");
		}
		model.addAttribute("views", views);
		model.addAttribute("view", shown);
		model.addAttribute("today", this.calendar.today());
		switch (shown) {
			case "team" -> team(viewer, team, model);
			case "company" -> company(viewer, model);
			default -> day(viewer, model);
		}
		return Htmx.targets(request, "home-view") ? "home/home :: view" : "home/home";
	}

	/**
	 * The views the viewer may open, the default first.
	 */
	private List<String> views(Viewer viewer) {
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

	private void day(Viewer viewer, Model model) {
		List<Activity> tasks = this.activities.openTasks(viewer, TaskWindow.TODAY, PageRequest.of(0, LIST_SIZE))
			.getContent();
		model.addAttribute("tasks", tasks);
		model.addAttribute("names", this.activities.namesFor(tasks));
		model.addAttribute("overdueTasks", this.activities.overdueTaskCount(viewer));
		FiscalCalendar.Period month = this.calendar.thisMonth();
		model.addAttribute("month", month);
		PageRequest byCloseDate = PageRequest.of(0, LIST_SIZE, Sort.by("closeDate"));
		var closing = this.opportunities.list(viewer, new OpportunityFilter(null, null, viewer.id(), null, null, null,
				month.start(), month.end(), Boolean.TRUE, false, false), byCloseDate);
		model.addAttribute("closing", closing);
		var stale = this.opportunities.list(viewer,
				new OpportunityFilter(null, null, viewer.id(), null, null, null, null, null, Boolean.TRUE, true, false),
				byCloseDate);
		var overdue = this.opportunities.list(viewer,
				new OpportunityFilter(null, null, viewer.id(), null, null, null, null, null, Boolean.TRUE, false, true),
				byCloseDate);
		Map<UUID, Opportunity> attention = new LinkedHashMap<>();
		overdue.getContent().forEach(deal -> attention.put(deal.id(), deal));
		stale.getContent().forEach(deal -> attention.putIfAbsent(deal.id(), deal));
		model.addAttribute("attention", List.copyOf(attention.values()));
		model.addAttribute("staleCount", stale.getTotalElements());
		model.addAttribute("overdueCount", overdue.getTotalElements());
		model.addAttribute("openStages", this.stages.active().stream().filter(PipelineStage::isOpen).toList());
		model.addAttribute("accountNames", accountNames(closing.getContent(), attention.values()));
		PageRequest recent = PageRequest.of(0, 5, Sort.by(Sort.Order.desc("updatedAt")));
		model.addAttribute("myAccounts",
				this.accounts.list(viewer, new AccountFilter(null, null, null, viewer.id()), recent));
		model.addAttribute("myContacts",
				this.contacts.list(viewer, new ContactFilter(null, null, viewer.id()), recent));
	}

	private void team(Viewer viewer, UUID requested, Model model) {
		List<User> managers = managersInScope(viewer);
		UUID team = requested != null ? requested : (viewer.role() == Role.MANAGER ? viewer.id() : null);
		if (team != null
				&& managers.stream()
					.noneMatch(manager -> manager.id().equals(requested == null ? viewer.id() : requested))
				&& !team.equals(viewer.id())) {
			throw new InvalidInputException("team", "You can only look at teams in your own organisation.");
		}
		model.addAttribute("managers", managers);
		model.addAttribute("team", team);
		model.addAttribute("teamName", team == null ? "Everyone" : teamName(team, managers) + "'s team");
		// the team's open deals added up once: the figures and charts, who hasn't touched
		// their deals, and how many stale and overdue deals there are in all
		OpenDeals open = this.analytics.openDeals(viewer, team);
		pipelineFigures(viewer, team, open.pipeline(), model);
		PageRequest byAmount = PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.desc("amount")));
		Page<Opportunity> stale = counted(viewer,
				new OpportunityFilter(null, null, null, team, null, null, null, null, Boolean.TRUE, true, false),
				byAmount, open.stale());
		Page<Opportunity> overdue = counted(viewer,
				new OpportunityFilter(null, null, null, team, null, null, null, null, Boolean.TRUE, false, true),
				byAmount, open.overdue());
		model.addAttribute("staleDeals", stale);
		model.addAttribute("overdueDeals", overdue);
		List<OwnerFreshness> owners = open.owners();
		model.addAttribute("owners", owners);
		Set<UUID> people = new HashSet<>();
		owners.forEach(owner -> people.add(owner.ownerId()));
		stale.getContent().forEach(deal -> people.add(deal.ownerId()));
		overdue.getContent().forEach(deal -> people.add(deal.ownerId()));
		model.addAttribute("people", this.users.namesOf(people));
		model.addAttribute("accountNames", accountNames(stale.getContent(), overdue.getContent()));
	}

	/**
	 * The first page of the deals that match, with their number counted already (exactly:
	 * the pass over the team's open deals counts them all, where the deal list stops
	 * counting at its cap).
	 */
	private Page<Opportunity> counted(Viewer viewer, OpportunityFilter filter, PageRequest page, long total) {
		return new PageImpl<>(this.opportunities.listContent(viewer, filter, page), page, total);
	}

	private String teamName(UUID team, List<User> managers) {
		return managers.stream()
			.filter(manager -> manager.id().equals(team))
			.findFirst()
			.orElseGet(() -> this.users.get(team))
			.fullName();
	}

	private void company(Viewer viewer, Model model) {
		pipelineFigures(viewer, null, this.analytics.openPipeline(viewer, null), model);
		var top = this.opportunities.list(viewer,
				new OpportunityFilter(null, null, null, null, null, null, null, null, Boolean.TRUE, false, false),
				PageRequest.of(0, LIST_SIZE, Sort.by(Sort.Order.desc("amount"))));
		model.addAttribute("topDeals", top);
		model.addAttribute("people",
				this.users.namesOf(top.getContent().stream().map(Opportunity::ownerId).collect(Collectors.toSet())));
		model.addAttribute("accountNames", accountNames(top.getContent(), List.of()));
	}

	/**
	 * Open pipeline by stage and category, won this quarter and last: the figures and
	 * charts the team and company views share.
	 */
	private void pipelineFigures(Viewer viewer, UUID team, List<StageTotals> pipeline, Model model) {
		FiscalCalendar.Period quarter = this.calendar.thisQuarter();
		List<PeriodTotals> won = this.analytics.won(viewer, team, List.of(quarter, quarter.previous()));
		PeriodTotals wonNow = won.get(0);
		PeriodTotals wonBefore = won.get(1);
		List<PipelineStage> stages = this.stages.active();
		model.addAttribute("openCount", pipeline.stream().mapToLong(StageTotals::count).sum());
		model.addAttribute("openAmount",
				pipeline.stream().map(StageTotals::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("commitAmount",
				pipeline.stream()
					.filter(totals -> totals.category() == ForecastCategory.COMMIT)
					.map(StageTotals::amount)
					.reduce(BigDecimal.ZERO, BigDecimal::add));
		model.addAttribute("wonNow", wonNow);
		model.addAttribute("wonBefore", wonBefore);
		model.addAttribute("wonChange", change(wonNow.amount(), wonBefore.amount()));
		model.addAttribute("currency", this.opportunities.currency());
		model.addAttribute("pipeline", pipeline);
		PipelineStage wonStage = stages.stream().filter(PipelineStage::isWon).findFirst().orElse(null);
		model.addAttribute("stageChart", write(stageChart(pipeline, stages, team)));
		model.addAttribute("categoryChart", write(categoryChart(pipeline, team)));
		model.addAttribute("wonChart", write(wonChart(wonBefore, wonNow, wonStage, team)));
		model.addAttribute("hasPipeline", !pipeline.isEmpty());
		model.addAttribute("wonStage", wonStage);
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

	private ChartData wonChart(PeriodTotals before, PeriodTotals now, PipelineStage won, UUID team) {
		List<String> links = new ArrayList<>();
		for (PeriodTotals totals : List.of(before, now)) {
			UriComponentsBuilder link = UriComponentsBuilder.fromPath("/opportunities")
				.queryParam("closeFrom", totals.period().start())
				.queryParam("closeTo", totals.period().end());
			if (won != null) {
				link.queryParam("stage", won.id());
			}
			if (team != null) {
				link.queryParam("team", team);
			}
			links.add(link.toUriString());
		}
		return new ChartData("bar", false, this.opportunities.currency(), List.of("Last quarter", "This quarter"),
				List.of(new ChartData.Dataset("Won", List.of(before.amount(), now.amount()), "#2e8b57")),
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

	/**
	 * @return the change from before to now in whole per cent, or {@code null} when there
	 * was nothing before
	 */
	static Integer change(BigDecimal now, BigDecimal before) {
		if (before == null || before.signum() == 0) {
			return null;
		}
		return now.subtract(before)
			.multiply(BigDecimal.valueOf(100))
			.divide(before, 0, java.math.RoundingMode.HALF_UP)
			.intValueExact();
	}

	private String write(ChartData chart) {
		return this.json.writeValueAsString(chart);
	}

}
