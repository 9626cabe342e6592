package dev.bellwether.platform.edit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.activities.Activities;
import dev.bellwether.activities.ActivityFilter;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.RecordsChanged;
import dev.bellwether.platform.edit.BulkOperation.Item;
import dev.bellwether.platform.edit.BulkOperation.Outcome;
import dev.bellwether.platform.edit.BulkOperation.Status;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Bulk actions as one operation: rights checked per record (refusals listed with the
 * reason), undone except where someone changed a record since, and large selections run
 * in the background with their progress kept.
 */
@IntegrationTest
@RecordApplicationEvents
class BulkChangesTests {

	@Autowired
	BulkChanges bulk;

	@Autowired
	InlineEdit edit;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	Activities activities;

	@Autowired
	dev.bellwether.customers.Accounts accountService;

	@Autowired
	java.time.Clock clock;

	private EditFixtures fixtures;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEvents events;

	private User manager;

	private User rep;

	private User colleague;

	private UUID account;

	@BeforeEach
	void aTeam() {
		this.fixtures = new EditFixtures(this.accountService, this.opportunities, this.clock);
		this.manager = this.users.create(Role.MANAGER);
		this.rep = this.users.create(Role.REP, this.manager.id());
		this.colleague = this.users.create(Role.REP, this.manager.id());
		this.account = this.fixtures.account(this.rep, "Bulk Co " + UUID.randomUUID());
	}

