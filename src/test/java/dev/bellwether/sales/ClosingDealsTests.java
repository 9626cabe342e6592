package dev.bellwether.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deal is closed in the period of its close date, everywhere ("won this quarter" on the
 * home pages and the board, late entry in adoption): closing a deal without entering a
 * close date sets it to the closing day; a close date entered with the closing stands.
 */
@IntegrationTest
class ClosingDealsTests {

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	Opportunities opportunities;

	@Autowired
	PipelineHygiene hygiene;

	@Autowired
	Accounts accounts;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	TestUsers users;

	@Test
	void closingWithoutACloseDateClosesTheDealTodayAndAnEnteredOneStands() {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		LocalDate today = this.calendar.today();
		Opportunity early = deal(viewer, "Won early", today.plusDays(45));
		Opportunity lost = deal(viewer, "Lost early", today.plusDays(45));
		Opportunity backdated = deal(viewer, "Won last month", today.plusDays(45));

		Opportunity won = this.opportunities.changeStage(viewer, early.id(), WON, early.version(), null);
		Opportunity gone = this.opportunities.changeStage(viewer, lost.id(), LOST, lost.version(),
				"No budget this year");
		Opportunity entered = this.opportunities.update(viewer, backdated.id(), backdated.version(),
				new OpportunityDetails(backdated.name(), backdated.accountId(), null, rep.id(), WON, backdated.amount(),
						false, today.minusDays(40), null, null, null, null, null, null));

		assertThat(won.closeDate()).isEqualTo(today);
		assertThat(gone.closeDate()).isEqualTo(today);
		assertThat(entered.closeDate()).isEqualTo(today.minusDays(40));
		// a later edit of a closed deal keeps its close date as it is
		Opportunity edited = this.opportunities.update(viewer, entered.id(), entered.version(),
				entered.details().withCloseDate(today.minusDays(41)));
		assertThat(edited.closeDate()).isEqualTo(today.minusDays(41));
	}

	@Test
	void lateEntryCountsADealInThePeriodOfItsCloseDateNotOfTheMomentItWasClosed() {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		LocalDate today = this.calendar.today();
		Opportunity recorded = deal(viewer, "Recorded after it closed", today.plusDays(45));
		this.opportunities.update(viewer, recorded.id(), recorded.version(),
				new OpportunityDetails(recorded.name(), recorded.accountId(), null, rep.id(), WON, recorded.amount(),
						false, today.minusDays(100), null, null, null, null, null, null));
		Opportunity closedNow = deal(viewer, "Closed today", today.plusDays(45));
		this.opportunities.changeStage(viewer, closedNow.id(), WON, closedNow.version(), null);

		List<PipelineHygiene.OwnerLateEntry> then = this.hygiene.lateEntry(List.of(rep.id()), today.minusDays(100),
				today.minusDays(100));
		List<PipelineHygiene.OwnerLateEntry> now = this.hygiene.lateEntry(List.of(rep.id()), today, today);

		assertThat(then).singleElement().satisfies(row -> assertThat(row.closedDeals()).isEqualTo(1));
		assertThat(now).singleElement().satisfies(row -> {
			assertThat(row.closedDeals()).isEqualTo(1);
			assertThat(row.closedAmount()).isEqualByComparingTo("1000");
		});
	}

	private Opportunity deal(Viewer viewer, String name, LocalDate closeDate) {
		Account account = this.accounts.create(viewer, new AccountDetails("Closing Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, viewer.id(), null));
		return this.opportunities.create(viewer,
				new OpportunityDetails(name + " " + UUID.randomUUID().toString().substring(0, 6), account.id(), null,
						viewer.id(), PROPOSAL, new BigDecimal("1000"), false, closeDate, null, null, null, null, null,
						null));
	}

}
