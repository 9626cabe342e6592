package dev.bellwether.listviews.web;

import java.util.List;

import dev.bellwether.platform.listview.FilterType;
import dev.bellwether.platform.listview.ListColumn;
import dev.bellwether.platform.listview.ListDefinition;
import dev.bellwether.platform.listview.ListFilter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a list offers a view: its filters, columns and sorts, as the API describes it.
 */
@Schema(name = "ListDescription")
record ListResource(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "opportunity") String recordType,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Deals") String label,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "/opportunities") String path,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<FilterResource> filters,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ColumnResource> columns) {

	/**
	 * @param type TEXT, ID (or {@code me}), DATE (an ISO day, or today, quarter-start,
	 * quarter-end), BOOLEAN or CHOICE (one of {@code choices})
	 */
	@Schema(name = "ListFilterDescription")
	record FilterResource(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String label,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) FilterType type,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> choices) {
	}

	@Schema(name = "ListColumnDescription")
	record ColumnResource(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String label,
			@Schema(description = "The sort property ordering by this column (sort=<it>,asc|desc); none when it does "
					+ "not sort") String sortProperty,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "Shown when a view chooses no columns") boolean shownByDefault) {
	}

	static ListResource of(ListDefinition list) {
		List<String> shown = list.shownColumns(dev.bellwether.platform.listview.ViewSettings.empty())
			.stream()
			.map(ListDefinition.ShownColumn::name)
			.toList();
		return new ListResource(list.recordType(), list.label(), list.path(),
				list.filters().stream().filter(f -> !f.retired()).map(ListResource::filter).toList(),
				list.columns().stream().map(c -> column(c, shown.contains(c.name()))).toList());
	}

	private static FilterResource filter(ListFilter filter) {
		return new FilterResource(filter.name(), filter.label(), filter.type(), filter.choices());
	}

	private static ColumnResource column(ListColumn column, boolean shown) {
		return new ColumnResource(column.name(), column.label(), column.sortProperty(), shown);
	}

}
