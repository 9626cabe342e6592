package dev.bellwether.dataquality.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.dataquality.CompletenessRules;
import dev.bellwether.dataquality.IssueFilter;
import dev.bellwether.dataquality.Measurement;
import dev.bellwether.dataquality.QualityIssue;
import dev.bellwether.dataquality.QualityIssueKind;
import dev.bellwether.dataquality.QualityMeasurement;
import dev.bellwether.dataquality.QualityScore;
import dev.bellwether.dataquality.QualityScores;
import dev.bellwether.dataquality.Scoreboard;
import dev.bellwether.dataquality.StewardQueue;
import dev.bellwether.dataquality.TrendPoint;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The data-quality desk: scores and their trend by team, drilling into a team's people
 * and a person's records; the steward queue with its filters, assignment and "ask the
 * owner"; "measure now".
 */
@Controller
class DataQualityController {

	private static final int PAGE_SIZE = 50;

	private static final Map<String, String> COLOURS = Map.of("all", "#1f4e79", "account", "#2e8b57", "contact",
			"#f0ad4e", "opportunity", "#8da4c4");

	private final QualityScores scores;

	private final StewardQueue queue;

	private final QualityMeasurement measurement;

	private final JsonMapper json;

	DataQualityController(QualityScores scores, StewardQueue queue, QualityMeasurement measurement, JsonMapper json) {
		this.scores = scores;
		this.queue = queue;
		this.measurement = measurement;
		this.json = json;
	}

	@Usage(UsageKind.REPORT_VIEW)
	@GetMapping("/data-quality")
	String desk(Viewer viewer, @RequestParam(required = false) UUID team, @RequestParam(defaultValue = "90") int days,
			Model model) {
		Scoreboard board = this.scores.scoreboard(viewer, team);
		List<TrendPoint> trend = this.scores.trend(viewer, board.team(), days);
		model.addAttribute("board", board);
		model.addAttribute("days", days);
		model.addAttribute("trend", trend);
		model.addAttribute("trendChart", this.json.writeValueAsString(chart(trend)));
		model.addAttribute("kinds", QualityIssueKind.values());
		model.addAttribute("types", StewardQueue.recordTypes());
		model.addAttribute("threshold", Math.round(this.measurement.incompleteBelow() * 100));
		model.addAttribute("canMeasure", CompletenessRules.canEdit(viewer));
		model.addAttribute("worksOnQueue", StewardQueue.worksOnQueue(viewer));
		return "dataquality/desk";
	}

	@GetMapping("/data-quality/owners/{id}")
	String owner(Viewer viewer, @PathVariable UUID id, @RequestParam(defaultValue = "opportunity") String type,
			Model model) {
		String recordType = StewardQueue.recordTypes().containsKey(type) ? type : "opportunity";
		model.addAttribute("ownerId", id);
		model.addAttribute("ownerName", this.scores.nameOf(viewer, id));
		model.addAttribute("type", recordType);
		model.addAttribute("types", StewardQueue.recordTypes());
		model.addAttribute("records", this.scores.records(viewer, id, recordType));
		model.addAttribute("threshold", this.measurement.incompleteBelow());
		model.addAttribute("worksOnQueue", StewardQueue.worksOnQueue(viewer));
		return "dataquality/owner";
	}

	@GetMapping("/data-quality/queue")
	String queue(Viewer viewer, @RequestParam(required = false) QualityIssueKind kind,
			@RequestParam(required = false) String type, @RequestParam(required = false) UUID owner,
			@RequestParam(required = false) UUID team, @RequestParam(required = false) String assignee,
			@RequestParam(defaultValue = "open") String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		boolean unassigned = "none".equals(assignee);
		UUID assigneeId = unassigned || assignee == null || assignee.isBlank() ? null : parse(assignee);
		IssueFilter filter = new IssueFilter(kind, type == null || type.isBlank() ? null : type, owner, team,
				assigneeId, unassigned, status);
		Page<QualityIssue> issues = this.queue.list(viewer, filter, PageRequest.of(Math.max(0, page), PAGE_SIZE));
		Scoreboard board = this.scores.scoreboard(viewer, null);
		model.addAttribute("issues", issues);
		model.addAttribute("filter", filter);
		model.addAttribute("assignee", assignee);
		model.addAttribute("kinds", QualityIssueKind.values());
		model.addAttribute("types", StewardQueue.recordTypes());
		model.addAttribute("teams", board.teams());
		model.addAttribute("assignees", this.queue.assignees(viewer));
		model.addAttribute("pageLink",
				UriComponentsBuilder.fromPath("/data-quality/queue")
					.queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
					.queryParamIfPresent("type", java.util.Optional.ofNullable(filter.recordType()))
					.queryParamIfPresent("owner", java.util.Optional.ofNullable(owner))
					.queryParamIfPresent("team", java.util.Optional.ofNullable(team))
					.queryParamIfPresent("assignee", java.util.Optional.ofNullable(assignee).filter(a -> !a.isBlank()))
					.queryParam("status", status)
					.build()
					.toUriString());
		return "dataquality/queue";
	}

