package dev.bellwether.platform.businesstime.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.SignedInUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/business-calendar}: administrators set the company's time zone, its
 * working hours per weekday (split days allowed) and its holidays, which speed-to-lead
 * targets (and later service SLAs) count in. Set-up, not use of a feature, so usage
 * capture leaves it out.
 */
@Controller
@Usage(value = UsageKind.VIEW, ignore = true)
class BusinessCalendarAdminController {

	private static final String PATH = "/admin/business-calendar";

	private final BusinessCalendars calendars;

	private final ObjectProvider<SignedInUser> user;

	BusinessCalendarAdminController(BusinessCalendars calendars, ObjectProvider<SignedInUser> user) {
		this.calendars = calendars;
		this.user = user;
	}

	@GetMapping(PATH)
	String show(HttpServletRequest request, Model model) {
		require(request);
		return page(model);
	}

	@PostMapping(PATH)
	String save(HttpServletRequest request, @RequestParam(defaultValue = "") String timeZone,
			@RequestParam Map<String, String> params, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		UUID actor = require(request);
		Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			hours.put(day, params.getOrDefault("hours." + day.name(), ""));
		}
		try {
			this.calendars.update(actor, BusinessCalendars.COMPANY, version, timeZone, hours);
			redirect.addFlashAttribute("flashSuccess", "Business hours saved.");
			return "redirect:" + PATH;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", ex.fieldErrors());
		}
		catch (StaleRecordException ex) {
			model.addAttribute("errors", Map.of("version", ex.getMessage()));
		}
		model.addAttribute("chosenZone", timeZone);
		model.addAttribute("hoursInput", hours);
		return page(model);
	}

	@PostMapping(PATH + "/holidays")
	String addHoliday(HttpServletRequest request,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean yearly,
			Model model, RedirectAttributes redirect) {
		UUID actor = require(request);
		try {
			this.calendars.addHoliday(actor, BusinessCalendars.COMPANY, date, name, yearly);
			redirect.addFlashAttribute("flashSuccess", name.trim() + " added.");
			return "redirect:" + PATH + "#holidays";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("holidayErrors", ex.fieldErrors());
			model.addAttribute("holidayDate", date);
			model.addAttribute("holidayName", name);
			return page(model);
		}
	}

	@PostMapping(PATH + "/holidays/remove")
	String removeHoliday(HttpServletRequest request,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect) {
		this.calendars.removeHoliday(require(request), BusinessCalendars.COMPANY, date);
		redirect.addFlashAttribute("flashSuccess", "Holiday removed.");
		return "redirect:" + PATH + "#holidays";
	}

	private String page(Model model) {
		BusinessCalendars.Stored stored = this.calendars.get(BusinessCalendars.COMPANY);
		Map<DayOfWeek, String> names = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			names.put(day, day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		}
		model.addAttribute("stored", stored);
		model.addAttribute("days", names);
		model.addAttribute("zones",
				ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
		model.addAttribute("companyZone", this.calendars.companyZone().getId());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("holidayErrors")) {
			model.addAttribute("holidayErrors", Map.of());
		}
		if (!model.containsAttribute("chosenZone")) {
			model.addAttribute("chosenZone", stored.companyZone() ? "" : stored.calendar().zone().getId());
		}
		if (!model.containsAttribute("hoursInput")) {
			Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
			names.keySet().forEach(day -> hours.put(day, stored.hoursText(day)));
			model.addAttribute("hoursInput", hours);
		}
		model.addAttribute("holidays", List.copyOf(stored.calendar().holidays()));
		return "platform/business-calendar";
	}

	private UUID require(HttpServletRequest request) {
		if (!request.isUserInRole("ADMIN")) {
			throw new ForbiddenException("Only administrators change the business calendar.");
		}
		return this.user.getObject().id().orElseThrow(() -> new ForbiddenException("Sign in first."));
	}

}
