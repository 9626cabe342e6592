package dev.bellwether.service.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.FormErrors;
import dev.bellwether.platform.web.Htmx;
import dev.bellwether.service.CaseExpense;
import dev.bellwether.service.CaseExpenses;
import dev.bellwether.service.CaseTime;
import dev.bellwether.service.CaseTimeEntry;
import dev.bellwether.service.Cases;
import dev.bellwether.service.CostReport;
import dev.bellwether.service.ExpenseCategory;
import dev.bellwether.service.MonthCost;
import dev.bellwether.service.ServiceCosts;
import dev.bellwether.service.ServiceCosts.Grouping;
import dev.bellwether.service.SupportCase;
import dev.bellwether.service.TimeEntryDetails;
import dev.bellwether.service.web.CaseCostForms.ExpenseForm;
import dev.bellwether.service.web.CaseCostForms.TimeForm;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The cost of service on pages: the case page's "Time and cost" card
 * ({@code service/case-cost :: include(caseId)} loads it; its forms log time, run the
 * timer and add expenses, answering the card again, or the card's own page
 * {@code /cases/{id}/cost} without JavaScript), and the report {@code /cases/cost} over
 * the last twelve months unless a period is chosen. Logging time and adding expenses
 * count as service use through the case changes they publish; the card itself is part of
 * viewing the case.
 */
@Controller
class CaseCostController {

	private final CaseTime time;

	private final CaseExpenses expenses;

	private final ServiceCosts costs;

	private final Cases cases;

	private final UserDirectory users;

	private final BusinessCalendars calendars;

	private final Clock clock;

	private final JsonMapper json;

	CaseCostController(CaseTime time, CaseExpenses expenses, ServiceCosts costs, Cases cases, UserDirectory users,
			BusinessCalendars calendars, Clock clock, JsonMapper json) {
		this.time = time;
		this.expenses = expenses;
		this.costs = costs;
		this.cases = cases;
		this.users = users;
		this.calendars = calendars;
		this.clock = clock;
		this.json = json;
	}

	// ------------------------------------------------------------------ the case's card

	@GetMapping("/cases/{id}/cost")
	@Usage(value = UsageKind.VIEW, ignore = true)
	String card(Viewer viewer, @PathVariable UUID id, HttpServletRequest request, Model model) {
		return show(viewer, id, new TimeForm(), new ExpenseForm(), request, model);
	}

	@GetMapping("/cases/{id}/cost/timer")
	@Usage(value = UsageKind.VIEW, ignore = true)
	String timer(Viewer viewer, @PathVariable UUID id, Model model) {
		this.cases.get(viewer, id);
		addTimer(viewer, id, model);
		return "service/case-cost :: timer";
	}

	@PostMapping("/cases/{id}/cost/time")
	String log(Viewer viewer, @PathVariable UUID id, @ModelAttribute("timeForm") TimeForm form, BindingResult result,
			HttpServletRequest request, Model model) {
		return save(viewer, id, result, model, request, "Time logged.", "timeDate",
				() -> this.time.log(viewer, id, form.toDetails()), form, new ExpenseForm());
	}

	@PostMapping("/cases/{id}/cost/time/{entryId}")
	String update(Viewer viewer, @PathVariable UUID id, @PathVariable UUID entryId,
			@RequestParam(required = false) String date, @RequestParam(required = false) String minutes,
			@RequestParam(required = false) String note, @RequestParam long version, HttpServletRequest request,
			Model model) {
		try {
			Map<String, String> errors = new LinkedHashMap<>();
			LocalDate day = CaseCostForms.day(date, errors, "date");
			Integer value = CaseCostForms.minutes(minutes, errors, "minutes");
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			this.time.update(viewer, id, entryId, version, new TimeEntryDetails(day, value, note));
			return done(id, request, model, "Time entry changed.", viewer);
		}
		catch (InvalidInputException | StaleRecordException ex) {
			model.addAttribute("editId", entryId);
			model.addAttribute("editErrors", ex instanceof InvalidInputException invalid ? invalid.fieldErrors()
					: Map.of("version", ex.getMessage()));
			return show(viewer, id, new TimeForm(), new ExpenseForm(), request, model);
		}
	}