	@GetMapping("/data-quality/queue/{id}")
	String issue(Viewer viewer, @PathVariable UUID id, Model model) {
		model.addAttribute("issue", this.queue.get(viewer, id));
		model.addAttribute("requests", this.queue.requests(viewer, id));
		model.addAttribute("assignees", this.queue.assignees(viewer));
		return "dataquality/issue";
	}

	@PostMapping("/data-quality/queue/{id}/assign")
	String assign(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		UUID assigneeId = assignee == null || assignee.isBlank() ? null : parse(assignee);
		QualityIssue issue = this.queue.assign(viewer, id, assigneeId);
		redirect.addFlashAttribute("flashSuccess",
				issue.assigneeName() == null ? "Nobody is assigned to " + issue.recordName() + " now."
						: issue.recordName() + " is assigned to " + issue.assigneeName() + ".");
		return "redirect:" + back(back);
	}

	@PostMapping("/data-quality/queue/{id}/ask")
	String ask(Viewer viewer, @PathVariable UUID id, @RequestParam(required = false) String message,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		try {
			var request = this.queue.askOwner(viewer, id, message);
			QualityIssue issue = this.queue.get(viewer, id);
			redirect.addFlashAttribute("flashSuccess", issue.ownerName() + " is asked to fix " + issue.recordName()
					+ (request.mailed() ? " (notified and e-mailed)." : " (notified)."));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:" + back(back);
	}

	@PostMapping("/data-quality/measure")
	String measure(Viewer viewer, RedirectAttributes redirect) {
		if (!CompletenessRules.canEdit(viewer)) {
			throw new ForbiddenException("Only sales administrators and administrators measure data quality.");
		}
		Measurement run = this.measurement.measure();
		redirect.addFlashAttribute("flashSuccess",
				"Measured " + run.accounts() + " accounts, " + run.contacts() + " contacts and " + run.deals()
						+ " open deals: " + run.openIssues() + " open issues, " + run.fixedIssues()
						+ " fixed since the last measurement.");
		return "redirect:/data-quality";
	}

	/**
	 * Back to the queue page the form was on; never anywhere else.
	 */
	private static String back(String back) {
		return back != null && back.startsWith("/data-quality/") && !back.startsWith("//") ? back
				: "/data-quality/queue";
	}

	static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("assignee", "Not a user id: " + id);
		}
	}

	private static Chart chart(List<TrendPoint> trend) {
		List<String> labels = new ArrayList<>();
		List<Series> series = new ArrayList<>();
		List<Object> all = new ArrayList<>();
		Map<String, List<Object>> byType = new java.util.LinkedHashMap<>();
		StewardQueue.recordTypes().keySet().forEach(type -> byType.put(type, new ArrayList<>()));
		for (TrendPoint point : trend) {
			labels.add(point.day().toString());
			all.add(point.overall().percent());
			byType.forEach((type, data) -> data.add(point.byType().getOrDefault(type, QualityScore.NONE).percent()));
		}
		series.add(new Series("All records", all, COLOURS.get("all"), "line", "percent"));
		byType.forEach((type, data) -> series
			.add(new Series(StewardQueue.recordTypes().get(type), data, COLOURS.get(type), "line", "percent")));
		return new Chart("line", labels, series, List.of());
	}

	/**
	 * A chart for {@code analytics.js} (the forecasting module's charts' format).
	 */
	record Chart(String type, List<String> labels, List<Series> series, List<String> links) {
	}

	record Series(String label, List<Object> data, String color, String type, String axis) {
	}

}
