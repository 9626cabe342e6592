package dev.bellwether.platform.edit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.edit.BulkOperation.Outcome;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.StageChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk change of the amount is set-based (one statement for the deals, one for their
 * stage history), and must leave each deal as changing its amount on its own page does
 * ({@link Opportunities#update}): the reference here is a twin deal changed that way.
 */
@IntegrationTest
@RecordApplicationEvents
class BulkAmountChangeTests {

	@Autowired
	BulkChanges bulk;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEvents events;

	private EditFixtures fixtures;

	private User manager;

	private User rep;

	private UUID account;

	@BeforeEach
	void aTeam() {
		this.fixtures = new EditFixtures(this.accounts, this.opportunities, this.clock);
		this.manager = this.users.create(Role.MANAGER);
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.account = this.fixtures.account(this.rep, "Amount Co " + UUID.randomUUID());
	}

	private BulkOperation change(List<Opportunity> deals, String amount) {
		return this.bulk.start(this.manager.id(),
				BulkRequest.change("opportunities", deals.stream().map(Opportunity::id).toList(), "amount", amount));
	}

	private Opportunity reload(UUID id) {
		return this.opportunities.get(TestUsers.viewer(this.manager), id);
	}

	@Test
	void anAmountChangedInBulkIsWhatItIsChangedOnItsOwnPageAndUndoRestoresIt() {
		Opportunity twin = this.fixtures.deal(this.rep, this.account, "Changed alone");
		List<Opportunity> deals = List.of(this.fixtures.deal(this.rep, this.account, "Changed in bulk 1"),
				this.fixtures.deal(this.rep, this.account, "Changed in bulk 2"));
		OpportunityDetails before = twin.details();
		this.opportunities.update(TestUsers.viewer(this.manager), twin.id(), twin.version(),
				new OpportunityDetails(before.name(), before.accountId(), before.primaryContactId(), before.ownerId(),
						before.stageId(), new BigDecimal("4321.50"), false, before.closeDate(), before.probability(),
						before.forecastCategory(), before.nextStep(), before.leadSource(), before.lossReason(),
						before.description()));
		List<RecordChanged> aloneChanges = this.events.stream(RecordChanged.class)
			.filter(change -> change.recordId().equals(twin.id()) && change.kind() == ChangeKind.UPDATED)
			.toList();

		BulkOperation operation = change(deals, "4321.50");

		assertThat(operation.applied()).isEqualTo(2);
		StageChange aloneHistory = this.opportunities.history(TestUsers.viewer(this.rep), twin.id()).get(0);
		assertThat(aloneHistory.amountChanged()).isTrue();
		for (Opportunity deal : deals) {
			Opportunity changed = reload(deal.id());
			assertThat(changed.amount()).isEqualByComparingTo("4321.50");
			assertThat(changed.version()).isEqualTo(deal.version() + 1);
			StageChange bulkHistory = this.opportunities.history(TestUsers.viewer(this.rep), deal.id()).get(0);
			assertThat(bulkHistory).usingRecursiveComparison()
				.ignoringFields("id", "opportunityId", "changedAt")
				.isEqualTo(aloneHistory);
		}
		assertThat(aloneChanges).singleElement();
		assertThat(this.events.stream(RecordsChanged.class)).singleElement()
			.satisfies(published -> assertThat(published.changes()).hasSize(2)
				.allSatisfy(change -> assertThat(change.changes())
					.containsExactlyInAnyOrderElementsOf(aloneChanges.get(0).changes())));

		BulkOperation undone = this.bulk.undo(this.manager.id(), operation.id());

		assertThat(undone.undone()).isEqualTo(2);
		for (Opportunity deal : deals) {
			assertThat(reload(deal.id()).amount()).isEqualByComparingTo(deal.amount());
			assertThat(this.opportunities.history(TestUsers.viewer(this.rep), deal.id())).hasSize(3);
		}
	}

	@Test
	void aDealWhoseAmountIsItsLineItemsSumIsRefusedAndTheSameAmountIsUnchanged() {
		Opportunity fromLines = this.opportunities.create(TestUsers.viewer(this.rep),
				new OpportunityDetails("From its lines", this.account, null, this.rep.id(), EditFixtures.FIRST_STAGE,
						null, true, LocalDate.now(this.clock).plusMonths(2), null, null, null, null, null, null));
		Opportunity same = this.fixtures.deal(this.rep, this.account, "Already at 1,000");

		BulkOperation operation = change(List.of(fromLines, same), "1000");

		assertThat(operation.applied()).isZero();
		assertThat(operation.problems()).anySatisfy(item -> {
			assertThat(item.recordId()).isEqualTo(fromLines.id());
			assertThat(item.outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(item.reason()).isEqualTo(
					"Not changed: the amount of From its lines is the sum of its line items; change them on the deal.");
		});
		assertThat(reload(same.id()).version()).isEqualTo(same.version());
		assertThat(reload(fromLines.id()).amount()).isEqualByComparingTo("0");
	}

	@Test
	void aNegativeOrOverPreciseAmountIsRefusedWithTheReasonAndNoDealChanges() {
		Opportunity deal = this.fixtures.deal(this.rep, this.account, "Kept");

		assertThat(change(List.of(deal), "-5").problems()).singleElement()
			.satisfies(item -> assertThat(item.reason()).isEqualTo("The amount can't be negative."));
		assertThat(change(List.of(deal), "12.345").problems()).singleElement()
			.satisfies(item -> assertThat(item.reason())
				.isEqualTo("The amount can have at most 17 digits and 2 decimals."));
		assertThat(reload(deal.id()).version()).isEqualTo(deal.version());
	}

}
