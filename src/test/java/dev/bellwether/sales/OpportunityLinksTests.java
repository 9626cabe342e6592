package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the records that hang off a deal (activities) learn of it through the sales
 * module's public API instead of its table: a deal's link whoever asks, and the deals a
 * viewer may link to.
 */
@IntegrationTest
class OpportunityLinksTests {

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Clock clock;

	@Test
	void linksADealWithItsAccountAndOwnerUntilItIsDeleted() {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep);
		Opportunity deal = deal(rep, account, "Linked deal " + UUID.randomUUID());

		assertThat(this.opportunities.findLink(deal.id()))
			.contains(new OpportunityLink(deal.id(), deal.name(), account, rep.id()));

		this.opportunities.delete(TestUsers.viewer(rep), deal.id());

		assertThat(this.opportunities.findLink(deal.id())).isEmpty();
		assertThat(this.opportunities.findLink(UUID.randomUUID())).isEmpty();
	}

	@Test
	void offersOnlyTheDealsTheViewerMaySeeByNameAndAccount() {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User peer = this.users.create(Role.REP);
		UUID account = account(rep);
		String word = "Zephyrlink" + UUID.randomUUID().toString().substring(0, 8);
		Opportunity mine = deal(rep, account, word + " renewal");
		Opportunity elsewhere = deal(rep, account(rep), word + " expansion");
		Opportunity peers = deal(peer, account(peer), word + " pilot");

		assertThat(names(this.opportunities.findLinks(TestUsers.viewer(rep), word.toLowerCase(), null, 10)))
			.containsExactlyInAnyOrder(mine.name(), elsewhere.name());
		assertThat(names(this.opportunities.findLinks(TestUsers.viewer(manager), word, account, 10)))
			.containsExactly(mine.name());
		assertThat(names(this.opportunities.findLinks(TestUsers.viewer(peer), word, null, 10)))
			.containsExactly(peers.name());
		assertThat(this.opportunities.findLinks(TestUsers.viewer(rep), word, null, 1)).hasSize(1);
	}

	private static List<String> names(List<OpportunityLink> links) {
		return links.stream().map(OpportunityLink::name).toList();
	}

	private UUID account(User owner) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails("Links Co " + UUID.randomUUID(), null, null, null, null, null, null, null, null,
							null, null, null, owner.id(), null))
			.id();
	}

	private Opportunity deal(User owner, UUID account, String name) {
		return this.opportunities.create(TestUsers.viewer(owner),
				new OpportunityDetails(name, account, null, owner.id(), SalesModuleTests.PROPOSAL,
						new BigDecimal("1000"), false, LocalDate.now(this.clock).plusDays(30), null, null, null, null,
						null, null));
	}

}
