package dev.bellwether.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.AccountFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.customers.Industry;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo company on first start: its people in a four-level hierarchy, 300
 * accounts and about 1,000 contacts, the same every time for the same seed.
 */
@Component
@Order(10)
class DemoCompany implements ApplicationRunner {

	static final int ACCOUNTS = 300;

	private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

	private static final String[] PREFIXES = { "Acme", "Apex", "Blue", "Bright", "Cedar", "Crest", "Delta", "Eagle",
			"Evergreen", "First", "Global", "Granite", "Harbor", "Horizon", "Iron", "Keystone", "Lakeside", "Liberty",
			"Maple", "Meridian", "Northern", "Nova", "Oak", "Pacific", "Peak", "Pioneer", "Prime", "Quantum", "River",
			"Sierra", "Silver", "Summit", "Sun", "Titan", "Union", "Vertex", "Vista", "West", "Zenith", "Atlas" };

	private static final String[] SUFFIXES = { "Systems", "Industries", "Logistics", "Foods", "Health", "Energy",
			"Capital", "Labs", "Motors", "Media", "Retail", "Solutions", "Networks", "Pharma", "Construction",
			"Analytics", "Airlines", "Insurance", "Partners", "Manufacturing" };

	private static final String[][] CITIES = { { "Boston", "MA", "US" }, { "Chicago", "IL", "US" },
			{ "Austin", "TX", "US" }, { "Denver", "CO", "US" }, { "Seattle", "WA", "US" }, { "Atlanta", "GA", "US" },
			{ "Toronto", "ON", "CA" }, { "London", null, "GB" }, { "Manchester", null, "GB" }, { "Berlin", null, "DE" },
			{ "Munich", null, "DE" }, { "Paris", null, "FR" }, { "Amsterdam", null, "NL" }, { "Stockholm", null, "SE" },
			{ "Madrid", null, "ES" }, { "Sydney", "NSW", "AU" } };

	private static final String[] FIRST_NAMES = { "Alex", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie",
			"Avery", "Peyton", "Quinn", "Sam", "Charlie", "Robin", "Dana", "Kim", "Lee", "Pat", "Chris", "Drew",
			"Jesse", "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Iris", "Jonas", "Karin",
			"Lars", "Maria", "Nils", "Olga", "Paul", "Rosa", "Stefan", "Tina", "Uwe" };

	private static final String[] LAST_NAMES = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
			"Garcia", "Wilson", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Lopez",
			"Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Nelson", "Hill",
			"Campbell", "Schmidt", "Schneider", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Dubois", "Laurent",
			"Svensson" };

	private static final String[] CONTACT_TITLES = { "CEO", "CFO", "CTO", "VP Operations", "Head of Procurement",
			"IT Director", "Purchasing Manager", "Operations Manager", "Finance Director", "Project Manager",
			"Office Manager", "Head of Sales" };

	private final UserDirectory users;

	private final Accounts accounts;

	private final Contacts contacts;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	private final long seed;

	DemoCompany(UserDirectory users, Accounts accounts, Contacts contacts, TransactionTemplate transactions,
			@Value("${bellwether.demo.enabled:true}") boolean enabled,
			@Value("${bellwether.demo.seed:20260101}") long seed) {
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.transactions = transactions;
		this.enabled = enabled;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled || this.users.findByUsername("ceo").isPresent()) {
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

	void seed(UUID adminId) {
		Random random = new Random(this.seed);
		Map<String, UUID> ids = new HashMap<>();
		List<UUID> reps = new ArrayList<>();
		LocalDate hired = LocalDate.of(2021, 3, 1);
		UserDirectory.EncodedPassword password = this.users.encodePassword("demo");
		for (DemoPeople.Person person : DemoPeople.all()) {
			User user = this.users.create(
					new UserProfile(person.username(), person.fullName(), person.username() + "@bellwether-demo.com",
							person.title(), person.role(), person.manager() == null ? null : ids.get(person.manager()),
							person.team(), person.region(), hired.plusDays(random.nextInt(900))),
					"demo", adminId);
			ids.put(person.username(), user.id());
			if (person.role() == Role.REP) {
				reps.add(user.id());
			}
		}
		List<AccountDetails> accountDetails = new ArrayList<>();
		java.util.Set<String> names = new java.util.HashSet<>();
		while (accountDetails.size() < ACCOUNTS) {
			String name = PREFIXES[random.nextInt(PREFIXES.length)] + " " + SUFFIXES[random.nextInt(SUFFIXES.length)];
			if (!names.add(name)) {
				continue;
			}
			String[] city = CITIES[random.nextInt(CITIES.length)];
			String domain = name.toLowerCase(Locale.ROOT).replace(" ", "") + ".example";
			int employees = 10 + (int) Math.round(Math.pow(10, 1 + random.nextDouble() * 3.5));
			accountDetails.add(new AccountDetails(name, "https://www." + domain,
					Industry.ALL.get(random.nextInt(Industry.ALL.size() - 1)),
					"+1 555 " + (1000 + random.nextInt(9000)),
					(1 + random.nextInt(999)) + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)] + " Street",
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
				String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
				String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
				contactDetails
					.add(new ContactDetails(first, last, CONTACT_TITLES[random.nextInt(CONTACT_TITLES.length)],
							(first + "." + last).toLowerCase(Locale.ROOT) + "@" + domain,
							"+1 555 " + (1000 + random.nextInt(9000)), "+1 555 " + (1000 + random.nextInt(9000)),
							accountIds.get(a), accountDetails.get(a).ownerId()));
			}
		}
		this.contacts.createAll(adminId, contactDetails);
	}

}
