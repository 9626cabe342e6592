package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only people's touches keep deals and accounts fresh: an integration account (a system
 * syncing records) that updates a deal or an account, or logs work on a deal, leaves
 * their last touch where it was; a person's update moves it.
 */
@IntegrationTest
class IntegrationTouchesTests {

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDirectory directory;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	TestUsers users;

	@Test
	void anIntegrationAccountsUpdateLeavesTheLastTouchAndAPersonsMovesIt() {
		User admin = this.users.create(Role.ADMIN);
		User rep = this.users.create(Role.REP);
		User sync = integrationAccount(admin);
		Viewer person = TestUsers.viewer(rep);
		Account account = this.accounts.create(person, new AccountDetails("Synced Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, rep.id(), null));
		Opportunity deal = this.opportunities.create(person,
				new OpportunityDetails("Synced deal " + UUID.randomUUID().toString().substring(0, 6), account.id(),
						null, rep.id(), PROPOSAL, new BigDecimal("1000"), false, this.calendar.today().plusDays(30),
						null, null, null, null, null, null));

		Opportunity synced = this.opportunities.update(TestUsers.viewer(sync), deal.id(), deal.version(),
				deal.details().withCloseDate(this.calendar.today().plusDays(31)));
		this.opportunities.touch(deal.id(), sync.id(), synced.updatedAt().plusSeconds(60));
		Account syncedAccount = this.accounts.update(TestUsers.viewer(sync), account.id(), account.version(),
				withDescription(account, "Synced"));

		Opportunity afterSync = this.opportunities.load(deal.id()).orElseThrow();
		assertThat(afterSync.updatedBy()).isEqualTo(sync.id());
		assertThat(afterSync.lastTouchedAt()).isEqualTo(deal.lastTouchedAt());
		assertThat(afterSync.lastTouchedBy()).isEqualTo(deal.lastTouchedBy());
		assertThat(syncedAccount.updatedBy()).isEqualTo(sync.id());
		assertThat(syncedAccount.lastTouchedAt()).isEqualTo(account.lastTouchedAt());

		Opportunity touched = this.opportunities.update(person, deal.id(), afterSync.version(),
				afterSync.details().withCloseDate(this.calendar.today().plusDays(32)));
		Account touchedAccount = this.accounts.update(person, account.id(), syncedAccount.version(),
				withDescription(syncedAccount, "Checked"));
		assertThat(touched.lastTouchedAt()).isAfter(deal.lastTouchedAt()).isEqualTo(touched.updatedAt());
		assertThat(touched.lastTouchedBy()).isEqualTo(rep.id());
		assertThat(touchedAccount.lastTouchedAt()).isAfter(account.lastTouchedAt());
		assertThat(touchedAccount.lastTouchedBy()).isEqualTo(rep.id());
		// work a person logs on the deal later is a touch too
		Instant later = touched.lastTouchedAt().plusSeconds(60);
		this.opportunities.touch(deal.id(), rep.id(), later);
		assertThat(this.opportunities.load(deal.id()).orElseThrow().lastTouchedAt()).isEqualTo(later);
	}

	private static AccountDetails withDescription(Account account, String description) {
		AccountDetails d = account.details();
		return new AccountDetails(d.name(), d.website(), d.industry(), d.phone(), d.billingStreet(), d.billingCity(),
				d.billingState(), d.billingPostalCode(), d.country(), d.employees(), d.annualRevenue(), d.parentId(),
				d.ownerId(), description);
	}

	private User integrationAccount(User admin) {
		User user = this.users.create(Role.ADMIN);
		return this.directory.update(user.id(), user.version(), new UserProfile(user.username(), user.fullName(),
				user.email(), user.title(), user.role(), null, user.team(), user.region(), user.hiredOn(), true),
				admin.id());
	}

}
