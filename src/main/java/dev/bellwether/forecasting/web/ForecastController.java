package dev.bellwether.forecasting.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.bellwether.forecasting.Adjustments;
import dev.bellwether.forecasting.Forecast;
import dev.bellwether.forecasting.ForecastRow;
import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.forecasting.Submissions;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.ForecastCategory;
import dev.bellwether.sales.ForecastTotal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forecast grid page: teams expand and collapse (forecast-grid.js), and every
 * category's figure links to the deals behind it in the deal list.
 */
@Controller
class ForecastController {

	private final Forecasts forecasts;

	private final UserDirectory users;

	private final FiscalCalendar calendar;

	private final Adjustments adjustments;

	private final Submissions submissions;

	private final Clock clock;

	private final ForecastExports exports;

	ForecastController(Forecasts forecasts, UserDirectory users, FiscalCalendar calendar, Adjustments adjustments,
			Submissions submissions, Clock clock, ForecastExports exports) {
		this.clock = clock;
		this.exports = exports;
		this.adjustments = adjustments;
		this.submissions = submissions;
		this.forecasts = forecasts;
		this.users = users;
		this.calendar = calendar;
	}

	@Usage(UsageKind.FORECAST_VIEW)
	@GetMapping("/forecast")
	String forecast(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, Model model) {
		Forecast forecast = this.forecasts.forecast(viewer, period, manager);
		model.addAttribute("forecast", forecast);
		model.addAttribute("links", new Links(forecast));
		model.addAttribute("previousPeriod", this.calendar.previous(forecast.period()).code());
		model.addAttribute("nextPeriod", this.calendar.next(forecast.period()).code());
		model.addAttribute("adjustable", this.adjustments.adjustable(viewer));
		List<Submissions.CallStatus> calls = this.submissions.status(viewer, forecast.period().code(),
				forecast.managerId());
		model.addAttribute("calls", calls);
		model.addAttribute("notSubmitted",
				calls.stream().filter(call -> !call.submittedThisWeek()).map(Submissions.CallStatus::name).toList());
		model.addAttribute("thisWeek", this.submissions.week(this.clock.instant()));
		model.addAttribute("canSubmit",
				forecast.managerId().equals(viewer.id()) && this.submissions.submits(viewer.id()));
		model.addAttribute("managers",
				this.users.activeManagers().stream().filter(user -> this.forecasts.canSee(viewer, user.id())).toList());
		return "forecasting/forecast";
	}

	/**
	 * A manager adjusts a figure of their own forecast or a direct report's, from the
	 * row's Adjust form; back on the grid with what happened.
	 */
	@PostMapping("/forecast/adjustments")
	String adjust(Viewer viewer, @RequestParam String period, @RequestParam(required = false) UUID manager,
			@RequestParam UUID userId, @RequestParam(required = false) String category,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String note,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			ForecastCategory parsed = category == null ? null : ForecastCategory.valueOf(category);
			String sequence = parsed == null ? null : request.getParameter("sequence-" + parsed.name());
			BigDecimal figure = amount == null || amount.isBlank() ? null
					: new BigDecimal(amount.strip().replaceAll("[\\s,$€£]", ""));
			this.adjustments.adjust(viewer, userId, period, parsed, figure, note,
					sequence == null || sequence.isBlank() ? 0 : Long.parseLong(sequence));
			redirect.addFlashAttribute("flashSuccess", figure == null ? "Adjustment taken back." : "Adjusted.");
		}
		catch (InvalidInputException ex) {
			refused(redirect, userId, category, amount, note, String.join(" ", ex.fieldErrors().values()));
		}
		catch (ForbiddenException ex) {
			refused(redirect, userId, category, amount, note, ex.getMessage());
		}
		catch (StaleRecordException ex) {
			refused(redirect, userId, category, amount, note,
					"Someone adjusted this figure meanwhile: the grid now shows theirs; save again to replace it.");
		}
		catch (IllegalArgumentException ex) { // a malformed amount or category
			refused(redirect, userId, category, amount, note, "Enter the adjusted figure as an amount, e.g. 125000.");
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/forecast")
			.queryParam("period", period)
			.queryParam("manager", manager != null ? manager : viewer.id())
			.build()
			.toUriString();
	}

	/**
	 * The grid as CSV or XLSX ({@code format=}), every row, scoped like the page.
	 */
	@GetMapping("/forecast/export")
	@Usage(UsageKind.EXPORT)
	void export(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) String format,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		this.exports.write(viewer, period, manager, format, response);
	}

	/**
	 * The viewer submits their forecast for the period; back on the grid.
	 */
	@PostMapping("/forecast/submissions")
	String submit(Viewer viewer, @RequestParam String period, RedirectAttributes redirect) {
		try {
			Submissions.Submitted submitted = this.submissions.submit(viewer, period);
			redirect.addFlashAttribute("flashSuccess", submitted.created() ? "Forecast submitted."
					: "You submitted this forecast a moment ago: nothing more to keep.");
		}
		catch (ForbiddenException ex) {
			redirect.addFlashAttribute("submitError", ex.getMessage());
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/forecast")
			.queryParam("period", period)
			.queryParam("manager", viewer.id())
			.build()
			.toUriString();
	}

	/**
	 * Every submission of an organisation for a period; with {@code a} and {@code b},
	 * those two compared figure by figure.
	 */
	@Usage(UsageKind.FORECAST_VIEW)
	@GetMapping("/forecast/submissions")
	String submissions(Viewer viewer, @RequestParam(required = false) String period,
			@RequestParam(required = false) UUID manager, @RequestParam(required = false) UUID a,
			@RequestParam(required = false) UUID b, Model model) {
		String code = this.forecasts.period(period).code();
		UUID top = manager != null ? manager : viewer.id();
		model.addAttribute("period", this.forecasts.period(code));
		model.addAttribute("manager", top);
		model.addAttribute("submissions", this.submissions.list(viewer, code, top));
		model.addAttribute("names",
				this.users.people()
					.stream()
					.collect(java.util.stream.Collectors.toMap(person -> person.id(), person -> person.fullName())));
		if (a != null && b != null) {
			model.addAttribute("comparison", this.submissions.compare(viewer, a, b));
		}
		else if (a != null || b != null) {
			model.addAttribute("compareError", "Pick two submissions to compare.");
		}
		return "forecasting/submissions";
	}

	/**
	 * An adjustment refused: the grid opens that row's form again with the message beside
	 * it and what was typed.
	 */
	private static void refused(RedirectAttributes redirect, UUID userId, String category, String amount, String note,
			String message) {
		redirect.addFlashAttribute("adjustError", message);
		redirect.addFlashAttribute("adjustUser", userId);
		redirect.addFlashAttribute("adjustCategory", category);
		redirect.addFlashAttribute("adjustAmount", amount);
		redirect.addFlashAttribute("adjustNote", note);
	}

	/**
	 * The deal-list links of the grid's figures, for the template.
	 */
	public record Links(Forecast forecast) {

		public String of(ForecastRow row, String category) {
			return Forecasts.dealsLink(row, ForecastCategory.valueOf(category), this.forecast.period(), false);
		}

		/**
		 * @param total a {@link ForecastTotal}'s name
		 */
		public String total(ForecastRow row, String total) {
			return Forecasts.dealsLink(row, ForecastTotal.valueOf(total), this.forecast.period());
		}

	}

}
