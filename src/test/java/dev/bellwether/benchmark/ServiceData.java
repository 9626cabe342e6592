package dev.bellwether.benchmark;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.bellwether.demo.ServiceDataGenerator;
import dev.bellwether.platform.Ids;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.service.CasePriority;
import dev.bellwether.service.SlaPolicy;
import dev.bellwether.service.SlaTargets;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service benchmark's data (issue 17): at scale 1, a million cases over the last two
 * years with about five million comments, and a backlog of 100,000 cases opened in the
 * last two weeks and still being worked — the SLA sweep's candidates — all from
 * {@link ServiceDataGenerator} (the demo company's generator: statuses, first responses,
 * SLA clocks measured by the service module's {@code SlaClock} in the default policy's
 * business hours, surveys), on the sales company's accounts and contacts. The service
 * team: an agent for every 5,000 cases (at least eight), in teams of ten, each team led
 * by a manager (role MANAGER, so that the team's cases are theirs through the manager
 * chain); three queues. Written through {@code COPY}, with the tables' secondary indexes
 * dropped before and built again after the load, then vacuumed and analysed, as
 * {@link MarketingData} does.
 */
final class ServiceData {

	static final List<String> TABLES = List.of("cases", "case_comments", "case_status_changes", "case_sla",
			"case_sla_clocks", "case_sla_events", "case_surveys");

	static final String AGENT_PREFIX = BenchmarkData.USERNAME_PREFIX + "agent";

	static final String LEAD_PREFIX = BenchmarkData.USERNAME_PREFIX + "service.lead";

	static final int TEAM = 10;

	/** How much was generated, and how long it took. */
	record Generated(ServiceDataGenerator.Counts counts, int agents, double loadSeconds, double indexSeconds,
			double analyseSeconds) {

		double totalSeconds() {
			return this.loadSeconds + this.indexSeconds + this.analyseSeconds;
		}

	}

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final PrintStream out;

