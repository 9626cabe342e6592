package dev.bellwether.benchmark;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.bellwether.demo.SalesDataGenerator;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates the benchmark's company with the demo module's generator, the way bulk loads
 * are done: the big tables' secondary indexes are dropped first and built again after the
 * load (in parallel), then the tables are vacuumed and analysed, so that the queries
 * measured afterwards see the planner statistics and visibility maps of a settled
 * database.
 */
final class BenchmarkData {

	static final List<String> TABLES = List.of("accounts", "contacts", "opportunities", "opportunity_history",
			"activities", "activity_attendees");

	static final String USERNAME_PREFIX = "bench.";

	static final String PASSWORD = "bench-password";

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final PrintStream out;

	BenchmarkData(DataSource dataSource, PrintStream out) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.out = out;
	}

	/**
	 * What generating took.
	 */
	record Generated(SalesDataGenerator.Counts counts, double loadSeconds, double indexSeconds, double analyseSeconds) {

		double totalSeconds() {
			return this.loadSeconds + this.indexSeconds + this.analyseSeconds;
		}

		double dealsPerSecond() {
			return this.counts.opportunities() / totalSeconds();
		}

		double rowsPerSecond() {
			return this.counts.total() / totalSeconds();
		}

	}

	boolean alreadyGenerated() {
		Long users = this.jdbc.queryForObject("select count(*) from users where username = ?", Long.class,
				USERNAME_PREFIX + "ceo");
		return users != null && users > 0;
	}

	Generated generate(BenchmarkSettings settings, String passwordHash) {
		Long existing = this.jdbc.queryForObject("select count(*) from opportunities", Long.class);
		boolean empty = existing == null || existing == 0;
		SalesDataGenerator generator = new SalesDataGenerator(settings.seed(), Instant.now(), 5.0, 3.0);
		SalesDataGenerator.Organisation organisation = generator.organisation(settings.users(), USERNAME_PREFIX);
		// without secondary indexes only into empty tables: others' data must stay fast
		List<String> indexes = empty ? dropSecondaryIndexes() : List.of();
		List<String> keys = empty ? dropKeys() : List.of();
		// the search vocabulary learnt once after the load rather than row by row
		List<String> vocabularyTriggers = empty ? List.of("accounts", "contacts", "opportunities") : List.of();
		vocabularyTriggers.forEach(
				table -> this.jdbc.execute("alter table " + table + " disable trigger " + table + "_search_terms"));
		long started = System.nanoTime();
		SalesDataGenerator.Counts counts = generator.generateCompany(this.dataSource, organisation, passwordHash,
				settings.accounts(), 5.0, settings.generatorThreads());
		double load = seconds(started);
		this.out.printf("  loaded %,d rows in %.1f s (%,.0f deals/s, %,.0f rows/s before indexes)%n", counts.total(),
				load, counts.opportunities() / load, counts.total() / load);
		started = System.nanoTime();
		List<String> primaryKeys = keys.stream().filter(k -> k.contains(" PRIMARY KEY ")).toList();
		createIndexes(primaryKeys, settings.generatorThreads());
		createIndexes(indexes, settings.generatorThreads());
		keys.stream().filter(k -> !primaryKeys.contains(k)).forEach(this.jdbc::execute);
		if (!vocabularyTriggers.isEmpty()) {
			this.jdbc.execute("select search_terms_learn_all()");
			vocabularyTriggers.forEach(
					table -> this.jdbc.execute("alter table " + table + " enable trigger " + table + "_search_terms"));
		}
		double index = seconds(started);
		this.out.printf("  built %d keys and indexes and checked %d foreign keys in %.1f s%n",
				primaryKeys.size() + indexes.size(), keys.size() - primaryKeys.size(), index);
		started = System.nanoTime();
		for (String table : TABLES) {
			this.jdbc.execute("vacuum (analyze) " + table);
		}
		this.jdbc.execute("vacuum (analyze) users");
		double analyse = seconds(started);
		this.out.printf("  vacuumed and analysed in %.1f s%n", analyse);
		return new Generated(counts, load, index, analyse);
	}

	/**
	 * @return the definitions of the indexes dropped, to build them again
	 */
	private List<String> dropSecondaryIndexes() {
		List<String> definitions = this.jdbc.queryForList("""
				select i.indexdef from pg_indexes i
				where i.schemaname = current_schema() and i.tablename = any (?)
				  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
				order by i.tablename, i.indexname
				""", String.class, (Object) TABLES.toArray(String[]::new));
		for (String definition : definitions) {
			String name = definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2");
			this.jdbc.execute("drop index " + name);
		}
		return definitions;
	}

	/**
	 * Checking a foreign key row by row costs a query per row, and inserting into a
	 * primary key out of order costs a random page each; checking and building them once
	 * after the load is a join and a sort.
	 * @return the statements that add the constraints dropped again: primary keys first,
	 * then foreign keys
	 */
	private List<String> dropKeys() {
		Object tables = TABLES.toArray(String[]::new);
		List<String> restore = new ArrayList<>();
		List<String> foreignKeys = new ArrayList<>();
		for (var row : this.jdbc.queryForList(
				"""
						select c.conrelid::regclass::text as tab, c.conname, pg_get_constraintdef(c.oid) as def, c.contype
						from pg_constraint c
						where (c.contype = 'f' and (c.conrelid::regclass::text = any (?) or c.confrelid::regclass::text = any (?)))
						   or (c.contype = 'p' and c.conrelid::regclass::text = any (?))
						order by c.contype, 1, 2
						""",
				tables, tables, tables)) {
			String add = "alter table " + row.get("tab") + " add constraint " + row.get("conname") + " "
					+ row.get("def");
			if ("f".equals(String.valueOf(row.get("contype")))) {
				this.jdbc.execute("alter table " + row.get("tab") + " drop constraint " + row.get("conname"));
				foreignKeys.add(add);
			}
			else {
				restore.add(add);
			}
		}
		for (var row : this.jdbc.queryForList("""
				select c.conrelid::regclass::text as tab, c.conname from pg_constraint c
				where c.contype = 'p' and c.conrelid::regclass::text = any (?)
				""", tables)) {
			this.jdbc.execute("alter table " + row.get("tab") + " drop constraint " + row.get("conname"));
		}
		restore.addAll(foreignKeys);
		return restore;
	}

	private void createIndexes(List<String> definitions, int threads) {
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			List<Future<?>> builds = new ArrayList<>();
			for (String definition : definitions) {
				builds.add(pool.submit(() -> {
					try (Connection connection = this.dataSource.getConnection();
							Statement statement = connection.createStatement()) {
						statement.execute("set maintenance_work_mem = '512MB'");
						statement.execute(definition);
					}
					catch (SQLException ex) {
						throw new IllegalStateException("Could not build " + definition, ex);
					}
					return null;
				}));
			}
			for (Future<?> build : builds) {
				build.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not build the indexes again", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

}
