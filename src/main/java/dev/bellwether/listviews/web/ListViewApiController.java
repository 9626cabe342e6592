package dev.bellwether.listviews.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.bellwether.identity.Viewer;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.ListViews;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.listview.ListDefinitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

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

/**
 * Saved list views through the API.
 */
@RestController
@RequestMapping("/api/v1/list-views")
@Tag(name = "List views",
		description = "Saved filters, columns, sort and page size of the account, contact, opportunity and activity "
				+ "lists. Yours, shared with you (by role or team), and the standard views everyone has. Open one "
				+ "at its link (the list's address with ?view=<id>).")
class ListViewApiController {

	private final ListViews views;

	private final ListDefinitions lists;

	ListViewApiController(ListViews views, ListDefinitions lists) {
		this.views = views;
		this.lists = lists;
	}

	@GetMapping
	@Operation(summary = "List the views you may open of one list",
			description = "The list's standard views first, then yours and those shared with you, by name.")
	List<ListViewResource> list(Viewer viewer, @Parameter(description = "account, contact, opportunity or activity",
			example = "opportunity") @RequestParam String recordType) {
		UUID defaultId = this.views.defaultView(viewer, recordType).map(ListView::id).orElse(null);
		String path = this.lists.get(recordType).path();
		return this.views.visible(viewer, recordType)
			.stream()
			.map(v -> ListViewResource.of(v, path, defaultId))
			.toList();
	}

	@GetMapping("/lists")
	@Operation(summary = "Describe the lists views can be made of",
			description = "Each list's filters (names, types, allowed values), columns (and which sort) and the "
					+ "columns shown when a view chooses none.")
	List<ListResource> lists() {
		return this.lists.all().stream().map(ListResource::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one view", description = "404 when it does not exist or is not shared with you.")
	ListViewResource get(Viewer viewer, @PathVariable UUID id) {
		return resource(viewer, this.views.get(viewer, id));
	}

	@PostMapping
	@Operation(summary = "Save a view",
			description = "Personal by default. Managers may share with their own team (sharing TEAM, sharedTeamId "
					+ "their own id, or a manager below them); sales administrators and administrators with any team "
					+ "or role. A filter or column the list does not have is refused with 400, naming it.")
	ResponseEntity<ListViewResource> create(Viewer viewer, @RequestBody ListViewRequest request) {
		if (request.recordType() == null || request.recordType().isBlank()) {
			throw new InvalidInputException("recordType",
					"Say which list the view is of: account, contact, " + "opportunity or activity.");
		}
		ListView view = this.views.create(viewer, request.recordType(), request.toDetails());
		return ResponseEntity.created(URI.create("/api/v1/list-views/" + view.id())).body(resource(viewer, view));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change one of your views",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. Only the "
					+ "view's owner changes it (403 otherwise); standard views never change.")
	ListViewResource update(Viewer viewer, @PathVariable UUID id, @RequestBody ListViewRequest request) {
		if (request.version() == null) {
			throw new InvalidInputException("version",
					"Send the version of the view you read, to guard against overwriting someone's change.");
		}
		return resource(viewer, this.views.update(viewer, id, request.version(), request.toDetails()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete one of your views", description = "Only the view's owner deletes it (403 otherwise).")
	ResponseEntity<Void> delete(Viewer viewer, @PathVariable UUID id) {
		this.views.delete(viewer, id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/defaults/{recordType}")
	@Operation(summary = "Set your default view of a list",
			description = "The view opened on the bare list address. Without viewId, the list as it comes.")
	ResponseEntity<Void> setDefault(Viewer viewer,
			@Parameter(description = "account, contact, opportunity or activity",
					example = "opportunity") @PathVariable String recordType,
			@RequestParam(required = false) UUID viewId) {
		this.views.setDefault(viewer, recordType, viewId);
		return ResponseEntity.noContent().build();
	}

	private ListViewResource resource(Viewer viewer, ListView view) {
		UUID defaultId = this.views.defaultView(viewer, view.recordType()).map(ListView::id).orElse(null);
		return ListViewResource.of(view, this.lists.get(view.recordType()).path(), defaultId);
	}

}
