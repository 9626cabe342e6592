package dev.bellwether.service.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.service.CaseExpense;
import dev.bellwether.service.CaseExpenses;
import dev.bellwether.service.CaseTime;
import dev.bellwether.service.CaseTimeEntry;
import dev.bellwether.service.Cases;
import dev.bellwether.service.ServiceCosts;
import dev.bellwether.service.ServiceCosts.Grouping;
import dev.bellwether.service.web.CostResources.CaseCostResource;
import dev.bellwether.service.web.CostResources.ReportResource;
import dev.bellwether.service.web.CostResources.TimeEntryResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cost of service over the API: time logged on a case (by hand or by the timer), its
 * expenses and what it has cost, and the cost report over a period.
 */
@RestController
@Tag(name = "Cost of service",
		description = "Time logged on cases (entered or by a timer) costed at the hourly rate of the logger's role "
				+ "in force on the entry's day, plus each case's expenses; the cost report by account (beside its "
				+ "won revenue), product, month or agent. Whoever may read a case reads its time and cost; whoever "
				+ "may change it logs time and adds expenses; each person changes and removes only their own "
				+ "entries. A case someone may not see is a 404, as one that does not exist.")
class CaseCostApiController {

	private final CaseTime time;

	private final CaseExpenses expenses;

	private final ServiceCosts costs;

	private final BusinessCalendars calendars;

	private final Clock clock;

	CaseCostApiController(CaseTime time, CaseExpenses expenses, ServiceCosts costs, BusinessCalendars calendars,
			Clock clock) {
		this.time = time;
		this.expenses = expenses;
		this.costs = costs;
		this.calendars = calendars;
		this.clock = clock;
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/api/v1/cases/{id}/time")
	@Operation(summary = "List the time logged on a case",
			description = "Latest day first; a running timer has no minutes yet (running is true).")
	List<TimeEntryResource> time(Viewer viewer, @PathVariable UUID id) {
		return this.time.list(viewer, id).stream().map(TimeEntryResource::of).toList();
	}

	@PostMapping("/api/v1/cases/{id}/time")
	@Operation(summary = "Log time on a case",
			description = "date, minutes (1 to 1440) and an optional note. A 400 names each wrong field (a day in the "
					+ "future, minutes out of range); 403 when you may read the case but not change it.")
	ResponseEntity<TimeEntryResource> log(Viewer viewer, @PathVariable UUID id, @RequestBody TimeEntryRequest request) {
		CaseTimeEntry entry = this.time.log(viewer, id, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/time/" + entry.id()))
			.body(TimeEntryResource.of(entry));
	}

	@PatchMapping("/api/v1/cases/{id}/time/{entryId}")
	@Operation(summary = "Change your own time entry",
			description = "Send the fields to change and the version you read; fields left out stay as they are. "
					+ "Someone else's entry is a 403, a stale version a 409, a running timer a 400 (stop it first).")
	TimeEntryResource update(Viewer viewer, @PathVariable UUID id, @PathVariable UUID entryId,
			@RequestBody TimeEntryRequest request) {
		long version = ApiResources.requireVersion(request.version(), CaseTime.RECORD_TYPE);
		CaseTimeEntry entry = entry(viewer, id, entryId);
		return TimeEntryResource.of(this.time.update(viewer, id, entryId, version, request.applyTo(entry)));
	}

	@DeleteMapping("/api/v1/cases/{id}/time/{entryId}")
	@Operation(summary = "Remove your own time entry",
			description = "A running timer removed is discarded. Someone else's entry is a 403, a stale version a 409.")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id, @PathVariable UUID entryId,
			@Parameter(description = "The version of the entry you read") @RequestParam long version) {
		return ApiResources.noContent(() -> this.time.delete(viewer, id, entryId, version));
	}

	@PostMapping("/api/v1/cases/{id}/timer/start")
	@Operation(summary = "Start your timer on a case",
			description = "You have one timer: one running on another case is stopped first (and its minutes logged "
					+ "there); one already running on this case goes on. Answers the running timer.")
	TimeEntryResource start(Viewer viewer, @PathVariable UUID id) {
		return TimeEntryResource.of(this.time.start(viewer, id));
	}

	@PostMapping("/api/v1/cases/{id}/timer/stop")
	@Operation(summary = "Stop your timer on a case",
			description = "Logs the minutes it ran, to the nearest minute (at least 1, at most 1440), on the day it "
					+ "started. A 400 naming timer when none of yours runs on this case.")
	TimeEntryResource stop(Viewer viewer, @PathVariable UUID id) {
		return TimeEntryResource.of(this.time.stop(viewer, id));
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/api/v1/cases/{id}/expenses")
	@Operation(summary = "List a case's expenses", description = "Latest day first, in the company currency.")
	List<CaseExpense> expenses(Viewer viewer, @PathVariable UUID id) {
		return this.expenses.list(viewer, id);
	}

	@PostMapping("/api/v1/cases/{id}/expenses")
	@Operation(summary = "Add an expense to a case",
			description = "A 400 names each wrong field (a day in the future, an amount not above zero, no "
					+ "description or category); 403 when you may read the case but not change it.")
	ResponseEntity<CaseExpense> addExpense(Viewer viewer, @PathVariable UUID id, @RequestBody ExpenseRequest request) {
		CaseExpense expense = this.expenses.add(viewer, id, request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/expenses/" + expense.id())).body(expense);
	}

	@Usage(value = UsageKind.VIEW, recordType = Cases.RECORD_TYPE)
	@GetMapping("/api/v1/cases/{id}/cost")
	@Operation(summary = "What a case has cost so far",
			description = "All its time (minutes × the rate of the logger's role in force on the entry's day ÷ 60) "
					+ "and expenses, whatever their day; unratedMinutes were logged without a rate in force.")
	CaseCostResource cost(Viewer viewer, @PathVariable UUID id) {
		return CaseCostResource.of(this.costs.ofCase(viewer, id));
	}

	@Usage(UsageKind.REPORT_VIEW)
	@GetMapping("/api/v1/service/cost")
	@Operation(summary = "The cost of service over a period",
			description = "from and to are days (both included; default the last twelve months); by is account "
					+ "(default, with each account's won revenue in the period), product, month or agent. Time "
					+ "counts on its day at the rate in force that day; expenses on theirs; resolved cases by when "
					+ "they were resolved. Over the cases the caller may see; 403 for people who do not work cases.")
	ReportResource report(Viewer viewer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String by) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		LocalDate end = to != null ? to : (from != null ? from.plusYears(1).minusDays(1) : today);
		LocalDate start = from != null ? from : end.minusMonths(11).withDayOfMonth(1);
		return ReportResource.of(this.costs.report(viewer, start, end, Grouping.parse(by, "by")));
	}

	private CaseTimeEntry entry(Viewer viewer, UUID caseId, UUID entryId) {
		return this.time.list(viewer, caseId)
			.stream()
			.filter(entry -> entry.id().equals(entryId))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(CaseTime.RECORD_TYPE, entryId));
	}

}