	@PostMapping("/cases/{id}/cost/time/{entryId}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, @PathVariable UUID entryId, @RequestParam long version,
			HttpServletRequest request, Model model) {
		try {
			this.time.delete(viewer, id, entryId, version);
		}
		catch (StaleRecordException ex) {
			model.addAttribute("cardError", ex.getMessage());
			return show(viewer, id, new TimeForm(), new ExpenseForm(), request, model);
		}
		return done(id, request, model, "Time entry removed.", viewer);
	}

	@PostMapping("/cases/{id}/cost/timer/start")
	String start(Viewer viewer, @PathVariable UUID id, HttpServletRequest request, Model model) {
		this.time.start(viewer, id);
		return done(id, request, model, "Timer started.", viewer);
	}

	@PostMapping("/cases/{id}/cost/timer/stop")
	String stop(Viewer viewer, @PathVariable UUID id, HttpServletRequest request, Model model) {
		try {
			this.time.stop(viewer, id);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("cardError", ex.getMessage());
			return show(viewer, id, new TimeForm(), new ExpenseForm(), request, model);
		}
		return done(id, request, model, "Timer stopped and its time logged.", viewer);
	}

	@PostMapping("/cases/{id}/cost/expenses")
	String addExpense(Viewer viewer, @PathVariable UUID id, @ModelAttribute("expenseForm") ExpenseForm form,
			BindingResult result, HttpServletRequest request, Model model) {
		return save(viewer, id, result, model, request, "Expense added.", "expenseDate",
				() -> this.expenses.add(viewer, id, form.toDetails()), new TimeForm(), form);
	}

	@PostMapping("/cases/{id}/cost/expenses/{expenseId}/delete")
	String deleteExpense(Viewer viewer, @PathVariable UUID id, @PathVariable UUID expenseId, @RequestParam long version,
			HttpServletRequest request, Model model) {
		try {
			this.expenses.delete(viewer, id, expenseId, version);
		}
		catch (StaleRecordException ex) {
			model.addAttribute("cardError", ex.getMessage());
			return show(viewer, id, new TimeForm(), new ExpenseForm(), request, model);
		}
		return done(id, request, model, "Expense removed.", viewer);
	}

	private String save(Viewer viewer, UUID id, BindingResult result, Model model, HttpServletRequest request,
			String success, String dateField, Supplier<?> save, TimeForm timeForm, ExpenseForm expenseForm) {
		boolean saved = FormErrors
			.save(result, model, save, ex -> FormErrors.addTo(result, CaseCostForms.rename(ex, dateField)))
			.isPresent();
		if (saved) {
			return done(id, request, model, success, viewer);
		}
		// the form that failed keeps its binding result (and so its errors)
		if (!model.containsAttribute("timeForm")) {
			model.addAttribute("timeForm", timeForm);
		}
		if (!model.containsAttribute("expenseForm")) {
			model.addAttribute("expenseForm", expenseForm);
		}
		return show(viewer, id, timeForm, expenseForm, request, model);
	}

	/** After a change: the card again (htmx), or back to the card's page. */
	private String done(UUID id, HttpServletRequest request, Model model, String message, Viewer viewer) {
		if (Htmx.isHtmx(request)) {
			model.addAttribute("cardSuccess", message);
			return show(viewer, id, new TimeForm(), new ExpenseForm(), request, model);
		}
		return "redirect:/cases/" + id + "/cost";
	}

