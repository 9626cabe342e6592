package dev.bellwether.platform.picklist.web;

import java.util.List;

import dev.bellwether.platform.picklist.PickList;
import dev.bellwether.platform.picklist.PickListValue;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A pick list as the API shows it.
 */
record PickListResource(@Schema(example = "industry") String name, @Schema(example = "Industry") String label,
		@Schema(description = "The module whose records use the list", example = "customers") String module,
		String description,
		@Schema(description = "What records store and the API takes and answers with: a value's LABEL, or its "
				+ "KEY (country: the ISO code). Input matches labels, keys and former labels case-insensitively.") PickList.Stores stores,
		@Schema(description = "What records may take now (stored values of the values not retired), in order") List<String> allowed,
		@Schema(description = "Every value in order, retired ones included") List<Value> values) {

	static PickListResource of(PickList list) {
		return new PickListResource(list.name(), list.label(), list.module(), list.description(), list.stores(),
				list.allowed(), list.values().stream().map(Value::of).toList());
	}

	record Value(
			@Schema(description = "Stable; never changes when the value is renamed", example = "technology") String key,
			@Schema(example = "Technology") String label, int position,
			@Schema(description = "Kept on the records that have it, no longer offered") boolean retired) {

		static Value of(PickListValue value) {
			return new Value(value.key(), value.label(), value.position(), value.retired());
		}

	}

}
