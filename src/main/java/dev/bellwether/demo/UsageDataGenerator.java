package dev.bellwether.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import dev.bellwether.identity.Role;
import dev.bellwether.platform.db.CopyRows;
import dev.bellwether.platform.usage.UsageKind;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates people's use of the CRM — raw {@code usage_events}, their {@code usage_daily}
 * roll-up and the {@code usage_rollups} days — deterministically from a seed, and writes
 * it with PostgreSQL's COPY straight into the tables (V17). The demo company and the
 * adoption benchmark both use it.
 * <p>
 * Each person has a habit ({@link Habit}): daily users, regular users, weekly users,
 * users who fade out between two dates, users who never really start, and integration
 * accounts calling the API around the clock. Days are weekday-heavy and light at
 * weekends, sessions fall in working hours (UTC) with a morning and an afternoon peak,
 * and what a session does depends on the person's role: executives look at dashboards,
 * forecasts, reports and deals; managers at forecasts, reports and their team's deals;
 * reps view, create and update records and search.
 * <p>
 * The roll-up follows the definitions in {@code docs/adoption-metrics.md}: a day is
 * active when it has a {@code VIEW}, {@code CREATE} or {@code UPDATE} with a record type;
 * {@code actions} counts every event but {@code LOGIN} and {@code LOGOUT};
 * {@code features} are the distinct {@code module:KIND} strings of those actions, sorted.
 * Generation goes day by day (so the events of a day are written together and the time
 * index stays tight); each person's day has a random stream of its own (seed, person,
 * day), so the rows do not depend on how many threads write them, and nothing more than a
 * day's rows (or a few megabytes) is held in memory.
 */
public final class UsageDataGenerator {

	private static final long DAY = 86_400_000L;

	private static final long HOUR = 3_600_000L;

	private static final long MINUTE = 60_000L;

	/** Flush a writer's rows to the server beyond this many bytes of events. */
	private static final int FLUSH_BYTES = 4 * 1024 * 1024;

	/**
	 * How a person uses the CRM.
	 */
	public enum Habit {

		/** Nearly every working day, and now and then at a weekend. */
		DAILY(0.93, 0.12, 1.0),

		/** Three or four working days a week. */
		REGULAR(0.72, 0.05, 0.8),

		/** A day or so a week. */
		WEEKLY(0.24, 0.02, 0.6),

		/**
		 * Regular until {@link Person#fadesFrom()}, less and less until
		 * {@link Person#stopsOn()}, then not at all.
		 */
		FADING(0.72, 0.05, 0.8),

		/**
		 * Signs in a few times in the first weeks, looks at the home page, never works in
		 * it.
		 */
		NEVER(0, 0, 0),

		/** An integration account: API calls every hour of every day, syncing records. */
		INTEGRATION(0, 0, 0);

		final double weekday;

		final double weekend;

		final double intensity;

		Habit(double weekday, double weekend, double intensity) {
			this.weekday = weekday;
			this.weekend = weekend;
			this.intensity = intensity;
		}

	}

