package dev.bellwether.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server (real PostgreSQL binaries shipped as a Maven artifact)
 * shared by every application context of this JVM that points at the same data directory.
 * The test suite starts several contexts; they share one server, which stops when the
 * last context closes. It runs durable unless told not to (the test suite), and a server
 * that an earlier, killed JVM left running on the data directory is stopped first
 * ({@link OrphanedServer}).
 */
public final class EmbeddedDatabaseServer implements AutoCloseable {

	static final String DATABASE = "bellwether";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseServer.class);

	private static final Map<Path, Running> RUNNING = new HashMap<>();

	private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(45);

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(EmbeddedDatabaseServer::stopLeftovers, "embedded-postgres-stop"));
	}

	private final Path dir;

	private final String jdbcUrl;

	private boolean closed;

	private EmbeddedDatabaseServer(Path dir, String jdbcUrl) {
		this.dir = dir;
		this.jdbcUrl = jdbcUrl;
	}

	/**
	 * Starts the server for this data directory, or joins the one already running in this
	 * JVM.
	 */
	public static EmbeddedDatabaseServer acquire(EmbeddedDatabaseProperties properties) {
		Path dir = properties.dir().toAbsolutePath().normalize();
		synchronized (RUNNING) {
			Running running = RUNNING.get(dir);
			if (running == null) {
				running = new Running(start(dir, properties));
				RUNNING.put(dir, running);
			}
			running.users++;
			return new EmbeddedDatabaseServer(dir,
					running.postgres.getJdbcUrl("postgres", DATABASE) + "&reWriteBatchedInserts=true");
		}
	}

	private static EmbeddedPostgres start(Path dir, EmbeddedDatabaseProperties properties) {
		long started = System.nanoTime();
		try {
			Files.createDirectories(dir);
			OrphanedServer.stopIfRunning(dir);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(properties.clean())
				.setPort(properties.port())
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB")
				// stopped by close(), after the application context has released its
				// connections: a JVM shutdown hook of its own would race the context's
				// shutdown and leave it waiting for a server that is gone (stopLeftovers
				// covers a context that never closes)
				.setRegisterShutdownHook(false);
			if (properties.durable()) {
				// the library starts the server with -F (fsync off) and
				// synchronous_commit=off,
				// its test settings, which lose acknowledged writes when the server or
				// the
				// machine dies; settings given with -c come after -F and win
				builder.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
			}
			EmbeddedPostgres postgres = builder.start();
			createDatabaseIfMissing(postgres);
			log.info("Embedded PostgreSQL started on port {} with data in {} ({}; {} ms)", postgres.getPort(), dir,
					properties.durable() ? "durable" : "not durable: fsync and synchronous commit off",
					(System.nanoTime() - started) / 1_000_000);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + dir, ex);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!result.next()) {
				statement.execute("create database " + DATABASE);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the embedded database", ex);
		}
	}

	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return "postgres";
	}

	public Path dir() {
		return this.dir;
	}

	@Override
	public void close() {
		synchronized (RUNNING) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			Running running = RUNNING.get(this.dir);
			if (running != null && --running.users == 0) {
				RUNNING.remove(this.dir);
				stop(running.postgres);
				RUNNING.notifyAll();
			}
		}
	}

	private static void stop(EmbeddedPostgres postgres) {
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

	/**
	 * At JVM exit, gives the application contexts time to close their connection pools
	 * and stop their servers in order (a server stopped first makes the pool log
	 * failures), then stops any server still running so that no PostgreSQL process
	 * outlives the JVM.
	 */
	private static void stopLeftovers() {
		long deadline = System.nanoTime() + SHUTDOWN_GRACE.toNanos();
		synchronized (RUNNING) {
			while (!RUNNING.isEmpty() && System.nanoTime() < deadline) {
				try {
					RUNNING.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			RUNNING.values().forEach(running -> stop(running.postgres));
			RUNNING.clear();
		}
	}

	private static final class Running {

		final EmbeddedPostgres postgres;

		int users;

		Running(EmbeddedPostgres postgres) {
			this.postgres = postgres;
		}

	}

}
