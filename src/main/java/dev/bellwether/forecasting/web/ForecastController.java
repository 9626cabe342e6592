package dev.bellwether.forecasting.web;

import java.math.BigDecimal;
import java.util.UUID;

import dev.bellwether.forecasting.Adjustments;
import dev.bellwether.forecasting.Forecast;
import dev.bellwether.forecasting.ForecastRow;
import dev.bellwether.forecasting.Forecasts;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.sales.ForecastCategory;

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

	ForecastController(Forecasts forecasts, UserDirectory users, FiscalCalendar calendar, Adjustments adjustments) {
		this.adjustments = adjustments;
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

	}

}