	private String show(Viewer viewer, UUID id, TimeForm timeForm, ExpenseForm expenseForm, HttpServletRequest request,
			Model model) {
		SupportCase c = this.cases.get(viewer, id);
		List<CaseTimeEntry> entries = this.time.list(viewer, id);
		List<CaseExpense> spent = this.expenses.list(viewer, id);
		Set<UUID> people = new HashSet<>();
		entries.forEach(entry -> people.add(entry.userId()));
		spent.stream().map(CaseExpense::createdBy).filter(p -> p != null).forEach(people::add);
		model.addAttribute("c", c);
		model.addAttribute("canEdit", this.cases.canEdit(viewer, c));
		model.addAttribute("cost", this.costs.ofCase(viewer, id));
		model.addAttribute("entries", entries);
		model.addAttribute("expenses", spent);
		model.addAttribute("people", this.users.namesOf(people));
		model.addAttribute("me", viewer.id());
		model.addAttribute("worksCases", Cases.worksCases(viewer));
		model.addAttribute("today", this.time.today());
		model.addAttribute("categories", ExpenseCategory.values());
		if (!model.containsAttribute("timeForm")) {
			model.addAttribute("timeForm", timeForm);
		}
		if (!model.containsAttribute("expenseForm")) {
			model.addAttribute("expenseForm", expenseForm);
		}
		addTimer(viewer, id, model);
		return Htmx.isHtmx(request) ? "service/case-cost :: card" : "service/case-cost-page";
	}

	private void addTimer(Viewer viewer, UUID caseId, Model model) {
		Optional<CaseTimeEntry> running = this.time.runningTimer(viewer);
		model.addAttribute("caseId", caseId);
		model.addAttribute("timer", running.filter(timer -> timer.caseId().equals(caseId)).orElse(null));
		model.addAttribute("timerMinutes", running.map(this.time::minutesRunning).orElse(0L));
		model.addAttribute("timerElsewhere",
				running.filter(timer -> !timer.caseId().equals(caseId))
					.flatMap(timer -> this.cases.find(timer.caseId()))
					.orElse(null));
	}

	// ------------------------------------------------------------------ the report

	@GetMapping("/cases/cost")
	@Usage(UsageKind.REPORT_VIEW)
	String report(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : today);
		LocalDate start = from != null ? from : end.minusMonths(11).withDayOfMonth(1);
		CostReport report = this.costs.report(viewer, start, end, Grouping.parse(by, "by"));
		model.addAttribute("report", report);
		model.addAttribute("groupings", Grouping.values());
		model.addAttribute("chart", this.json.writeValueAsString(chart(report)));
		return "service/cost";
	}

	/**
	 * The monthly trend as the analytics charts draw it (static/js/analytics.js): cost as
	 * bars, resolved cases as a line, each month opening the report for that month.
	 */
	private static Map<String, Object> chart(CostReport report) {
		List<String> labels = new java.util.ArrayList<>();
		List<java.math.BigDecimal> cost = new java.util.ArrayList<>();
		List<Long> resolved = new java.util.ArrayList<>();
		List<String> links = new java.util.ArrayList<>();
		for (MonthCost month : report.trend()) {
			labels.add(month.month().toString());
			cost.add(month.cost());
			resolved.add(month.resolvedCases());
			links.add(UriComponentsBuilder.fromPath("/cases/cost")
				.queryParam("from", month.month().atDay(1))
				.queryParam("to", month.month().atEndOfMonth())
				.queryParam("by", report.by().name().toLowerCase(java.util.Locale.ROOT))
				.toUriString());
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "bar");
		chart.put("labels", labels);
		chart.put("series", List.of(series("Cost (" + report.currency() + ")", cost, "bar", "amount", "#9ec5fe"),
				series("Cases resolved", resolved, "line", "count", "#1f4e79")));
		chart.put("links", links);
		return chart;
	}

	private static Map<String, Object> series(String label, List<?> data, String type, String axis, String color) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("label", label);
		series.put("data", data);
		series.put("type", type);
		series.put("axis", axis);
		series.put("color", color);
		return series;
	}

}
