package dev.bellwether.platform.db;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.StringUtils;

/**
 * Finds records by the old system's ids an import kept on them: one statement for a
 * chunk's ids, written by the module that owns the table.
 */
public final class ExternalIds {

	private ExternalIds() {
	}

	/**
	 * @param select the module's statement, reading {@code external_id} and {@code id},
	 * with {@code :keys} for the ids (a {@code text[]})
	 * @return the records' ids by old id (blank ids ignored, the others trimmed)
	 */
	public static Map<String, UUID> find(JdbcClient jdbc, String select, Collection<String> externalIds) {
		List<String> keys = externalIds.stream().filter(StringUtils::hasText).map(String::trim).distinct().toList();
		Map<String, UUID> found = new HashMap<>();
		if (!keys.isEmpty()) {
			jdbc.sql(select)
				.param("keys", keys.toArray(String[]::new))
				.query((rs, n) -> found.put(rs.getString("external_id"), rs.getObject("id", UUID.class)))
				.list();
		}
		return found;
	}

}
