package dev.bellwether.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.bellwether.identity.Role;
import dev.bellwether.platform.db.CopyRows;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generates a sales organisation's data — people, accounts, contacts, opportunities with
 * their stage history, and activities — deterministically from a seed, and writes it with
 * PostgreSQL's COPY straight into the tables. The demo company and the benchmark both use
 * it, at different scales: the demo adds deals and activities to its accounts, the
 * benchmark generates a whole company of a million deals.
 * <p>
 * Deals follow realistic paths: created over the past 18 months, they advance through the
 * open stages over weeks, some stall (and go stale), about a quarter are won and most
 * others lost with a reason; close dates are pushed and amounts change on the way, and a
 * few deals are entered late (already in Commit, or already won). Every save writes an
 * {@code opportunity_history} row with the values before and after, as the sales module
 * does, so a deal's current values are those of its last history row. Each account's
 * records come from a random stream of their own ({@code seed}, account number), so the
 * output does not depend on how many threads write it.
 */
public final class SalesDataGenerator {

	/** The default pipeline's stages (V8), in order. */
	static final UUID[] STAGES = { stage(1), stage(2), stage(3), stage(4), stage(5), stage(6), stage(7) };

	static final int[] PROBABILITIES = { 10, 20, 40, 60, 80, 100, 0 };

	static final String[] CATEGORIES = { "PIPELINE", "PIPELINE", "BEST_CASE", "BEST_CASE", "COMMIT", "CLOSED",
			"OMITTED" };

	static final int NEGOTIATION = 4;

	static final int WON = 5;

	static final int LOST = 6;

	/** How far back deals were created. */
	static final int HISTORY_DAYS = 548;

	/** How far ahead an open deal may be expected to close. */
	static final int FUTURE_DAYS = 182;

	private static final long DAY = 86_400_000L;

	private static final long HOUR = 3_600_000L;

	private static final long MINUTE = 60_000L;

	private final long seed;

	private final long now;

	private final long today;

	private final double dealsPerAccount;

	private final double activitiesPerDeal;

	private Set<UUID> lateEntrants = Set.of();

	private Set<UUID> optimists = Set.of();

	private Map<UUID, Upkeep> upkeep = Map.of();

	private List<CatalogueProduct> catalogue = List.of();

	private int lineItemShare;

	/**
	 * @param seed the same seed (and the same {@code now}) gives the same rows
	 * @param now the moment the data is generated as of: deals were created in the 18
	 * months before, and close up to 6 months after
	 * @param dealsPerAccount on average
	 * @param activitiesPerDeal on average
	 */
	public SalesDataGenerator(long seed, Instant now, double dealsPerAccount, double activitiesPerDeal) {
		this.seed = seed;
		this.now = now.toEpochMilli();
		this.today = Math.floorDiv(this.now, DAY);
		this.dealsPerAccount = dealsPerAccount;
		this.activitiesPerDeal = activitiesPerDeal;
	}

	/**
	 * Owners who enter their deals only when they close (the demo's story): each of their
	 * deals is created already won, or in Negotiation and won within the day.
	 */
	public SalesDataGenerator lateEntrants(Set<UUID> owners) {
		this.lateEntrants = Set.copyOf(owners);
		return this;
	}

	/**
	 * Owners whose forecasts are always optimistic (the demo's story): they call every
	 * open deal Commit from the day they enter it, and the deals they lose they lose from
	 * Negotiation, so their Commit forecast holds deals that never close. The same random
	 * draws as for anyone else: the other owners' deals stay as they were.
	 */
	public SalesDataGenerator optimists(Set<UUID> owners) {
		this.optimists = Set.copyOf(owners);
		return this;
	}

	/**
	 * How an owner keeps their deals (the demo's story; the benchmark has none): someone
	 * who uses the CRM reviews each open deal at least every {@code reviewDays} — the
	 * close date moved on when it is near or past, or a call logged — so their pipeline
	 * is neither stale nor overdue; someone who stopped on {@code stoppedOn} enters,
	 * saves and logs nothing after it, so their pipeline decays from then on.
	 */
	public record Upkeep(int reviewDays, LocalDate stoppedOn) {

		public static Upkeep reviewsEvery(int days) {
			return new Upkeep(days, null);
		}

		public static Upkeep stopped(LocalDate on) {
			return new Upkeep(0, on);
		}

	}

	/**
	 * Owners' upkeep of their deals; owners not in the map keep them as the generic paths
	 * go (the benchmark's).
	 */
	public SalesDataGenerator upkeep(Map<UUID, Upkeep> owners) {
		this.upkeep = Map.copyOf(owners);
		return this;
	}

	/**
	 * A product of the catalogue deals' line items are drawn from.
	 *
	 * @param listPrice in cents
	 * @param perDeal priced for each deal (services): its line's unit price is what the
	 * deal's amount leaves
	 */
	public record CatalogueProduct(UUID id, long listPrice, boolean perDeal) {
	}

