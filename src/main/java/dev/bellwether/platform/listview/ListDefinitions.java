package dev.bellwether.platform.listview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.customfield.CustomRecordType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every list the modules declare ({@link ListDefinition} beans), by record type, with the
 * custom fields of its record type as they are now: a column {@code cf.<key>} per active
 * field (sortable), a filter {@code cf.<key>} (and {@code cf.<key>.from} /
 * {@code cf.<key>.to} for numbers, money, percentages, dates and date-times) per field,
 * retired for a retired field (so that a view naming one still opens, with a notice).
 */
@Component
public class ListDefinitions {

	private final List<ListDefinition> lists;

	private final ObjectProvider<CustomFields> customFields;

	ListDefinitions(List<ListDefinition> lists, ObjectProvider<CustomFields> customFields) {
		this.lists = List.copyOf(lists);
		this.customFields = customFields;
	}

	public List<ListDefinition> all() {
		return this.lists.stream().map(this::withCustomFields).toList();
	}

	public Optional<ListDefinition> find(String recordType) {
		return this.lists.stream()
			.filter(l -> l.recordType().equals(recordType))
			.findFirst()
			.map(this::withCustomFields);
	}

	/**
	 * @throws InvalidInputException when no list of that record type exists
	 */
	public ListDefinition get(String recordType) {
		return find(recordType).orElseThrow(
				() -> new InvalidInputException("recordType", "There is no list of '" + recordType + "'. Lists: "
						+ String.join(", ", this.lists.stream().map(ListDefinition::recordType).toList()) + "."));
	}

	private ListDefinition withCustomFields(ListDefinition list) {
		CustomFields custom = this.customFields.getIfAvailable();
		if (custom == null || custom.recordTypes()
			.stream()
			.map(CustomRecordType::recordType)
			.noneMatch(type -> type.equals(list.recordType()))) {
			return list;
		}
		List<CustomField> fields = custom.all(list.recordType());
		if (fields.isEmpty()) {
			return list;
		}
		List<ListFilter> filters = new ArrayList<>(list.filters());
		List<ListColumn> columns = new ArrayList<>(list.columns());
		for (CustomField field : fields) {
			for (ListFilter filter : filtersOf(field)) {
				filters.add(field.isRetired() ? filter.retire() : filter);
			}
			if (!field.isRetired()) {
				columns.add(new ListColumn(field.filterName(), field.label(), field.filterName()));
			}
		}
		return new ListDefinition(list.recordType(), list.label(), list.path(), filters, columns, list.defaults(),
				list.standardViews());
	}

	/**
	 * @return the filters a list offers on a custom field
	 */
	static List<ListFilter> filtersOf(CustomField field) {
		String name = field.filterName();
		List<ListFilter> filters = new ArrayList<>();
		filters.add(switch (field.type()) {
			case PICK_LIST, MULTI_SELECT -> ListFilter.choice(name, field.label(), field.options());
			case CHECKBOX -> ListFilter.of(name, field.label(), FilterType.BOOLEAN);
			case USER -> ListFilter.of(name, field.label(), FilterType.ID);
			case DATE -> ListFilter.of(name, field.label(), FilterType.DATE);
			default -> ListFilter.of(name, field.label(), FilterType.TEXT);
		});
		if (field.type().hasRange()) {
			FilterType type = field.type() == CustomFieldType.DATE ? FilterType.DATE : FilterType.TEXT;
			filters.add(ListFilter.of(name + ".from", field.label() + " from", type));
			filters.add(ListFilter.of(name + ".to", field.label() + " to", type));
		}
		return filters;
	}

}
