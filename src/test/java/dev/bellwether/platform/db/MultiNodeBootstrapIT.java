package dev.bellwether.platform.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.bellwether.BellwetherApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes started at the same moment on one empty database both start, and
 * the start-up steps (the first administrator, the demo company, the adoption scores'
 * catch-up) run once. The database is a fresh one of this test's own on a PostgreSQL
 * server it starts, reached the way production reaches an external one
 * ({@code spring.datasource.url}), so the test runs the same whether or not CI points the
 * suite at a system PostgreSQL.
 */
class MultiNodeBootstrapIT {

	private static final int NODES = 2;

	@Test
	void nodesStartedAtOnceOnAnEmptyDatabaseAllStartAndBootstrapOnce() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "bootstrap-it"))
			.resolve(UUID.randomUUID().toString())
			.toAbsolutePath();
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		try (EmbeddedDatabaseServer server = EmbeddedDatabaseServer
			.acquire(new EmbeddedDatabaseProperties(dir, 0, true, false))) {
			String url = freshDatabase(server);

			// the logging system is one per JVM and may not be set up by two applications
			// at
			// the same moment (real nodes are separate JVMs): each node starts once the
			// one
			// before has its logging set up, seconds before any start-up step runs
			List<CompletableFuture<ConfigurableApplicationContext>> starts = new ArrayList<>();
			CountDownLatch previous = new CountDownLatch(0);
			for (int n = 0; n < NODES; n++) {
				CountDownLatch after = previous;
				CountDownLatch loggingReady = new CountDownLatch(1);
				starts.add(CompletableFuture.supplyAsync(() -> {
					awaitQuietly(after);
					try {
						return start(url, loggingReady);
					}
					finally {
						loggingReady.countDown();
					}
				}));
				previous = loggingReady;
			}
			List<Throwable> failures = new ArrayList<>();
			for (CompletableFuture<ConfigurableApplicationContext> start : starts) {
				try {
					nodes.add(start.get(5, TimeUnit.MINUTES));
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}
			assertThat(failures).as("nodes that failed to start").isEmpty();

			try (Connection connection = DriverManager.getConnection(url, "postgres", "");
					Statement statement = connection.createStatement()) {
				assertThat(count(statement, "select count(*) from users where username = 'admin'")).isEqualTo(1);
				assertThat(count(statement, "select count(*) from users where username = 'ceo'")).isEqualTo(1);
				assertThat(count(statement, "select count(*) from accounts")).as("demo accounts, seeded once")
					.isEqualTo(count(statement, "select count(distinct name) from accounts"))
					.isPositive();
				assertThat(count(statement, "select count(*) from adoption_scores")).as("caught-up scores")
					.isPositive();
			}
		}
		finally {
			nodes.forEach(ConfigurableApplicationContext::close);
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static ConfigurableApplicationContext start(String url, CountDownLatch loggingReady) {
		return new SpringApplicationBuilder(BellwetherApplication.class).listeners((ApplicationEvent event) -> {
			if (event instanceof ApplicationPreparedEvent) {
				loggingReady.countDown();
			}
		})
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=5",
					// on an external database only when asked
					"--bellwether.demo.enabled=true", "--bellwether.admin.initial-password=bootstrap-test-password",
					"--bellwether.adoption.alerts.enabled=false");
	}

	private static String freshDatabase(EmbeddedDatabaseServer server) throws SQLException {
		String name = "nodes_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		return server.jdbcUrl().replaceFirst("/" + EmbeddedDatabaseServer.DATABASE + "\\?.*$", "/" + name);
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
