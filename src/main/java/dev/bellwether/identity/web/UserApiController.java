package dev.bellwether.identity.web;

import java.net.URI;
import java.util.UUID;

import dev.bellwether.identity.OrgChart;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserFilter;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.web.ListPage;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users over the API. Everyone signed in may look users up (owners' names, who reports to
 * whom); only administrators create and change them. Users are deactivated, never
 * deleted.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People who sign in to Bellwether. Readable by every user; created, changed, "
		+ "deactivated and reactivated by administrators. Users are never deleted.")
class UserApiController {

	private final UserDirectory users;

	private final OrgChart orgChart;

	UserApiController(UserDirectory users, OrgChart orgChart) {
		this.users = users;
		this.orgChart = orgChart;
	}

	@GetMapping
	@Operation(summary = "List users",
			description = "Filter by q (part of name, username or e-mail), role, active and managerId (direct "
					+ "reports); sort by name, username, role, team, region, lastLogin or hiredOn.")
	ListPage<UserResource> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) UUID managerId,
			@Parameter(description = ListPage.EXACT_TOTAL) @RequestParam(defaultValue = "false") boolean exactTotal,
			@PageableDefault(size = 25, sort = "name") Pageable pageable) {
		return ListPage
			.of(this.users.list(new UserFilter(q, role, active, managerId), PagedQuery.exactTotal(pageable, exactTotal))
				.map(user -> UserResource.of(user, null)));
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in user")
	UserResource me(Viewer viewer) {
		return resource(this.users.get(viewer.id()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get one user", description = "Includes level: how many managers are above the user.")
	UserResource get(@PathVariable UUID id) {
		return resource(this.users.get(id));
	}

	@PostMapping
	@Operation(summary = "Create a user (administrators)",
			description = "password is the initial password, at least " + UserDirectory.MIN_PASSWORD_LENGTH
					+ " characters; integrationAccount (default false) marks a user that "
					+ "a system signs in as, left out of adoption figures.")
	ResponseEntity<UserResource> create(Viewer viewer, @RequestBody UserRequest request) {
		requireAdmin(viewer, "create users");
		User user = this.users.provision(request.toProfile(false, null), request.password(), viewer.id());
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(resource(user));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update a user (administrators)",
			description = "Send every field and the version you read; a stale version gives 409 Conflict. "
					+ "The password is not changed here; integrationAccount and notCountedReason left out stay as they are.")
	UserResource update(Viewer viewer, @PathVariable UUID id, @RequestBody UserRequest request) {
		requireAdmin(viewer, "change users");
		if (request.version() == null) {
			throw new InvalidInputException("version",
					"Send the version of the user you read, to guard against overwriting someone else's change.");
		}
		User before = this.users.get(id);
		return resource(this.users.update(id, request.version(),
				request.toProfile(before.integrationAccount(), before.notCountedReason()), viewer.id()));
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate a user (administrators)",
			description = "They can no longer sign in or use their API tokens; their records stay.")
	UserResource deactivate(Viewer viewer, @PathVariable UUID id) {
		requireAdmin(viewer, "deactivate users");
		return resource(this.users.deactivate(id, viewer.id()));
	}

	@PostMapping("/{id}/reactivate")
	@Operation(summary = "Reactivate a user (administrators)")
	UserResource reactivate(Viewer viewer, @PathVariable UUID id) {
		requireAdmin(viewer, "reactivate users");
		return resource(this.users.reactivate(id, viewer.id()));
	}

	private UserResource resource(User user) {
		return UserResource.of(user, this.orgChart.level(user.id()));
	}

	private static void requireAdmin(Viewer viewer, String what) {
		if (!viewer.isAdmin()) {
			throw new ForbiddenException("Only administrators can " + what + ".");
		}
	}

}
