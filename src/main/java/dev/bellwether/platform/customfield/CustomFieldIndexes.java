package dev.bellwether.platform.customfield;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The expression index that sorts a list by a custom field, and finds a range of its
 * values, without reading the whole table: created by the owning module, on its own
 * table, when an administrator marks the field as indexed. The expression is the one
 * {@link CustomFields#sortable(String, String)} sorts by, so PostgreSQL uses the index
 * for it. Built {@code concurrently}: writes to the table go on while it is built.
 */
public final class CustomFieldIndexes {

	private CustomFieldIndexes() {
	}

	/**
	 * @param table the owning module's table, with a {@code custom} jsonb column and a
	 * {@code deleted_at} column
	 */
	public static void create(JdbcClient jdbc, String table, CustomField field) {
		String name = indexName(table, field);
		jdbc.sql("create index concurrently if not exists " + name + " on " + table + " ("
				+ CustomFields.sortExpression(field, null) + ", id) where deleted_at is null")
			.update();
	}

	static String indexName(String table, CustomField field) {
		String name = table + "_cf_" + field.key().toLowerCase(Locale.ROOT) + "_idx";
		return name.length() > 63 ? name.substring(0, 54) + "_" + Integer.toHexString(name.hashCode()) : name;
	}

}
