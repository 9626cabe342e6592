package dev.bellwether.platform.db;

import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refreshing PostgreSQL's planner statistics of tables a bulk write has grown, as a
 * module asks for its own tables. Autovacuum analyzes a table only once a minute at best,
 * and a table loaded from nothing is, until then, planned as if it were empty.
 */
public final class Statistics {

	private static final Logger log = LoggerFactory.getLogger(Statistics.class);

	private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

	private Statistics() {
	}

	/**
	 * Analyzes the tables. A database user who may not (PostgreSQL warns and skips) or a
	 * failure leaves the statistics to autovacuum: they make the load faster, never
	 * possible.
	 * @param tables plain lower-case table names of the calling module
	 */
	public static void refresh(JdbcTemplate jdbc, String... tables) {
		for (String table : tables) {
			if (!TABLE.matcher(table).matches()) {
				throw new IllegalArgumentException("Not a table name: " + table);
			}
		}
		try {
			jdbc.execute("analyze " + String.join(", ", tables));
		}
		catch (DataAccessException ex) {
			log.debug("Statistics of {} not refreshed: {}", String.join(", ", tables), ex.getMessage());
		}
	}

}
