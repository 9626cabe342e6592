package dev.bellwether.platform.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.bellwether.BellwetherApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps every write it acknowledged, and the application starts
 * again on its own, after a hard kill: the application runs in a child JVM (durable
 * settings, as a user runs it), clients create accounts through the API, the JVM is
 * killed with SIGKILL while they do — alone, which leaves its PostgreSQL running, or
 * together with its PostgreSQL — and a new start on the same data directory must be
 * healthy and hold every account that was answered 201.
 */
class CrashRecoveryIT {

	private static final String PASSWORD = "crash-test-password";

	private static final int WRITERS = 4;

	/**
	 * A few seconds of writes (each request checks the password, which is costly on
	 * purpose).
	 */
	private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private final Path base = Path.of("target", "crash-it", UUID.randomUUID().toString()).toAbsolutePath();

	private final Path dataDirectory = this.base.resolve("postgres");

	private final List<Application> started = new ArrayList<>();

	@Test
	void recoversTheServerLeftRunningWhenOnlyTheJvmIsKilled() throws Exception {
		Crash crash = crashWhileWriting(false, false);
		assertThat(OrphanedServer.isRunning(crash.postmaster()))
			.as("the embedded PostgreSQL outlives the killed JVM (what the next start must deal with)")
			.isTrue();

		Application restarted = start("second");
		assertThat(restarted.log()).anyMatch(line -> line.contains("WARN") && line.contains("is still running on")
				&& line.contains("process " + crash.postmaster()));
		assertThat(OrphanedServer.isRunning(crash.postmaster())).as("the orphan was stopped").isFalse();
		assertThat(missing(crash.acknowledged())).as("acknowledged accounts missing after the restart").isEmpty();
		assertThat(restarted.health()).contains("\"UP\"");
	}

	@Test
	void keepsEveryAcknowledgedWriteWhenTheJvmAndItsDatabaseAreKilled() throws Exception {
		Crash crash = crashWhileWriting(true, false);
		assertThat(OrphanedServer.isRunning(crash.postmaster())).isFalse();

		Application restarted = start("second");
		assertThat(missing(crash.acknowledged())).as("acknowledged accounts missing after the restart").isEmpty();
		assertThat(restarted.health()).contains("\"UP\"");
	}

	/**
	 * A child of the killed server that does not end with it (a backend waiting for a
	 * lock that a killed process held waits for ever; here one is stopped with SIGSTOP)
	 * keeps the server's shared memory attached, and PostgreSQL would refuse to start:
	 * the next start kills it, says so, and starts.
	 */
	@Test
	void startsAgainWhenAProcessOfTheKilledDatabaseDoesNotEnd() throws Exception {
		Crash crash = crashWhileWriting(true, true);
		assertThat(OrphanedServer.isRunning(crash.postmaster())).isFalse();
		assertThat(OrphanedServer.isRunning(crash.stuck())).as("the stuck backend outlives its server").isTrue();

		Application restarted = start("second");
		assertThat(restarted.log()).anyMatch(line -> line.contains("WARN") && line.contains("did not end with it")
				&& line.contains(Long.toString(crash.stuck())));
		assertThat(OrphanedServer.isRunning(crash.stuck())).as("the stuck backend was killed").isFalse();
		assertThat(missing(crash.acknowledged())).as("acknowledged accounts missing after the restart").isEmpty();
		assertThat(restarted.health()).contains("\"UP\"");
	}

