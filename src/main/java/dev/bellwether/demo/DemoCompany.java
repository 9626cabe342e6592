package dev.bellwether.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.adoption.AdoptionAlerts;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.Products;
import dev.bellwether.platform.db.BootstrapLock;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo company on first start: its people in a four-level hierarchy, a
 * catalogue of a dozen products, 300 accounts and about 1,000 contacts, about 1,500 deals
 * over the past 18 months and the next 6 with their stage history (nearly half priced
 * from line items), about 5,000 activities, and 30 weeks of usage that tell a story for
 * the adoption dashboard ({@link DemoUsage}). The deals are kept as their owners' use of
 * Bellwether says: current where people use it, decaying where they stopped. The alert
 * and digest jobs have run for the story's past weeks, so the notification bell tells it
 * too. The adoption programme is under way ({@link DemoProgramme}). The same every time
 * for the same seed and day.
 */
@Component
@Order(10)
class DemoCompany implements ApplicationRunner {

	static final int ACCOUNTS = 300;

	/** About 1,500 deals over the 300 accounts. */
	static final double DEALS_PER_ACCOUNT = 5.0;

	/** About 5,000 activities. */
	static final double ACTIVITIES_PER_DEAL = 3.2;

	/** Weeks of alerts and digests on the bell at first start: since the story's turn. */
	static final int ALERT_WEEKS = 11;

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	private final UserDirectory users;

	private final Accounts accounts;

	private final Contacts contacts;

	private final TransactionTemplate transactions;

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final FiscalCalendar calendar;

	private final AdoptionAlerts alerts;

	private final Products products;

	private final boolean enabled;

	private final long seed;

	private final BootstrapLock bootstrap;

	private final DemoQuotas quotas;

	private final PickLists pickLists;

	private final DemoService service;

	private final DemoProgramme programme;

	private final boolean programmeEnabled;

	DemoCompany(UserDirectory users, Accounts accounts, Contacts contacts, TransactionTemplate transactions,
			DataSource dataSource, FiscalCalendar calendar, AdoptionAlerts alerts, Products products,
			@Value("${bellwether.demo.enabled:true}") boolean enabled,
			@Value("${bellwether.demo.seed:20260101}") long seed, BootstrapLock bootstrap, DemoQuotas quotas,
			PickLists pickLists, DemoService service, DemoProgramme programme,
			@Value("${bellwether.demo.programme.enabled:true}") boolean programmeEnabled) {
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.transactions = transactions;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.calendar = calendar;
		this.alerts = alerts;
		this.products = products;
		this.enabled = enabled;
		this.seed = seed;
		this.bootstrap = bootstrap;
		this.quotas = quotas;
		this.pickLists = pickLists;
		this.service = service;
		this.programme = programme;
		this.programmeEnabled = programmeEnabled;
	}

	private Viewer admin(UUID adminId) {
		User admin = this.users.find(adminId).orElseThrow();
		return new Viewer(admin.id(), admin.username(), admin.fullName(), admin.role());
	}

	/**
	 * One node at a time: of several started at once, one seeds and the others find it.
	 */
	@Override
	public void run(ApplicationArguments args) {
		if (this.enabled) {
			this.bootstrap.runAlone("demo-company", this::seedIfEmpty);
		}
	}

