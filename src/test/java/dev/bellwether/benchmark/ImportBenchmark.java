package dev.bellwether.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.imports.ImportJob;
import dev.bellwether.imports.ImportJobs;
import dev.bellwether.imports.ImportPreview;
import dev.bellwether.imports.ImportTarget;
import dev.bellwether.platform.db.CopyRows;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An import of deals at scale, beside a raw PostgreSQL COPY of the same rows in the same
 * run: not part of the suite (the class name matches no test pattern); run it on demand
 * with {@code ./mvnw -o test -Dtest=ImportBenchmark -Dbench.import.deals=100000}. It
 * prints the rows a second of the preview, the import and its undo, the import's share of
 * COPY's speed, and the heap the JVM used (sampled). It runs in the test suite's
 * application context (embedded PostgreSQL with fsync off), so the figures are an upper
 * bound of what a durable server gives on the same machine.
 * <p>
 * With {@code -Dbench.import.contacts=1000000} it imports contacts instead (first and
 * last name, e-mail, phone and an account for every twenty, created by the import), from
 * a file written to {@code target/} and uploaded as a stream; run it with the heap
 * capped, {@code -DargLine=-Xmx512m}, to check that the import's memory does not grow
 * with the file.
 */
@IntegrationTest
class ImportBenchmark {

	private static final String[] STAGES = { "Prospecting", "Qualification", "Proposal", "Negotiation", "Won", "Lost" };

	@Autowired
	ImportJobs imports;

	@Autowired
	TestUsers users;

	@Autowired
	DataSource dataSource;

	@Autowired
	java.time.Clock clock;

