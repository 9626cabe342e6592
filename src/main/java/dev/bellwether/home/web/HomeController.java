package dev.bellwether.home.web;

import java.util.UUID;

import dev.bellwether.home.HomePages;
import dev.bellwether.home.MarketingHomePage;
import dev.bellwether.identity.Role;
import dev.bellwether.marketing.SpeedToLead;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page, by role: reps (and everyone) get "my day", managers their team,
 * executives and administrators the whole pipeline; service users land on the service
 * home page ({@code /service}); marketing its own home page (leads waiting, campaigns
 * running, ROI, the funnel; {@link MarketingHomePage}). Each view is reachable from the
 * others' tabs where the viewer may see it. The figures come from {@link HomePages}.
 */
@Controller
class HomeController {

	/** The marketing home page's view. */
	static final String MARKETING = "marketing";

	private final HomePages pages;

	private final MarketingHomePage marketing;

	private final SpeedToLead speedToLead;

	/** Speed-to-lead breaches on the marketing home page, the longest overdue first. */
	static final int BREACHES_SHOWN = 5;

	HomeController(HomePages pages, MarketingHomePage marketing, SpeedToLead speedToLead) {
		this.speedToLead = speedToLead;
		this.pages = pages;
		this.marketing = marketing;
	}

	@Usage(UsageKind.DASHBOARD_VIEW)
	@GetMapping("/")
	String home(Viewer viewer, @RequestParam(required = false) String view, @RequestParam(required = false) UUID team,
			HttpServletRequest request, Model model) {
		if (viewer.is(Role.SERVICE) && view == null) {
			// the service desk's day starts at its own home page: its cases, its queues'
			// breaches and risks, its CSAT (the service module's /service)
			return "redirect:/service";
		}
		if (viewer.is(Role.MARKETING) && (view == null || MARKETING.equals(view))) {
			// marketing has no pipeline of its own: their day starts at the leads
			// waiting,
			// the campaigns running, the ROI and the funnel
			model.addAttribute("today", this.pages.today());
			model.addAttribute("marketing", this.marketing.of(viewer));
			model.addAttribute("speedToLeadBreaches", this.speedToLead.breaches(viewer, BREACHES_SHOWN));
			return "home/marketing";
		}
		String shown = this.pages.view(viewer, view);
		model.addAttribute("views", this.pages.views(viewer));
		model.addAttribute("view", shown);
		model.addAttribute("today", this.pages.today());
		switch (shown) {
			case "team" -> {
				model.addAttribute("teamHome", this.pages.team(viewer, team));
				model.addAttribute("dataQuality", this.pages.dataQuality(viewer, team));
			}
			case "company" -> {
				model.addAttribute("company", this.pages.company(viewer));
				model.addAttribute("dataQuality", this.pages.dataQuality(viewer, null));
			}
			default -> model.addAttribute("day", this.pages.myDay(viewer));
		}
		return Htmx.targets(request, "home-view") ? "home/home :: view" : "home/home";
	}

	/**
	 * The counters of "my day", drawn again when a task is done or a deal updated on the
	 * page (the {@code tasks-changed} and {@code deals-changed} events); a part of the
	 * page refreshed in the background, not a use of its own.
	 */
	@Usage(value = UsageKind.DASHBOARD_VIEW, ignore = true)
	@GetMapping("/home/counters")
	String counters(Viewer viewer, Model model) {
		model.addAttribute("counters", this.pages.dayCounters(viewer));
		return "home/home :: dayCounters";
	}

}
