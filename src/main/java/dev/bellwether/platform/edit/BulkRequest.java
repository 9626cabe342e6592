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
 * @param reason for {@link BulkAction#CHANGE} to a value whose field asks for a reason
 * with it ({@link EditableField#reason()}: a deal moved to a lost stage takes it as its
 * loss reason); {@code null} otherwise
 */
public record BulkRequest(String recordType, BulkAction action, List<UUID> ids, boolean allMatching,
		Map<String, String> filters, String field, String value, String subject, LocalDate dueDate, String reason) {

	public BulkRequest {
		ids = ids == null ? List.of() : List.copyOf(ids);
		filters = filters == null ? Map.of() : Map.copyOf(filters);
		reason = reason == null || reason.isBlank() ? null : reason.trim();
	}

	public BulkRequest(String recordType, BulkAction action, List<UUID> ids, boolean allMatching,
			Map<String, String> filters, String field, String value, String subject, LocalDate dueDate) {
		this(recordType, action, ids, allMatching, filters, field, value, subject, dueDate, null);
	}

	public static BulkRequest change(String recordType, List<UUID> ids, String field, String value) {
		return new BulkRequest(recordType, BulkAction.CHANGE, ids, false, Map.of(), field, value, null, null);
	}

	/** A change of the field to the value, with the reason the value asks for. */
	public static BulkRequest change(String recordType, List<UUID> ids, String field, String value, String reason) {
		return new BulkRequest(recordType, BulkAction.CHANGE, ids, false, Map.of(), field, value, null, null, reason);
	}

}
