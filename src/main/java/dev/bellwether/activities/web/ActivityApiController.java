package dev.bellwether.activities.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityFilter;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.TaskStatus;
import dev.bellwether.activities.TaskWindow;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.web.ApiResources;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.ListCursors;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Tasks, calls, meetings and notes linked to accounts, contacts and "
		+ "opportunities. An activity on an opportunity is visible to whoever may see the opportunity; others to "
		+ "every user. Changed by the owner, the owner's managers, sales administrators and administrators.")
class ActivityApiController {

	private final Activities activities;

	private final ListCursors cursors;

	ActivityApiController(Activities activities, ListCursors cursors) {
		this.cursors = cursors;
		this.activities = activities;
	}

	@Usage(value = UsageKind.VIEW, recordType = "activity")
	@GetMapping
	@Operation(summary = "List activities, newest first",
			description = "Filter by kind (TASK, CALL, MEETING, NOTE), ownerId, accountId (includes work on the "
					+ "account's contacts and deals), contactId, opportunityId, status (OPEN, COMPLETED), from and to "
					+ "(days the activity occurred, inclusive) and q (part of the subject).")
	ListPage<ActivityResource> list(Viewer viewer, @RequestParam(required = false) ActivityKind kind,
			@RequestParam(required = false) UUID ownerId, @RequestParam(required = false) UUID accountId,
			@RequestParam(required = false) UUID contactId, @RequestParam(required = false) UUID opportunityId,
			@RequestParam(required = false) TaskStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@Parameter(description = ListPage.CURSOR) @RequestParam(required = false) String cursor,
			@PageableDefault(size = 25) Pageable pageable) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInputException("to", "'to' (" + to + ") is before 'from' (" + from + ").");
		}
		return resources(this.activities.list(viewer,
				new ActivityFilter(kind, ownerId, accountId, contactId, opportunityId, status, from, to, q),
				this.cursors.request(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), exactTotal,
						cursor)));
	}

	@Usage(value = UsageKind.VIEW, recordType = "activity")
	@GetMapping("/my-open-tasks")
	@Operation(summary = "The caller's open tasks, overdue first, then by due date",
			description = "due: ALL (default), OVERDUE, TODAY (due today or before) or WEEK (due within seven days).")
	ListPage<ActivityResource> myOpenTasks(Viewer viewer, @RequestParam(defaultValue = "ALL") TaskWindow due,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 50) Pageable pageable) {
		return resources(this.activities.openTasks(viewer, due,
				PagedQuery.exactTotal(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), exactTotal)));
	}

	@Usage(value = UsageKind.VIEW, recordType = "activity")
	@GetMapping("/{id}")
	@Operation(summary = "Get one activity")
	ActivityResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(this.activities.get(viewer, id));
	}

	@PostMapping
	@Operation(summary = "Log an activity",
			description = "kind is required; link at least one of accountId, contactId and opportunityId. ownerId "
					+ "defaults to the caller. Tasks: dueDate, status (OPEN), priority (NORMAL). Calls: startsAt and "
					+ "endsAt or durationMinutes. Meetings: startsAt, endsAt, attendees (each a contactId, userId or "
					+ "email). Notes: body (the subject defaults to its first line).")
	ResponseEntity<ActivityResource> create(Viewer viewer, @RequestBody ActivityRequest request) {
		Activity activity = this.activities.create(viewer, request.toDetails(viewer.id(), null));
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(resource(activity));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update an activity",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. The kind "
					+ "can't change; without ownerId the owner stays as it is.")
	ActivityResource update(Viewer viewer, @PathVariable UUID id, @RequestBody ActivityRequest request) {
		long version = ApiResources.requireVersion(request.version(), "activity");
		Activity current = this.activities.get(viewer, id);
		return resource(
				this.activities.update(viewer, id, version, request.toDetails(current.ownerId(), current.kind())));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Complete a task", description = "Completing a completed task changes nothing.")
	ActivityResource complete(Viewer viewer, @PathVariable UUID id) {
		return resource(this.activities.complete(viewer, id));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Reopen a completed task", description = "Reopening an open task changes nothing.")
	ActivityResource reopen(Viewer viewer, @PathVariable UUID id) {
		return resource(this.activities.reopen(viewer, id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an activity", description = "It can be brought back with POST /{id}/restore.")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		return ApiResources.noContent(() -> this.activities.delete(viewer, id));
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore a deleted activity")
	ActivityResource restore(Viewer viewer, @PathVariable UUID id) {
		return resource(this.activities.restore(viewer, id));
	}

	private ActivityResource resource(Activity activity) {
		return ActivityResource.of(activity, this.activities.namesFor(List.of(activity)), this.activities.today());
	}

	private ListPage<ActivityResource> resources(Page<Activity> page) {
		var names = this.activities.namesFor(page.getContent());
		var today = this.activities.today();
		return ListPage.of(page.map(a -> ActivityResource.of(a, names, today)));
	}

}
