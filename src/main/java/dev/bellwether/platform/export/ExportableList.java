package dev.bellwether.platform.export;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.platform.customfield.CustomFilter;
import dev.bellwether.platform.listview.ListQuery;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * What a module offers for exporting one of its lists (a bean of the module, as
 * {@link dev.bellwether.platform.edit.EditableRecords} is for editing): a page of the
 * list as the person sees it, read by the module's own query with its own visibility
 * rules, filters and sort. {@link ListExports} reads it page after page in keyset order
 * and writes the file.
 */
public interface ExportableList {

	/**
	 * The list's record type, as its {@code ListDefinition} names it, e.g.
	 * {@code opportunity}.
	 */
	String recordType();

	/** The list in paths, e.g. {@code opportunities} ({@code /opportunities/export}). */
	String collection();

	/** The file name's stem, e.g. {@code deals} ({@code deals-2026-06-17.csv}). */
	String fileName();

	/**
	 * One page of the list: the records the person may see that match the query's filters
	 * and custom criteria, in the order of {@code pageable}'s sort (the list's
	 * tie-breakers and the id after it, so that the page after it starts after its last
	 * row).
	 * @param viewerId who exports
	 * @param pageable a {@link dev.bellwether.platform.ListRequest} (first page, page
	 * after a row, or counting every match)
	 * @throws dev.bellwether.platform.InvalidInputException for a filter the list does
	 * not take
	 */
	Page<ExportRow> page(UUID viewerId, ListQuery query, CustomFilter custom, Pageable pageable);

	/** The names of users that custom fields of type user name. */
	Map<UUID, String> userNames(Collection<UUID> ids);

	/**
	 * The export API's parameters as the list's filters: the record type's list endpoint
	 * names some filters its own way ({@code ownerId} for the list's {@code owner}), and
	 * the export API takes those names too.
	 * @param parameters the request's parameters
	 * @return the parameters with the API's names replaced by the list's
	 */
	default Map<String, String[]> fromApi(Map<String, String[]> parameters) {
		return parameters;
	}

	/**
	 * @return whether the column goes into files ({@code false} for a column of buttons)
	 */
	default boolean exports(String column) {
		return true;
	}

	/**
	 * @param names the API's parameter names, each to the list filter it stands for
	 * @return the parameters with those names replaced (a list filter given by its own
	 * name wins)
	 */
	static Map<String, String[]> renamed(Map<String, String[]> parameters, Map<String, String> names) {
		Map<String, String[]> renamed = new java.util.LinkedHashMap<>(parameters);
		names.forEach((from, to) -> {
			String[] value = renamed.remove(from);
			if (value != null && !renamed.containsKey(to)) {
				renamed.put(to, value);
			}
		});
		return renamed;
	}

}