	private void seedIfEmpty() {
		if (this.users.findByUsername("ceo").isPresent()) {
			return;
		}
		User admin = this.users.findByUsername("admin").orElseThrow();
		Viewer system = new Viewer(admin.id(), admin.username(), admin.fullName(), admin.role());
		if (this.accounts.list(system, AccountFilter.all(), Pageable.ofSize(1)).getTotalElements() > 0) {
			return;
		}
		long started = System.nanoTime();
		this.transactions.executeWithoutResult(status -> seed(admin.id()));
		log.info("Seeded the demo company ({} ms). Sign in as ceo, vp.sales, mgr.north, rep.north1 or salesadmin "
				+ "with the password 'demo'.", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Seeds the company as of the start of today in the company's time zone: its story
	 * ends then, whatever the time of day, so the same seed on the same day gives the
	 * same company.
	 */
	void seed(UUID adminId) {
		LocalDate day = this.calendar.today();
		Instant asOf = this.calendar.startOf(day).minusMillis(1);
		Random random = new Random(this.seed);
		Map<String, UUID> ids = new HashMap<>();
		List<UUID> reps = new ArrayList<>();
		LocalDate hired = LocalDate.of(2021, 3, 1);
		UserDirectory.EncodedPassword password = this.users.encodePassword("demo");
		for (DemoPeople.Person person : DemoPeople.all()) {
			int agent = DemoPeople.SERVICE_AGENTS.indexOf(person.username());
			// the service agents joined later; drawing no random number for them keeps
			// the rest of the company as it was before they did
			LocalDate hiredOn = (agent >= 0) ? hired.plusDays(500 + 70L * agent) : hired.plusDays(random.nextInt(900));
			User user = this.users.create(
					new UserProfile(person.username(), person.fullName(), person.username() + "@bellwether-demo.com",
							person.title(), person.role(), person.manager() == null ? null : ids.get(person.manager()),
							person.team(), person.region(), hiredOn),
					password, adminId);
			ids.put(person.username(), user.id());
			if (person.role() == Role.REP) {
				reps.add(user.id());
			}
		}
		List<AccountDetails> accountDetails = new ArrayList<>();
		java.util.Set<String> names = new java.util.HashSet<>();
		while (accountDetails.size() < ACCOUNTS) {
			String name = DemoNames.PREFIXES[random.nextInt(DemoNames.PREFIXES.length)] + " "
					+ DemoNames.SUFFIXES[random.nextInt(DemoNames.SUFFIXES.length)];
			if (!names.add(name)) {
				continue;
			}
			String[] city = DemoNames.CITIES[random.nextInt(DemoNames.CITIES.length)];
			String domain = name.toLowerCase(Locale.ROOT).replace(" ", "") + ".example";
			int employees = 10 + (int) Math.round(Math.pow(10, 1 + random.nextDouble() * 3.5));
			accountDetails.add(new AccountDetails(name, "https://www." + domain,
					DemoNames.INDUSTRIES.get(random.nextInt(DemoNames.INDUSTRIES.size())),
					"+1 555 " + (1000 + random.nextInt(9000)),
					(1 + random.nextInt(999)) + " " + DemoNames.LAST_NAMES[random.nextInt(DemoNames.LAST_NAMES.length)]
							+ " Street",
					city[0], city[1], String.valueOf(10000 + random.nextInt(89999)), city[2], employees,
					BigDecimal.valueOf(employees * (80_000L + random.nextInt(220_000))), null,
					reps.get(random.nextInt(reps.size())), null));
		}
		List<UUID> accountIds = this.accounts.createAll(adminId, accountDetails);
		List<ContactDetails> contactDetails = new ArrayList<>();
		for (int a = 0; a < accountIds.size(); a++) {
			int count = 1 + random.nextInt(6);
			String domain = accountDetails.get(a).domain();
			for (int c = 0; c < count; c++) {
				String first = DemoNames.FIRST_NAMES[random.nextInt(DemoNames.FIRST_NAMES.length)];
				String last = DemoNames.LAST_NAMES[random.nextInt(DemoNames.LAST_NAMES.length)];
				contactDetails.add(new ContactDetails(first, last,
						DemoNames.CONTACT_TITLES[random.nextInt(DemoNames.CONTACT_TITLES.length)],
						(first + "." + last).toLowerCase(Locale.ROOT) + "@" + domain,
						"+1 555 " + (1000 + random.nextInt(9000)), "+1 555 " + (1000 + random.nextInt(9000)),
						accountIds.get(a), accountDetails.get(a).ownerId()));
			}
		}
		List<UUID> contactIds = this.contacts.createAll(adminId, contactDetails);
		List<SalesDataGenerator.Seller> sellers = new ArrayList<>();
		for (DemoPeople.Person person : DemoPeople.all()) {
			if (person.role() == Role.REP) {
				sellers.add(new SalesDataGenerator.Seller(ids.get(person.username()), ids.get(person.manager())));
			}
		}
		Map<UUID, SalesDataGenerator.Upkeep> upkeep = new HashMap<>();
		Map<String, LocalDate> stopped = DemoUsage.stoppedOn(day);
		for (DemoPeople.Person person : DemoPeople.all()) {
			LocalDate stoppedOn = stopped.get(person.username());
			upkeep.put(ids.get(person.username()), stoppedOn != null ? SalesDataGenerator.Upkeep.stopped(stoppedOn)
					: switch (DemoUsage.habitOf(person.username())) {
						case DAILY -> SalesDataGenerator.Upkeep.reviewsEvery(7);
						case REGULAR -> SalesDataGenerator.Upkeep.reviewsEvery(14);
						default -> SalesDataGenerator.Upkeep.reviewsEvery(24);
					});
		}
		UUID salesAdmin = ids.get("salesadmin");
		Viewer catalogueKeeper = new Viewer(salesAdmin, "salesadmin", "Nina Brandt", Role.SALES_ADMIN);
		List<SalesDataGenerator.CatalogueProduct> catalogue = new ArrayList<>();
		Map<String, UUID> productIds = new java.util.LinkedHashMap<>();
		for (DemoCatalogue.Item item : DemoCatalogue.all()) {
			Product product = this.products.create(catalogueKeeper, item.details());
			productIds.put(item.details().code(), product.id());
			catalogue.add(new SalesDataGenerator.CatalogueProduct(product.id(),
					product.listPrice().movePointRight(2).longValueExact(), item.perDeal()));
		}
		seedPipeline(asOf, random, accountDetails, accountIds, contactDetails, contactIds, sellers,
				Set.of(ids.get(DemoUsage.LATE_ENTRANT)), Set.of(ids.get(DemoUsage.OPTIMIST)), upkeep, catalogue);
		seedMarketing(asOf, adminId, ids, stopped, accountDetails, accountIds, contactDetails, contactIds);
		this.service.seed(asOf, admin(adminId), ids, accountDetails, accountIds, contactDetails, contactIds,
				productIds);
		seedUsage(day, asOf, adminId, ids);
		this.quotas.seed(ids);
		DemoPipelineSnapshots.reconstruct(this.jdbc, this.calendar.zone(), asOf);
		long submissionsStarted = System.nanoTime();
		Map<UUID, LocalDate> stoppedById = new HashMap<>();
		stopped.forEach((username, on) -> stoppedById.put(ids.get(username), on));
		int submitted = DemoSubmissions.reconstruct(this.jdbc, this.calendar,
				// the sales organisation's managers (not the service lead, whose agents
				// forecast
				// nothing)
				this.jdbc.queryForList(
						"select distinct manager_id from users where manager_id = any(?::uuid[]) and role <> 'SERVICE'",
						UUID.class, "{" + String.join(",", ids.values().stream().map(UUID::toString).toList()) + "}"),
				stoppedById, asOf);
		log.info("Demo forecast submissions: {} in {} ms", submitted,
				(System.nanoTime() - submissionsStarted) / 1_000_000);
		long reviewsFrom = System.nanoTime();
		int reviews = DemoPipelineReviews.seed(this.jdbc, this.calendar, ids, day);
		log.debug("Demo pipeline reviews: {} in {} ms", reviews, (System.nanoTime() - reviewsFrom) / 1_000_000);
		if (this.programmeEnabled) {
			// after the usage: the waves' gates are judged on it
			this.programme.seed(admin(adminId), ids, day);
		}
		afterSeeding(() -> tellTheStorySoFar(day));
	}

	/**
	 * The Monday jobs' alerts and digests for the story's last {@value #ALERT_WEEKS}
	 * weeks, as if they had run each Monday: on first start the notification bell already
	 * tells the story (the fading region's manager and pipeline, every manager's digest).
	 * Each week in a transaction of its own, after the seeding's has committed.
	 */
	private void tellTheStorySoFar(LocalDate day) {
		TransactionTemplate ownTransaction = new TransactionTemplate(this.transactions.getTransactionManager());
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		LocalDate lastWeekEnd = day.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
		for (int week = ALERT_WEEKS - 1; week >= 0; week--) {
			LocalDate weekEnd = lastWeekEnd.minusWeeks(week);
			AdoptionAlerts.WeekEvaluated evaluated = ownTransaction
				.execute(status -> this.alerts.evaluateWeek(weekEnd));
			log.debug("Demo alerts and digests: {}", evaluated);
		}
	}

	private static void afterSeeding(Runnable step) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			step.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				step.run();
			}
		});
	}

	/**
	 * Thirty weeks of usage up to the seeding day that tell the {@link DemoUsage} story,
	 * the integration account flagged, the chief executive the executive sponsor, and
	 * everyone provisioned when the company went live (before its first deal).
	 */
	private void seedUsage(LocalDate day, Instant asOf, UUID adminId, Map<String, UUID> ids) {
		Instant live = asOf.minus(Duration.ofDays(DemoUsage.LIVE_DAYS_AGO));
		Map<String, Role> roles = new HashMap<>();
		Map<UUID, List<UUID>> teams = new HashMap<>();
		Map<String, String> managers = new HashMap<>();
		DemoPeople.all().forEach(p -> managers.put(p.username(), p.manager()));
		for (DemoPeople.Person person : DemoPeople.all()) {
			roles.put(person.username(), person.role());
			UUID id = ids.get(person.username());
			teams.computeIfAbsent(id, k -> new ArrayList<>()).add(id);
			for (String above = person.manager(); above != null; above = managers.get(above)) {
				teams.computeIfAbsent(ids.get(above), k -> new ArrayList<>()).add(id);
			}
		}
		this.jdbc.update("update users set provisioned_at = ? where id = ? or email like '%@bellwether-demo.com'",
				OffsetDateTime.ofInstant(live, ZoneOffset.UTC), adminId);
		this.jdbc.update("update users set integration_account = true where id = ?", ids.get(DemoUsage.INTEGRATION));
		this.jdbc.update("insert into adoption_sponsors (user_id, created_at, created_by) values (?, ?, ?)",
				ids.get(DemoUsage.SPONSOR), OffsetDateTime.of(DemoUsage.firstDay(day).atTime(9, 0), ZoneOffset.UTC),
				adminId);
		Map<UUID, Map<String, List<UUID>>> records = new HashMap<>();
		Set<UUID> demoPeople = Set.copyOf(ids.values());
		this.jdbc.query("""
				select owner_id, 'opportunity', id from opportunities union all
				select owner_id, 'account', id from accounts union all
				select owner_id, 'contact', id from contacts union all
				select owner_id, 'activity', id from activities union all
				select owner_id, 'case', id from cases where owner_id is not null
				""", rs -> {
			UUID owner = rs.getObject(1, UUID.class);
			if (!demoPeople.contains(owner)) {
				// records of anyone else (on a database that is not empty) are not the
				// demo's
				return;
			}
			records.computeIfAbsent(owner, k -> new HashMap<>())
				.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
				.add(rs.getObject(3, UUID.class));
		});
		UsageDataGenerator generator = new UsageDataGenerator(this.seed, DemoUsage.firstDay(day), asOf)
			.records(DemoUsage.records(records, teams));
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			UsageDataGenerator.Counts written = generator.generate(connection, DemoUsage.people(ids, roles, day, live));
			log.debug("Demo usage: {}", written);
			// the sign-ins the usage tells of are the people's last sign-ins too: the
			// user
			// list and the adoption figures tell one story
			this.jdbc
				.update("""
						update users u set last_login_at = l.at
						from (select user_id, max(occurred_at) as at from usage_events where kind = 'LOGIN' group by user_id) l
						where l.user_id = u.id and (u.last_login_at is null or u.last_login_at < l.at)
						""");
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * Deals over the past 18 months and the next 6 with their stage history, and their
	 * activities, from the generator the benchmark uses. The accounts are dated back to
	 * before their first deal, and accounts and contacts are touched as the activities
	 * logged on them say.
	 */
	private void seedPipeline(Instant now, Random random, List<AccountDetails> accountDetails, List<UUID> accountIds,
			List<ContactDetails> contactDetails, List<UUID> contactIds, List<SalesDataGenerator.Seller> sellers,
			Set<UUID> lateEntrants, Set<UUID> optimists, Map<UUID, SalesDataGenerator.Upkeep> upkeep,
			List<SalesDataGenerator.CatalogueProduct> catalogue) {
		Map<UUID, List<UUID>> contactsByAccount = new HashMap<>();
		for (int c = 0; c < contactIds.size(); c++) {
			contactsByAccount.computeIfAbsent(contactDetails.get(c).accountId(), a -> new ArrayList<>())
				.add(contactIds.get(c));
		}
		List<SalesDataGenerator.Customer> customers = new ArrayList<>();
		for (int a = 0; a < accountIds.size(); a++) {
			long created = now.minus(Duration.ofDays(SalesDataGenerator.HISTORY_DAYS + 20 + random.nextInt(400)))
				.toEpochMilli();
			customers.add(new SalesDataGenerator.Customer(accountIds.get(a), accountDetails.get(a).name(),
					accountDetails.get(a).ownerId(), contactsByAccount.getOrDefault(accountIds.get(a), List.of()),
					created));
		}
		SalesDataGenerator generator = new SalesDataGenerator(this.seed, now, DEALS_PER_ACCOUNT, ACTIVITIES_PER_DEAL)
			.lateEntrants(lateEntrants)
			.optimists(optimists)
			.upkeep(upkeep)
			.lineItems(catalogue, DemoCatalogue.DEALS_WITH_LINE_ITEMS_PERCENT);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		SalesDataGenerator.DealsWritten written;
		try {
			written = generator.generateDeals(connection, customers, sellers);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		List<Object[]> accountRows = new ArrayList<>();
		List<Object[]> contactRows = new ArrayList<>();
		for (SalesDataGenerator.Customer customer : customers) {
			accountRows.add(freshness(customer.accountId(), customer.createdAt(), customer.ownerId(), written));
			for (UUID contactId : customer.contactIds()) {
				contactRows.add(freshness(contactId, customer.createdAt() + Duration.ofDays(2).toMillis(),
						customer.ownerId(), written));
			}
		}
		String update = " set created_at = ?, updated_at = ?, last_touched_at = ?, last_touched_by = ? where id = ?";
		this.jdbc.batchUpdate("update accounts" + update, accountRows);
		this.jdbc.batchUpdate("update contacts" + update, contactRows);
		log.debug("Demo pipeline: {}", written.counts());
	}

	/**
	 * Two years of campaigns with their costs, about 5,000 leads and a few hundred of
	 * them converted into the deals just written ({@link MarketingDataGenerator}); the
	 * deals a lead was converted into take its source. Paid search is added to the lead
	 * sources, as an administrator would.
	 */
	private void seedMarketing(Instant asOf, UUID adminId, Map<String, UUID> ids, Map<String, LocalDate> stopped,
			List<AccountDetails> accountDetails, List<UUID> accountIds, List<ContactDetails> contactDetails,
			List<UUID> contactIds) {
		long started = System.nanoTime();
		if (this.pickLists.find(Leads.SOURCES, MarketingDataGenerator.PAID_SEARCH_SOURCE).isEmpty()) {
			this.pickLists.add(adminId, Leads.SOURCES, MarketingDataGenerator.PAID_SEARCH_SOURCE);
		}
		List<MarketingDataGenerator.Rep> reps = new ArrayList<>();
		for (DemoPeople.Person person : DemoPeople.all()) {
			if (person.role() == Role.REP) {
				reps.add(new MarketingDataGenerator.Rep(ids.get(person.username()), person.region(),
						stopped.get(person.username())));
			}
		}
		Map<UUID, List<MarketingDataGenerator.Person>> people = new HashMap<>();
		for (int c = 0; c < contactIds.size(); c++) {
			ContactDetails contact = contactDetails.get(c);
			people.computeIfAbsent(contact.accountId(), k -> new ArrayList<>())
				.add(new MarketingDataGenerator.Person(contactIds.get(c), contact.firstName(), contact.lastName(),
						contact.title(), contact.email(), contact.phone()));
		}
		List<MarketingDataGenerator.Company> companies = new ArrayList<>();
		for (int a = 0; a < accountIds.size(); a++) {
			companies.add(new MarketingDataGenerator.Company(accountIds.get(a), accountDetails.get(a).name(),
					accountDetails.get(a).country(), people.getOrDefault(accountIds.get(a), List.of())));
		}
		List<MarketingDataGenerator.Deal> deals = this.jdbc.query("""
				select o.id, o.account_id, o.primary_contact_id, o.owner_id, o.created_at, o.closed_at, o.close_date,
				       s.outcome, o.amount
				from opportunities o join pipeline_stages s on s.id = o.stage_id
				where o.account_id = any(?::uuid[]) and o.deleted_at is null
				order by o.created_at, o.id
				""",
				(rs, row) -> new MarketingDataGenerator.Deal(rs.getObject("id", UUID.class),
						rs.getObject("account_id", UUID.class), rs.getObject("primary_contact_id", UUID.class),
						rs.getObject("owner_id", UUID.class), rs.getTimestamp("created_at").getTime(),
						rs.getTimestamp("closed_at") == null ? Long.MIN_VALUE : rs.getTimestamp("closed_at").getTime(),
						rs.getObject("close_date", LocalDate.class), "WON".equals(rs.getString("outcome")),
						rs.getBigDecimal("amount") == null ? 0
								: rs.getBigDecimal("amount").movePointRight(2).longValueExact()),
				"{" + String.join(",", accountIds.stream().map(UUID::toString).toList()) + "}");
		MarketingDataGenerator generator = new MarketingDataGenerator(this.seed, asOf.toEpochMilli(),
				ids.get("marketing"))
			.generate(reps, companies, deals);
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		MarketingDataGenerator.Written written;
		try {
			written = generator.write(connection);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		List<Object[]> sources = new ArrayList<>();
		written.dealSources().forEach((deal, source) -> sources.add(new Object[] { source, deal }));
		this.jdbc.batchUpdate("update opportunities set lead_source = ? where id = ?", sources);
		log.info("Demo marketing: {} in {} ms", written.counts(), (System.nanoTime() - started) / 1_000_000);
	}

	private static Object[] freshness(UUID id, long createdAt, UUID ownerId, SalesDataGenerator.DealsWritten written) {
		SalesDataGenerator.Touch touch = written.touches()
			.getOrDefault(id, new SalesDataGenerator.Touch(createdAt, ownerId));
		OffsetDateTime created = OffsetDateTime.ofInstant(Instant.ofEpochMilli(createdAt), ZoneOffset.UTC);
		return new Object[] { created, created,
				OffsetDateTime.ofInstant(Instant.ofEpochMilli(Math.max(createdAt, touch.at())), ZoneOffset.UTC),
				touch.by(), id };
	}

}
