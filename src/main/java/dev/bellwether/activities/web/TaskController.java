package dev.bellwether.activities.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.TaskWindow;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import dev.bellwether.platform.web.Htmx;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * "My open tasks": overdue first, then by due date, each completed with one click; and
 * the overdue count the navigation bar shows.
 */
@Controller
class TaskController {

	private final Activities activities;

	TaskController(Activities activities) {
		this.activities = activities;
	}

	@Usage(value = UsageKind.VIEW, recordType = "activity")
	@GetMapping("/tasks")
	String tasks(Viewer viewer, @RequestParam(defaultValue = "all") String due,
			@PageableDefault(size = 50) Pageable pageable, HttpServletRequest request, Model model) {
		TaskWindow window = window(due);
		Page<Activity> page = this.activities.openTasks(viewer, window,
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
		model.addAttribute("page", page);
		model.addAttribute("names", this.activities.namesFor(page.getContent()));
		model.addAttribute("window", window);
		model.addAttribute("today", this.activities.today());
		model.addAttribute("overdue", this.activities.overdueTaskCount(viewer));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page"));
		return Htmx.targets(request, "results") ? "activities/tasks :: results" : "activities/tasks";
	}

	/**
	 * The number of the viewer's overdue tasks, as a badge (empty when none).
	 */
	@Usage(value = UsageKind.VIEW, ignore = true)
	@GetMapping("/tasks/overdue-count")
	String overdueCount(Viewer viewer, Model model) {
		model.addAttribute("overdue", this.activities.overdueTaskCount(viewer));
		return "activities/rows :: overdueBadge";
	}

	private static TaskWindow window(String due) {
		try {
			return TaskWindow.valueOf(due.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("due",
					"'" + due + "' is not a task filter; use all, overdue, today or week.");
		}
	}

}
