package dev.bellwether.platform.edit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomField.Requirement;
import dev.bellwether.platform.customfield.CustomFieldDefinition;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.platform.edit.BulkOperation.Outcome;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityStageChanged;
import dev.bellwether.sales.StageChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bulk change of the stage is set-based (one statement for the deals, one for their
 * stage history), and must leave each deal exactly as moving it on its own page does
 * ({@link Opportunities#changeStage}): the reference here is a twin deal moved that way.
 */
@IntegrationTest
@RecordApplicationEvents
class BulkStageChangeTests {

	static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	BulkChanges bulk;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	CustomFields customFields;

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

	private final List<UUID> fieldsAdded = new ArrayList<>();

	@BeforeEach
	void aTeam() {
		this.fixtures = new EditFixtures(this.accounts, this.opportunities, this.clock);
		this.manager = this.users.create(Role.MANAGER);
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.account = this.fixtures.account(this.rep, "Stage Co " + UUID.randomUUID());
	}

	@AfterEach
	void retireTheFieldsAdded() {
		this.fieldsAdded.forEach(this.customFields::retire);
	}

	private Opportunity reload(UUID id) {
		return this.opportunities.get(TestUsers.viewer(this.manager), id);
	}

	private BulkOperation moveAll(List<Opportunity> deals, UUID stage) {
		return this.bulk.start(this.manager.id(), BulkRequest.change("opportunities",
				deals.stream().map(Opportunity::id).toList(), "stageId", stage.toString()));
	}

	@Test
	void wonInBulkIsWhatWonOnItsOwnPageIs() {
		Opportunity twin = this.fixtures.deal(this.rep, this.account, "Moved alone");
		List<Opportunity> deals = List.of(this.fixtures.deal(this.rep, this.account, "Moved in bulk 1"),
				this.fixtures.deal(this.rep, this.account, "Moved in bulk 2"));

		Opportunity alone = this.opportunities.changeStage(TestUsers.viewer(this.manager), twin.id(), WON,
				twin.version(), null);
		List<RecordChanged> aloneChanges = this.events.stream(RecordChanged.class)
			.filter(change -> change.recordId().equals(twin.id()) && change.kind() == ChangeKind.UPDATED)
			.toList();
		BulkOperation operation = moveAll(deals, WON);

		assertThat(operation.applied()).isEqualTo(2);
		for (Opportunity deal : deals) {
			Opportunity moved = reload(deal.id());
			assertThat(moved.stageId()).isEqualTo(alone.stageId());
			assertThat(moved.probability()).isEqualTo(alone.probability()).isEqualTo(100);
			assertThat(moved.forecastCategory()).isEqualTo(alone.forecastCategory());
			assertThat(moved.closeDate()).isEqualTo(alone.closeDate());
			assertThat(moved.lossReason()).isEqualTo(alone.lossReason());
			assertThat(moved.version()).isEqualTo(deal.version() + 1);
			StageChange bulkHistory = this.opportunities.history(TestUsers.viewer(this.rep), deal.id()).get(0);
			StageChange aloneHistory = this.opportunities.history(TestUsers.viewer(this.rep), twin.id()).get(0);
			assertThat(bulkHistory).usingRecursiveComparison()
				.ignoringFields("id", "opportunityId", "changedAt")
				.isEqualTo(aloneHistory);
			// closed when the change was made (the test clock moves on between the two)
			assertThat(moved.closedAt()).isNotNull().isEqualTo(bulkHistory.changedAt());
			assertThat(alone.closedAt()).isEqualTo(aloneHistory.changedAt());
		}
		// the same field changes as the deal moved alone, in one publication for the
		// bulk change
		assertThat(this.events.stream(RecordsChanged.class)).singleElement()
			.satisfies(published -> assertThat(published.changes()).hasSize(2)
				.allSatisfy(change -> assertThat(change.changes())
					.containsExactlyInAnyOrderElementsOf(aloneChanges.get(0).changes())));
		assertThat(this.events.stream(OpportunityStageChanged.class)
			.filter(changed -> changed.toStageId().equals(WON))
			.map(OpportunityStageChanged::opportunityId)).contains(deals.get(0).id(), deals.get(1).id());
	}

	@Test
	void aLostStageRefusesADealThatDoesNotSayWhy() {
		Opportunity withoutReason = this.fixtures.deal(this.rep, this.account, "No reason given");

		BulkOperation operation = moveAll(List.of(withoutReason), LOST);

		assertThat(operation.applied()).isZero();
		assertThat(operation.problems()).singleElement().satisfies(item -> {
			assertThat(item.outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(item.reason())
				.isEqualTo("Not moved to Closed Lost: Say why the deal was lost. Choose a loss reason with the bulk "
						+ "change, or open the deal to complete it.");
		});
		assertThat(reload(withoutReason.id()).stageId()).isEqualTo(withoutReason.stageId());
		assertThat(this.opportunities.history(TestUsers.viewer(this.rep), withoutReason.id()))
			.as("no stage history for a refused deal")
			.hasSize(1);
	}

	@Test
	void lostInBulkWithAReasonIsWhatLostOnItsOwnPageIsAndUndoReopens() {
		Opportunity twin = this.fixtures.deal(this.rep, this.account, "Lost alone");
		List<Opportunity> deals = List.of(this.fixtures.deal(this.rep, this.account, "Lost in bulk 1"),
				this.fixtures.deal(this.rep, this.account, "Lost in bulk 2"));

		Opportunity alone = this.opportunities.changeStage(TestUsers.viewer(this.manager), twin.id(), LOST,
				twin.version(), "No budget this year");
		List<RecordChanged> aloneChanges = this.events.stream(RecordChanged.class)
			.filter(change -> change.recordId().equals(twin.id()) && change.kind() == ChangeKind.UPDATED)
			.toList();
		// matched as the deal form matches it: without case, stored in the list's
		// spelling
		BulkOperation operation = this.bulk.start(this.manager.id(), BulkRequest.change("opportunities",
				deals.stream().map(Opportunity::id).toList(), "stageId", LOST.toString(), " no budget THIS year "));

		assertThat(operation.applied()).isEqualTo(2);
		assertThat(operation.reason()).isEqualTo("no budget THIS year");
		assertThat(operation.reasonLabel()).isEqualTo("Loss reason");
		for (Opportunity deal : deals) {
			Opportunity moved = reload(deal.id());
			assertThat(moved.stageId()).isEqualTo(alone.stageId()).isEqualTo(LOST);
			assertThat(moved.probability()).isEqualTo(alone.probability()).isZero();
			assertThat(moved.forecastCategory()).isEqualTo(alone.forecastCategory());
			assertThat(moved.closeDate()).isEqualTo(alone.closeDate());
			assertThat(moved.lossReason()).isEqualTo(alone.lossReason()).isEqualTo("No budget this year");
			assertThat(moved.closedAt()).isNotNull();
			StageChange bulkHistory = this.opportunities.history(TestUsers.viewer(this.rep), deal.id()).get(0);
			StageChange aloneHistory = this.opportunities.history(TestUsers.viewer(this.rep), twin.id()).get(0);
			assertThat(bulkHistory).usingRecursiveComparison()
				.ignoringFields("id", "opportunityId", "changedAt")
				.isEqualTo(aloneHistory);
		}
		// the loss reason in the field history as for the deal lost alone
		assertThat(aloneChanges.get(0).changes())
			.anySatisfy(change -> assertThat(change.field()).isEqualTo("lossReason"));
		assertThat(this.events.stream(RecordsChanged.class)).singleElement()
			.satisfies(published -> assertThat(published.changes()).hasSize(2)
				.allSatisfy(change -> assertThat(change.changes())
					.containsExactlyInAnyOrderElementsOf(aloneChanges.get(0).changes())));

		BulkOperation undone = this.bulk.undo(this.manager.id(), operation.id());

		assertThat(undone.undone()).isEqualTo(2);
		for (Opportunity deal : deals) {
			Opportunity reopened = reload(deal.id());
			assertThat(reopened.stageId()).isEqualTo(deal.stageId());
			assertThat(reopened.lossReason()).isNull();
			assertThat(reopened.closedAt()).isNull();
			assertThat(reopened.probability()).isEqualTo(deal.probability());
		}
	}

	@Test
	void undoOfAStageChangeGivesALostDealItsOwnLossReasonBack() {
		Opportunity open = this.fixtures.deal(this.rep, this.account, "Lost before");
		Opportunity lost = this.opportunities.changeStage(TestUsers.viewer(this.rep), open.id(), LOST, open.version(),
				"Stayed with the incumbent vendor");

		BulkOperation operation = moveAll(List.of(lost), NEGOTIATION);

		assertThat(operation.applied()).isEqualTo(1);
		assertThat(reload(lost.id()).lossReason()).as("a reopened deal keeps no loss reason").isNull();

		BulkOperation undone = this.bulk.undo(this.manager.id(), operation.id());

		assertThat(undone.undone()).isEqualTo(1);
		Opportunity lostAgain = reload(lost.id());
		assertThat(lostAgain.stageId()).isEqualTo(LOST);
		assertThat(lostAgain.lossReason()).isEqualTo("Stayed with the incumbent vendor");
		assertThat(lostAgain.closedAt()).isNotNull();
	}

	@Test
	void aLossReasonOffTheListOrWithAnOpenStageIsRefusedBeforeAnyDealMoves() {
		Opportunity deal = this.fixtures.deal(this.rep, this.account, "Stays put");
		List<UUID> ids = List.of(deal.id());

		assertThatThrownBy(() -> this.bulk.start(this.manager.id(),
				BulkRequest.change("opportunities", ids, "stageId", LOST.toString(), "Too expensive, we think")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors().get("reason"))
						.startsWith("'Too expensive, we think' is not one of the loss reasons: ")
						.contains("No budget this year"));
		assertThatThrownBy(() -> this.bulk.start(this.manager.id(),
				BulkRequest.change("opportunities", ids, "stageId", NEGOTIATION.toString(), "No budget this year")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors().get("reason")).startsWith("A loss reason goes only with ")
						.contains("Closed Lost")
						.endsWith("; Negotiation is not one."));
		assertThatThrownBy(() -> this.bulk.start(this.manager.id(),
				BulkRequest.change("opportunities", ids, "closeDate", "2027-01-31", "No budget this year")))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.fieldErrors().get("reason"))
				.isEqualTo("Close date takes no reason; leave the reason out."));
		assertThat(reload(deal.id()).version()).isEqualTo(deal.version());
	}

	@Test
	void aDealLackingAFieldTheStageRequiresIsRefusedAndUndoReopensTheOthers() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		CustomField po = this.customFields.define("opportunity", new CustomFieldDefinition("PO " + suffix,
				CustomFieldType.TEXT, null, Requirement.FROM_STAGE, NEGOTIATION.toString(), null, false));
		this.fieldsAdded.add(po.id());
		Opportunity lacking = this.fixtures.deal(this.rep, this.account, "Without a PO");
		Opportunity withPo = this.fixtures.deal(this.rep, this.account, "With a PO");
		Opportunity complete = this.opportunities.update(TestUsers.viewer(this.rep), withPo.id(), withPo.version(),
				withPo.details(), Map.of(po.key(), "PO-1"));

		BulkOperation operation = moveAll(List.of(lacking, complete), WON);

		assertThat(operation.applied()).isEqualTo(1);
		assertThat(operation.problems()).singleElement().satisfies(item -> {
			assertThat(item.recordId()).isEqualTo(lacking.id());
			assertThat(item.reason()).startsWith("Not moved to Closed Won: ").contains("required at this stage");
		});
		Opportunity won = reload(complete.id());
		assertThat(won.closedAt()).isNotNull();

		BulkOperation undone = this.bulk.undo(this.manager.id(), operation.id());

		assertThat(undone.undone()).isEqualTo(1);
		Opportunity reopened = reload(complete.id());
		assertThat(reopened.stageId()).isEqualTo(complete.stageId());
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.probability()).isEqualTo(complete.probability());
		assertThat(reopened.forecastCategory()).isEqualTo(complete.forecastCategory());
		assertThat(this.opportunities.history(TestUsers.viewer(this.rep), complete.id()).get(0)).satisfies(change -> {
			assertThat(change.fromStageId()).isEqualTo(WON);
			assertThat(change.toStageId()).isEqualTo(complete.stageId());
		});
	}

}