	@Test
	void importsDealsBesideCopy() throws Exception {
		Assumptions.assumeTrue(System.getProperty("bench.import.contacts") == null, "contacts mode");
		int deals = Integer.getInteger("bench.import.deals", 10_000);
		int accounts = Math.max(1, deals / 20);
		User admin = this.users.create(Role.SALES_ADMIN);
		Viewer viewer = TestUsers.viewer(admin);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		byte[] file = file(deals, accounts, tag, admin.username());

		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong peak = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		System.gc();
		long baseline = memory.getHeapMemoryUsage().getUsed();
		sampler.setDaemon(true);
		sampler.start();

		long started = System.nanoTime();
		ImportJob job = this.imports.upload(viewer, ImportTarget.OPPORTUNITY, "bench.csv", file, null);
		double uploadSeconds = seconds(started);
		started = System.nanoTime();
		ImportPreview preview = this.imports.preview(viewer, job.id());
		double previewSeconds = seconds(started);
		assertThat(preview.create()).isEqualTo(deals);

		started = System.nanoTime();
		this.imports.start(viewer, job.id());
		await().atMost(Duration.ofHours(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.imports.get(viewer, job.id()).status().isActive());
		double importSeconds = seconds(started);
		ImportJob done = this.imports.get(viewer, job.id());
		assertThat(done.created()).isEqualTo(deals);
		sampler.interrupt();

		double bareCopySeconds = copy(deals, accounts, tag, admin.id(), false);
		double copySeconds = copy(deals, accounts, tag, admin.id(), true);

		started = System.nanoTime();
		this.imports.undo(viewer, job.id());
		await().atMost(Duration.ofHours(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.imports.get(viewer, job.id()).status().isActive());
		double undoSeconds = seconds(started);

		double importRate = deals / importSeconds;
		double copyRate = deals / copySeconds;
		System.out.printf("""

				== Import benchmark: %,d deals (%,d accounts created with them), %.1f MB CSV ==
				upload (read + count)   %8.2f s
				preview                 %8.2f s   %,10.0f rows/s
				import                  %8.2f s   %,10.0f rows/s   (accounts included)
				COPY into opportunities %8.2f s   %,10.0f rows/s   (its indexes and trigger; rolled back)
				import ÷ COPY                      %9.1f %%
				COPY into a bare table  %8.2f s   %,10.0f rows/s   (no index, no trigger)
				import ÷ bare COPY                 %9.1f %%
				undo                    %8.2f s   %,10.0f rows/s
				heap used, peak         %,8d MB  (%,d MB before; -Xmx %,d MB)
				""", deals, accounts, file.length / 1e6, uploadSeconds, previewSeconds, deals / previewSeconds,
				importSeconds, importRate, copySeconds, copyRate, 100 * importRate / copyRate, bareCopySeconds,
				deals / bareCopySeconds, 100 * importRate * bareCopySeconds / deals, undoSeconds,
				(deals + accounts) / undoSeconds, peak.get() >> 20, baseline >> 20,
				Runtime.getRuntime().maxMemory() >> 20);
	}

	@Test
	void importsContacts() throws Exception {
		Assumptions.assumeTrue(System.getProperty("bench.import.contacts") != null, "deals mode");
		int contacts = Integer.getInteger("bench.import.contacts");
		int accounts = Math.max(1, contacts / 20);
		User admin = this.users.create(Role.SALES_ADMIN);
		Viewer viewer = TestUsers.viewer(admin);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Path file = contactsFile(contacts, accounts, tag);
		long size = Files.size(file);

		HeapSampler heap = new HeapSampler();
		heap.start();
		long started = System.nanoTime();
		ImportJob job = upload(viewer, file);
		double uploadSeconds = seconds(started);
		started = System.nanoTime();
		ImportPreview preview = this.imports.preview(viewer, job.id());
		double previewSeconds = seconds(started);
		assertThat(preview.create()).isEqualTo(contacts);
		assertThat(preview.referencesCreated()).containsEntry("account", accounts);

		started = System.nanoTime();
		this.imports.start(viewer, job.id());
		await().atMost(Duration.ofHours(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !this.imports.get(viewer, job.id()).status().isActive());
		double importSeconds = seconds(started);
		ImportJob done = this.imports.get(viewer, job.id());
		assertThat(done.failure()).isNull();
		assertThat(done.created()).isEqualTo(contacts);

		started = System.nanoTime();
		this.imports.undo(viewer, job.id());
		await().atMost(Duration.ofHours(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !this.imports.get(viewer, job.id()).status().isActive());
		double undoSeconds = seconds(started);
		ImportJob undone = this.imports.get(viewer, job.id());
		heap.stop();
		assertThat(undone.failure()).isNull();
		assertThat(undone.undone()).isEqualTo(contacts + accounts);
		Files.delete(file);

		System.out.printf("""

				== Import benchmark: %,d contacts (%,d accounts created with them), %.1f MB CSV ==
				upload (stream, count)  %8.2f s
				preview                 %8.2f s   %,10.0f rows/s
				import                  %8.2f s   %,10.0f rows/s   (accounts included)
				undo                    %8.2f s   %,10.0f records/s
				heap used, peak         %,8d MB  (sampled every 50 ms; garbage included)
				heap live, peak         %,8d MB  (what the last collection left, highest seen)
				heap max (-Xmx)         %,8d MB
				""", contacts, accounts, size / 1e6, uploadSeconds, previewSeconds, contacts / previewSeconds,
				importSeconds, contacts / importSeconds, undoSeconds, (contacts + accounts) / undoSeconds,
				heap.used() >> 20, heap.live() >> 20, Runtime.getRuntime().maxMemory() >> 20);
	}

	private ImportJob upload(Viewer viewer, Path file) throws IOException {
		return this.imports.upload(viewer, ImportTarget.CONTACT, "contacts.csv", Files.newInputStream(file), null);
	}

	/** Contacts, written to a file under target/ (the heap holds none of it). */
	private static Path contactsFile(int contacts, int accounts, String tag) throws IOException {
		String[] first = { "Anna", "Ben", "Carla", "David", "Eva", "Felix", "Greta", "Hugo", "Ines", "Jonas" };
		String[] last = { "Smith", "Jones", "Müller", "Garcia", "Rossi", "Dubois", "Novak", "Berg", "Silva", "Kim" };
		Random random = new Random(1);
		Path file = Files.createTempFile(Path.of("target"), "contacts-", ".csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("First Name,Last Name,Email,Phone,Account Name\n");
			for (int i = 0; i < contacts; i++) {
				String firstName = first[random.nextInt(first.length)];
				String lastName = last[random.nextInt(last.length)];
				out.write(firstName);
				out.write(',');
				out.write(lastName);
				out.write(',');
				out.write(firstName.toLowerCase() + "." + i + "@bench-" + tag + ".example");
				out.write(',');
				out.write(String.format("+1 555 %07d", random.nextInt(10_000_000)));
				out.write(',');
				out.write("Bench Account " + tag + " " + (i % accounts));
				out.write('\n');
			}
		}
		return file;
	}

	/**
	 * The heap, sampled every 50 ms: the most in use (garbage not yet collected
	 * included), and the most the collections left (the live data, near enough).
	 */
	private static final class HeapSampler {

		private final AtomicLong used = new AtomicLong();

		private final AtomicLong live = new AtomicLong();

		private final Thread thread = new Thread(this::sample, "heap-sampler");

		void start() {
			System.gc();
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void stop() {
			this.thread.interrupt();
		}

		long used() {
			return this.used.get();
		}

		long live() {
			return this.live.get();
		}

		private void sample() {
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			while (!Thread.currentThread().isInterrupted()) {
				this.used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				long afterCollection = 0;
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
					MemoryUsage usage = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
					afterCollection += usage == null ? 0 : usage.getUsed();
				}
				this.live.accumulateAndGet(afterCollection, Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

	private static byte[] file(int deals, int accounts, String tag, String owner) {
		Random random = new Random(1);
		StringBuilder csv = new StringBuilder(deals * 120);
		csv.append(
				"Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Stage,Close Date,Amount,Created Date\n");
		LocalDate start = LocalDate.of(2024, 1, 1);
		for (int i = 0; i < deals; i++) {
			LocalDate created = start.plusDays(random.nextInt(700));
			csv.append("BENCH-").append(tag).append('-').append(i).append(',');
			csv.append("Deal ").append(i).append(',');
			csv.append("Bench Account ").append(tag).append(' ').append(random.nextInt(accounts)).append(',');
			csv.append(owner).append(',');
			csv.append(STAGES[random.nextInt(STAGES.length)]).append(',');
			csv.append(created.plusDays(10 + random.nextInt(120))).append(',');
			csv.append(BigDecimal.valueOf(1000 + random.nextInt(200_000))).append(',');
			csv.append(created).append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The floor: the same number of deal rows COPYed, in one transaction, either into the
	 * deals' own table with its indexes and search-word trigger (then rolled back), or
	 * into a bare temporary table shaped like it.
	 */
	private double copy(int deals, int accounts, String tag, UUID owner, boolean intoOpportunities) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			String table = intoOpportunities ? "opportunities" : "bench_copy";
			if (!intoOpportunities) {
				connection.createStatement()
					.execute("create temporary table bench_copy (like opportunities including defaults)");
			}
			UUID stage;
			try (var result = connection.createStatement()
				.executeQuery("select id from pipeline_stages where not retired order by position limit 1")) {
				result.next();
				stage = result.getObject(1, UUID.class);
			}
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			Random random = new Random(1);
			long started = System.nanoTime();
			CopyRows rows = new CopyRows(table,
					"id, name, account_id, owner_id, stage_id, amount, currency, close_date, probability, "
							+ "forecast_category, created_at, created_by, updated_at, updated_by, last_touched_at, "
							+ "last_touched_by, version, first_stage_id, first_forecast_category, external_id");
			long now = this.clock.millis();
			for (int i = 0; i < deals; i++) {
				rows.uuid(UUID.randomUUID())
					.text("Deal " + i)
					.uuid(new UUID(0, random.nextInt(accounts)))
					.uuid(owner)
					.uuid(stage)
					.amount(BigDecimal.valueOf(1000 + random.nextInt(200_000)))
					.text("USD")
					.date(LocalDate.of(2024, 6, 1))
					.integer(10)
					.text("PIPELINE")
					.instant(now)
					.uuid(owner)
					.instant(now)
					.uuid(owner)
					.instant(now)
					.uuid(owner)
					.integer(0)
					.uuid(stage)
					.text("PIPELINE")
					.text("BENCH-COPY-" + tag + "-" + i);
				rows.endRow();
				if (rows.rows() >= 5000) {
					rows.copyTo(copy);
				}
			}
			rows.copyTo(copy);
			double seconds = seconds(started);
			connection.rollback();
			return seconds;
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