	ServiceData(DataSource dataSource, PrintStream out) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.out = out;
	}

	static int cases(double scale) {
		return Math.max(1_000, (int) Math.round(1_000_000 * scale));
	}

	static int openCases(double scale) {
		return Math.max(200, (int) Math.round(100_000 * scale));
	}

	static int agents(double scale) {
		return Math.max(8, (int) Math.round(200 * scale));
	}

	boolean alreadyGenerated() {
		Long cases = this.jdbc.queryForObject("select count(*) from cases", Long.class);
		return cases != null && cases > 0;
	}

	/**
	 * @param now the application's "now": the story ends then
	 */
	Generated generate(double scale, long seed, String passwordHash, Instant now, SlaPolicy policy,
			BusinessCalendars calendars) {
		List<UUID> leads = new ArrayList<>();
		List<ServiceDataGenerator.Agent> agents = new ArrayList<>();
		int agentCount = agents(scale);
		for (int a = 0; a < agentCount; a++) {
			if (a % TEAM == 0) {
				leads.add(user(String.format("%s%02d", LEAD_PREFIX, leads.size() + 1), "MANAGER", null, passwordHash,
						now));
			}
			String username = String.format("%s%03d", AGENT_PREFIX, a + 1);
			UUID id = user(username, "SERVICE", leads.get(leads.size() - 1), passwordHash, now);
			// a few agents miss more targets than others
			agents.add(new ServiceDataGenerator.Agent(id, username + "@bench.example.com", 4 + (a % 5) * 2));
		}
		UUID support = this.jdbc.queryForObject("select id from case_queues where name = 'Support'", UUID.class);
		this.jdbc.update("update case_queues set manager_id = ? where id = ?", leads.get(0), support);
		ServiceDataGenerator.Queues queues = new ServiceDataGenerator.Queues(support,
				queue("Billing", leads.get(0), now), queue("Onboarding", leads.get(0), now));
		for (ServiceDataGenerator.Agent agent : agents) {
			this.jdbc.update("insert into case_queue_members (queue_id, user_id) values (?, ?)", support, agent.id());
		}
		// people who write in: contacts of the sales company (a sample at large scales)
		List<ServiceDataGenerator.Requester> requesters = this.jdbc.query("""
				select id, account_id, first_name, last_name, email from contacts
				where account_id is not null and email is not null order by id limit ?
				""",
				(rs, n) -> new ServiceDataGenerator.Requester(rs.getObject("account_id", UUID.class),
						rs.getObject("id", UUID.class),
						((rs.getString("first_name") == null ? "" : rs.getString("first_name") + " ")
								+ rs.getString("last_name")),
						rs.getString("email")),
				Math.max(2_000, cases(scale) / 20));
		List<UUID> products = this.jdbc.queryForList("select id from products order by id limit 20", UUID.class);
		Map<CasePriority, SlaTargets> targets = new EnumMap<>(CasePriority.class);
		for (CasePriority priority : CasePriority.values()) {
			targets.put(priority, policy.targetsFor(priority));
		}
		ServiceDataGenerator generator = new ServiceDataGenerator(seed, now,
				new ServiceDataGenerator.Policy(policy.id(), policy.calendarId(),
						calendars.get(policy.calendarId()).calendar(), policy.warnPercentLeft(), targets),
				Duration.ofDays(14), 1001);
		if (!products.isEmpty()) {
			generator.worseProduct(products.get(0));
		}
		List<String> indexes = dropSecondaryIndexes();
		long started = System.nanoTime();
		ServiceDataGenerator.Counts counts;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			generator.history(connection, now.minus(Duration.ofDays(730)), cases(scale), agents, queues, requesters,
					products);
			generator.backlog(connection, 14, openCases(scale), agents, queues, requesters, products);
			counts = generator.finish(connection);
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not generate the service data", ex);
		}
		this.jdbc.execute("select setval('case_number_seq', (select max(number) from cases))");
		double load = seconds(started);
		this.out.printf(
				"  loaded %,d cases (%,d open), %,d comments, %,d status changes, %,d SLA events, "
						+ "%,d surveys in %.1f s%n",
				counts.cases(), counts.openCases(), counts.comments(), counts.statusChanges(), counts.slaEvents(),
				counts.surveys(), load);
		started = System.nanoTime();
		this.jdbc.execute("set maintenance_work_mem = '512MB'");
		for (String definition : indexes) {
			this.jdbc.execute(definition);
		}
		double index = seconds(started);
		started = System.nanoTime();
		for (String table : TABLES) {
			this.jdbc.execute("vacuum (analyze) " + table);
		}
		this.jdbc.execute("vacuum (analyze) users");
		this.jdbc.execute("vacuum (analyze) case_queues");
		double analyse = seconds(started);
		return new Generated(counts, agentCount, load, index, analyse);
	}

	private UUID user(String username, String role, UUID managerId, String passwordHash, Instant now) {
		UUID id = Ids.newId();
		this.jdbc.update("""
				insert into users (id, username, full_name, email, title, role, manager_id, team, region, active,
				  hired_on, provisioned_at, password_hash, created_at, updated_at, version)
				values (?, ?, ?, ?, ?, ?, ?, 'Service', null, true, ?, ?, ?, ?, ?, 0)
				""", id, username, "Service " + username.substring(BenchmarkData.USERNAME_PREFIX.length()),
				username + "@bench.example.com", role.equals("MANAGER") ? "Service Team Lead" : "Service Agent", role,
				managerId, LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(3), Timestamp.from(now), passwordHash,
				Timestamp.from(now), Timestamp.from(now));
		return id;
	}

	private UUID queue(String name, UUID managerId, Instant now) {
		UUID id = Ids.newId();
		this.jdbc.update("""
				insert into case_queues (id, name, manager_id, active, created_at, updated_at, version)
				values (?, ?, ?, true, ?, ?, 0)
				""", id, name, managerId, Timestamp.from(now), Timestamp.from(now));
		return id;
	}

	private List<String> dropSecondaryIndexes() {
		List<String> definitions = this.jdbc.queryForList("""
				select i.indexdef from pg_indexes i
				where i.schemaname = current_schema() and i.tablename = any (?)
				  and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
				order by i.tablename, i.indexname
				""", String.class, (Object) TABLES.toArray(String[]::new));
		for (String definition : definitions) {
			this.jdbc.execute("drop index " + definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
		}
		return definitions;
	}

	private static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}

}
