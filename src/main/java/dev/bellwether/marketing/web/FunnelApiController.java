package dev.bellwether.marketing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.MarketingFunnel;
import dev.bellwether.marketing.MarketingFunnel.Funnel;
import dev.bellwether.marketing.MarketingFunnel.Group;
import dev.bellwether.marketing.MarketingFunnel.Grouping;
import dev.bellwether.marketing.MarketingFunnel.Leak;
import dev.bellwether.marketing.MarketingFunnel.Stage;
import dev.bellwether.platform.FiscalCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The marketing funnel over a period (docs/marketing.md, <i>Funnel and hand-off</i>).
 */
@RestController
@RequestMapping("/api/v1/marketing")
@Tag(name = "Marketing funnel",
		description = "Leads created in a period through Lead → MQL → SQL → Opportunity → Customer, by source or "
				+ "campaign, with conversions, median times and leaks; over the leads the caller may see.")
class FunnelApiController {

	private final MarketingFunnel funnel;

	FunnelApiController(MarketingFunnel funnel) {
		this.funnel = funnel;
	}

	/**
	 * @param conversion this stage's count ÷ the previous one's, a fraction; {@code null}
	 * for the first stage or after a stage of none
	 * @param medianSeconds the median time of the step into this stage, in seconds
	 */
	record StepResource(Stage stage, String definition, long count, BigDecimal conversion, Long medianSeconds,
			String leadsUrl) {

	}

	/**
	 * @param key a source as leads store it, a campaign's id, {@code ""} for none;
	 * {@code null} for all leads
	 */
	record GroupResource(String key, String label, List<StepResource> steps) {

	}

	record LeakResource(Leak leak, String label, String definition, long count, String leadsUrl) {

	}

	record FunnelResource(LocalDate from, LocalDate to, Grouping by, int leakDays, GroupResource total,
			List<GroupResource> groups, List<LeakResource> leaks) {

	}

	@GetMapping("/funnel")
	@Operation(summary = "The marketing funnel over a period",
			description = "from and to are days (both included; default the current fiscal year); by is source "
					+ "(default) or campaign; days (default 14) is how long a lead waits before it counts as a leak.")
	FunnelResource funnel(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by,
			@RequestParam(defaultValue = "" + MarketingFunnel.DEFAULT_LEAK_DAYS) int days) {
		FiscalCalendar.Period year = this.funnel.defaultPeriod();
		LocalDate start = from != null ? from : year.start();
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : year.end());
		Funnel f = this.funnel.funnel(viewer, start, end, Grouping.parse(by, "by"), days);
		return new FunnelResource(f.from(), f.to(), f.by(), f.leakDays(), group(f, f.total()),
				f.groups().stream().map(g -> group(f, g)).toList(),
				f.leaks()
					.stream()
					.map(l -> new LeakResource(l.leak(), l.leak().label(), l.definition(), l.count(), f.link(l.leak())))
					.toList());
	}

	private static GroupResource group(Funnel f, Group group) {
		return new GroupResource(group.key(), group.label(),
				group.steps()
					.stream()
					.map(s -> new StepResource(s.stage(), s.stage().definition(), s.count(), s.conversion(),
							s.medianTime() == null ? null : s.medianTime().toSeconds(), f.link(group.key(), s.stage())))
					.toList());
	}

}
