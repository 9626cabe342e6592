package dev.bellwether.adoption.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionMetric;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.Health;
import dev.bellwether.adoption.LateEntry;
import dev.bellwether.adoption.Movers;
import dev.bellwether.adoption.OrgLevel;
import dev.bellwether.adoption.UsageHeatmap;
import dev.bellwether.adoption.UserHealth;
import dev.bellwether.adoption.internal.metrics.CompanyDashboardWarmUp;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.Counts;
import dev.bellwether.sales.OpportunityFilter;
import dev.bellwether.sales.Opportunities;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.PageRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The adoption pages: the company dashboard (executives, administrators), a manager's
 * team page (their organisation only), the people behind every figure, and "my adoption"
 * for everyone.
 */
@Controller
class AdoptionController {

	static final int HEATMAP_PEOPLE = CompanyDashboardWarmUp.HEATMAP_PEOPLE;

	static final int MOVERS = CompanyDashboardWarmUp.MOVERS;

	/** Managers listed beside their teams unless all are asked for. */
	static final int MANAGERS_SHOWN = 15;

	private final AdoptionMetrics metrics;

	private final AdoptionAccess access;

	private final UsageHeatmap heatmap;

	private final UserDirectory users;

	private final Opportunities opportunities;

	private final FiscalCalendar calendar;

	private final JsonMapper json;

	private final DateTimeFormatter clockTime;

	AdoptionController(AdoptionMetrics metrics, AdoptionAccess access, UsageHeatmap heatmap, UserDirectory users,
			Opportunities opportunities, FiscalCalendar calendar, JsonMapper json,
			@Value("${bellwether.time-zone:UTC}") ZoneId zone) {
		this.clockTime = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
		this.metrics = metrics;
		this.access = access;
		this.heatmap = heatmap;
		this.users = users;
		this.opportunities = opportunities;
		this.calendar = calendar;
		this.json = json;
	}

	@GetMapping("/adoption")
	@Usage(UsageKind.DASHBOARD_VIEW)
	String company(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean businessDays, @RequestParam(defaultValue = "0") int people,
			@RequestParam(required = false) String managers, Model model) {
		if (!this.access.seesEveryone(viewer)) {
			return viewer.role() == Role.MANAGER ? "redirect:/adoption/team" : "redirect:/adoption/me";
		}
		AdoptionScope everyone = this.access.everyone(viewer);
		dashboard(everyone, null, day(asOf), businessDays, people, "all".equals(managers),
				this.access.individualsHidden(viewer, everyone), model);
		model.addAttribute("canRecompute", true);
		model.addAttribute("pageTitle", "Adoption");
		model.addAttribute("subtitle", "Everyone in the company");
		return "adoption/dashboard";
	}

	/**
	 * Executives and administrators: compute the figures again now, rather than within
	 * the minute they are kept for.
	 */
	@PostMapping("/adoption/recompute")
	String recompute(Viewer viewer, @RequestParam(required = false) UUID manager, RedirectAttributes redirect) {
		if (!this.access.seesEveryone(viewer)) {
			throw new ForbiddenException("Only executives and administrators recompute the adoption figures.");
		}
		this.metrics.recompute();
		redirect.addFlashAttribute("flashSuccess", "The adoption figures were computed again from the latest usage.");
		return manager == null ? "redirect:/adoption" : "redirect:/adoption/team?manager=" + manager;
	}

