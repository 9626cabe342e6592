package dev.bellwether.service.web;

import java.time.Clock;
import java.time.LocalDate;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.service.CrossSell;
import dev.bellwether.service.CrossSell.Grouping;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Cross-sell revenue and the hand-off from sales for the people who work cases and their
 * managers: the page {@code /cases/cross-sell} and
 * {@code GET /api/v1/service/cross-sell}, over the last twelve months unless a period is
 * chosen.
 */
@Controller
@Tag(name = "Service cross-sell",
		description = "Won revenue that service brought in — deals made from cases or with lead source Service, and "
				+ "new product lines sold to existing customers — by agent or team, and the time from a deal won to "
				+ "the first reply on its onboarding case; over the cases (and deals) the caller may see.")
class CrossSellController {

	private final CrossSell crossSell;

	private final BusinessCalendars calendars;

	private final Clock clock;

	CrossSellController(CrossSell crossSell, BusinessCalendars calendars, Clock clock) {
		this.crossSell = crossSell;
		this.calendars = calendars;
		this.clock = clock;
	}

	@GetMapping("/cases/cross-sell")
	@Usage(UsageKind.REPORT_VIEW)
	String page(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by, Model model) {
		model.addAttribute("report", report(viewer, from, to, by));
		model.addAttribute("groupings", Grouping.values());
		return "service/cross-sell";
	}

	@GetMapping("/api/v1/service/cross-sell")
	@ResponseBody
	@Operation(summary = "Cross-sell revenue and the hand-off from sales over a period",
			description = "from and to are days a deal was won (both included; default the last twelve months); by "
					+ "is agent (default) or team. serviceSourcedWon = won amount of deals made from cases or with "
					+ "lead source Service; newProductLinesWon = won line totals of products an existing customer "
					+ "had never bought in an earlier won deal (service-sourced deals not counted twice); total = "
					+ "both. handOff: hours from a deal won to the first public reply on its onboarding case "
					+ "(count, median, nearest-rank p90, average).")
	CrossSell.Report api(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by) {
		return report(viewer, from, to, by);
	}

	private CrossSell.Report report(Viewer viewer, LocalDate from, LocalDate to, String by) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : today);
		LocalDate start = from != null ? from : end.minusMonths(11).withDayOfMonth(1);
		return this.crossSell.report(viewer, start, end, Grouping.parse(by, "by"));
	}

}