	/**
	 * Puts line items from the catalogue on about {@code sharePercent}% of the deals
	 * (none by default): the deal's amount is then their discounted sum, as the sales
	 * module keeps it. The catalogue needs at least one product priced per deal.
	 */
	public SalesDataGenerator lineItems(List<CatalogueProduct> products, int sharePercent) {
		if (products.stream().noneMatch(CatalogueProduct::perDeal)) {
			throw new IllegalArgumentException("The catalogue needs a product priced per deal.");
		}
		this.catalogue = List.copyOf(products);
		this.lineItemShare = sharePercent;
		return this;
	}

	/**
	 * A seller who may own deals, and the manager who owns a few of their accounts' deals
	 * and sometimes updates them.
	 */
	public record Seller(UUID id, UUID managerId) {
	}

	/**
	 * An account to generate deals for, with its contacts.
	 * @param createdAt deals are created after it
	 */
	/**
	 * Who a deal lost to a competitor or to the incumbent was up against, so that
	 * win/loss analytics have competitors to show; taken from the deal's id rather than
	 * the random sequence, which the rest of the story depends on.
	 */
	static String competitor(UUID dealId, String lossReason) {
		if (!"Lost to a competitor on price".equals(lossReason)
				&& !"Stayed with the incumbent vendor".equals(lossReason)) {
			return null;
		}
		return DemoNames.COMPETITORS[Math.floorMod(dealId.hashCode(), DemoNames.COMPETITORS.length)];
	}

	public record Customer(UUID accountId, String name, UUID ownerId, List<UUID> contactIds, long createdAt) {
	}

	/**
	 * The latest touch of a record: an update, or an activity logged on it.
	 */
	public record Touch(long at, UUID by) {

		Touch later(long at, UUID by) {
			return at > this.at ? new Touch(at, by) : this;
		}

	}

	/**
	 * A person of a generated organisation.
	 *
	 * @param level 0 for the chief executive, one more for each level below
	 */
	public record Member(UUID id, String username, String fullName, Role role, UUID managerId, String team,
			String region, int level) {
	}

	/**
	 * The benchmark's sales organisation: a chief executive, vice presidents
	 * (executives), directors and managers, and reps — five levels — plus a sales
	 * administrator.
	 */
	public record Organisation(List<Member> members) {

		public List<Member> withRole(Role role) {
			return this.members.stream().filter(m -> m.role() == role).toList();
		}

		public List<Member> atLevel(int level) {
			return this.members.stream().filter(m -> m.level() == level).toList();
		}

		List<Seller> sellers() {
			return this.members.stream()
				.filter(m -> m.role() == Role.REP)
				.map(m -> new Seller(m.id(), m.managerId()))
				.toList();
		}

	}

	/**
	 * Rows written, by table.
	 */
	public record Counts(long users, long accounts, long contacts, long opportunities, long history, long activities,
			long attendees) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

		Counts plus(Counts other) {
			return new Counts(this.users + other.users, this.accounts + other.accounts, this.contacts + other.contacts,
					this.opportunities + other.opportunities, this.history + other.history,
					this.activities + other.activities, this.attendees + other.attendees);
		}

