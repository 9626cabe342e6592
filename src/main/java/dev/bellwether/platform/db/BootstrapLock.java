package dev.bellwether.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a start-up step (the first administrator, the demo company, a catch-up of a job)
 * on one node at a time: several nodes started at once on an empty database would each
 * find it empty and create the same records. The step holds a PostgreSQL advisory lock
 * named after it, on a connection of its own, for as long as it runs; a node that waits
 * runs the step after the first one finished, so the step must check what is already
 * there (it finds the first node's work committed). The lock ends with the connection, so
 * a node that dies mid-step does not block the others.
 */
@Component
public class BootstrapLock {

	private static final Logger log = LoggerFactory.getLogger(BootstrapLock.class);

	private final DataSource dataSource;

	BootstrapLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Runs the step while no other node runs a step of the same name.
	 * @param step the step's name, the same on every node (e.g. {@code initial-admin})
	 * @param work the step, which commits its own transactions
	 */
	public void runAlone(String step, Runnable work) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			if (!call(connection, "select pg_try_advisory_lock(hashtextextended(?, 0))", step)) {
				log.info("Waiting for another node to finish the start-up step '{}'", step);
				call(connection, "select true from (select pg_advisory_lock(hashtextextended(?, 0))) locked", step);
			}
			try {
				work.run();
			}
			finally {
				call(connection, "select pg_advisory_unlock(hashtextextended(?, 0))", step);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not hold the start-up lock for '" + step + "'", ex);
		}
	}

	private static boolean call(Connection connection, String sql, String step) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, "bellwether-bootstrap:" + step);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

}