	private List<Opportunity> deals(User owner, int count) {
		List<Opportunity> deals = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			deals.add(this.fixtures.deal(owner, this.account, "Bulk deal " + i));
		}
		return deals;
	}

	private Opportunity reload(Opportunity deal) {
		return this.opportunities.get(TestUsers.viewer(this.manager), deal.id());
	}

	@Test
	void reassignsTheDealsItMayAndListsTheOthersWithTheReason() {
		List<Opportunity> deals = deals(this.rep, 2);
		User outsider = this.users.create(Role.REP);
		Opportunity hidden = this.fixtures.deal(outsider,
				this.fixtures.account(outsider, "Elsewhere " + UUID.randomUUID()), "Not the manager's");

		BulkOperation operation = this.bulk.start(this.manager.id(), BulkRequest.change("opportunities",
				List.of(deals.get(0).id(), hidden.id(), deals.get(1).id()), "ownerId", this.colleague.id().toString()));

		assertThat(operation.status()).isEqualTo(Status.DONE);
		assertThat(operation.fieldLabel()).isEqualTo("Owner");
		assertThat(operation.valueDisplay()).isEqualTo(this.colleague.fullName());
		assertThat(operation.total()).isEqualTo(3);
		assertThat(operation.applied()).isEqualTo(2);
		assertThat(operation.refused()).isEqualTo(1);
		assertThat(operation.problems()).singleElement().satisfies(item -> {
			assertThat(item.recordId()).isEqualTo(hidden.id());
			assertThat(item.outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(item.reason()).startsWith("Not found");
		});
		assertThat(deals).allSatisfy(deal -> assertThat(reload(deal).ownerId()).isEqualTo(this.colleague.id()));
		// the field history of both, from one publication
		assertThat(this.events.stream(RecordsChanged.class)).singleElement()
			.satisfies(published -> assertThat(published.changes()).extracting(RecordChanged::recordId)
				.containsExactly(deals.get(0).id(), deals.get(1).id())
				.allSatisfy(id -> assertThat(id).isNotNull()));
		assertThat(this.opportunities.get(TestUsers.viewer(outsider), hidden.id()).ownerId()).isEqualTo(outsider.id());
	}

	@Test
	void aRecordTheUserMaySeeButNotChangeIsRefusedWithTheModulesMessage() {
		UUID theirs = this.fixtures.account(this.colleague, "Colleague's " + UUID.randomUUID());

		BulkOperation operation = this.bulk.start(this.rep.id(),
				BulkRequest.change("accounts", List.of(this.account, theirs), "industry", "Banking"));

		assertThat(operation.applied()).isEqualTo(1);
		assertThat(operation.problems()).singleElement().satisfies(item -> {
			assertThat(item.name()).startsWith("Colleague's");
			assertThat(item.reason()).isNotBlank().doesNotStartWith("Not found");
		});
		assertThat(this.accounts.get(TestUsers.viewer(this.rep), this.account).industry()).isEqualTo("Banking");
		assertThat(this.accounts.get(TestUsers.viewer(this.rep), theirs).industry()).isNull();
	}

	@Test
	void undoRevertsEveryRecordButThoseChangedSinceWhichItLists() {
		List<Opportunity> deals = deals(this.rep, 3);
		LocalDate before = deals.get(0).closeDate();
		LocalDate moved = before.plusMonths(1);
		BulkOperation operation = this.bulk.start(this.manager.id(), BulkRequest.change("opportunity",
				deals.stream().map(Opportunity::id).toList(), "closeDate", moved.toString()));
		assertThat(operation.applied()).isEqualTo(3);
		assertThat(this.opportunities.history(TestUsers.viewer(this.rep), deals.get(0).id())).first()
			.satisfies(change -> {
				assertThat(change.fromCloseDate()).isEqualTo(before);
				assertThat(change.toCloseDate()).isEqualTo(moved);
			});
		assertThat(reload(deals.get(0)).version()).isEqualTo(deals.get(0).version() + 1);
		Opportunity changedSince = reload(deals.get(1));
		this.edit.edit(this.rep.id(), "opportunity", changedSince.id(), "nextStep", "Call back",
				changedSince.version());

		BulkOperation undone = this.bulk.undo(this.manager.id(), operation.id());

		assertThat(undone.status()).isEqualTo(Status.UNDONE);
		assertThat(undone.undone()).isEqualTo(2);
		assertThat(undone.skipped()).isEqualTo(1);
		assertThat(undone.problems()).singleElement().satisfies(item -> {
			assertThat(item.recordId()).isEqualTo(changedSince.id());
			assertThat(item.outcome()).isEqualTo(Outcome.SKIPPED);
			assertThat(item.reason()).contains("Changed since by " + this.rep.fullName());
		});
		assertThat(reload(deals.get(0)).closeDate()).isEqualTo(before);
		assertThat(reload(deals.get(2)).closeDate()).isEqualTo(before);
		assertThat(reload(deals.get(1)).closeDate()).isEqualTo(moved);
		assertThatThrownBy(() -> this.bulk.undo(this.manager.id(), operation.id()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("undone already");
	}

	@Test
	void movesToTheRecycleBinAndBackOnUndo() {
		List<Opportunity> deals = deals(this.rep, 2);
		List<UUID> ids = deals.stream().map(Opportunity::id).toList();

		BulkOperation operation = this.bulk.start(this.rep.id(),
				new BulkRequest("opportunities", BulkAction.RECYCLE, ids, false, Map.of(), null, null, null, null));

		assertThat(operation.applied()).isEqualTo(2);
		assertThatThrownBy(() -> reload(deals.get(0))).isInstanceOf(RecordNotFoundException.class);
		this.bulk.undo(this.rep.id(), operation.id());
		assertThat(reload(deals.get(0)).isDeleted()).isFalse();
		assertThat(reload(deals.get(1)).isDeleted()).isFalse();
	}

	@Test
	void createsATaskForEachDealAndUndoMovesThemToTheRecycleBin() {
		List<Opportunity> deals = deals(this.rep, 2);
		LocalDate due = LocalDate.of(2026, 7, 1);

		BulkOperation operation = this.bulk.start(this.rep.id(),
				new BulkRequest("opportunities", BulkAction.CREATE_TASK, deals.stream().map(Opportunity::id).toList(),
						false, Map.of(), null, null, "Confirm the budget", due));

		assertThat(operation.applied()).isEqualTo(2);
		ActivityFilter ofFirst = new ActivityFilter(null, null, null, null, deals.get(0).id(), null, null, null, null);
		assertThat(this.activities.list(TestUsers.viewer(this.rep), ofFirst, PageRequest.of(0, 10)).getContent())
			.singleElement()
			.satisfies(task -> {
				assertThat(task.subject()).isEqualTo("Confirm the budget");
				assertThat(task.dueDate()).isEqualTo(due);
			});
		this.bulk.undo(this.rep.id(), operation.id());
		assertThat(this.activities.list(TestUsers.viewer(this.rep), ofFirst, PageRequest.of(0, 10)).getContent())
			.isEmpty();
	}

	@Test
	void allMatchingTakesTheListsFilters() {
		String marker = "Matching " + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			this.fixtures.deal(this.rep, this.account, marker + " " + i);
		}

		BulkOperation operation = this.bulk.start(this.rep.id(), new BulkRequest("opportunities", BulkAction.CHANGE,
				List.of(), true, Map.of("q", marker), "nextStep", "Quarterly review", null, null));

		assertThat(operation.total()).isEqualTo(3);
		assertThat(operation.applied()).isEqualTo(3);
	}

	@Test
	void aLargeSelectionRunsInTheBackgroundWithItsProgressKept() {
		int count = this.bulk.backgroundThreshold() + 1;
		List<ContactDetails> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			people.add(new ContactDetails("Bulk", "Person " + i, null, null, null, null, this.account, this.rep.id()));
		}
		List<UUID> ids = this.contacts.createAll(this.rep.id(), people);

		BulkOperation started = this.bulk.start(this.rep.id(), BulkRequest.change("contacts", ids, "title", "Buyer"));

		assertThat(started.status()).isIn(Status.QUEUED, Status.RUNNING);
		assertThat(started.total()).isEqualTo(count);
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.bulk.get(this.rep.id(), started.id()).status() == Status.DONE);
		BulkOperation done = this.bulk.get(this.rep.id(), started.id());
		assertThat(done.processed()).isEqualTo(count);
		assertThat(done.applied()).isEqualTo(count);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(this.contacts.get(TestUsers.viewer(this.rep), ids.get(count - 1)).title()).isEqualTo("Buyer");
	}

	@Test
	void anOperationIsItsStartersAndRefusesAnIncompleteRequest() {
		Opportunity deal = this.fixtures.deal(this.rep, this.account, "Mine");
		BulkOperation operation = this.bulk.start(this.rep.id(),
				BulkRequest.change("opportunities", List.of(deal.id()), "nextStep", "Next"));

		assertThatThrownBy(() -> this.bulk.get(this.colleague.id(), operation.id()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> this.bulk.start(this.rep.id(),
				BulkRequest.change("opportunities", List.of(deal.id()), "createdAt", "x")))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> this.bulk.start(this.rep.id(), BulkRequest.change("opportunities", List.of(), "nextStep", "x")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Select the records");
	}

}
