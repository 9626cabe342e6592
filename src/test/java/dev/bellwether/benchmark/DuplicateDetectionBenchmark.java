package dev.bellwether.benchmark;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.CustomerDuplicates;
import dev.bellwether.dataquality.DetectionRun;
import dev.bellwether.dataquality.Duplicates;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duplicate detection at scale: {@code bench.contacts} contacts (default a million)
 * on a fifth as many accounts (1% sharing a name, 1% a misspelt name, 0.5% a domain with
 * another), about 2% of the contacts sharing an e-mail address, 1% a phone number and 1%
 * a name at their account with another; then the contact detection, the account detection
 * and a whole run (with storing the pairs) are timed. Not part of the suite (the class
 * name matches no test pattern); run it on its own:
 * {@code ./mvnw -o test -Dtest=DuplicateDetectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
class DuplicateDetectionBenchmark {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	CustomerDuplicates customers;

	@Autowired
	Duplicates duplicates;

	@Test
	void detectsDuplicatesAmongAMillionContacts() {
		int contacts = Integer.getInteger("bench.contacts", 1_000_000);
		int accounts = Math.max(1, contacts / 5);
		User owner = this.users.create(Role.REP);
		long load = System.nanoTime();
		this.jdbc
			.sql("""
					insert into accounts (id, name, website, domain, owner_id, created_at, updated_at, last_touched_at, version)
					select uuidv7(),
					 case when i % 100 = 0 then 'Company ' || md5((i - 1)::text) || ' Inc'
					   when i % 100 = 50 then 'Company ' || left(md5((i - 1)::text), 30) else 'Company ' || md5(i::text) end,
					  null, case when i % 200 = 0 then 'shared' || (i / 400) || '.example' else md5(i::text) || '.example' end,
					  :owner, :now, :now, :now, 0
					from generate_series(1, :accounts) i
					""")
			.param("owner", owner.id())
			.param("now", utc(this.clock.instant()))
			.param("accounts", accounts)
			.update();
		this.jdbc.sql("""
				insert into contacts (id, first_name, last_name, email, phone, account_id, owner_id, created_at,
				  updated_at, last_touched_at, version)
				select uuidv7(), 'First' || (n.same_name % 5000), 'Last' || n.same_name,
				  'person' || case when i % 50 = 1 then i - 1 else i end || '@example.com',
				  '+1 (555) ' || lpad((case when i % 100 = 2 then i - 1 else i end)::text, 8, '0'),
				  a.ids[((n.same_name - 1) / 5) % cardinality(a.ids) + 1], :owner, :now, :now, :now, 0
				from generate_series(1, :contacts) i
				  cross join lateral (select case when i % 100 = 3 then i - 1 else i end as same_name) n,
				  (select array_agg(id) as ids from accounts where owner_id = :owner) a
				""")
			.param("owner", owner.id())
			.param("now", utc(this.clock.instant()))
			.param("contacts", contacts)
			.param("accounts", accounts)
			.update();
		this.jdbc.sql("analyze accounts").update();
		this.jdbc.sql("analyze contacts").update();
		long loaded = System.nanoTime();

		System.out.printf("DUPLICATE DETECTION loaded %,d contacts in %,d ms%n", contacts, (loaded - load) / 1_000_000);
		int contactPairs = this.customers.contactCandidates(50).size();
		long contactsDone = System.nanoTime();
		System.out.printf("DUPLICATE DETECTION contacts: %,d pairs in %,d ms%n", contactPairs,
				(contactsDone - loaded) / 1_000_000);
		int accountPairs = this.customers.accountCandidates(0.6, 50).size();
		long accountsDone = System.nanoTime();
		DetectionRun run = this.duplicates.detect();
		long runDone = System.nanoTime();

		System.out.printf("""
				DUPLICATE DETECTION at %,d contacts and %,d accounts (load %,d ms)
				  contact candidates: %,d pairs in %,d ms
				  account candidates: %,d pairs in %,d ms
				  whole run with storing: %,d + %,d pairs in %,d ms
				""", contacts, accounts, (loaded - load) / 1_000_000, contactPairs, (contactsDone - loaded) / 1_000_000,
				accountPairs, (accountsDone - contactsDone) / 1_000_000, run.accountPairs(), run.contactPairs(),
				(runDone - accountsDone) / 1_000_000);
		assertThat(contactPairs).isGreaterThan(contacts / 100);
	}

}
