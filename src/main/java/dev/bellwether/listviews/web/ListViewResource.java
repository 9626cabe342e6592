package dev.bellwether.listviews.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.listviews.ListView;
import dev.bellwether.listviews.Sharing;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A list view as the API returns it.
 */
record ListViewResource(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID id,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String recordType,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
		@Schema(description = "None for a standard view") UUID ownerId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, String> filters,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ColumnResource> columns, String sort,
		Integer pageSize, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Sharing sharing, Role sharedRole,
		UUID sharedTeamId,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "A standard view: nobody can change it; save a copy instead") boolean standard,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "Whether it is your default view of its list") boolean isDefault,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
				description = "The list's address showing this view") String link,
		Instant updatedAt, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version) {

	record ColumnResource(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name, Integer width) {
	}

	static ListViewResource of(ListView view, String listPath, UUID defaultId) {
		return new ListViewResource(view.id(), view.recordType(), view.name(), view.ownerId(),
				view.settings().filters(),
				view.settings().columns().stream().map(c -> new ColumnResource(c.name(), c.width())).toList(),
				view.settings().sort(), view.settings().pageSize(), view.sharing(), view.sharedRole(),
				view.sharedTeamId(), view.standard(), view.id().equals(defaultId), listPath + "?view=" + view.id(),
				view.updatedAt(), view.version());
	}

}