	@GetMapping("/adoption/team")
	@Usage(UsageKind.DASHBOARD_VIEW)
	String team(Viewer viewer, @RequestParam(required = false) UUID manager,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "false") boolean businessDays, @RequestParam(defaultValue = "0") int people,
			@RequestParam(required = false) String managers, Model model) {
		if (manager == null && this.access.seesEveryone(viewer) && viewer.role() != Role.MANAGER) {
			return "redirect:/adoption";
		}
		AdoptionScope scope = this.access.team(viewer, manager);
		User lead = this.users.get(manager == null ? viewer.id() : manager);
		dashboard(scope, lead.id(), day(asOf), businessDays, people, "all".equals(managers),
				this.access.individualsHidden(viewer, scope), model);
		model.addAttribute("canRecompute", this.access.seesEveryone(viewer));
		model.addAttribute("pageTitle",
				lead.id().equals(viewer.id()) ? "My team's adoption" : lead.fullName() + "'s team");
		model.addAttribute("subtitle", lead.fullName() + " and everyone below them ("
				+ Counts.of(scope.userIds().size(), "person", "people") + ")");
		return "adoption/dashboard";
	}

	/**
	 * The people behind a figure: everyone's, or a team's, optionally of one health
	 * class.
	 */
	@GetMapping("/adoption/users")
	@Usage(UsageKind.REPORT_VIEW)
	String people(Viewer viewer, @RequestParam(required = false) UUID manager,
			@RequestParam(required = false) String health,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) List<UUID> ids, @RequestParam(required = false) OrgLevel level,
			@RequestParam(defaultValue = "0") int depth, Model model) {
		AdoptionScope scope = manager != null ? this.access.team(viewer, manager)
				: this.access.seesEveryone(viewer) ? AdoptionScope.everyone() : this.access.team(viewer, null);
		this.access.requireIndividuals(viewer, scope);
		Health wanted = health == null || health.isBlank() ? null : health(health);
		LocalDate day = day(asOf);
		// a level of the cascade by name, not by its people's ids (thousands of them
		// would
		// not fit in a link)
		java.util.Set<UUID> levelIds = level == null ? null
				: this.metrics.cascade(scope, day, false)
					.levels()
					.stream()
					.filter(l -> l.level() == level && (level != OrgLevel.MANAGERS || l.depth() == depth))
					.flatMap(l -> l.userIds().stream())
					.collect(java.util.stream.Collectors.toSet());
		List<UserHealth> people = this.metrics.users(scope, day)
			.stream()
			.filter(user -> wanted == null || user.health() == wanted)
			.filter(user -> ids == null || ids.isEmpty() || ids.contains(user.userId()))
			.filter(user -> levelIds == null || levelIds.contains(user.userId()))
			.toList();
		model.addAttribute("people", people);
		model.addAttribute("health", wanted);
		model.addAttribute("healths", Health.values());
		model.addAttribute("manager", manager);
		model.addAttribute("managerName", manager == null ? null : this.users.get(manager).fullName());
		model.addAttribute("asOf", day);
		model.addAttribute("today", this.metrics.today());
		model.addAttribute("definitions", definitions());
		return "adoption/users";
	}

	/** The viewer's own scorecard and what to do next. */
	@GetMapping("/adoption/me")
	@Usage(UsageKind.DASHBOARD_VIEW)
	String me(Viewer viewer, Model model) {
		LocalDate today = this.metrics.today();
		UserHealth me = this.metrics.users(this.access.person(viewer, viewer.id()), today)
			.stream()
			.findFirst()
			.orElse(null);
		model.addAttribute("me", me);
		model.addAttribute("today", today);
		model.addAttribute("definitions", definitions());
		model.addAttribute("keyFeatures",
				me == null ? this.metrics.keyFeatures(viewer.role()).size() : me.keyFeatures());
		PageRequest one = PageRequest.of(0, 1);
		long stale = this.opportunities
			.list(viewer,
					new OpportunityFilter(null, null, viewer.id(), null, null, null, null, null, Boolean.TRUE, true,
							false),
					one)
			.getTotalElements();
		long overdue = this.opportunities
			.list(viewer,
					new OpportunityFilter(null, null, viewer.id(), null, null, null, null, null, Boolean.TRUE, false,
							true),
					one)
			.getTotalElements();
		model.addAttribute("steps", NextSteps.of(me, stale, overdue, viewer.id()));
		return "adoption/me";
	}

	private void dashboard(AdoptionScope scope, UUID manager, LocalDate day, boolean businessDays, int peoplePage,
			boolean allManagers, boolean individualsHidden, Model model) {
		// the privacy policy: under aggregate-only, no one's own figures (managers beside
		// their teams, movers, late owners, the heat map) and no level smaller than the
		// minimum group
		model.addAttribute("privacyHidden", individualsHidden);
		model.addAttribute("privacyMinimum", this.access.hiddenBelow());
		model.addAttribute("manager", manager);
		model.addAttribute("asOf", day);
		model.addAttribute("today", this.metrics.today());
		model.addAttribute("businessDays", businessDays);
		var headline = this.metrics.computedHeadline(scope, day, businessDays);
		model.addAttribute("headline", headline.figures());
		model.addAttribute("computedAt", this.clockTime.format(headline.computedAt()));
		var trend = this.metrics.trend(scope, day, businessDays);
		model.addAttribute("trend", trend);
		model.addAttribute("trendChart", this.json.writeValueAsString(
				TrendChart.of(trend, week -> usersLink(manager).queryParam("asOf", week.plusDays(6)).toUriString())));
		var cascade = individualsHidden
				? PrivacyFilter.aggregates(this.metrics.cascade(scope, day, businessDays), this.access.hiddenBelow())
				: this.metrics.cascade(scope, day, businessDays);
		model.addAttribute("cascade", cascade);
		model.addAttribute("shownManagers", allManagers ? cascade.managers()
				: cascade.managers().subList(0, Math.min(MANAGERS_SHOWN, cascade.managers().size())));
		model.addAttribute("movers",
				individualsHidden ? new Movers(List.of(), List.of()) : this.metrics.movers(scope, day, MOVERS));
		model.addAttribute("freshness", this.metrics.freshness(scope, CompanyDashboardWarmUp.FRESH_DAYS));
		FiscalCalendar.Period quarter = this.calendar.quarterOf(day);
		model.addAttribute("quarter", quarter);
		var lateEntry = individualsHidden
				? PrivacyFilter.aggregates(this.metrics.lateEntry(scope, quarter.start(), day))
				: this.metrics.lateEntry(scope, quarter.start(), day);
		model.addAttribute("lateEntry", lateEntry);
		// the people entering the most deals late first
		model.addAttribute("lateOwners",
				lateEntry.owners()
					.stream()
					.filter(owner -> owner.lateDeals() > 0)
					.sorted(java.util.Comparator.comparing((LateEntry.Figures owner) -> -owner.lateDeals())
						.thenComparing(owner -> -(owner.shareByCount() == null ? 0 : owner.shareByCount())))
					.limit(5)
					.toList());
		if (!individualsHidden) {
			model.addAttribute("heatmap", this.heatmap.of(scope, day, CompanyDashboardWarmUp.HEATMAP_WEEKS,
					Math.max(0, peoplePage), HEATMAP_PEOPLE));
		}
		model.addAttribute("definitions", definitions());
		model.addAttribute("usersLink", usersLink(manager).toUriString());
		model.addAttribute("pagePath", manager == null ? "/adoption" : "/adoption/team");
	}

	private static UriComponentsBuilder usersLink(UUID manager) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/adoption/users");
		if (manager != null) {
			link.queryParam("manager", manager);
		}
		return link;
	}

	private LocalDate day(LocalDate asOf) {
		LocalDate today = this.metrics.today();
		if (asOf == null) {
			return today;
		}
		if (asOf.isAfter(today)) {
			throw new InvalidInputException("asOf",
					"Pick a day up to today (" + today + "): " + "adoption of days to come is not known yet.");
		}
		return asOf;
	}

	static Health health(String value) {
		return Arrays.stream(Health.values())
			.filter(h -> h.name().equalsIgnoreCase(value))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("health", "'" + value + "' is not a health class; use one of "
					+ String.join(", ", Arrays.stream(Health.values()).map(Enum::name).toList()) + "."));
	}

	static Map<String, AdoptionMetric> definitions() {
		Map<String, AdoptionMetric> definitions = new LinkedHashMap<>();
		for (AdoptionMetric metric : AdoptionMetric.values()) {
			definitions.put(metric.name(), metric);
		}
		return definitions;
	}

	/**
	 * What the person should do next, from their own figures, each with a link.
	 */
	record NextSteps(List<Step> steps) {

		record Step(String text, String link, String action) {
		}

		static NextSteps of(UserHealth me, long staleDeals, long overdueDeals, UUID userId) {
			List<Step> steps = new ArrayList<>();
			if (staleDeals > 0) {
				steps.add(new Step(
						staleDeals + (staleDeals == 1 ? " of your deals was" : " of your deals were")
								+ " not updated in 30 days — update them",
						"/opportunities?owner=" + userId + "&stale=true", "Update stale deals"));
			}
			if (overdueDeals > 0) {
				steps.add(new Step(
						(overdueDeals == 1 ? "1 deal is past its close date"
								: overdueDeals + " deals are past their close dates") + " — move the date or close it",
						"/opportunities?owner=" + userId + "&overdue=true", "Fix close dates"));
			}
			if (me != null && me.activeDays28() < 10) {
				steps.add(new Step("You were active on " + me.activeDays28() + " of the last 28 days; "
						+ "10 make a healthy user — start your day from your home page", "/", "Open my day"));
			}
			if (me != null && me.exports() > 0 && me.exportLeakage() != null && me.exportLeakage() > 0.5) {
				steps.add(new Step(
						"You export more than you look at reports — the pipeline board and home page " + "are live",
						"/pipeline", "Open the pipeline"));
			}
			return new NextSteps(steps);
		}

	}

}
