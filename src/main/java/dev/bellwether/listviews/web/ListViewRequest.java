package dev.bellwether.listviews.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.identity.Role;
import dev.bellwether.listviews.ListViewDetails;
import dev.bellwether.listviews.Sharing;
import dev.bellwether.platform.listview.ViewSettings;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A list view as an API client sends it. {@code version} is required on update.
 */
@Schema(requiredProperties = { "recordType", "name" })
record ListViewRequest(
		@Schema(description = "The list: account, contact, opportunity or activity. Ignored on update.",
				example = "opportunity") String recordType,
		@Schema(description = "The view's name, unique among your views of the list", example = "My big deals",
				maxLength = 80) String name,
		@Schema(description = "Filter name to value, as in the list's URL (e.g. owner=me, status=open, "
				+ "closeFrom=quarter-start). 'me' stands for whoever opens the view.",
				example = "{\"owner\": \"me\", \"status\": \"open\"}") Map<String, String> filters,
		@Schema(description = "The columns shown, in order; none for the list's own") List<ColumnRequest> columns,
		@Schema(description = "property,asc or property,desc", example = "closeDate,asc") String sort,
		@Schema(description = "Rows per page, 1 to 200", example = "50") Integer pageSize,
		@Schema(description = "PERSONAL (the default), ROLE or TEAM") Sharing sharing,
		@Schema(description = "For ROLE sharing: the role (sales administrators and administrators only)") Role sharedRole,
		@Schema(description = "For TEAM sharing: the team's manager (your own team, or one below you)") UUID sharedTeamId,
		@Schema(description = "Required on update: the version you read; a stale one is refused with 409 Conflict.",
				example = "0") Long version) {

	record ColumnRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "amount") String name,
			@Schema(description = "Width in pixels, 40 to 800; none for as wide as the content",
					example = "140") Integer width) {
	}

	ListViewDetails toDetails() {
		List<ViewSettings.Column> chosen = this.columns == null ? List.of()
				: this.columns.stream().map(c -> new ViewSettings.Column(c.name(), c.width())).toList();
		return new ListViewDetails(this.name, new ViewSettings(this.filters, chosen, this.sort, this.pageSize),
				this.sharing, this.sharedRole, this.sharedTeamId);
	}

}
