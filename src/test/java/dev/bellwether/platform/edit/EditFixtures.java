package dev.bellwether.platform.edit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.User;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;

/**
 * Accounts and deals made through their modules' services, for the tests of inline edit
 * and bulk changes. Not a component: module tests that take in {@code platform} would
 * pick it up without the modules it needs.
 */
class EditFixtures {

	/** "Prospecting", one of the default stages every database has. */
	static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	private final Accounts accounts;

	private final Opportunities opportunities;

	private final Clock clock;

	EditFixtures(Accounts accounts, Opportunities opportunities, Clock clock) {
		this.accounts = accounts;
		this.opportunities = opportunities;
		this.clock = clock;
	}

	UUID account(User owner, String name) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null,
							owner.id(), null))
			.id();
	}

	Opportunity deal(User owner, UUID accountId, String name) {
		return this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails(name, accountId, null, owner.id(), FIRST_STAGE, new BigDecimal("1000.00"), false,
						LocalDate.now(this.clock).plusMonths(2), null, null, null, null, null, null));
	}

}