	/**
	 * A person to generate usage for. Any habit may fade when {@code fadesFrom} and
	 * {@code stopsOn} are given: full use before {@code fadesFrom}, falling linearly to
	 * none on {@code stopsOn}, none after. Nothing is generated before
	 * {@code provisionedAt}.
	 * <p>
	 * {@code stream} keys the person's random streams: by default their id's bits, but a
	 * demo whose people get new random ids on every start keys them by something stable
	 * ({@link #keyedBy(String)}, the username), so that the same seed gives the same
	 * usage.
	 */
	public record Person(UUID id, Role role, UUID managerId, Instant provisionedAt, Habit habit, LocalDate fadesFrom,
			LocalDate stopsOn, long stream) {

		public static Person of(UUID id, Role role, UUID managerId, Instant provisionedAt, Habit habit) {
			return new Person(id, role, managerId, provisionedAt, habit, null, null,
					id.getMostSignificantBits() ^ id.getLeastSignificantBits());
		}

		public Person fading(LocalDate from, LocalDate stops) {
			return new Person(this.id, this.role, this.managerId, this.provisionedAt, this.habit, from, stops,
					this.stream);
		}

		/**
		 * The same person with random streams keyed by {@code key} (FNV-1a of its UTF-8
		 * bytes) rather than by their id.
		 */
		public Person keyedBy(String key) {
			long hash = 0xcbf29ce484222325L;
			for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
				hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
			}
			return new Person(this.id, this.role, this.managerId, this.provisionedAt, this.habit, this.fadesFrom,
					this.stopsOn, hash);
		}

	}

	/**
	 * The records a person's events are about: the id of a record of the given type
	 * ({@code account}, {@code contact}, {@code opportunity}, {@code activity}) the
	 * person might work on, drawn with {@code random}; null for none.
	 */
	@FunctionalInterface
	public interface Records {

		UUID pick(UUID userId, String recordType, SplittableRandom random);

		/** Made-up record ids (for the benchmark, where they are not looked up). */
		Records SYNTHETIC = (userId, recordType, random) -> new UUID(
				(userId.getMostSignificantBits() & 0xFFFFFFFFFFFF0FFFL) | 0x7000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);

	}

	/**
	 * Rows written: raw events, per-user daily roll-ups and rolled-up days.
	 */
	public record Counts(long events, long dailyRows, long days) {

		Counts plus(Counts other) {
			return new Counts(this.events + other.events, this.dailyRows + other.dailyRows, this.days + other.days);
		}

	}

	private final long seed;

	private final long fromDay;

	private final long until;

	private final long untilDay;

	private double actionsPerSession = 10;

	private int apiCallsPerDay = 120;

	private Records records = Records.SYNTHETIC;

	/**
	 * @param seed the same seed (with the same dates and people) gives the same rows
	 * @param from the first day of usage
	 * @param until the moment usage ends (no event after it): the last day is its day
	 */
	public UsageDataGenerator(long seed, LocalDate from, Instant until) {
		this.seed = seed;
		this.fromDay = from.toEpochDay();
		this.until = until.toEpochMilli();
		this.untilDay = Math.floorDiv(this.until, DAY);
		if (this.fromDay > this.untilDay) {
			throw new IllegalArgumentException("Usage from " + from + " cannot end before it, at " + until + ".");
		}
	}

	/**
	 * Actions in a session of a daily user, on average (default 10): sets the volume,
	 * about {@code 2 × this} events per active day, a little less for less keen users.
	 */
	public UsageDataGenerator actionsPerSession(double actions) {
		this.actionsPerSession = actions;
		return this;
	}

	/** API calls an integration account makes a day, on average (default 120). */
	public UsageDataGenerator apiCallsPerDay(int calls) {
		this.apiCallsPerDay = calls;
		return this;
	}

	/** Where record ids come from (default {@link Records#SYNTHETIC}). */
	public UsageDataGenerator records(Records records) {
		this.records = records;
		return this;
	}

	/**
	 * A person with a habit drawn from the seed, in a typical organisation's mix: about
	 * 45% daily, 25% regular, 15% weekly, 10% fading out at some point of the range, and
	 * 5% who never start.
	 */
	public Person typical(UUID id, Role role, UUID managerId, Instant provisionedAt) {
		SplittableRandom random = personRandom(id);
		int draw = random.nextInt(100);
		Habit habit = draw < 45 ? Habit.DAILY
				: draw < 70 ? Habit.REGULAR : draw < 85 ? Habit.WEEKLY : draw < 95 ? Habit.FADING : Habit.NEVER;
		Person person = Person.of(id, role, managerId, provisionedAt, habit);
		if (habit == Habit.FADING) {
			long span = this.untilDay - this.fromDay;
			long stops = this.fromDay + span / 4 + (long) (random.nextDouble() * span * 3 / 4);
			return person.fading(LocalDate.ofEpochDay(stops - 14 - random.nextInt(28)), LocalDate.ofEpochDay(stops));
		}
		return person;
	}

	/**
	 * Writes everyone's usage on the given connection, in its transaction (the demo).
	 */
	public Counts generate(Connection connection, List<Person> people) {
		Writer writer = new Writer();
		for (long day = this.fromDay; day <= this.untilDay; day++) {
			day(day, people, writer);
			if (writer.events.size() > FLUSH_BYTES) {
				writer.copyTo(connection);
			}
		}
		writer.copyTo(connection);
		return writer.written;
	}

	/**
	 * Writes everyone's usage with {@code threads} connections in parallel, each taking
	 * the next day in turn and committing every few megabytes (the benchmark).
	 */
	public Counts generate(DataSource dataSource, List<Person> people, int threads) {
		AtomicLong next = new AtomicLong(this.fromDay);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Counts>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					Writer writer = new Writer();
					try (Connection connection = dataSource.getConnection()) {
						connection.setAutoCommit(false);
						for (long day = next.getAndIncrement(); day <= this.untilDay; day = next.getAndIncrement()) {
							day(day, people, writer);
							if (writer.events.size() > FLUSH_BYTES) {
								writer.copyTo(connection);
								connection.commit();
							}
						}
						writer.copyTo(connection);
						connection.commit();
					}
					return writer.written;
				}));
			}
			Counts written = new Counts(0, 0, 0);
			for (Future<Counts> worker : workers) {
				written = written.plus(worker.get());
			}
			return written;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not generate the usage", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while generating the usage", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * A fingerprint of every row, without a database: the same seed must give the same
	 * fingerprint.
	 */
	byte[] fingerprint(List<Person> people) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Writer writer = new Writer();
			for (long day = this.fromDay; day <= this.untilDay; day++) {
				day(day, people, writer);
				writer.events.digest(digest);
				writer.daily.digest(digest);
				writer.clear();
			}
			return digest.digest();
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One day's rows (for tests).
	 */
	Writer dayRows(LocalDate day, List<Person> people) {
		Writer writer = new Writer();
		day(day.toEpochDay(), people, writer);
		return writer;
	}

	// --- one day ---------------------------------------------------------------------

	private void day(long day, List<Person> people, Writer writer) {
		long before = writer.eventCount;
		Day tally = new Day();
		for (Person person : people) {
			tally.clear();
			tally.limit = Math.min(this.until, day * DAY + DAY - 1);
			SplittableRandom random = new SplittableRandom(mix(this.seed, person.stream(), day));
			if (person.habit() == Habit.INTEGRATION) {
				integrationDay(person, day, random, writer, tally);
			}
			else {
				personDay(person, day, random, writer, tally);
			}
			if (tally.events > 0) {
				tally.writeTo(writer.daily, person.id(), day);
			}
		}
		writer.rollups.add(new long[] { day, writer.eventCount - before });
	}

	private void personDay(Person person, long day, SplittableRandom random, Writer writer, Day tally) {
		long provisioned = person.provisionedAt() == null ? Long.MIN_VALUE : person.provisionedAt().toEpochMilli();
		if (day < Math.floorDiv(provisioned, DAY)) {
			return;
		}
		DayOfWeek weekday = LocalDate.ofEpochDay(day).getDayOfWeek();
		boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
		if (person.habit() == Habit.NEVER) {
			// a few sign-ins in the first weeks: the home page, nothing else
			long first = Math.max(this.fromDay, Math.floorDiv(provisioned, DAY));
			if (!weekend && day - first < 28 && random.nextInt(100) < 12) {
				long at = sessionStart(person, day, random, weekend);
				if (at + 10_000 <= tally.limit) {
					event(writer, tally, person.id(), at, Action.LOGIN, null);
					event(writer, tally, person.id(), at + 2_000 + random.nextInt(5_000), Action.DASHBOARD_VIEW, null);
				}
			}
			return;
		}
		double chance = (weekend ? person.habit().weekend : person.habit().weekday) * fade(person, day);
		if (weekday == DayOfWeek.FRIDAY) {
			chance *= 0.88;
		}
		if (random.nextDouble() >= chance) {
			return;
		}
		double intensity = person.habit().intensity * (weekend ? 0.5 : 1.0);
		int sessions = 1 + (random.nextDouble() < 0.55 * intensity ? 1 : 0)
				+ (random.nextDouble() < 0.25 * intensity ? 1 : 0);
		Action[] mix = Action.mixOf(person.role());
		long last = Long.MIN_VALUE;
		for (int s = 0; s < sessions; s++) {
			long at = Math.max(sessionStart(person, day, random, weekend), last + 20 * MINUTE);
			if (at > tally.limit) {
				break;
			}
			if (s == 0 || random.nextInt(100) < 30) {
				event(writer, tally, person.id(), at, Action.LOGIN, null);
				at += 1_000 + random.nextInt(4_000);
			}
			if (person.role() == Role.EXECUTIVE || random.nextInt(100) < 60) {
				at = step(writer, tally, person, at, Action.DASHBOARD_VIEW, random);
			}
			if (s == 0) {
				// an active day: something of a record type is looked at
				at = step(writer, tally, person, at, mix[0], random);
			}
			int actions = (int) Math.round(random.nextDouble() * 2 * this.actionsPerSession * intensity);
			for (int a = 0; a < actions && at <= tally.limit; a++) {
				at = step(writer, tally, person, at, mix[random.nextInt(mix.length)], random);
			}
			if (random.nextInt(100) < 30) {
				at = step(writer, tally, person, at, Action.LOGOUT, random);
			}
			last = at;
		}
	}

	private void integrationDay(Person person, long day, SplittableRandom random, Writer writer, Day tally) {
		if (person.provisionedAt() != null && day < Math.floorDiv(person.provisionedAt().toEpochMilli(), DAY)) {
			return;
		}
		int calls = (int) ((0.6 + 0.8 * random.nextDouble()) * this.apiCallsPerDay * fade(person, day));
		long[] times = new long[calls];
		for (int c = 0; c < calls; c++) {
			times[c] = day * DAY + (long) (random.nextDouble() * DAY);
		}
		Arrays.sort(times);
		for (long at : times) {
			if (at + 1_000 > tally.limit) {
				break;
			}
			int kind = random.nextInt(100);
			Action call = kind < 60 ? Action.API_CALL_OPPORTUNITY : Action.API_CALL_ACCOUNT;
			UUID record = this.records.pick(person.id(), call.recordType, random);
			event(writer, tally, person.id(), at, call, record);
			if (kind % 4 == 0) {
				// the call changed the record: an update, from the API
				event(writer, tally, person.id(), at + 50 + random.nextInt(900),
						call == Action.API_CALL_OPPORTUNITY ? Action.API_UPDATE_OPPORTUNITY : Action.API_UPDATE_ACCOUNT,
						record);
			}
		}
	}

	private long step(Writer writer, Day tally, Person person, long at, Action action, SplittableRandom random) {
		long next = at + 10_000 + (long) (-Math.log(1 - random.nextDouble()) * 80_000);
		if (next > tally.limit) {
			return next;
		}
		UUID record = null;
		if (action.recordType != null && (action.kind != UsageKind.VIEW || random.nextInt(100) < 75)
				&& action.kind != UsageKind.EXPORT) {
			record = this.records.pick(person.id(), action.recordType, random);
		}
		event(writer, tally, person.id(), next, action, record);
		return next;
	}

	private void event(Writer writer, Day tally, UUID userId, long at, Action action, UUID recordId) {
		writer.events.uuid(eventId(at, userId, tally.events))
			.uuid(userId)
			.instant(at)
			.text(action.kind.name())
			.text(action.module)
			.text(action.recordType)
			.uuid(recordId)
			.text(action.client)
			.endRow();
		writer.eventCount++;
		tally.add(action);
	}

	/**
	 * A session's first moment: working hours with a morning and an afternoon peak,
	 * shifted by the person's own start of day.
	 */
	private long sessionStart(Person person, long day, SplittableRandom random, boolean weekend) {
		int shift = Math.floorMod((int) (person.stream() ^ (person.stream() >>> 32)) ^ (int) this.seed, 121) - 60;
		double hour = weekend ? 9 + random.nextDouble() * 9 : random.nextInt(100) < 55
				? 8 + Math.abs(random.nextGaussian()) * 2.0 : 13 + Math.abs(random.nextGaussian()) * 2.5;
		long at = day * DAY + (long) (Math.min(20.5, hour) * HOUR) + shift * MINUTE;
		return Math.max(day * DAY + 6 * HOUR, at);
	}

	private double fade(Person person, long day) {
		if (person.stopsOn() == null) {
			return 1;
		}
		long stops = person.stopsOn().toEpochDay();
		long from = person.fadesFrom() == null ? stops : person.fadesFrom().toEpochDay();
		if (day >= stops) {
			return 0;
		}
		if (day < from) {
			return 1;
		}
		return (double) (stops - day) / (stops - from + 1);
	}

	/**
	 * A time-ordered id (UUID version 7) from the moment, the user and the event's
	 * number.
	 */
	private UUID eventId(long at, UUID userId, int n) {
		long bits = mix(this.seed, userId.getLeastSignificantBits() ^ at, n);
		return new UUID((at << 16) | 0x7000L | (bits >>> 52),
				(mix(bits, userId.getMostSignificantBits(), at) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
	}

	private SplittableRandom personRandom(UUID id) {
		return new SplittableRandom(mix(this.seed, id.getMostSignificantBits() ^ id.getLeastSignificantBits(), -1));
	}

	private static long mix(long a, long b, long c) {
		long z = a * 0x9E3779B97F4A7C15L + b;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L + c;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	// --- what people do
	// ------------------------------------------------------------------

	/**
	 * Something a person does: the event's kind, module, record type and client.
	 */
	enum Action {

		LOGIN(UsageKind.LOGIN, "identity", null), LOGOUT(UsageKind.LOGOUT, "identity", null),
		VIEW_ACCOUNT(UsageKind.VIEW, "customers", "account"), VIEW_CONTACT(UsageKind.VIEW, "customers", "contact"),
		VIEW_OPPORTUNITY(UsageKind.VIEW, "sales", "opportunity"),
		VIEW_ACTIVITY(UsageKind.VIEW, "activities", "activity"),
		CREATE_ACCOUNT(UsageKind.CREATE, "customers", "account"),
		CREATE_CONTACT(UsageKind.CREATE, "customers", "contact"),
		CREATE_OPPORTUNITY(UsageKind.CREATE, "sales", "opportunity"),
		CREATE_ACTIVITY(UsageKind.CREATE, "activities", "activity"),
		UPDATE_ACCOUNT(UsageKind.UPDATE, "customers", "account"),
		UPDATE_CONTACT(UsageKind.UPDATE, "customers", "contact"),
		UPDATE_OPPORTUNITY(UsageKind.UPDATE, "sales", "opportunity"),
		UPDATE_ACTIVITY(UsageKind.UPDATE, "activities", "activity"),
		DELETE_ACTIVITY(UsageKind.DELETE, "activities", "activity"), SEARCH(UsageKind.SEARCH, "search", null),
		DASHBOARD_VIEW(UsageKind.DASHBOARD_VIEW, "home", null),
		// only kinds this build's modules declare (UsageKinds): the pipeline board, the
		// adoption reports and the score export; forecasts, CRM reports and exports of
		// records arrive with their modules
		BOARD_VIEW(UsageKind.DASHBOARD_VIEW, "sales", null), REPORT_VIEW(UsageKind.REPORT_VIEW, "adoption", null),
		EXPORT_SCORES(UsageKind.EXPORT, "adoption", null),
		API_CALL_OPPORTUNITY(UsageKind.API_CALL, "sales", "opportunity", "API"),
		API_CALL_ACCOUNT(UsageKind.API_CALL, "customers", "account", "API"),
		API_UPDATE_OPPORTUNITY(UsageKind.UPDATE, "sales", "opportunity", "API"),
		API_UPDATE_ACCOUNT(UsageKind.UPDATE, "customers", "account", "API"),
		// service agents' own work: cases, and the satisfaction report
		VIEW_CASE(UsageKind.VIEW, "service", "case"), UPDATE_CASE(UsageKind.UPDATE, "service", "case"),
		CREATE_CASE(UsageKind.CREATE, "service", "case"), SERVICE_REPORT_VIEW(UsageKind.REPORT_VIEW, "service", null);

		final UsageKind kind;

		final String module;

		final String recordType;

		final String client;

		/** The {@code module:KIND} feature, or null for sign-ins and sign-outs. */
		final String feature;

		/** This feature's bit in a day's set of features. */
		long featureBit;

		Action(UsageKind kind, String module, String recordType) {
			this(kind, module, recordType, "WEB");
		}

		Action(UsageKind kind, String module, String recordType, String client) {
			this.kind = kind;
			this.module = module;
			this.recordType = recordType;
			this.client = client;
			this.feature = kind == UsageKind.LOGIN || kind == UsageKind.LOGOUT ? null : module + ":" + kind.name();
		}

		boolean active() {
			return this.recordType != null
					&& (this.kind == UsageKind.VIEW || this.kind == UsageKind.CREATE || this.kind == UsageKind.UPDATE);
		}

		/** The distinct features, sorted: a day's bit set lists them in this order. */
		static final String[] FEATURES;

		private static final Map<Role, Action[]> MIXES = new EnumMap<>(Role.class);

		static {
			FEATURES = Arrays.stream(values())
				.map(a -> a.feature)
				.filter(f -> f != null)
				.distinct()
				.sorted(Comparator.naturalOrder())
				.toArray(String[]::new);
			for (Action action : values()) {
				if (action.feature != null) {
					action.featureBit = 1L << Arrays.asList(FEATURES).indexOf(action.feature);
				}
			}
			MIXES.put(Role.EXECUTIVE, mix(VIEW_OPPORTUNITY, 20, DASHBOARD_VIEW, 16, BOARD_VIEW, 18, REPORT_VIEW, 18,
					VIEW_ACCOUNT, 7, SEARCH, 4, EXPORT_SCORES, 1, BOARD_VIEW, 1, UPDATE_OPPORTUNITY, 1));
			MIXES.put(Role.MANAGER,
					mix(VIEW_OPPORTUNITY, 25, VIEW_ACCOUNT, 8, VIEW_CONTACT, 3, VIEW_ACTIVITY, 4, UPDATE_OPPORTUNITY, 6,
							CREATE_ACTIVITY, 3, SEARCH, 6, DASHBOARD_VIEW, 8, BOARD_VIEW, 12, REPORT_VIEW, 10,
							EXPORT_SCORES, 2, BOARD_VIEW, 2));
			MIXES.put(Role.REP,
					mix(VIEW_OPPORTUNITY, 22, VIEW_ACCOUNT, 12, VIEW_CONTACT, 8, VIEW_ACTIVITY, 6, UPDATE_OPPORTUNITY,
							10, CREATE_ACTIVITY, 8, UPDATE_ACTIVITY, 5, CREATE_OPPORTUNITY, 2, CREATE_CONTACT, 2,
							UPDATE_ACCOUNT, 2, UPDATE_CONTACT, 2, DELETE_ACTIVITY, 1, SEARCH, 10, DASHBOARD_VIEW, 5,
							BOARD_VIEW, 2, REPORT_VIEW, 2, REPORT_VIEW, 1));
			MIXES.put(Role.SALES_ADMIN,
					mix(VIEW_OPPORTUNITY, 15, VIEW_ACCOUNT, 10, UPDATE_OPPORTUNITY, 8, UPDATE_ACCOUNT, 8,
							CREATE_ACCOUNT, 3, REPORT_VIEW, 12, EXPORT_SCORES, 5, EXPORT_SCORES, 3, SEARCH, 10,
							DASHBOARD_VIEW, 5, BOARD_VIEW, 5));
			MIXES.put(Role.MARKETING, mix(VIEW_CONTACT, 20, VIEW_ACCOUNT, 15, CREATE_CONTACT, 8, UPDATE_CONTACT, 8,
					SEARCH, 10, REPORT_VIEW, 10, SEARCH, 8, DASHBOARD_VIEW, 8));
			MIXES.put(Role.SERVICE, mix(VIEW_CASE, 30, UPDATE_CASE, 18, CREATE_CASE, 4, VIEW_ACCOUNT, 10, VIEW_CONTACT,
					10, VIEW_ACTIVITY, 4, CREATE_ACTIVITY, 3, SEARCH, 10, SERVICE_REPORT_VIEW, 3, DASHBOARD_VIEW, 3));
			MIXES.put(Role.ADMIN,
					mix(VIEW_ACCOUNT, 10, VIEW_CONTACT, 5, UPDATE_ACCOUNT, 5, DASHBOARD_VIEW, 10, REPORT_VIEW, 5));
		}

		/**
		 * What a person in the role does, as a table to draw from: each action as often
		 * as its weight. Its first entry has a record type (an active day starts with
		 * it).
		 */
		static Action[] mixOf(Role role) {
			return MIXES.getOrDefault(role, MIXES.get(Role.REP));
		}

		private static Action[] mix(Object... weights) {
			List<Action> table = new ArrayList<>();
			for (int i = 0; i < weights.length; i += 2) {
				for (int w = 0; w < (Integer) weights[i + 1]; w++) {
					table.add((Action) weights[i]);
				}
			}
			return table.toArray(Action[]::new);
		}

	}

	/**
	 * A person's day, counted as it is written: the {@code usage_daily} row.
	 */
	private static final class Day {

		final int[] kinds = new int[UsageKind.values().length];

		/** No event of the day after this moment: the day's end, or the generator's. */
		long limit;

		int events;

		int actions;

		long features;

		boolean active;

		void clear() {
			Arrays.fill(this.kinds, 0);
			this.events = 0;
			this.actions = 0;
			this.features = 0;
			this.active = false;
		}

		void add(Action action) {
			this.events++;
			this.kinds[action.kind.ordinal()]++;
			if (action.feature != null) {
				this.actions++;
				this.features |= action.featureBit;
			}
			this.active |= action.active();
		}

		void writeTo(CopyRows daily, UUID userId, long day) {
			daily.uuid(userId)
				.date(day)
				.bool(this.active)
				.integer(count(UsageKind.LOGIN))
				.integer(count(UsageKind.VIEW))
				.integer(count(UsageKind.CREATE))
				.integer(count(UsageKind.UPDATE))
				.integer(count(UsageKind.DELETE))
				.integer(count(UsageKind.SEARCH))
				.integer(count(UsageKind.REPORT_VIEW))
				.integer(count(UsageKind.DASHBOARD_VIEW))
				.integer(count(UsageKind.FORECAST_VIEW))
				.integer(count(UsageKind.EXPORT))
				.integer(count(UsageKind.API_CALL))
				.integer(count(UsageKind.MEETING_MODE))
				.integer(this.actions);
			StringBuilder array = new StringBuilder("{");
			for (int f = 0; f < Action.FEATURES.length; f++) {
				if ((this.features & (1L << f)) != 0) {
					array.append(array.length() > 1 ? "," : "").append(Action.FEATURES[f]);
				}
			}
			daily.text(array.append('}').toString()).endRow();
		}

		private long count(UsageKind kind) {
			return this.kinds[kind.ordinal()];
		}

	}

	/**
	 * The rows of the three tables, sent together.
	 */
	final class Writer {

		final CopyRows events = new CopyRows("usage_events",
				"id, user_id, occurred_at, kind, module, record_type, record_id, client");

		final CopyRows daily = new CopyRows("usage_daily",
				"user_id, day, active, logins, views, creates, updates, deletes, searches, report_views, "
						+ "dashboard_views, forecast_views, exports, api_calls, meeting_modes, actions, features");

		/**
		 * Days rolled up, with their events: upserted, as the application's job may have
		 * been there first.
		 */
		final List<long[]> rollups = new ArrayList<>();

		long eventCount;

		Counts written = new Counts(0, 0, 0);

		void copyTo(Connection connection) {
			try {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				this.written = this.written
					.plus(new Counts(this.events.copyTo(copy), this.daily.copyTo(copy), this.rollups.size()));
				try (PreparedStatement upsert = connection.prepareStatement("""
						insert into usage_rollups (day, rolled_up_at, events) values (?, ?, ?)
						on conflict (day) do update set events = usage_rollups.events + excluded.events,
						  rolled_up_at = greatest(usage_rollups.rolled_up_at, excluded.rolled_up_at)
						""")) {
					OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(UsageDataGenerator.this.until),
							ZoneOffset.UTC);
					for (long[] rollup : this.rollups) {
						upsert.setObject(1, LocalDate.ofEpochDay(rollup[0]));
						upsert.setObject(2, at);
						upsert.setLong(3, rollup[1]);
						upsert.addBatch();
					}
					upsert.executeBatch();
				}
				this.rollups.clear();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not copy the generated usage", ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		void clear() {
			this.events.clear();
			this.daily.clear();
			this.rollups.clear();
		}

	}

}
