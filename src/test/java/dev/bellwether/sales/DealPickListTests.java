package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A deal's lead source and loss reason come from pick lists administrators edit.
 */
@IntegrationTest
class DealPickListTests {

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	PickLists pickLists;

	@Autowired
	TestUsers users;

	@Autowired
	Clock clock;

	private Viewer rep;

	private UUID admin;

	private Account account;

	private String tag;

	@BeforeEach
	void setUp() {
		User user = this.users.create(Role.REP);
		this.rep = TestUsers.viewer(user);
		this.admin = this.users.create(Role.SALES_ADMIN).id();
		this.tag = UUID.randomUUID().toString().substring(0, 8);
		this.account = this.accounts.create(this.rep, new AccountDetails("Deal Lists Co " + this.tag, null, null, null,
				null, null, null, null, null, null, null, null, user.id(), null));
	}

	private OpportunityDetails deal(String leadSource) {
		return new OpportunityDetails("Lists deal " + this.tag, this.account.id(), null, this.rep.id(),
				SalesModuleTests.PROPOSAL, new BigDecimal("1000.00"), false, LocalDate.now(this.clock).plusDays(30),
				null, null, null, leadSource, null, null);
	}

	@Test
	void theLeadSourceIsMatchedCaseInsensitivelyAndAnUnknownOneIsRefused() {
		assertThat(this.opportunities.create(this.rep, deal(" trade show ")).leadSource()).isEqualTo("Trade Show");
		assertThatThrownBy(() -> this.opportunities.create(this.rep, deal("Carrier pigeon"))).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors().get("leadSource")).contains("Referral"));
	}

	@Test
	void losingADealTakesAReasonFromTheList() {
		Opportunity deal = this.opportunities.create(this.rep, deal(null));

		assertThatThrownBy(() -> this.opportunities.changeStage(this.rep, deal.id(), SalesModuleTests.LOST,
				deal.version(), "The moon was in the wrong phase"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors().get("lossReason")).contains("No budget this year"));
		Opportunity lost = this.opportunities.changeStage(this.rep, deal.id(), SalesModuleTests.LOST, deal.version(),
				"missing features they need");
		assertThat(lost.lossReason()).isEqualTo("Missing features they need");
	}

	@Test
	void dealsFollowARenamedLossReason() {
		PickListValue reason = this.pickLists.add(this.admin, "loss-reason", "Merger " + this.tag);
		Opportunity deal = this.opportunities.create(this.rep, deal(null));
		Opportunity lost = this.opportunities.changeStage(this.rep, deal.id(), SalesModuleTests.LOST, deal.version(),
				reason.label());

		this.pickLists.rename(this.admin, "loss-reason", reason.key(), "Company merged " + this.tag);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.opportunities.get(this.rep, lost.id()).lossReason())
				.isEqualTo("Company merged " + this.tag));
		// a new version, changed by the administrator: a stale save is a conflict
		Opportunity renamed = this.opportunities.get(this.rep, lost.id());
		assertThat(renamed.version()).isEqualTo(lost.version() + 1);
		assertThat(renamed.updatedBy()).isEqualTo(this.admin);
	}

}
