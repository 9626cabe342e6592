package dev.bellwether.platform.customfield;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The expression index that sorts a list by a custom field, and finds a range of its
 * values, without reading the whole table: created by the owning module, on its own
 * table, when an administrator marks the field as indexed. Its columns are the list's
 * whole order when sorted by the field: the expression {@link CustomFields#sortable}
 * sorts by, then the list's tie-breakers, the id last — {@code (expr, close_date, id)}
 * for deals — so that a page, first or deep by cursor, is one range of it (the rows with
 * a value, then those without: {@code Keyset.sections}); ascending, and scanned backwards
 * for a descending list. Built {@code concurrently}: writes to the table go on while it
 * is built.
 *
 * <p>
 * Before issue 13's list targets the index was {@code (expr, id)} under the name
 * {@link #legacyName}: it matched no list's order (the tie-breakers come between). When
 * such an index is there, {@link #create} builds the new one and then drops it (see
 * {@link CustomFields#rebuildIndexes()}, run at start-up).
 */
public final class CustomFieldIndexes {

	private CustomFieldIndexes() {
	}

	/**
	 * Builds the field's index unless it is there, valid; drops the old shape's index
	 * when there is one. Idempotent; must not run inside a transaction.
	 * @param table the owning module's table, with a {@code custom} jsonb column and a
	 * {@code deleted_at} column
	 * @param tieBreakers the list's tie-breakers after the sort (columns or expressions
	 * of the table, without an alias), the id last: e.g. {@code close_date, id}
	 */
	public static void create(JdbcClient jdbc, String table, CustomField field, String... tieBreakers) {
		String name = indexName(table, field);
		String legacy = legacyName(table, field);
		Boolean valid = jdbc.sql("select indisvalid from pg_index where indexrelid = to_regclass(:name)")
			.param("name", name)
			.query(Boolean.class)
			.optional()
			.orElse(null);
		if (Boolean.FALSE.equals(valid)) {
			// a build that was interrupted leaves an invalid index behind: build it again
			jdbc.sql("drop index concurrently if exists " + name).update();
		}
		if (!Boolean.TRUE.equals(valid)) {
			jdbc.sql("create index concurrently if not exists " + name + " on " + table + " ("
					+ String.join(", ", columns(field, tieBreakers)) + ") where deleted_at is null")
				.update();
		}
		if (!legacy.equals(name) && exists(jdbc, legacy)) {
			jdbc.sql("drop index concurrently if exists " + legacy).update();
		}
	}

	/**
	 * @return the index's columns: the sort expression, then the tie-breakers
	 */
	static List<String> columns(CustomField field, String... tieBreakers) {
		List<String> columns = new ArrayList<>();
		columns.add(CustomFields.sortExpression(field, null));
		columns.addAll(List.of(tieBreakers));
		if (tieBreakers.length == 0) {
			columns.add("id");
		}
		return columns;
	}

	private static boolean exists(JdbcClient jdbc, String name) {
		return jdbc.sql("select count(*) from pg_index where indexrelid = to_regclass(:name)")
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * {@code
	 *
	<table>
	 * _cf_<key>_sort_idx}, cut to PostgreSQL's 63 characters.
	 */
	static String indexName(String table, CustomField field) {
		return shortened(table + "_cf_" + field.key().toLowerCase(Locale.ROOT) + "_sort_idx");
	}

	/**
	 * The old shape's name: {@code
	 *
	<table>
	 * _cf_<key>_idx}.
	 */
	static String legacyName(String table, CustomField field) {
		return shortened(table + "_cf_" + field.key().toLowerCase(Locale.ROOT) + "_idx");
	}

	private static String shortened(String name) {
		return name.length() > 63 ? name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode()) : name;
	}

}
