package dev.bellwether.platform.customfield;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.bellwether.platform.PagedQuery;
import dev.bellwether.platform.SortKey;
import dev.bellwether.platform.TextSearch;
import dev.bellwether.platform.web.PageRequests;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A record type's list, the same for every record type with custom fields: filtered by
 * the module's conditions and by criteria on custom fields ({@code cf.<key>}), sorted by
 * its columns or a custom field, paged by number or keyset; its recycle bin; and its
 * search's second look, by text-like custom values. The module passes its own query,
 * columns and conditions in.
 *
 * @param recordType the record type, as custom fields name it
 * @param alias the alias of the record type's table in the query
 * @param paged the module's select and from
 * @param sortable sortable columns by the names the lists and the API use
 * @param notNull the sort expressions that are never null (keyset paging compares rows on
 * them)
 * @param defaultOrder the order without a sort, and the tie-breakers after one
 * @param rows how a row reads
 */
public record CustomizedList<T>(String recordType, String alias, PagedQuery paged, Map<String, String> sortable,
		Set<String> notNull, List<String> defaultOrder, RowMapper<T> rows) {

	/**
	 * The records that meet the module's conditions and the criteria on custom fields.
	 * @param params the conditions' parameters; the custom criteria's are added
	 */
	public Page<T> page(JdbcClient jdbc, CustomFields customFields, String where, Map<String, Object> params,
			CustomFilter custom, Pageable pageable) {
		return this.paged.fetch(jdbc, where(customFields, where, params, custom), params,
				sortKeys(customFields, pageable.getSort()), pageable, this.rows);
	}

	/** The module's conditions and the criteria on custom fields, and-ed. */
	public String where(CustomFields customFields, String where, Map<String, Object> params, CustomFilter custom) {
		return where + " and " + customFields.where(this.recordType, this.alias, custom, params);
	}

	/** The sort asked for, by a column or a custom field, then the default order. */
	public List<SortKey> sortKeys(CustomFields customFields, Sort sort) {
		Map<String, String> sortable = new LinkedHashMap<>(this.sortable);
		sortable.putAll(customFields.sortable(this.recordType, this.alias));
		return PageRequests.sortKeys(sort, sortable, this.notNull, this.recordType,
				this.defaultOrder.toArray(String[]::new));
	}

	/**
	 * Records in the recycle bin that meet the conditions, most recently deleted first.
	 */
	public Page<T> deleted(JdbcClient jdbc, String where, Map<String, Object> params, Pageable pageable) {
		return this.paged.fetch(jdbc, where, params, this.alias + ".deleted_at desc, " + this.alias + ".id", pageable,
				this.rows);
	}

	/**
	 * A search's records found by name, then, up to the limit, those found by their
	 * text-like custom values (V28__custom_fields.sql), in a query of their own: one
	 * OR-ed into the search by name would cost it its plan.
	 * @param found the records found by name
	 * @param query the module's select with its conditions and parameters, given the
	 * condition and order to add ({@code :seen} and {@code :rest} are bound here)
	 * @param order the order of the records found by custom values
	 */
	public List<T> thenByCustomText(List<T> found, int limit, Function<T, UUID> id, TextSearch search, String order,
			Function<String, JdbcClient.StatementSpec> query) {
		if (found.size() >= limit) {
			return found;
		}
		List<UUID> seen = found.stream().map(id).toList();
		List<T> all = new ArrayList<>(found);
		all.addAll(query
			.apply(this.alias + ".custom_text is not null and "
					+ search.matches("to_tsvector('simple', " + this.alias + ".custom_text)")
					+ (seen.isEmpty() ? "" : " and " + this.alias + ".id not in (:seen)") + " order by " + order
					+ " limit :rest")
			.param("seen", seen.isEmpty() ? List.of(new UUID(0, 0)) : seen)
			.param("rest", limit - found.size())
			.query(this.rows)
			.list());
		return all;
	}

}
