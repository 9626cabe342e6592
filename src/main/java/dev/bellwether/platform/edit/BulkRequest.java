package dev.bellwether.platform.edit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A bulk action as asked for: over the records selected, or over every record that
 * matches a list's filters.
 *
 * @param recordType a record type or its collection ({@code opportunities})
 * @param ids the records selected; empty when {@code allMatching}
 * @param allMatching every record the user may see that matches {@code filters}
 * @param filters the list's filters, as its page's address has them: {@code view} names a
 * saved view whose filters apply under the others (an empty one clears the view's), as on
 * the list
 * @param field for {@link BulkAction#CHANGE}: the field
 * @param value for {@link BulkAction#CHANGE}: the new value, as text
 * @param subject for a note or task
 * @param dueDate for a task (optional)
 */
public record BulkRequest(String recordType, BulkAction action, List<UUID> ids, boolean allMatching,
		Map<String, String> filters, String field, String value, String subject, LocalDate dueDate) {

	public BulkRequest {
		ids = ids == null ? List.of() : List.copyOf(ids);
		filters = filters == null ? Map.of() : Map.copyOf(filters);
	}

	public static BulkRequest change(String recordType, List<UUID> ids, String field, String value) {
		return new BulkRequest(recordType, BulkAction.CHANGE, ids, false, Map.of(), field, value, null, null);
	}

}
