package dev.bellwether.platform.picklist.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickListChange;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.platform.usage.Usage;
import dev.bellwether.platform.usage.UsageKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
 * Pick lists through the API: everyone signed in reads them, administrators and sales
 * administrators change them. Look-ups of allowed values, not use of a feature, so usage
 * capture leaves them out.
 */
@RestController
@RequestMapping("/api/v1/pick-lists")
@Usage(value = UsageKind.API_CALL, ignore = true)
@Tag(name = "Pick lists",
		description = "The values industry, country, lead source, loss reason and activity "
				+ "sub-types take. Everyone reads them; administrators and sales administrators add, rename, reorder, "
				+ "retire and restore values. A value's key never changes; a retired value stays on the records that "
				+ "have it but is refused for new ones. Input anywhere matches labels and keys case-insensitively.")
class PickListApiController {

	private final PickLists pickLists;

	private final PickListAdministrators administrators;

	PickListApiController(PickLists pickLists, PickListAdministrators administrators) {
		this.pickLists = pickLists;
		this.administrators = administrators;
	}

	@GetMapping
	@Operation(summary = "List every pick list with its values")
	List<PickListResource> list() {
		return this.pickLists.all().stream().map(PickListResource::of).toList();
	}

	@GetMapping("/{name}")
	@Operation(summary = "Get one pick list", description = "name: industry, country, lead-source, loss-reason, "
			+ "task-type, call-type or meeting-type.")
	PickListResource get(@PathVariable String name) {
		return PickListResource.of(this.pickLists.get(name));
	}

	@GetMapping("/{name}/changes")
	@Operation(summary = "The latest changes to a pick list, newest first")
	List<PickListChange> changes(@PathVariable String name, @RequestParam(defaultValue = "50") int limit) {
		return this.pickLists.changes(name, Math.max(1, Math.min(limit, 500)));
	}

	@PostMapping("/{name}/values")
	@Operation(summary = "Add a value at the end of a pick list",
			description = "Administrators and sales administrators. A label the list has already (in any case) is a 400.")
	ResponseEntity<PickListResource.Value> add(HttpServletRequest http, @PathVariable String name,
			@RequestBody PickListValueRequest request) {
		PickListValue value = this.pickLists.add(this.administrators.require(http), name, request.label());
		return ResponseEntity.created(URI.create("/api/v1/pick-lists/" + value.list() + "/values/" + value.key()))
			.body(PickListResource.Value.of(value));
	}

	@PutMapping("/{name}/values/{key}")
	@Operation(summary = "Rename, retire or restore a value",
			description = "Administrators and sales administrators. A new label renames the value (its key stays; "
					+ "records follow); retired=true retires it, false offers it again.")
	PickListResource.Value change(HttpServletRequest http, @PathVariable String name, @PathVariable String key,
			@RequestBody PickListValueRequest request) {
		var actor = this.administrators.require(http);
		if (request.label() == null && request.retired() == null) {
			throw new InvalidInputException("label", "Send a new label, retired, or both.");
		}
		PickListValue value = null;
		if (request.label() != null) {
			value = this.pickLists.rename(actor, name, key, request.label());
		}
		if (request.retired() != null) {
			value = this.pickLists.setRetired(actor, name, key, request.retired());
		}
		return PickListResource.Value.of(value);
	}

	@PostMapping("/{name}/values/{key}/move")
	@Operation(summary = "Move a value earlier (direction=-1) or later (direction=1)",
			description = "Administrators and sales administrators. Answers with the list in its new order.")
	PickListResource move(HttpServletRequest http, @PathVariable String name, @PathVariable String key,
			@RequestParam int direction) {
		this.pickLists.move(this.administrators.require(http), name, key, direction);
		return PickListResource.of(this.pickLists.get(name));
	}

}
