package dev.bellwether.home.web;

import java.util.UUID;

import dev.bellwether.home.HomePages;
import dev.bellwether.identity.Role;
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
 * executives and administrators the whole pipeline; marketing goes to the leads. Each
 * view is reachable from the others' tabs where the viewer may see it. The figures come
 * from {@link HomePages}.
 */
@Controller
class HomeController {

	private final HomePages pages;

	HomeController(HomePages pages) {
		this.pages = pages;
	}

	@Usage(UsageKind.DASHBOARD_VIEW)
	@GetMapping("/")
	String home(Viewer viewer, @RequestParam(required = false) String view, @RequestParam(required = false) UUID team,
			HttpServletRequest request, Model model) {
		if (viewer.is(Role.MARKETING) && view == null && !Htmx.isHtmx(request)) {
			// marketing has no pipeline of its own: their day starts at the leads (until
			// the marketing home page)
			return "redirect:/leads";
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
