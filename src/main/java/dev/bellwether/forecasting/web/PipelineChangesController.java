package dev.bellwether.forecasting.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.forecasting.ChangeBucket;
import dev.bellwether.forecasting.PipelineChangeReport;
import dev.bellwether.forecasting.PipelineChanges;
import dev.bellwether.forecasting.PipelineSnapshots;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The what-changed page: a period's pipeline between two snapshots, or since the period
 * started, as a waterfall with the deals behind each bucket; and the button that takes a
 * snapshot now.
 */
@Controller
class PipelineChangesController {

	static final int DEALS_PER_BUCKET = 100;

	private final PipelineChanges changes;

	private final PipelineSnapshots snapshots;

	private final UserDirectory users;

	private final JsonMapper json;

	private final PipelineChangesExports exports;

	PipelineChangesController(PipelineChanges changes, PipelineSnapshots snapshots, UserDirectory users,
			JsonMapper json, PipelineChangesExports exports) {
		this.exports = exports;
		this.changes = changes;
		this.snapshots = snapshots;
		this.users = users;
		this.json = json;
	}

	@Usage(UsageKind.DASHBOARD_VIEW)
	@GetMapping("/pipeline/changes")
	String changes(Viewer viewer, @RequestParam(required = false) UUID from, @RequestParam(required = false) UUID to,
			@RequestParam(required = false) String period, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID manager, Model model) {
		model.addAttribute("snapshots", this.snapshots.list(viewer, 100));
		model.addAttribute("mayTake", this.snapshots.mayTake(viewer));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("owner", owner);
		model.addAttribute("manager", manager);
		model.addAttribute("periodCode", period);
		PipelineChanges.Scope scope = new PipelineChanges.Scope(owner, manager, DEALS_PER_BUCKET);
		try {
			PipelineChangeReport report = this.changes.report(viewer, from, to, period, scope);
			model.addAttribute("report", report);
			model.addAttribute("waterfall", this.json.writeValueAsString(waterfall(report)));
			model.addAttribute("owners", this.users.namesOf(report.ownerIds()));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "forecasting/changes";
	}

	/**
	 * Every bucket's deals (up to {@value PipelineChanges#MAX_LIMIT} a bucket) as CSV or
	 * XLSX ({@code format}; the workbook with a summary sheet), scoped like the page.
	 */
	@GetMapping({ "/pipeline/changes/export", "/pipeline/changes/export.csv" })
	// counted from RecordsExported
	@Usage(value = UsageKind.EXPORT, ignore = true)
	void export(Viewer viewer, @RequestParam(required = false) UUID from, @RequestParam(required = false) UUID to,
			@RequestParam(required = false) String period, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		this.exports.write(viewer, from, to, period, owner, manager, format, response);
	}

	@PostMapping("/pipeline/snapshots")
	String take(Viewer viewer, @RequestParam(required = false) String returnTo, RedirectAttributes redirect) {
		PipelineSnapshots.Taken taken = this.snapshots.takeOnDemand(viewer);
		redirect.addFlashAttribute("flashSuccess", taken.taken() ? "Snapshot of the pipeline taken."
				: "A snapshot was already taken this minute: that one is kept.");
		return "redirect:" + UriComponentsBuilder.fromPath("/pipeline/changes")
			.queryParam("from", taken.snapshot().id())
			.build()
			.toUriString();
	}

	/**
	 * The chart's bars: the start, each reconciling bucket floating from where the last
	 * one ended, the end.
	 */
	static Map<String, Object> waterfall(PipelineChangeReport report) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal[]> bars = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		List<String> anchors = new ArrayList<>();
		labels.add("Start");
		bars.add(new BigDecimal[] { BigDecimal.ZERO, report.start().amount() });
		kinds.add("total");
		anchors.add("");
		BigDecimal level = report.start().amount();
		for (PipelineChangeReport.Bucket bucket : report.buckets()) {
			ChangeBucket kind = bucket.bucket();
			if (kind.sign() == 0) {
				continue;
			}
			BigDecimal next = kind.sign() > 0 ? level.add(bucket.amount()) : level.subtract(bucket.amount());
			labels.add(kind.label());
			bars.add(new BigDecimal[] { level, next });
			kinds.add(kind.sign() > 0 ? "up" : "down");
			anchors.add("#bucket-" + kind.code());
			level = next;
		}
		labels.add("End");
		bars.add(new BigDecimal[] { BigDecimal.ZERO, report.end().amount() });
		kinds.add("total");
		anchors.add("");
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", labels);
		chart.put("bars", bars);
		chart.put("kinds", kinds);
		chart.put("links", anchors);
		return chart;
	}

}
