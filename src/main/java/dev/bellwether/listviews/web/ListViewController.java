package dev.bellwether.listviews.web;

import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.Viewer;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.ListViewDetails;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.listviews.Sharing;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListDefinitions;
import dev.bellwether.platform.listview.ViewSettings;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The view controls of the list pages: "Save as…", "Update view", "Set as my default",
 * delete. Each answers with the list again, showing the view, or with the list as it was
 * and the reason nothing was saved.
 */
@Controller
class ListViewController {

	private final ListViews views;

	private final ListDefinitions lists;

	ListViewController(ListViews views, ListDefinitions lists) {
		this.views = views;
		this.lists = lists;
	}

	@PostMapping("/list-views")
	String saveAs(Viewer viewer, @RequestParam String recordType, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "PERSONAL") String sharing,
			@RequestParam(required = false) String sharedRole, @RequestParam(required = false) UUID sharedTeamId,
			RedirectAttributes redirect) {
		ListDefinition list = this.lists.get(recordType);
		try {
			ListView view = this.views.create(viewer, recordType, new ListViewDetails(name,
					settings(viewer, recordType, query), sharingOf(sharing), roleOf(sharedRole), sharedTeamId));
			redirect.addFlashAttribute("flashSuccess", "View '" + view.name() + "' saved.");
			return "redirect:" + list.path() + "?view=" + view.id();
		}
		catch (InvalidInputException | ForbiddenException ex) {
			redirect.addFlashAttribute("flashError", "The view was not saved: " + ex.getMessage());
			return "redirect:" + list.path() + (query.isBlank() ? "" : "?" + query);
		}
	}

	@PostMapping("/list-views/{id}")
	String update(Viewer viewer, @PathVariable UUID id, @RequestParam long version,
			@RequestParam(defaultValue = "") String query, @RequestParam(required = false) String name,
			@RequestParam(required = false) String sharing, @RequestParam(required = false) String sharedRole,
			@RequestParam(required = false) UUID sharedTeamId, RedirectAttributes redirect) {
		ListView view = this.views.get(viewer, id);
		ListDefinition list = this.lists.get(view.recordType());
		try {
			ViewSettings settings = settings(viewer, view.recordType(), query);
			ListViewDetails details = (sharing == null)
					? new ListViewDetails(name == null ? view.name() : name, settings, view.sharing(),
							view.sharedRole(), view.sharedTeamId())
					: new ListViewDetails(name == null ? view.name() : name, settings, sharingOf(sharing),
							roleOf(sharedRole), sharedTeamId);
			this.views.update(viewer, id, version, details);
			redirect.addFlashAttribute("flashSuccess", "View '" + details.name().strip() + "' updated.");
			return "redirect:" + list.path() + "?view=" + id;
		}
		catch (InvalidInputException | ForbiddenException | StaleRecordException ex) {
			redirect.addFlashAttribute("flashError", "The view was not updated: " + ex.getMessage());
			return "redirect:" + list.path() + "?view=" + id + (query.isBlank() ? "" : "&" + query);
		}
	}

	@PostMapping("/list-views/{id}/default")
	String setDefault(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		ListView view = this.views.get(viewer, id);
		this.views.setDefault(viewer, view.recordType(), id);
		redirect.addFlashAttribute("flashSuccess", "'" + view.name() + "' now opens when you open this list.");
		return "redirect:" + this.lists.get(view.recordType()).path() + "?view=" + id;
	}

	@PostMapping("/list-views/defaults/{recordType}/clear")
	String clearDefault(Viewer viewer, @PathVariable String recordType, RedirectAttributes redirect) {
		this.views.setDefault(viewer, recordType, null);
		redirect.addFlashAttribute("flashSuccess", "This list now opens as it comes.");
		return "redirect:" + this.lists.get(recordType).path() + "?view=";
	}

	@PostMapping("/list-views/{id}/delete")
	String delete(Viewer viewer, @PathVariable UUID id, RedirectAttributes redirect) {
		ListView view = this.views.get(viewer, id);
		String path = this.lists.get(view.recordType()).path();
		try {
			this.views.delete(viewer, id);
			redirect.addFlashAttribute("flashSuccess", "View '" + view.name() + "' deleted.");
			return "redirect:" + path + "?view=";
		}
		catch (ForbiddenException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:" + path + "?view=" + id;
		}
	}

	/**
	 * The list as the page showed it: the query of its address (a view and what the
	 * address overrides of it), read as the list page reads it.
	 */
	private ViewSettings settings(Viewer viewer, String recordType, String query) {
		Map<String, String[]> parameters = ViewSettings.parameters(query.startsWith("?") ? query.substring(1) : query);
		// no view in the address: the list as it was shown, never the person's default
		parameters.putIfAbsent("view", new String[] { "" });
		return this.views.open(viewer, recordType, parameters, false).settings();
	}

	private static Sharing sharingOf(String sharing) {
		try {
			return Sharing.valueOf(sharing.strip().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("sharing",
					"Share a view as PERSONAL, ROLE or TEAM, not '" + sharing + "'.");
		}
	}

	private static Role roleOf(String role) {
		if (role == null || role.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(role.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("sharedRole", "There is no role '" + role + "'.");
		}
	}

}