		public long total() {
			return this.users + this.accounts + this.contacts + this.opportunities + this.history + this.activities
					+ this.attendees;
		}

	}

	/**
	 * Deals and activities for existing accounts (the demo company's), written on the
	 * given connection — in its transaction, so a failure leaves nothing half-written.
	 */
	public DealsWritten generateDeals(Connection connection, List<Customer> customers, List<Seller> sellers) {
		Map<UUID, UUID> managers = new HashMap<>();
		sellers.forEach(s -> managers.put(s.id(), s.managerId()));
		Rows rows = new Rows();
		Map<UUID, Touch> touches = new HashMap<>();
		for (int i = 0; i < customers.size(); i++) {
			SplittableRandom random = random(i);
			dealsOf(customers.get(i), random, managers, rows, touches);
		}
		return new DealsWritten(rows.copyTo(connection), touches);
	}

	/**
	 * What {@link #generateDeals} wrote, and the latest touch of each account and contact
	 * that got activities, for the caller to record as their freshness.
	 */
	public record DealsWritten(Counts counts, Map<UUID, Touch> touches) {
	}

	/**
	 * The benchmark's organisation: {@code size} people in five levels, about fifteen
	 * reps to a manager.
	 */
	public Organisation organisation(int size, String usernamePrefix) {
		if (size < 50) {
			throw new IllegalArgumentException("An organisation needs at least 50 people, not " + size + ".");
		}
		SplittableRandom random = random(-1);
		int managers = Math.max(2, (int) Math.round(size / 15.6));
		int directors = Math.max(1, (managers + 7) / 8);
		int vps = Math.max(1, (directors + 3) / 4);
		int reps = size - 2 - vps - directors - managers;
		List<Member> members = new ArrayList<>();
		Member ceo = member(random, usernamePrefix + "ceo", Role.EXECUTIVE, null, "Executive", null, 0);
		members.add(ceo);
		members.add(
				member(random, usernamePrefix + "salesadmin", Role.SALES_ADMIN, ceo.id(), "Sales Operations", null, 1));
		List<Member> vpList = new ArrayList<>();
		for (int v = 0; v < vps; v++) {
			String region = DemoNames.BENCH_TEAMS[v % DemoNames.BENCH_TEAMS.length];
			vpList.add(member(random, usernamePrefix + "vp" + (v + 1), Role.EXECUTIVE, ceo.id(), "Sales " + region,
					region, 1));
		}
		members.addAll(vpList);
		List<Member> directorList = new ArrayList<>();
		for (int d = 0; d < directors; d++) {
			Member vp = vpList.get(d % vps);
			directorList.add(member(random, usernamePrefix + "dir" + (d + 1), Role.MANAGER, vp.id(),
					vp.team() + " " + (d / vps + 1), vp.region(), 2));
		}
		members.addAll(directorList);
		List<Member> managerList = new ArrayList<>();
		for (int m = 0; m < managers; m++) {
			Member director = directorList.get(m % directors);
			managerList.add(member(random, usernamePrefix + "mgr" + (m + 1), Role.MANAGER, director.id(),
					"Team " + (m + 1), director.region(), 3));
		}
		members.addAll(managerList);
		for (int r = 0; r < reps; r++) {
			Member manager = managerList.get(r % managers);
			members.add(member(random, usernamePrefix + "rep" + (r + 1), Role.REP, manager.id(), manager.team(),
					manager.region(), 4));
		}
		return new Organisation(List.copyOf(members));
	}

	/**
	 * A whole company: the organisation's people, then {@code accounts} accounts with
	 * their contacts, deals and activities, written by {@code threads} connections in
	 * parallel, one transaction per chunk of accounts.
	 * @param passwordHash every generated person's password, already hashed
	 */
	public Counts generateCompany(DataSource dataSource, Organisation organisation, String passwordHash, int accounts,
			double contactsPerAccount, int threads) {
		Rows people = new Rows();
		for (Member member : organisation.members()) {
			writeMember(people.users, member, passwordHash);
		}
		Counts written;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			written = people.copyTo(connection);
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not write the organisation", ex);
		}
		List<Seller> sellers = organisation.sellers();
		Map<UUID, UUID> managers = new HashMap<>();
		organisation.members().forEach(m -> managers.put(m.id(), m.managerId()));
		int chunk = 500;
		int chunks = (accounts + chunk - 1) / chunk;
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Counts>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(pool.submit(() -> {
					Counts mine = Counts.NONE;
					try (Connection connection = dataSource.getConnection()) {
						connection.setAutoCommit(false);
						Rows rows = new Rows();
						for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
							for (int a = c * chunk; a < Math.min(accounts, (c + 1) * chunk); a++) {
								account(a, sellers, managers, contactsPerAccount, rows);
							}
							mine = mine.plus(rows.copyTo(connection));
							connection.commit();
						}
					}
					return mine;
				}));
			}
			for (Future<Counts> worker : workers) {
				written = written.plus(worker.get());
			}
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("Could not generate the company", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while generating the company", ex);
		}
		finally {
			pool.shutdownNow();
		}
		return written;
	}

	/**
	 * A fingerprint of the rows for the given accounts (and organisation), without a
	 * database: the same seed must give the same fingerprint.
	 */
	byte[] fingerprint(Organisation organisation, int accounts, double contactsPerAccount) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Rows rows = new Rows();
			organisation.members().forEach(m -> writeMember(rows.users, m, "hash"));
			Map<UUID, UUID> managers = new HashMap<>();
			organisation.members().forEach(m -> managers.put(m.id(), m.managerId()));
			for (int a = 0; a < accounts; a++) {
				account(a, organisation.sellers(), managers, contactsPerAccount, rows);
			}
			rows.all().forEach(r -> r.digest(digest));
			return digest.digest();
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One generated account with everything that hangs off it, in rows (for tests).
	 */
	Rows accountRows(int index, Organisation organisation, double contactsPerAccount) {
		Rows rows = new Rows();
		Map<UUID, UUID> managers = new HashMap<>();
		organisation.members().forEach(m -> managers.put(m.id(), m.managerId()));
		account(index, organisation.sellers(), managers, contactsPerAccount, rows);
		return rows;
	}

	private void account(int index, List<Seller> sellers, Map<UUID, UUID> managers, double contactsPerAccount,
			Rows rows) {
		SplittableRandom random = random(index);
		UUID owner = sellers.get(random.nextInt(sellers.size())).id();
		long created = businessTime(random, this.now - (30 + random.nextInt(1000)) * DAY);
		UUID accountId = id(created, random);
		String prefix = pick(random, DemoNames.PREFIXES);
		String suffix = pick(random, DemoNames.SUFFIXES);
		String name = prefix + " " + suffix + " " + pick(random, DemoNames.LEGAL_FORMS);
		String domain = (prefix + suffix).toLowerCase(Locale.ROOT) + index + ".example";
		String[] city = pick(random, DemoNames.CITIES);
		int employees = 10 + (int) Math.round(Math.pow(10, 1 + random.nextDouble() * 3.5));
		int contactCount = 1 + (int) (random.nextDouble() * (2 * (contactsPerAccount - 1) + 1));
		List<UUID> contactIds = new ArrayList<>(contactCount);
		List<String[]> contactNames = new ArrayList<>(contactCount);
		List<Long> contactCreated = new ArrayList<>(contactCount);
		for (int c = 0; c < contactCount; c++) {
			long at = created + random.nextInt(5 * 24) * HOUR;
			contactIds.add(id(at, random));
			contactCreated.add(at);
			contactNames.add(new String[] { pick(random, DemoNames.FIRST_NAMES), pick(random, DemoNames.LAST_NAMES),
					pick(random, DemoNames.CONTACT_TITLES) });
		}
		Map<UUID, Touch> touches = new HashMap<>();
		dealsOf(new Customer(accountId, prefix + " " + suffix, owner, contactIds, created + 6 * DAY), random, managers,
				rows, touches);
		Touch accountTouch = touches.getOrDefault(accountId, new Touch(created, owner)).later(created, owner);
		rows.accounts.uuid(accountId)
			.text(name)
			.text("https://www." + domain)
			.text(domain)
			.text(DemoNames.INDUSTRIES.get(random.nextInt(DemoNames.INDUSTRIES.size())))
			.text("+1 555 " + (1000 + random.nextInt(9000)))
			.text(city[0])
			.text(city[1])
			.text(city[2])
			.integer(employees)
			.cents(employees * (80_000L + random.nextInt(220_000)) * 100)
			.uuid(owner)
			.instant(created)
			.uuid(owner)
			.instant(created)
			.uuid(owner)
			.instant(accountTouch.at())
			.uuid(accountTouch.by())
			.integer(0)
			.endRow();
		for (int c = 0; c < contactCount; c++) {
			UUID contactId = contactIds.get(c);
			String[] person = contactNames.get(c);
			long at = contactCreated.get(c);
			Touch touch = touches.getOrDefault(contactId, new Touch(at, owner)).later(at, owner);
			rows.contacts.uuid(contactId)
				.text(person[0])
				.text(person[1])
				.text(person[2])
				.text((person[0] + "." + person[1]).toLowerCase(Locale.ROOT) + c + "@" + domain)
				.text("+1 555 " + (1000 + random.nextInt(9000)))
				.uuid(accountId)
				.uuid(owner)
				.instant(at)
				.uuid(owner)
				.instant(at)
				.uuid(owner)
				.instant(touch.at())
				.uuid(touch.by())
				.integer(0)
				.endRow();
		}
	}

	private void dealsOf(Customer customer, SplittableRandom random, Map<UUID, UUID> managers, Rows rows,
			Map<UUID, Touch> touches) {
		int deals = (int) (random.nextDouble() * (2 * this.dealsPerAccount + 1));
		for (int d = 0; d < deals; d++) {
			deal(customer, random, managers, rows, touches);
		}
	}

	/**
	 * One deal's life up to now: its saves (each a history row), its activities, and the
	 * deal as it stands.
	 */
	private void deal(Customer customer, SplittableRandom random, Map<UUID, UUID> managers, Rows rows,
			Map<UUID, Touch> touches) {
		UUID owner = customer.ownerId();
		UUID manager = managers.get(owner);
		if (manager != null && random.nextInt(100) < 4) {
			owner = manager;
			manager = managers.get(owner);
		}
		Upkeep upkeep = this.upkeep.get(owner);
		// the owner's last moment in the CRM: now, or when they stopped using it
		long now = upkeep == null || upkeep.stoppedOn() == null ? this.now
				: Math.min(this.now, upkeep.stoppedOn().toEpochDay() * DAY);
		long today = Math.floorDiv(now, DAY);
		long from = Math.min(now - DAY, Math.max(customer.createdAt() + DAY, this.now - HISTORY_DAYS * DAY));
		long created = Math.min(businessTime(random, from + (long) (random.nextDouble() * (now - from))),
				now - random.nextInt(60) * MINUTE);
		UUID dealId = id(created, random);
		UUID contact = customer.contactIds().isEmpty() || random.nextInt(100) < 15 ? null
				: customer.contactIds().get(random.nextInt(customer.contactIds().size()));
		long maxCloseDay = this.today + FUTURE_DAYS;

		boolean late = random.nextInt(100) < 7;
		int firstStage = late ? (random.nextInt(100) < 60 ? NEGOTIATION : WON) : (random.nextInt(100) < 70 ? 0 : 1);
		boolean lateEntrant = this.lateEntrants.contains(owner);
		if (lateEntrant) {
			late = true;
			firstStage = random.nextInt(100) < 70 ? WON : NEGOTIATION;
		}
		Fate fate;
		int fateStage;
		int f = random.nextInt(100);
		if (f < 25) {
			fate = Fate.WIN;
			fateStage = NEGOTIATION;
		}
		else if (f < 37) {
			fate = Fate.STALL;
			fateStage = Math.min(NEGOTIATION, firstStage + random.nextInt(3));
		}
		else {
			fate = Fate.LOSE;
			fateStage = Math.min(NEGOTIATION, firstStage + random.nextInt(4));
		}
		if (lateEntrant) {
			fate = Fate.WIN;
		}
		boolean optimist = this.optimists.contains(owner);
		if (optimist && fate == Fate.LOSE) {
			fateStage = NEGOTIATION;
		}

		long amount = roundToHundreds((long) (Math.exp(Math.log(5_000) + random.nextDouble() * Math.log(100)) * 100));
		long createdDay = Math.floorDiv(created, DAY);
		State state = new State(firstStage, amount,
				lateEntrant ? createdDay + 1
						: late ? createdDay + random.nextInt(15) : createdDay + 30 + random.nextInt(91),
				PROBABILITIES[firstStage], optimist && firstStage < WON ? "COMMIT" : CATEGORIES[firstStage]);
		String firstCategory = state.category();
		String lossReason = null;
		long closedAt = Long.MIN_VALUE;
		if (firstStage == WON) {
			state = state.withCloseDay(createdDay);
			closedAt = created;
		}
		history(rows, dealId, created, owner, null, state, random);
		Touch touch = new Touch(created, owner);
		UUID lastSavedBy = owner;
		int saves = 1;
		long t = created;
		while (state.stage() < WON && !(fate == Fate.STALL && state.stage() >= fateStage)) {
			long at = lateEntrant ? t + (1 + random.nextInt(20)) * HOUR
					: businessTime(random, t + (3 + random.nextInt(20)) * DAY);
			if (at > now) {
				break;
			}
			t = at;
			long day = Math.floorDiv(t, DAY);
			State next;
			if (!lateEntrant && random.nextInt(100) < 22) {
				// an update without a stage change: the close date pushed, or the amount
				// changed
				if (random.nextBoolean() || state.closeDay() < day + 7) {
					next = state
						.withCloseDay(Math.min(maxCloseDay, Math.max(state.closeDay(), day) + 14 + random.nextInt(46)));
				}
				else {
					next = state.withAmount(roundToHundreds(state.amount() * (70 + random.nextInt(61)) / 100));
				}
			}
			else if (fate == Fate.LOSE && state.stage() >= fateStage) {
				next = new State(LOST, state.amount(), day, PROBABILITIES[LOST], CATEGORIES[LOST]);
				lossReason = pick(random, DemoNames.LOSS_REASONS);
				closedAt = t;
			}
			else if (fate == Fate.WIN && state.stage() >= NEGOTIATION) {
				next = new State(WON, state.amount(), day, PROBABILITIES[WON], CATEGORIES[WON]);
				closedAt = t;
			}
			else {
				int stage = Math.min(NEGOTIATION, state.stage() + (random.nextInt(100) < 15 ? 2 : 1));
				int probability = PROBABILITIES[stage];
				if (random.nextInt(100) < 10) {
					probability += (random.nextBoolean() ? 5 : -5) * (1 + random.nextInt(2));
				}
				String category = CATEGORIES[stage];
				if (stage < NEGOTIATION && random.nextInt(100) < 6) {
					// the rep is more confident than the stage
					category = "PIPELINE".equals(category) ? "BEST_CASE" : "COMMIT";
				}
				if (optimist) {
					category = "COMMIT";
				}
				long closeDay = state.closeDay() < day ? Math.min(maxCloseDay, day + 7 + random.nextInt(40))
						: state.closeDay();
				long newAmount = random.nextInt(100) < 15
						? roundToHundreds(state.amount() * (80 + random.nextInt(51)) / 100) : state.amount();
				next = new State(stage, newAmount, closeDay, probability, category);
			}
			UUID by = manager != null && random.nextInt(100) < 8 ? manager : owner;
			history(rows, dealId, t, by, state, next, random);
			state = next;
			touch = touch.later(t, by);
			lastSavedBy = by;
			saves++;
		}
		long lastSave = touch.at();
		boolean closed = state.stage() >= WON;
		boolean stalled = !closed && fate == Fate.STALL && state.stage() >= fateStage;

		// activities in the deal's life: until it closed, until it stalled, or until now
		long end = closed ? Math.min(now, Math.max(closedAt, created + 2 * DAY))
				: stalled ? Math.min(now, lastSave + 10 * DAY) : now;
		int activities = (int) (random.nextDouble() * (2 * this.activitiesPerDeal + 1));
		Touch accountTouch = touches.get(customer.accountId());
		for (int a = 0; a < activities; a++) {
			long at = Math.min(Math.min(end, now - random.nextInt(60_000)),
					businessTime(random, created + (long) (random.nextDouble() * (end - created))));
			at = Math.max(at, created);
			UUID actor = manager != null && random.nextInt(100) < 10 ? manager : owner;
			UUID about = contact != null && random.nextInt(100) < 70 ? contact : null;
			long last = activity(rows, random, dealId, customer.accountId(), about, actor, at, closed);
			touch = touch.later(last, actor);
			accountTouch = accountTouch == null ? new Touch(last, actor) : accountTouch.later(last, actor);
			if (about != null) {
				Touch contactTouch = touches.get(about);
				touches.put(about, contactTouch == null ? new Touch(last, actor) : contactTouch.later(last, actor));
			}
		}
		if (!closed && !stalled && random.nextInt(100) < 60) {
			// the follow-up a rep has on their list: due soon, or already overdue
			long at = Math.min(now, Math.max(created, now - random.nextInt(7 * 24) * HOUR));
			long due = today - 3 + random.nextInt(14);
			UUID activityId = id(at, random);
			rows.activities.uuid(activityId)
				.text("TASK")
				.text(pick(random, DemoNames.TASK_SUBJECTS))
				.nul()
				.uuid(customer.accountId())
				.uuid(contact)
				.uuid(dealId)
				.uuid(owner)
				.date(due)
				.text("OPEN")
				.text(random.nextInt(100) < 30 ? "HIGH" : "NORMAL")
				.nul()
				.nul()
				.nul()
				.nul()
				.instant(at)
				.instant(at)
				.uuid(owner)
				.instant(at)
				.uuid(owner)
				.integer(0)
				.endRow();
			touch = touch.later(at, owner);
			accountTouch = accountTouch == null ? new Touch(at, owner) : accountTouch.later(at, owner);
		}
		if (!closed && upkeep != null && upkeep.stoppedOn() == null) {
			// the owner's latest review of the open deal
			long reviewDay = this.today - random.nextInt(Math.max(1, upkeep.reviewDays()));
			long reviewAt = businessTime(random, reviewDay * DAY);
			if (state.closeDay() < this.today + 7) {
				// the close date moved on, after whatever last touched the deal
				long at = Math.min(this.now, Math.max(reviewAt, touch.at() + MINUTE));
				State next = state
					.withCloseDay(Math.min(maxCloseDay, Math.floorDiv(at, DAY) + 21 + random.nextInt(60)));
				history(rows, dealId, at, owner, state, next, random);
				state = next;
				lastSave = at;
				lastSavedBy = owner;
				saves++;
				touch = touch.later(at, owner);
			}
			else if (reviewAt > touch.at()) {
				long last = activity(rows, random, dealId, customer.accountId(), contact, owner, reviewAt, false);
				touch = touch.later(last, owner);
				accountTouch = accountTouch == null ? new Touch(last, owner) : accountTouch.later(last, owner);
			}
		}
		if (accountTouch != null) {
			touches.put(customer.accountId(), accountTouch);
		}
		boolean fromLineItems = !this.catalogue.isEmpty() && state.amount() > 0
				&& random.nextInt(100) < this.lineItemShare;
		if (fromLineItems) {
			lineItems(rows, random, dealId, state.amount(), created, owner);
		}

		rows.opportunities.uuid(dealId)
			.text(customer.name() + " – " + pick(random, DemoNames.DEAL_THEMES))
			.uuid(customer.accountId())
			.uuid(contact)
			.uuid(owner)
			.uuid(STAGES[state.stage()])
			.cents(state.amount())
			.text("USD")
			.bool(fromLineItems)
			.date(state.closeDay())
			.integer(state.probability())
			.text(state.category())
			.text(closed ? null : pick(random, DemoNames.NEXT_STEPS))
			.text(pick(random, DemoNames.LEAD_SOURCES))
			.text(lossReason)
			.text(competitor(dealId, lossReason))
			.text(random.nextInt(100) < 30 ? pick(random, DemoNames.NOTES) : null)
			.instant(closedAt)
			.uuid(STAGES[firstStage])
			.text(firstCategory)
			.instant(touch.at())
			.uuid(touch.by())
			.instant(created)
			.uuid(owner)
			.instant(lastSave)
			.uuid(lastSavedBy)
			.integer(saves - 1)
			.endRow();
	}

	/**
	 * Line items whose discounted sum is the deal's amount, to the cent: a main product
	 * (some seats or units at list price, less a usual discount), now and then an add-on,
	 * and a product priced per deal (services) for what the amount leaves.
	 */
	private void lineItems(Rows rows, SplittableRandom random, UUID dealId, long amount, long created, UUID owner) {
		List<CatalogueProduct> units = this.catalogue.stream().filter(p -> !p.perDeal() && p.listPrice() > 0).toList();
		List<CatalogueProduct> perDeal = this.catalogue.stream().filter(CatalogueProduct::perDeal).toList();
		long left = amount;
		int position = 1;
		int lines = units.isEmpty() ? 0 : 1 + (random.nextInt(100) < 35 ? 1 : 0);
		for (int l = 0; l < lines; l++) {
			CatalogueProduct product = units.get(random.nextInt(units.size()));
			int discount = random.nextInt(100) < 40 ? 0 : 5 * (1 + random.nextInt(4));
			long share = l == 0 ? left * (60 + random.nextInt(30)) / 100 : left * (30 + random.nextInt(40)) / 100;
			long quantity = share / lineTotal(1, product.listPrice(), discount);
			if (quantity < 1) {
				continue;
			}
			left -= lineTotal(quantity, product.listPrice(), discount);
			lineItem(rows, random, dealId, product.id(), position++, quantity, product.listPrice(), discount, created,
					owner);
		}
		if (left > 0 || position == 1) {
			lineItem(rows, random, dealId, perDeal.get(random.nextInt(perDeal.size())).id(), position, 1, left, 0,
					created, owner);
		}
	}

	/**
	 * quantity × unit price × (1 − discount), to the cent (half up), as the sales module.
	 */
	static long lineTotal(long quantity, long unitPrice, int discountPercent) {
		return (quantity * unitPrice * (100 - discountPercent) + 50) / 100;
	}

	private void lineItem(Rows rows, SplittableRandom random, UUID dealId, UUID productId, int position, long quantity,
			long unitPrice, int discountPercent, long created, UUID owner) {
		rows.lineItems.uuid(id(created, random))
			.uuid(dealId)
			.uuid(productId)
			.integer(position)
			.integer(quantity)
			.cents(unitPrice)
			.integer(discountPercent)
			.nul()
			.instant(created)
			.uuid(owner)
			.instant(created)
			.uuid(owner)
			.integer(0)
			.endRow();
	}

	/**
	 * One activity at {@code at}.
	 * @return when it last touched the deal (logged, or completed)
	 */
	private long activity(Rows rows, SplittableRandom random, UUID dealId, UUID accountId, UUID contactId, UUID owner,
			long at, boolean dealClosed) {
		UUID id = id(at, random);
		int kind = random.nextInt(100);
		CopyRows activities = rows.activities;
		if (kind < 35) {
			long dueDay = Math.floorDiv(at, DAY) + 1 + random.nextInt(14);
			long completion = at + (long) (random.nextDouble() * (dueDay * DAY + 18 * HOUR - at));
			boolean completed = completion <= this.now && (dealClosed || random.nextInt(100) < 85);
			activities.uuid(id)
				.text("TASK")
				.text(pick(random, DemoNames.TASK_SUBJECTS))
				.nul()
				.uuid(accountId)
				.uuid(contactId)
				.uuid(dealId)
				.uuid(owner)
				.date(dueDay)
				.text(completed ? "COMPLETED" : "OPEN")
				.text(random.nextInt(100) < 15 ? "LOW" : random.nextInt(100) < 70 ? "NORMAL" : "HIGH")
				.instant(completed ? completion : Long.MIN_VALUE)
				.uuid(completed ? owner : null)
				.nul()
				.nul()
				.instant(completed ? completion : at)
				.instant(at)
				.uuid(owner)
				.instant(completed ? completion : at)
				.uuid(owner)
				.integer(completed ? 1 : 0)
				.endRow();
			return completed ? completion : at;
		}
		boolean meeting = kind < 50;
		boolean note = kind >= 80;
		long minutes = meeting ? 30 + 30 * random.nextInt(4) : 10 + random.nextInt(50);
		activities.uuid(id)
			.text(meeting ? "MEETING" : note ? "NOTE" : "CALL")
			.text(meeting ? pick(random, DemoNames.MEETING_SUBJECTS)
					: note ? "Note: " + pick(random, DemoNames.DEAL_THEMES) : pick(random, DemoNames.CALL_SUBJECTS))
			.text(note || random.nextInt(100) < 40 ? pick(random, DemoNames.NOTES) : null)
			.uuid(accountId)
			.uuid(contactId)
			.uuid(dealId)
			.uuid(owner)
			.nul()
			.nul()
			.nul()
			.nul()
			.nul()
			.instant(note ? Long.MIN_VALUE : at)
			.instant(note ? Long.MIN_VALUE : at + minutes * MINUTE)
			.instant(at)
			.instant(at)
			.uuid(owner)
			.instant(at)
			.uuid(owner)
			.integer(0)
			.endRow();
		if (meeting) {
			rows.attendees.uuid(id).integer(0).nul().uuid(owner).nul().endRow();
			if (contactId != null) {
				rows.attendees.uuid(id).integer(1).uuid(contactId).nul().nul().endRow();
			}
		}
		return at;
	}

	private void history(Rows rows, UUID dealId, long at, UUID by, State before, State after, SplittableRandom random) {
		CopyRows history = rows.history.uuid(id(at, random)).uuid(dealId).instant(at).uuid(by);
		if (before == null) {
			history.nul().uuid(STAGES[after.stage()]).nul().cents(after.amount()).nul().date(after.closeDay()).nul();
			history.integer(after.probability()).nul().text(after.category()).endRow();
			return;
		}
		history.uuid(STAGES[before.stage()])
			.uuid(STAGES[after.stage()])
			.cents(before.amount())
			.cents(after.amount())
			.date(before.closeDay())
			.date(after.closeDay())
			.integer(before.probability())
			.integer(after.probability())
			.text(before.category())
			.text(after.category())
			.endRow();
	}

	private void writeMember(CopyRows users, Member member, String passwordHash) {
		long provisioned = this.now - 1000 * DAY;
		users.uuid(member.id())
			.text(member.username())
			.text(member.fullName())
			.text(member.username() + "@bench.example")
			.text(switch (member.role()) {
				case EXECUTIVE -> member.level() == 0 ? "Chief Executive Officer" : "VP of Sales";
				case MANAGER -> member.level() == 2 ? "Sales Director" : "Sales Manager";
				case SALES_ADMIN -> "Sales Operations";
				default -> "Account Executive";
			})
			.text(member.role().name())
			.uuid(member.managerId())
			.text(member.team())
			.text(member.region())
			.bool(true)
			.date(LocalDate.ofEpochDay(this.today - 900))
			.instant(provisioned)
			.text(passwordHash)
			.instant(provisioned)
			.instant(provisioned)
			.integer(0)
			.endRow();
	}

	private Member member(SplittableRandom random, String username, Role role, UUID managerId, String team,
			String region, int level) {
		String fullName = pick(random, DemoNames.FIRST_NAMES) + " " + pick(random, DemoNames.LAST_NAMES);
		return new Member(id(this.now - 1000 * DAY, random), username, fullName, role, managerId, team, region, level);
	}

	private SplittableRandom random(long stream) {
		return new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + stream);
	}

	/**
	 * A time-ordered id (UUID version 7) for a record created at {@code at}, from the
	 * seeded random stream: the same seed gives the same ids.
	 */
	static UUID id(long at, SplittableRandom random) {
		long msb = (at << 16) | 0x7000L | random.nextInt(1 << 12);
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	/**
	 * A moment on the same day during office hours (08:00 to 18:00 UTC).
	 */
	private static long businessTime(SplittableRandom random, long around) {
		long day = Math.floorDiv(around, DAY);
		return day * DAY + 8 * HOUR + random.nextInt(10 * 60) * MINUTE + random.nextInt(60_000);
	}

	private static long roundToHundreds(long cents) {
		return Math.max(100_00, Math.round(cents / 10_000.0) * 10_000);
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	private static UUID stage(int n) {
		return UUID.fromString("01900000-0000-7000-8000-00000000000" + n);
	}

	private enum Fate {

		WIN, LOSE, STALL

	}

	/**
	 * What a save records of a deal: its stage, amount (in cents), close date,
	 * probability and forecast category.
	 */
	record State(int stage, long amount, long closeDay, int probability, String category) {

		State withCloseDay(long day) {
			return new State(this.stage, this.amount, day, this.probability, this.category);
		}

		State withAmount(long cents) {
			return new State(this.stage, cents, this.closeDay, this.probability, this.category);
		}

	}

	/**
	 * The rows of every table, written in the order their foreign keys need.
	 */
	static final class Rows {

		final CopyRows users = new CopyRows("users",
				"id, username, full_name, email, title, role, manager_id, team, region, active, hired_on, "
						+ "provisioned_at, password_hash, created_at, updated_at, version");

		final CopyRows accounts = new CopyRows("accounts",
				"id, name, website, domain, industry, phone, billing_city, billing_state, country, employees, "
						+ "annual_revenue, owner_id, created_at, created_by, updated_at, updated_by, "
						+ "last_touched_at, last_touched_by, version");

		final CopyRows contacts = new CopyRows("contacts",
				"id, first_name, last_name, title, email, phone, account_id, owner_id, created_at, created_by, "
						+ "updated_at, updated_by, last_touched_at, last_touched_by, version");

		final CopyRows opportunities = new CopyRows("opportunities",
				"id, name, account_id, primary_contact_id, owner_id, stage_id, amount, currency, "
						+ "amount_from_line_items, close_date, probability, forecast_category, next_step, "
						+ "lead_source, loss_reason, competitor, description, closed_at, first_stage_id, "
						+ "first_forecast_category, last_touched_at, last_touched_by, created_at, created_by, "
						+ "updated_at, updated_by, version");

		final CopyRows history = new CopyRows("opportunity_history",
				"id, opportunity_id, changed_at, changed_by, from_stage_id, to_stage_id, from_amount, to_amount, "
						+ "from_close_date, to_close_date, from_probability, to_probability, "
						+ "from_forecast_category, to_forecast_category");

		final CopyRows lineItems = new CopyRows("opportunity_line_items",
				"id, opportunity_id, product_id, position, quantity, unit_price, discount_percent, description, "
						+ "created_at, created_by, updated_at, updated_by, version");

		final CopyRows activities = new CopyRows("activities",
				"id, kind, subject, body, account_id, contact_id, opportunity_id, owner_id, due_date, status, "
						+ "priority, completed_at, completed_by, starts_at, ends_at, occurred_at, created_at, "
						+ "created_by, updated_at, updated_by, version");

		final CopyRows attendees = new CopyRows("activity_attendees",
				"activity_id, position, contact_id, user_id, email");

		List<CopyRows> all() {
			return List.of(this.users, this.accounts, this.contacts, this.opportunities, this.lineItems, this.history,
					this.activities, this.attendees);
		}

		Counts copyTo(Connection connection) {
			try {
				CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
				long users = this.users.copyTo(copy);
				long accounts = this.accounts.copyTo(copy);
				long contacts = this.contacts.copyTo(copy);
				long opportunities = this.opportunities.copyTo(copy);
				this.lineItems.copyTo(copy);
				return new Counts(users, accounts, contacts, opportunities, this.history.copyTo(copy),
						this.activities.copyTo(copy), this.attendees.copyTo(copy));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not copy the generated rows", ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
