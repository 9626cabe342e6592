package dev.bellwether.benchmark;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import dev.bellwether.platform.Ids;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The marketing benchmark's data (issue 16): at scale 1, 10,000 campaigns in two levels
 * (a tenth of them parents) with two cost lines each, a million leads owned by the sales
 * company's reps, and a million campaign members — leads and the sales company's contacts
 * — touched over the last two years; 5 % of the leads converted into generated deals
 * (each with a "responded" touch before its deal was created, and its deal's contact
 * touched too), so that attribution has journeys to share. Written through {@code COPY},
 * with the tables' secondary indexes dropped before and built again after the load, then
 * vacuumed and analysed, as {@link BenchmarkData} does for the sales tables.
 */
final class MarketingData {

	static final List<String> TABLES = List.of("campaigns", "campaign_costs", "leads", "campaign_members");

	static final String MARKETING_USER = BenchmarkData.USERNAME_PREFIX + "marketing";

	/** A share of the leads converted into generated deals. */
	static final double CONVERTED = 0.05;

	private static final String[] FIRST = { "Anna", "Ben", "Chloe", "David", "Eva", "Felix", "Grace", "Hugo", "Ines",
			"Jonas", "Klara", "Liam", "Maria", "Noah", "Olivia", "Paul" };

	private static final String[] LAST = { "Schmidt", "Johnson", "Meyer", "Garcia", "Rossi", "Dubois", "Novak",
			"Jansen", "Larsen", "Silva", "Kowalski", "Tanaka", "Okafor", "Haddad", "Fischer", "Murphy" };

	private static final String[] SOURCES = { "Web", "Referral", "Partner", "Trade Show" };

	private static final String[] TYPES = { "webinar", "event", "e-mail", "paid-search", "social", "content",
			"trade-show", "partner" };

	private static final String[] COUNTRIES = { "DE", "US", "GB", "FR", "NL", "ES", "IT", "SE" };

	/** How much was generated, and how long it took. */
	record Generated(long campaigns, long costs, long leads, long converted, long members, double loadSeconds,
			double indexSeconds, double analyseSeconds) {

		double totalSeconds() {
			return this.loadSeconds + this.indexSeconds + this.analyseSeconds;
		}

	}

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final PrintStream out;

