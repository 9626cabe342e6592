package dev.bellwether.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server still running on our data directory although no application uses
 * it: the JVM that started it was killed ({@code kill -9}, an out-of-memory killer) and
 * could not stop it. PostgreSQL would refuse to start a second server there, so the next
 * start stops the orphan first: fast shutdown (SIGINT), and SIGKILL only when that does
 * not end it in time (PostgreSQL then recovers from its write-ahead log at the start that
 * follows).
 * <p>
 * Only a process that is provably that server is touched: the process named in the data
 * directory's {@code postmaster.pid}, a {@code postgres} executable working in this data
 * directory, whose JVM is gone (a server that another running Bellwether uses is refused
 * with a clear message). A {@code postmaster.pid} naming no process is left to
 * PostgreSQL, which ignores it. One naming a process that has ended but was never reaped
 * (a zombie: PID 1 of many containers reaps nothing) would make PostgreSQL refuse to
 * start for ever, so it is removed once no process of that server is left. A child of a
 * server that is gone and does not end on its own is killed (see
 * {@link #awaitNoProcessIn(Path)}).
 */
final class OrphanedServer {

	private static final Logger log = LoggerFactory.getLogger(OrphanedServer.class);

	private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

	private static final Duration AFTER_KILL = Duration.ofSeconds(10);

	/** How long the children of a server that is gone get to end on their own. */
	private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(5);

	private static final Path PROC = Path.of("/proc");

	private OrphanedServer() {
	}

	/**
	 * Stops the server left running on this data directory, if there is one, and waits
	 * until none of its processes is left.
	 */
	static void stopIfRunning(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isDirectory(PROC) || !Files.isRegularFile(pidFile)) {
			return;
		}
		Optional<Long> pid = postmasterPid(pidFile, dataDirectory);
		if (pid.isEmpty()) {
			return;
		}
		long postmaster = pid.get();
		if (isRunning(postmaster)) {
			if (!isServerOf(postmaster, dataDirectory)) {
				log.warn("{} names process {}, which is not a PostgreSQL server of {}: left alone", pidFile, postmaster,
						dataDirectory);
				return;
			}
			if (!ownerGone(dataDirectory)) {
				throw new IllegalStateException("The PostgreSQL server (process " + postmaster + ") on " + dataDirectory
						+ " belongs to another Bellwether that is running: stop it first, or "
						+ "give this one another bellwether.embedded-db.dir");
			}
			log.warn(
					"An embedded PostgreSQL server (process {}) is still running on {}, left by an earlier run "
							+ "that did not stop it (killed?): stopping it (fast shutdown) before starting again",
					postmaster, dataDirectory);
			signal(postmaster, "INT");
			if (!awaitEnd(postmaster, FAST_SHUTDOWN)) {
				log.warn("The PostgreSQL server (process {}) did not stop within {} s: killing it; PostgreSQL will "
						+ "recover from its write-ahead log at start", postmaster, FAST_SHUTDOWN.toSeconds());
				ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
				if (!awaitEnd(postmaster, AFTER_KILL)) {
					throw new IllegalStateException("Could not stop the PostgreSQL server (process " + postmaster
							+ ") left running on " + dataDirectory);
				}
			}
			log.warn("Stopped the PostgreSQL server (process {}) left running on {}", postmaster, dataDirectory);
		}
		awaitNoProcessIn(dataDirectory);
		if (Files.isRegularFile(pidFile) && isZombie(postmaster)) {
			// PostgreSQL takes a lock file naming a process that still exists as a
			// running server; this one has ended, only its exit was never collected
			log.warn("Removing {}: its server (process {}) has ended but was never reaped by its parent", pidFile,
					postmaster);
			try {
				Files.deleteIfExists(pidFile);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not remove " + pidFile, ex);
			}
		}
	}

	/**
	 * Whether no running JVM holds the embedded library's lock on the data directory: the
	 * JVM that starts a server keeps it locked until it stops the server, and the
	 * operating system releases the lock of a killed one.
	 */
	private static boolean ownerGone(Path dataDirectory) {
		try (FileChannel channel = FileChannel.open(dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			return lock != null;
		}
		catch (OverlappingFileLockException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check the lock of " + dataDirectory, ex);
		}
	}

	/** The PID on the first line, when the second names this data directory. */
	private static Optional<Long> postmasterPid(Path pidFile, Path dataDirectory) {
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			if (lines.size() < 2 || !samePath(Path.of(lines.get(1).trim()), dataDirectory)) {
				return Optional.empty();
			}
			return Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not read {}", pidFile, ex);
			return Optional.empty();
		}
	}

	/** Exists and has not ended (a zombie has ended). */
	static boolean isRunning(long pid) {
		String state = state(pid);
		return state != null && !"Z".equals(state) && !"X".equals(state);
	}

	private static boolean isZombie(long pid) {
		return "Z".equals(state(pid));
	}

	/**
	 * The state letter of /proc/pid/stat (R, S, D, Z…), or null when there is no such
	 * process.
	 */
	private static String state(long pid) {
		try {
			String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
			// pid (command) state …: the command may itself hold parentheses and spaces
			String afterCommand = stat.substring(stat.lastIndexOf(')') + 1).trim();
			return afterCommand.isEmpty() ? null : afterCommand.substring(0, 1);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/** A postgres executable whose working directory is this data directory. */
	private static boolean isServerOf(long pid, Path dataDirectory) {
		Path process = PROC.resolve(Long.toString(pid));
		try {
			String[] arguments = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8).split("\0");
			String executable = Path.of(arguments[0]).getFileName().toString();
			return executable.equals("postgres")
					&& samePath(Files.readSymbolicLink(process.resolve("cwd")), dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not inspect process {}", pid, ex);
			return false;
		}
	}

	/**
	 * Every process of a PostgreSQL server works in its data directory. Once the server
	 * is gone its children end on their own, except one that waits for a lock held by a
	 * process that was killed (a backend waiting for the write-ahead log's lock that a
	 * killed one held waits for ever); any of them keeps the server's shared memory
	 * attached, and PostgreSQL refuses to start while it is. So what is left after a
	 * grace period is killed, as PostgreSQL does with the children of a crashed server,
	 * unless another running Bellwether owns the data directory.
	 */
	private static void awaitNoProcessIn(Path dataDirectory) {
		List<Long> left = awaitNoProcessIn(dataDirectory, LEFTOVER_GRACE);
		if (left.isEmpty()) {
			return;
		}
		if (!ownerGone(dataDirectory)) {
			throw new IllegalStateException("PostgreSQL processes " + left + " work in " + dataDirectory
					+ ", which another running Bellwether uses: stop it first, or give this one another "
					+ "bellwether.embedded-db.dir");
		}
		log.warn("Processes {} of an earlier PostgreSQL server on {} did not end with it (stuck waiting for a "
				+ "process that was killed?): killing them", left, dataDirectory);
		left.stream()
			.filter(pid -> isPostgres(pid, dataDirectory))
			.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
		left = awaitNoProcessIn(dataDirectory, AFTER_KILL);
		if (!left.isEmpty()) {
			throw new IllegalStateException(
					"Processes " + left + " of an earlier PostgreSQL server still work in " + dataDirectory);
		}
	}

	/** The processes still working in the data directory after the timeout, if any. */
	private static List<Long> awaitNoProcessIn(Path dataDirectory, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Long> left = processesIn(dataDirectory);
		while (!left.isEmpty() && System.nanoTime() < deadline) {
			pause();
			left = processesIn(dataDirectory);
		}
		return left;
	}

	/**
	 * A process running the postgres executable in this data directory (a server's
	 * children rename themselves, so the executable is read, not the command line).
	 */
	private static boolean isPostgres(long pid, Path dataDirectory) {
		Path process = PROC.resolve(Long.toString(pid));
		try {
			return Files.readSymbolicLink(process.resolve("exe")).getFileName().toString().startsWith("postgres")
					&& samePath(Files.readSymbolicLink(process.resolve("cwd")), dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not inspect process {}", pid, ex);
			return false;
		}
	}

	private static List<Long> processesIn(Path dataDirectory) {
		try (Stream<Path> processes = Files.list(PROC)) {
			return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter(path -> {
					try {
						return samePath(Files.readSymbolicLink(path.resolve("cwd")), dataDirectory);
					}
					catch (IOException | RuntimeException ex) {
						return false;
					}
				})
				.map(path -> Long.parseLong(path.getFileName().toString()))
				.filter(OrphanedServer::isRunning)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean awaitEnd(long pid, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (isRunning(pid)) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			pause();
		}
		return true;
	}

	/** Java signals only TERM and KILL; PostgreSQL's fast shutdown is INT. */
	private static void signal(long pid, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
				.start();
			String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (kill.waitFor() != 0) {
				log.warn("kill -{} {} failed: {}", signal, pid, output);
			}
		}
		catch (IOException ex) {
			log.warn("Could not run kill -{} {}; sending SIGTERM instead (smart shutdown)", signal, pid, ex);
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the PostgreSQL server " + pid, ex);
		}
	}

	private static boolean samePath(Path a, Path b) {
		return real(a).equals(real(b));
	}

	private static Path real(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an earlier PostgreSQL server to stop", ex);
		}
	}

}
