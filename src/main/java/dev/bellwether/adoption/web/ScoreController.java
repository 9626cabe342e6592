package dev.bellwether.adoption.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.AdoptionScores;
import dev.bellwether.adoption.PrivacyPolicy;
import dev.bellwether.adoption.Score;
import dev.bellwether.adoption.Score.PeriodKind;
import dev.bellwether.adoption.ScoreWeights;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adoption scores for objectives: the table of a month or a quarter, its CSV and Excel
 * exports, and the weights (administrators).
 */
@Controller
class ScoreController {

	private final AdoptionScores scores;

	private final AdoptionMetrics metrics;

	private final AdoptionAccess access;

	private final PrivacyPolicy privacy;

	ScoreController(AdoptionScores scores, AdoptionMetrics metrics, AdoptionAccess access, PrivacyPolicy privacy) {
		this.scores = scores;
		this.metrics = metrics;
		this.access = access;
		this.privacy = privacy;
	}

	@GetMapping("/adoption/scores")
	@Usage(UsageKind.REPORT_VIEW)
	String table(Viewer viewer, @RequestParam(defaultValue = "MONTH") String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) UUID manager, Model model) {
		AdoptionScores.Period shown = period(period, day);
		model.addAttribute("period", shown);
		model.addAttribute("previous", shown.start().minusDays(1));
		model.addAttribute("next", shown.end().plusDays(1));
		model.addAttribute("today", this.metrics.today());
		model.addAttribute("measured", this.scores.measured(shown, this.metrics.today()));
		model.addAttribute("manager", manager);
		AdoptionScope scope = scope(viewer, manager);
		// scores are each person's: under aggregate-only, none but the viewer's own
		boolean hidden = this.access.individualsHidden(viewer, scope);
		model.addAttribute("privacyHidden", hidden);
		model.addAttribute("scores", hidden ? List.of() : this.scores.scores(scope, shown));
		model.addAttribute("weights", this.scores.weights());
		model.addAttribute("isAdmin", viewer.role() == Role.ADMIN);
		model.addAttribute("components", ScoreExports.COMPONENTS);
		return "adoption/scores";
	}

	@GetMapping("/adoption/scores.csv")
	@Usage(UsageKind.EXPORT)
	void csv(Viewer viewer, @RequestParam(defaultValue = "MONTH") String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) UUID manager, HttpServletResponse response) throws IOException {
		AdoptionScores.Period shown = period(period, day);
		List<Score> rows = exported(viewer, manager, shown, "Adoption scores (CSV)");
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(shown) + ".csv\"");
		ScoreExports.csv(rows, shown, response.getOutputStream());
	}

	@GetMapping("/adoption/scores.xlsx")
	@Usage(UsageKind.EXPORT)
	void xlsx(Viewer viewer, @RequestParam(defaultValue = "MONTH") String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) UUID manager, HttpServletResponse response) throws IOException {
		AdoptionScores.Period shown = period(period, day);
		List<Score> rows = exported(viewer, manager, shown, "Adoption scores (Excel)");
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(shown) + ".xlsx\"");
		ScoreExports.xlsx(rows, shown, response.getOutputStream());
	}

	/** Administrators: compute the shown period's scores now rather than tonight. */
	@PostMapping("/adoption/scores/compute")
	String compute(Viewer viewer, @RequestParam(defaultValue = "MONTH") String period,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			RedirectAttributes redirect) {
		requireAdmin(viewer);
		AdoptionScores.Period shown = period(period, day);
		if (this.scores.measured(shown, this.metrics.today()).tooEarly()) {
			redirect.addFlashAttribute("flashSuccess",
					"Too early to score " + shown.label() + ": none of its working days has ended yet.");
		}
		else {
			int written = this.scores.computeToday(shown, this.metrics.today());
			redirect.addFlashAttribute("flashSuccess", "Computed " + written + " scores for " + shown.label() + ".");
		}
		return "redirect:/adoption/scores?period=" + shown.kind() + "&day=" + shown.start();
	}

	/** Administrators: the score's weights, used from the next computation on. */
	@PostMapping("/adoption/scores/weights")
	String weights(Viewer viewer, @RequestParam String activity, @RequestParam String breadth,
			@RequestParam String freshness, @RequestParam String timeliness, @RequestParam String reporting,
			RedirectAttributes redirect) {
		requireAdmin(viewer);
		ScoreWeights weights = new ScoreWeights(number("activity", activity), number("breadth", breadth),
				number("freshness", freshness), number("timeliness", timeliness), number("reporting", reporting));
		this.scores.updateWeights(weights, viewer.id());
		redirect.addFlashAttribute("flashSuccess",
				"Weights saved. Scores computed from now on use them; earlier scores keep theirs.");
		return "redirect:/adoption/scores";
	}

	/**
	 * The rows of an export of individual scores, refused under aggregate-only and logged
	 * (who, when, what: docs/privacy.md).
	 */
	private List<Score> exported(Viewer viewer, UUID manager, AdoptionScores.Period shown, String export) {
		AdoptionScope scope = scope(viewer, manager);
		this.access.requireIndividuals(viewer, scope);
		List<Score> rows = this.scores.scores(scope, shown);
		this.privacy
			.logExport(viewer.id(), export,
					shown.label() + ", "
							+ (manager != null ? "team of manager " + manager
									: scope.isEveryone() ? "everyone" : scope.userIds().size() + " people"),
					rows.size());
		return rows;
	}

	private AdoptionScope scope(Viewer viewer, UUID manager) {
		if (manager != null) {
			return this.access.team(viewer, manager);
		}
		if (this.access.seesEveryone(viewer)) {
			return AdoptionScope.everyone();
		}
		return viewer.role() == Role.MANAGER ? this.access.team(viewer, null) : AdoptionScope.user(viewer.id());
	}

	private AdoptionScores.Period period(String kind, LocalDate day) {
		PeriodKind parsed;
		try {
			parsed = PeriodKind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("period", "'" + kind + "' is not a period; use MONTH or QUARTER.");
		}
		LocalDate today = this.metrics.today();
		if (day != null && day.isAfter(today)) {
			throw new InvalidInputException("day", "Pick a day up to today (" + today + ").");
		}
		return this.scores.period(parsed, day == null ? today : day);
	}

	static int number(String field, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "'" + value + "' is not a whole number from 0 to 100.");
		}
	}

	private static void requireAdmin(Viewer viewer) {
		if (viewer.role() != Role.ADMIN) {
			throw new ForbiddenException("Only administrators compute scores or change their weights.");
		}
	}

	private static String fileName(AdoptionScores.Period period) {
		return "adoption-scores-" + period.kind().name().toLowerCase(Locale.ROOT) + "-" + period.start();
	}

}