	@AfterEach
	void stopEverything() {
		this.started.forEach(application -> application.process().destroyForcibly());
		for (Application application : this.started) {
			try {
				application.process().waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		OrphanedServer.stopIfRunning(this.dataDirectory);
		FileSystemUtils.deleteRecursively(this.base.toFile());
	}

	/**
	 * Starts the application, checks its database runs durable, writes until enough
	 * writes are acknowledged and kills it with writes in flight.
	 */
	private Crash crashWhileWriting(boolean killDatabaseToo, boolean stuckBackend) throws Exception {
		Application first = start("first");
		assertThat(first.health()).contains("\"UP\"");
		assertDurable();

		long postmaster = postmasterPid();
		List<ProcessHandle> database = new ArrayList<>();
		ProcessHandle.of(postmaster).ifPresent(server -> {
			database.add(server);
			server.descendants().forEach(database::add);
		});
		assertThat(database).as("the embedded PostgreSQL's processes").isNotEmpty();
		long stuck = stuckBackend ? stopOneBackend() : 0;
		database.removeIf(process -> process.pid() == stuck);

		Writes writes = new Writes(first);
		writes.start();
		assertThat(writes.enough.await(2, TimeUnit.MINUTES)).as("%d writes acknowledged", ACKNOWLEDGED_BEFORE_KILL)
			.isTrue();
		writes.killing = true;
		if (killDatabaseToo) {
			database.forEach(ProcessHandle::destroyForcibly);
		}
		first.process().destroyForcibly();
		assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
		writes.stop();
		assertThat(writes.unexpected).as("answers other than 201 before the kill").isEmpty();
		return new Crash(postmaster, Set.copyOf(writes.acknowledged), stuck);
	}

	/** A backend of our own, stopped with SIGSTOP: it ends only when killed. */
	private long stopOneBackend() throws Exception {
		long backend;
		try (Connection connection = database();
				Statement statement = connection.createStatement();
				ResultSet pid = statement.executeQuery("select pg_backend_pid()")) {
			assertThat(pid.next()).isTrue();
			backend = pid.getLong(1);
			Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(backend)).inheritIO().start();
			assertThat(stop.waitFor()).as("kill -STOP %d", backend).isZero();
		}
		return backend;
	}

	/**
	 * @param stuck the backend stopped with SIGSTOP, or 0
	 */
	private record Crash(long postmaster, Set<UUID> acknowledged, long stuck) {
	}

	private Set<UUID> missing(Set<UUID> acknowledged) throws SQLException {
		Set<UUID> stored = new HashSet<>();
		try (Connection connection = database();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select id from accounts")) {
			while (rows.next()) {
				stored.add(rows.getObject(1, UUID.class));
			}
		}
		Set<UUID> missing = new HashSet<>(acknowledged);
		missing.removeAll(stored);
		return missing;
	}

	private void assertDurable() throws Exception {
		try (Connection connection = database(); Statement statement = connection.createStatement()) {
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				try (ResultSet value = statement.executeQuery("show " + setting)) {
					assertThat(value.next()).isTrue();
					assertThat(value.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
		assertThat(Files.readString(this.dataDirectory.resolve("postmaster.opts"))).contains("fsync=on")
			.contains("synchronous_commit=on")
			.contains("full_page_writes=on");
	}

	private Connection database() throws SQLException {
		List<String> pidFile = readPidFile();
		// postmaster.pid: PID, data directory, start time, port, …
		return DriverManager.getConnection(
				"jdbc:postgresql://localhost:" + pidFile.get(3).trim() + "/" + EmbeddedDatabaseServer.DATABASE,
				"postgres", "");
	}

	private long postmasterPid() {
		return Long.parseLong(readPidFile().get(0).trim());
	}

	private List<String> readPidFile() {
		try {
			return Files.readAllLines(this.dataDirectory.resolve("postmaster.pid"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Application start(String name) throws Exception {
		Files.createDirectories(this.base);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				BellwetherApplication.class.getName(), "--server.port=" + port,
				// the embedded database even when CI points the suite at an external one
				"--spring.datasource.url=", "--bellwether.embedded-db.dir=" + this.dataDirectory,
				"--bellwether.demo.enabled=false", "--bellwether.admin.initial-password=" + PASSWORD,
				"--bellwether.adoption.alerts.enabled=false", "--logging.level.dev.bellwether.platform.db=INFO")
			.redirectErrorStream(true);
		builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_"));
		Application application = new Application(builder.start(), port, this.base.resolve(name + ".log"));
		this.started.add(application);
		application.awaitStarted();
		return application;
	}

	/**
	 * A child JVM running Bellwether, its output copied to a file and kept for
	 * assertions.
	 */
	private record Application(Process process, int port, Path logFile, Queue<String> lines,
			CompletableFuture<Void> ready) {

		Application(Process process, int port, Path logFile) {
			this(process, port, logFile, new ConcurrentLinkedQueue<>(), new CompletableFuture<>());
			Thread copier = new Thread(this::copyOutput, "crash-it-output-" + process.pid());
			copier.setDaemon(true);
			copier.start();
		}

		private void copyOutput() {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
					Writer file = Files.newBufferedWriter(this.logFile)) {
				String line;
				while ((line = output.readLine()) != null) {
					this.lines.add(line);
					file.write(line);
					file.write('\n');
					file.flush();
					if (line.contains("Started BellwetherApplication")) {
						this.ready.complete(null);
					}
				}
			}
			catch (IOException ex) {
				this.ready.completeExceptionally(ex);
			}
			this.ready.completeExceptionally(
					new IllegalStateException("The application ended before it started; see " + this.logFile + tail()));
		}

		/**
		 * Until the health endpoint says UP: the start-up steps (the first administrator)
		 * run after the "Started" line, and readiness follows them.
		 */
		void awaitStarted() throws Exception {
			this.ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			HttpClient client = HttpClient.newHttpClient();
			for (int attempt = 0; attempt < 600; attempt++) {
				HttpResponse<String> response = client.send(request("/actuator/health").GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
				assertThat(this.process.isAlive()).as("the application is running").isTrue();
				Thread.sleep(200);
			}
			throw new IllegalStateException("The application did not become healthy; see " + this.logFile + tail());
		}

		/**
		 * The end of the application's output, for a failure's message: CI keeps the
		 * build's output, not the files under target.
		 */
		private String tail() {
			List<String> all = log();
			return all.subList(Math.max(0, all.size() - 80), all.size())
				.stream()
				.collect(Collectors.joining("\n", "; its output ends with:\n", ""));
		}

		List<String> log() {
			return List.copyOf(this.lines);
		}

		String health() throws IOException, InterruptedException {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request("/actuator/health").GET().build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("health").isEqualTo(200);
			return response.body();
		}

		HttpRequest.Builder request(String path) {
			String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes());
			return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Basic " + credentials)
				.header("Accept", "application/json")
				.timeout(Duration.ofSeconds(30));
		}

	}

	/** Clients creating accounts in a loop until the server is gone. */
	private static final class Writes {

		final Queue<UUID> acknowledged = new ConcurrentLinkedQueue<>();

		final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

		final CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);

		private final Application application;

		private final List<Thread> threads = new ArrayList<>();

		/**
		 * From now on an answer may be an error: the server or its database is being
		 * killed.
		 */
		volatile boolean killing;

		Writes(Application application) {
			this.application = application;
		}

		void start() {
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				Thread thread = new Thread(() -> write(client, writer), "crash-it-writer-" + w);
				thread.setDaemon(true);
				thread.start();
				this.threads.add(thread);
			}
		}

		private void write(HttpClient client, int writer) {
			for (int n = 0;; n++) {
				HttpRequest create = this.application.request("/api/v1/accounts")
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Crash test " + writer + "-" + n + "\"}"))
					.build();
				HttpResponse<String> response;
				try {
					response = client.send(create, HttpResponse.BodyHandlers.ofString());
				}
				catch (IOException ex) {
					// the server is gone
					return;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (response.statusCode() == 201) {
					String location = response.headers().firstValue("Location").orElseThrow();
					this.acknowledged.add(UUID.fromString(location.substring(location.lastIndexOf('/') + 1)));
					this.enough.countDown();
				}
				else if (!this.killing) {
					this.unexpected.add(response.statusCode() + " " + response.body());
				}
			}
		}

		void stop() throws InterruptedException {
			for (Thread thread : this.threads) {
				thread.join(TimeUnit.SECONDS.toMillis(60));
			}
		}

	}

}
