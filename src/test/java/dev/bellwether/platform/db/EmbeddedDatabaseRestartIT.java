package dev.bellwether.platform.db;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bellwether.BellwetherApplication;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-set-up promise: the embedded PostgreSQL keeps its data directory, stops with
 * the application, and a second start finds everything as it was (and does not run the
 * first-start steps again). Runs the embedded server even when CI points the rest of the
 * suite at an external one.
 */
class EmbeddedDatabaseRestartIT {

	private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/");

	@Test
	void keepsDataAcrossRestartsAndStopsWithTheApplication() throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "restart-it"))
			.resolve(UUID.randomUUID().toString())
			.toAbsolutePath();
		try {
			UUID accountId;
			UUID adminId;
			int databasePort;
			int webPort;

			long started = System.nanoTime();
			try (ConfigurableApplicationContext app = start(dir)) {
				long coldMillis = (System.nanoTime() - started) / 1_000_000;
				System.out.println(
						"Start-up on an empty data directory (initdb, migrations, first admin): " + coldMillis + " ms");
				User admin = app.getBean(UserDirectory.class).findByUsername("admin").orElseThrow();
				adminId = admin.id();
				Account account = app.getBean(Accounts.class)
					.create(TestUsers.viewer(admin), details("Restart Survivors Ltd", admin.id()));
				accountId = account.id();
				databasePort = databasePort(app);
				webPort = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
				assertThat(isOpen(databasePort)).as("embedded PostgreSQL listening").isTrue();
			}
			assertThat(isOpen(databasePort)).as("embedded PostgreSQL stopped with the application").isFalse();
			assertThat(isOpen(webPort)).as("web server stopped").isFalse();

			started = System.nanoTime();
			try (ConfigurableApplicationContext app = start(dir)) {
				long warmMillis = (System.nanoTime() - started) / 1_000_000;
				System.out.println("Start-up on an existing data directory: " + warmMillis + " ms");
				UserDirectory users = app.getBean(UserDirectory.class);
				User admin = users.findByUsername("admin").orElseThrow();
				assertThat(admin.id()).as("the administrator is not created again").isEqualTo(adminId);
				assertThat(users.count()).isEqualTo(1);
				Viewer viewer = TestUsers.viewer(admin);
				assertThat(app.getBean(Accounts.class).get(viewer, accountId).name())
					.isEqualTo("Restart Survivors Ltd");
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(dir);
		}
	}

	private static ConfigurableApplicationContext start(Path dir) {
		return new SpringApplicationBuilder(BellwetherApplication.class).run("--server.port=0",
				"--spring.datasource.url=", "--bellwether.embedded-db.dir=" + dir, "--bellwether.demo.enabled=false",
				"--bellwether.admin.initial-password=restart-test-password");
	}

	private static AccountDetails details(String name, UUID ownerId) {
		return new AccountDetails(name, "restart.example", null, null, null, "Leeds", null, null, "GB", 12, null, null,
				ownerId, null);
	}

	private static int databasePort(ConfigurableApplicationContext app) {
		String url = app.getBean(EmbeddedDatabaseServer.class).jdbcUrl();
		Matcher port = PORT.matcher(url);
		assertThat(port.find()).as("port in " + url).isTrue();
		return Integer.parseInt(port.group(1));
	}

	private static boolean isOpen(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