	MarketingData(DataSource dataSource, PrintStream out) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.out = out;
	}

	static int campaigns(double scale) {
		return Math.max(50, (int) Math.round(10_000 * scale));
	}

	static int leads(double scale) {
		return Math.max(1_000, (int) Math.round(1_000_000 * scale));
	}

	static int members(double scale) {
		return Math.max(1_000, (int) Math.round(1_000_000 * scale));
	}

	boolean alreadyGenerated() {
		Long leads = this.jdbc.queryForObject("select count(*) from leads", Long.class);
		return leads != null && leads > 0;
	}

	/**
	 * @param now the application's "now": touches and leads lie in the two years before
	 */
	Generated generate(double scale, long seed, String passwordHash, Instant now) {
		Random random = new Random(seed);
		UUID marketing = marketingUser(passwordHash, now);
		List<UUID> reps = this.jdbc.queryForList(
				"select id from users where username like ? and role = 'REP' " + "order by username", UUID.class,
				BenchmarkData.USERNAME_PREFIX + "%");
		String currency = this.jdbc.queryForObject("select coalesce(min(currency), 'EUR') from opportunities",
				String.class);
		List<UUID> contacts = this.jdbc.queryForList("select id from contacts order by id", UUID.class);
		int leadCount = leads(scale);
		int convertedCount = (int) (leadCount * CONVERTED);
		// the deals the converted leads became, with their contacts
		List<Map<String, Object>> deals = this.jdbc.queryForList("""
				select id, account_id, primary_contact_id, created_at from opportunities
				where primary_contact_id is not null and deleted_at is null order by md5(id::text) limit ?
				""", convertedCount);
		List<String> indexes = dropSecondaryIndexes();
		long started = System.nanoTime();
		int campaignCount = campaigns(scale);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		UUID[] campaigns = new UUID[campaignCount];
		Instant[] campaignStart = new Instant[campaignCount];
		long costs = 0;
		int memberCount = members(scale);
		try (Connection connection = this.dataSource.getConnection();
				Connection second = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			second.setAutoCommit(false);
			Copy campaignRows = new Copy(connection, "campaigns", "id, name, campaign_type, status, start_date, "
					+ "end_date, budget, currency, parent_id, owner_id, created_at, created_by, updated_at, updated_by, "
					+ "version");
			int parents = Math.max(1, campaignCount / 10);
			for (int i = 0; i < campaignCount; i++) {
				campaigns[i] = Ids.newId();
				LocalDate start = today.minusDays(random.nextInt(730));
				LocalDate end = start.plusDays(30 + random.nextInt(60));
				campaignStart[i] = start.atStartOfDay(ZoneOffset.UTC).toInstant();
				campaignRows.row(campaigns[i], "Campaign " + (i + 1), TYPES[i % TYPES.length],
						end.isBefore(today) ? "COMPLETED" : "ACTIVE", start, end,
						1_000 + random.nextInt(99_000) + ".00", currency, i < parents ? null : campaigns[i % parents],
						marketing, now.minus(Duration.ofDays(800)), marketing, now.minus(Duration.ofDays(800)),
						marketing, 0);
			}
			campaignRows.end();
			Copy costRows = new Copy(connection, "campaign_costs",
					"id, campaign_id, cost_date, supplier, amount, created_at, created_by, updated_at, updated_by, "
							+ "version");
			for (int i = 0; i < campaignCount; i++) {
				LocalDate start = LocalDate.ofInstant(campaignStart[i], ZoneOffset.UTC);
				// the paid-search channel costs a lot
				int base = TYPES[i % TYPES.length].equals("paid-search") ? 40_000 : 4_000;
				for (int c = 0; c < 2; c++) {
					costRows.row(Ids.newId(), campaigns[i], start.plusDays(c * 20L), "Supplier " + (i % 40),
							(base + random.nextInt(base)) + "." + (10 + random.nextInt(90)), now, marketing, now,
							marketing, 0);
					costs++;
				}
			}
			costRows.end();
			connection.commit();
			Copy leadRows = new Copy(connection, "leads",
					"id, first_name, last_name, company, title, email, phone, country, source, status, "
							+ "disqualify_reason, owner_id, converted_at, converted_by, converted_account_id, "
							+ "converted_contact_id, converted_opportunity_id, accepted_at, accepted_by, created_at, "
							+ "created_by, updated_at, updated_by, last_touched_at, last_touched_by, version");
			// one COPY at a time on a connection: the members on a second
			Copy memberRows = new Copy(second, "campaign_members",
					"id, campaign_id, member_type, member_id, status, sent_at, opened_at, responded_at, attended_at, "
							+ "created_at, created_by, updated_at, updated_by, version");
			int leadMembers = Math.max(memberCount - Math.min(contacts.size(), memberCount / 2), 0);
			leadMembers = Math.min(leadMembers, leadCount);
			long members = 0;
			for (int i = 0; i < leadCount; i++) {
				UUID id = Ids.newId();
				UUID owner = reps.get(i % reps.size());
				String first = FIRST[random.nextInt(FIRST.length)];
				String last = LAST[random.nextInt(LAST.length)];
				boolean converted = i < deals.size();
				Instant created;
				Instant touched;
				if (converted) {
					Map<String, Object> deal = deals.get(i);
					Instant dealCreated = ((java.sql.Timestamp) deal.get("created_at")).toInstant();
					created = dealCreated.minus(Duration.ofHours(24 + random.nextInt(24 * 60)));
					touched = created.minus(Duration.ofHours(random.nextInt(24 * 10)));
					leadRows.row(id, first, last, "Lead Company " + (i + 1), "Buyer", "lead" + (i + 1) + "@example.com",
							null, COUNTRIES[i % COUNTRIES.length], SOURCES[i % SOURCES.length], "QUALIFIED", null,
							owner, dealCreated, owner, deal.get("account_id"), deal.get("primary_contact_id"),
							deal.get("id"), dealCreated, owner, created, owner, dealCreated, owner, dealCreated, owner,
							1);
				}
				else {
					created = now.minus(Duration.ofMinutes(random.nextInt(730 * 24 * 60)));
					touched = created.minus(Duration.ofHours(random.nextInt(24 * 5)));
					int roll = random.nextInt(10);
					String status = roll < 4 ? "NEW" : roll < 7 ? "WORKING" : roll < 8 ? "QUALIFIED" : "DISQUALIFIED";
					Instant accepted = status.equals("NEW") || status.equals("DISQUALIFIED") ? null
							: created.plus(Duration.ofHours(1 + random.nextInt(48)));
					String company = company(random);
					// a domain of its own: a shared one matches every account a
					// conversion made
					leadRows.row(id, first, last, company, "Manager",
							"lead" + (i + 1) + "@" + company.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
									+ ".test",
							"+49 30 " + (1_000_000 + i), COUNTRIES[i % COUNTRIES.length], SOURCES[i % SOURCES.length],
							status, status.equals("DISQUALIFIED") ? "No budget" : null, owner, null, null, null, null,
							null, accepted, accepted == null ? null : owner, created, owner, created, owner, created,
							owner, 0);
				}
				if (i < leadMembers) {
					int campaign = random.nextInt(campaignCount);
					members += member(memberRows, random, campaigns[campaign], "LEAD", id, touched, converted,
							marketing);
				}
			}
			// the contacts: the converted deals' contacts first (touched before their
			// deal), then others, each once
			int contactMembers = (int) Math.min(contacts.size(), memberCount - members);
			java.util.Set<UUID> touchedContacts = new java.util.HashSet<>();
			for (Map<String, Object> deal : deals) {
				UUID contact = (UUID) deal.get("primary_contact_id");
				if (touchedContacts.size() < contactMembers && touchedContacts.add(contact)) {
					Instant dealCreated = ((java.sql.Timestamp) deal.get("created_at")).toInstant();
					members += member(memberRows, random, campaigns[random.nextInt(campaignCount)], "CONTACT", contact,
							dealCreated.minus(Duration.ofHours(1 + random.nextInt(24 * 30))), true, marketing);
				}
			}
			for (int j = 0; j < contacts.size() && touchedContacts.size() < contactMembers; j++) {
				UUID contact = contacts.get((int) ((j * 7_919L) % contacts.size()));
				if (touchedContacts.add(contact)) {
					members += member(memberRows, random, campaigns[random.nextInt(campaignCount)], "CONTACT", contact,
							now.minus(Duration.ofMinutes(random.nextInt(730 * 24 * 60))), false, marketing);
				}
			}
			leadRows.end();
			memberRows.end();
			connection.commit();
			second.commit();
			double load = seconds(started);
			this.out.printf("  loaded %,d campaigns, %,d cost lines, %,d leads, %,d members in %.1f s%n", campaignCount,
					costs, leadCount, members, load);
			started = System.nanoTime();
			for (String definition : indexes) {
				this.jdbc.execute("set maintenance_work_mem = '512MB'");
				this.jdbc.execute(definition);
			}
			double index = seconds(started);
			started = System.nanoTime();
			for (String table : TABLES) {
				this.jdbc.execute("vacuum (analyze) " + table);
			}
			double analyse = seconds(started);
			return new Generated(campaignCount, costs, leadCount, deals.size(), members, load, index, analyse);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not generate the marketing data", ex);
		}
	}

	/**
	 * A member: responded (or attended) at the touch for a converted lead and its deal's
	 * contact, otherwise half sent or opened only, the other half responded or attended.
	 */
	private static int member(Copy rows, Random random, UUID campaign, String type, UUID member, Instant touched,
			boolean responded, UUID actor) throws SQLException {
		int roll = responded ? 0 : random.nextInt(10);
		Instant sent = touched.minus(Duration.ofDays(2));
		String status = roll < 4 ? "RESPONDED" : roll < 5 ? "ATTENDED" : roll < 8 ? "OPENED" : "SENT";
		rows.row(Ids.newId(), campaign, type, member, status, sent, roll < 8 ? touched.minus(Duration.ofDays(1)) : null,
				roll < 4 ? touched : null, roll == 4 ? touched : null, sent, actor, touched, actor, 0);
		return 1;
	}

	/**
	 * A company name of random letters: names alike ("Lead Company 5001", "… 5033") match
	 * each other when a lead is converted (several accounts: the user must choose), so
	 * that a benchmark converting one lead after another would stop at the first.
	 */
	private static String company(Random random) {
		StringBuilder name = new StringBuilder();
		for (int word = 0; word < 2; word++) {
			name.append(word == 0 ? "" : " ").append((char) ('A' + random.nextInt(26)));
			for (int letter = 0; letter < 7; letter++) {
				name.append((char) ('a' + random.nextInt(26)));
			}
		}
		return name.toString();
	}

	/** The marketing user the scenarios act as (a MARKETING role sees every lead). */
	private UUID marketingUser(String passwordHash, Instant now) {
		UUID id = Ids.newId();
		this.jdbc.update("""
				insert into users (id, username, full_name, email, title, role, team, region, active, hired_on,
				  provisioned_at, password_hash, created_at, updated_at, version)
				values (?, ?, 'Mara Benchmark', 'marketing@bench.example.com', 'Marketing Manager', 'MARKETING',
				  null, null, true, ?, ?, ?, ?, ?, 0)
				""", id, MARKETING_USER, LocalDate.ofInstant(now, ZoneOffset.UTC).minusYears(3),
				java.sql.Timestamp.from(now), passwordHash, java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
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

	/** One table's COPY in text format, written in chunks. */
	private static final class Copy {

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(1 << 20);

		Copy(Connection connection, String table, String columns) throws SQLException {
			this.copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " (" + columns + ") from stdin");
		}

		void row(Object... values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.buffer.append('\t');
				}
				Object value = values[i];
				this.buffer.append(value == null ? "\\N" : value.toString());
			}
			this.buffer.append('\n');
			if (this.buffer.length() > (1 << 20) - 4_096) {
				flush();
			}
		}

		void end() throws SQLException {
			flush();
			this.copy.endCopy();
		}

		private void flush() throws SQLException {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.buffer.setLength(0);
		}

	}

}
