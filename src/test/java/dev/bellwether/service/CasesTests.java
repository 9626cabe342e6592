package dev.bellwether.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.audit.FieldHistory;
import dev.bellwether.audit.FieldHistoryEntry;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.Contact;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.StaleRecordException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The case service on the whole application: who sees and changes a case, versions,
 * status moves and their history, first response, customer replies, taking the next case
 * under concurrency, and attachments.
 */
@IntegrationTest
@RecordApplicationEvents
class CasesTests {

	@Autowired
	Cases cases;

	@Autowired
	CaseQueues queues;

	@Autowired
	CaseAttachments attachments;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	FieldHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEvents events;

	private Viewer agent() {
		return TestUsers.viewer(this.users.create(Role.SERVICE));
	}

	private SupportCase open(Viewer agent, String subject) {
		return this.cases.open(agent, CaseDetails.of(subject));
	}

	@Test
	void opensANewUnassignedCaseInTheDefaultQueueWithANumber() {
		Viewer agent = agent();

		SupportCase first = open(agent, "  Printer on fire  ");
		SupportCase second = open(agent, "Printer still on fire");

		assertThat(first.status()).isEqualTo(CaseStatus.NEW);
		assertThat(first.subject()).isEqualTo("Printer on fire");
		assertThat(first.priority()).isEqualTo(CasePriority.NORMAL);
		assertThat(first.channel()).isEqualTo(CaseChannel.PHONE);
		assertThat(first.queueId()).isEqualTo(Cases.DEFAULT_QUEUE_ID);
		assertThat(first.ownerId()).isNull();
		assertThat(first.version()).isZero();
		assertThat(first.number()).isGreaterThanOrEqualTo(1001);
		assertThat(second.number()).isGreaterThan(first.number());
		assertThat(first.reference()).isEqualTo("#" + first.number());
		assertThat(this.cases.byNumber(first.number())).contains(first);
		assertThat(this.events.stream(CaseOpened.class).filter(e -> e.caseId().equals(first.id()))).singleElement()
			.satisfies(e -> assertThat(e.priority()).isEqualTo(CasePriority.NORMAL));
		assertThat(this.cases.statusHistory(first.id())).extracting(CaseStatusChange::from, CaseStatusChange::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, CaseStatus.NEW));
	}

	@Test
	void namesEveryWrongFieldAtOnce() {
		Viewer agent = agent();
		UUID rep = this.users.create(Role.REP).id();

		assertThatThrownBy(() -> this.cases.open(agent,
				new CaseDetails(" ", "x".repeat(100_001), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
						null, rep, UUID.randomUUID(), "not an address", null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsEntry("subject", "Enter the case's subject.")
						.containsEntry("description", "Keep the description to 100,000 characters.")
						.containsKeys("accountId", "contactId", "productId", "queueId", "requesterEmail")
						.hasEntrySatisfying("ownerId", m -> assertThat(m).contains("can't own cases")));
		assertThatThrownBy(() -> open(agent, "s".repeat(301))).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.fieldErrors()).containsEntry("subject", "Keep the subject to 300 characters."));
	}

	@Test
	void takesTheAccountFromTheContactAndRefusesAContactOfAnotherAccount() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account acme = this.customers.account(rep, "Acme " + tag, tag + ".example");
		Account other = this.customers.account(rep, "Other " + tag, tag + "-o.example");
		Contact wile = this.customers.contact(rep, "Wile", "Coyote", "wile@" + tag + ".example", acme.id());
		Viewer agent = agent();

		SupportCase c = this.cases.open(agent, CaseDetails.of("Rocket skates").withAccount(null, wile.id()));
		assertThat(c.accountId()).isEqualTo(acme.id());
		assertThatThrownBy(() -> this.cases.open(agent, CaseDetails.of("Anvil").withAccount(other.id(), wile.id())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("contactId"));
	}

	@Test
	void serviceUsersExecutivesAndAdministratorsSeeEveryCaseOthersGetNotFound() {
		Viewer agent = agent();
		SupportCase c = open(agent, "Visible to the desk");

		for (Role role : List.of(Role.SERVICE, Role.EXECUTIVE, Role.ADMIN)) {
			Viewer viewer = TestUsers.viewer(this.users.create(role));
			assertThat(this.cases.get(viewer, c.id())).as(role.name()).isEqualTo(c);
			assertThat(this.cases.list(viewer, new CaseFilter(c.reference(), null, null, null, null, null, null),
					PageRequest.of(0, 5)))
				.as(role.name())
				.extracting(SupportCase::id)
				.containsExactly(c.id());
		}
		for (Role role : List.of(Role.REP, Role.MARKETING, Role.SALES_ADMIN, Role.MANAGER)) {
			Viewer viewer = TestUsers.viewer(this.users.create(role));
			assertThatThrownBy(() -> this.cases.get(viewer, c.id())).as(role.name())
				.isInstanceOf(RecordNotFoundException.class);
			assertThat(this.cases.list(viewer, new CaseFilter(c.reference(), null, null, null, null, null, null),
					PageRequest.of(0, 5)))
				.as(role.name())
				.isEmpty();
			assertThat(this.cases.search(viewer, c.reference(), 5)).as(role.name()).isEmpty();
		}
	}

	@Test
	void theOwnersManagerChainSeesAndChangesTheCaseAnotherManagerDoesNot() {
		User director = this.users.create(Role.MANAGER);
		User lead = this.users.create(Role.MANAGER, director.id());
		User owner = this.users.create(Role.SERVICE, lead.id());
		Viewer otherManager = TestUsers.viewer(this.users.create(Role.MANAGER));
		SupportCase c = this.cases.open(agent(), CaseDetails.of("Chain of command").withOwner(owner.id()));

		assertThat(this.cases.get(TestUsers.viewer(director), c.id()).id()).isEqualTo(c.id());
		SupportCase urgent = this.cases.changePriority(TestUsers.viewer(lead), c.id(), c.version(),
				CasePriority.URGENT);
		assertThat(urgent.priority()).isEqualTo(CasePriority.URGENT);
		assertThatThrownBy(() -> this.cases.get(otherManager, c.id())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void theAccountsSalesOwnerReadsTheCaseButNeverChangesIt() {
		User rep = this.users.create(Role.REP);
		Viewer repViewer = TestUsers.viewer(rep);
		String tag = TestCustomers.tag();
		Account account = this.customers.account(rep, "Reads Only " + tag, tag + ".example");
		SupportCase c = this.cases.open(agent(),
				CaseDetails.of("On the rep's account").withAccount(account.id(), null));

		assertThat(this.cases.get(repViewer, c.id()).id()).isEqualTo(c.id());
		assertThat(this.cases.canEdit(repViewer, c)).isFalse();
		assertThat(this.cases.ofAccount(repViewer, account.id(), 10)).extracting(SupportCase::id)
			.containsExactly(c.id());
		assertThat(this.cases.list(repViewer, CaseFilter.all(), PageRequest.of(0, 50))).extracting(SupportCase::id)
			.contains(c.id());
		assertThatThrownBy(() -> this.cases.changeStatus(repViewer, c.id(), c.version(), CaseStatus.OPEN))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.cases.addComment(rep.id(), c.id(), "Let me help", false))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.attachments.attach(repViewer, c.id(), "a.txt", "text/plain", new byte[] { 1 }))
			.isInstanceOf(ForbiddenException.class);
		Viewer anotherRep = TestUsers.viewer(this.users.create(Role.REP));
		assertThatThrownBy(() -> this.cases.get(anotherRep, c.id())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void refusesASaveBasedOnAnOldVersion() {
		Viewer agent = agent();
		SupportCase c = open(agent, "Versioned");
		SupportCase saved = this.cases.update(agent, c.id(), 0, Cases.details(c).withPriority(CasePriority.HIGH));
		assertThat(saved.version()).isEqualTo(1);

		assertThatThrownBy(() -> this.cases.update(agent, c.id(), 0, Cases.details(c).withPriority(CasePriority.LOW)))
			.isInstanceOf(StaleRecordException.class);
		assertThatThrownBy(() -> this.cases.changeStatus(agent, c.id(), 0, CaseStatus.OPEN))
			.isInstanceOf(StaleRecordException.class);
		assertThat(this.events.stream(CasePriorityChanged.class).filter(e -> e.caseId().equals(c.id()))).singleElement()
			.satisfies(e -> assertThat(e.to()).isEqualTo(CasePriority.HIGH));
	}

	@Test
	void movesOnlyAlongTheLifecycleAndKeepsEveryStatusEntered() {
		Viewer agent = agent();
		SupportCase c = open(agent, "Lifecycle");

		SupportCase waiting = this.cases.changeStatus(agent, c.id(), 0, CaseStatus.WAITING_ON_CUSTOMER);
		SupportCase resolved = this.cases.changeStatus(agent, c.id(), waiting.version(), CaseStatus.RESOLVED);
		assertThat(resolved.resolvedAt()).isNotNull();
		assertThatThrownBy(
				() -> this.cases.changeStatus(agent, c.id(), resolved.version(), CaseStatus.WAITING_ON_CUSTOMER))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsEntry("status",
							"A resolved case can move to open or closed only, not to waiting on customer."));
		assertThatThrownBy(() -> this.cases.changeStatus(agent, c.id(), resolved.version(), CaseStatus.NEW))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors().get("status")).contains("never goes back to new"));
		SupportCase closed = this.cases.changeStatus(agent, c.id(), resolved.version(), CaseStatus.CLOSED);
		assertThat(closed.closedAt()).isNotNull();
		assertThat(closed.resolvedAt()).isEqualTo(resolved.resolvedAt());
		SupportCase reopened = this.cases.changeStatus(agent, c.id(), closed.version(), CaseStatus.OPEN);
		assertThat(reopened.resolvedAt()).isNull();
		assertThat(reopened.closedAt()).isNull();

		assertThat(this.cases.statusHistory(c.id())).extracting(change -> change.from() + ">" + change.to())
			.containsExactly("null>NEW", "NEW>WAITING_ON_CUSTOMER", "WAITING_ON_CUSTOMER>RESOLVED", "RESOLVED>CLOSED",
					"CLOSED>OPEN");
		assertThat(this.events.stream(CaseStatusChanged.class).filter(e -> e.caseId().equals(c.id())))
			.extracting(CaseStatusChanged::to)
			.containsExactly(CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED, CaseStatus.CLOSED, CaseStatus.OPEN);
	}

	@Test
	void theFirstPublicAgentReplyIsTheFirstResponseAndOpensANewCase() {
		Viewer agent = agent();
		SupportCase c = open(agent, "Respond to me");

		this.cases.addComment(agent.id(), c.id(), "Looking into it (internal)", true);
		assertThat(this.cases.get(agent, c.id()).firstResponseAt()).as("an internal note is no response").isNull();
		assertThat(this.cases.get(agent, c.id()).status()).isEqualTo(CaseStatus.NEW);

		CaseComment reply = this.cases.addComment(agent.id(), c.id(), "  We are on it.  ", false);
		SupportCase answered = this.cases.get(agent, c.id());
		assertThat(reply.body()).isEqualTo("We are on it.");
		assertThat(reply.source()).isEqualTo(CommentSource.AGENT);
		assertThat(answered.firstResponseAt()).isEqualTo(reply.createdAt());
		assertThat(answered.status()).isEqualTo(CaseStatus.OPEN);

		this.cases.addComment(agent.id(), c.id(), "Second reply", false);
		assertThat(this.cases.get(agent, c.id()).firstResponseAt()).as("set once").isEqualTo(reply.createdAt());
		assertThat(this.cases.comments(agent, c.id())).extracting(CaseComment::internal)
			.containsExactly(true, false, false);
		assertThat(this.events.stream(CaseCommented.class).filter(e -> e.caseId().equals(c.id())))
			.extracting(CaseCommented::internal)
			.containsExactly(true, false, false);
		assertThatThrownBy(() -> this.cases.addComment(agent.id(), c.id(), "  ", false)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.fieldErrors()).containsEntry("body", "Write the comment first."));
	}

	@Test
	void aCustomerReplyReopensACaseWaitingOnThemOrResolvedButNotAClosedOne() {
		Viewer agent = agent();
		SupportCase waiting = open(agent, "Waiting");
		this.cases.changeStatus(agent, waiting.id(), 0, CaseStatus.WAITING_ON_CUSTOMER);
		SupportCase resolved = open(agent, "Resolved");
		this.cases.changeStatus(agent, resolved.id(), 0, CaseStatus.RESOLVED);
		SupportCase closed = open(agent, "Closed");
		this.cases.changeStatus(agent, closed.id(), 0, CaseStatus.CLOSED);

		CaseComment reply = this.cases.addCustomerReply(waiting.id(), "Customer@Example.com", "Here are the logs");
		this.cases.addCustomerReply(resolved.id(), "customer@example.com", "It broke again");
		this.cases.addCustomerReply(closed.id(), "customer@example.com", "Thanks!");

		assertThat(reply.source()).isEqualTo(CommentSource.CUSTOMER);
		assertThat(reply.authorId()).isNull();
		assertThat(reply.internal()).isFalse();
		assertThat(this.cases.get(agent, waiting.id()).status()).isEqualTo(CaseStatus.OPEN);
		assertThat(this.cases.get(agent, resolved.id()).status()).isEqualTo(CaseStatus.OPEN);
		assertThat(this.cases.get(agent, resolved.id()).resolvedAt()).isNull();
		assertThat(this.cases.get(agent, closed.id()).status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(this.cases.statusHistory(waiting.id()).get(2).actorId()).as("no agent moved it").isNull();
		assertThat(this.cases.get(agent, waiting.id()).firstResponseAt()).as("a customer's reply is no response")
			.isNull();
	}

	@Test
	void opensACaseFromACustomersMessageMatchingTheContactByAddress() {
		User rep = this.users.create(Role.REP);
		String tag = TestCustomers.tag();
		Account account = this.customers.account(rep, "Mailers " + tag, tag + ".example");
		Contact contact = this.customers.contact(rep, "Mae", "Ler", "mae@" + tag + ".example", account.id());

		SupportCase c = this.cases.openFromCustomer(new InboundCase(CaseChannel.EMAIL, " MAE@" + tag + ".example ",
				"Mae Ler", "   ", "Hello\nmy order is late"));
		SupportCase stranger = this.cases.openFromCustomer(
				new InboundCase(CaseChannel.WEB, "nobody@" + tag + ".example", null, "x".repeat(500), "Hi"));

		assertThat(c.contactId()).isEqualTo(contact.id());
		assertThat(c.accountId()).isEqualTo(account.id());
		assertThat(c.subject()).isEqualTo("(no subject)");
		assertThat(c.channel()).isEqualTo(CaseChannel.EMAIL);
		assertThat(c.queueId()).isEqualTo(Cases.DEFAULT_QUEUE_ID);
		assertThat(c.requesterName()).isEqualTo("Mae Ler");
		assertThat(stranger.contactId()).isNull();
		assertThat(stranger.subject()).hasSize(300);
		assertThat(stranger.channel()).isEqualTo(CaseChannel.WEB);
		assertThatThrownBy(() -> this.cases
			.openFromCustomer(new InboundCase(CaseChannel.EMAIL, null, null, "No sender", "Who am I?")))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsKey("requesterEmail"));
	}

	@Test
	void assignToMeOpensANewCaseAndRefusesSomeoneWhoDoesNotWorkCases() {
		Viewer agent = agent();
		SupportCase c = open(agent, "Mine now");

		SupportCase mine = this.cases.assignToMe(agent, c.id());
		assertThat(mine.ownerId()).isEqualTo(agent.id());
		assertThat(mine.status()).isEqualTo(CaseStatus.OPEN);

		Viewer exec = TestUsers.viewer(this.users.create(Role.EXECUTIVE));
		assertThatThrownBy(() -> this.cases.assignToMe(exec, c.id())).isInstanceOf(ForbiddenException.class);
		UUID rep = this.users.create(Role.REP).id();
		assertThatThrownBy(() -> this.cases.assign(agent, c.id(), mine.version(), rep)).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.fieldErrors()).containsKey("ownerId"));
	}

	@Test
	void nextCaseIsTheOldestMostUrgentUnassignedOneInMyQueues() {
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		CaseQueue queue = this.queues.create(admin, "Next " + TestCustomers.tag(), null, null);
		Viewer agent = agent();
		this.queues.join(agent, queue.id(), agent.id());
		SupportCase normal = this.cases.open(agent, inQueue("Normal, oldest", queue, CasePriority.NORMAL));
		SupportCase urgent = this.cases.open(agent, inQueue("Urgent", queue, CasePriority.URGENT));
		SupportCase waiting = this.cases.open(agent, inQueue("Urgent but waiting", queue, CasePriority.URGENT));
		this.cases.changeStatus(agent, waiting.id(), 0, CaseStatus.WAITING_ON_CUSTOMER);

		assertThat(this.cases.takeNext(agent, false)).get()
			.satisfies(c -> assertThat(c.id()).isEqualTo(urgent.id()))
			.satisfies(c -> assertThat(c.ownerId()).isEqualTo(agent.id()))
			.satisfies(c -> assertThat(c.status()).isEqualTo(CaseStatus.OPEN));
		assertThat(this.cases.takeNext(agent, false)).map(SupportCase::id).contains(normal.id());
		assertThat(this.cases.takeNext(agent, false)).as("a case waiting on the customer is not taken").isEmpty();
	}

	@Test
	void twoAgentsAskingForTheNextCaseAtOnceNeverGetTheSameOne() throws Exception {
		Viewer admin = TestUsers.viewer(this.users.create(Role.ADMIN));
		CaseQueue queue = this.queues.create(admin, "Race " + TestCustomers.tag(), null, null);
		Viewer first = agent();
		Viewer second = agent();
		this.queues.join(admin, queue.id(), first.id());
		this.queues.join(admin, queue.id(), second.id());
		SupportCase a = this.cases.open(admin, inQueue("Race A", queue, CasePriority.HIGH));
		SupportCase b = this.cases.open(admin, inQueue("Race B", queue, CasePriority.HIGH));

		CountDownLatch firstTook = new CountDownLatch(1);
		CountDownLatch secondDone = new CountDownLatch(1);
		CompletableFuture<Optional<SupportCase>> firstTake = CompletableFuture
			.supplyAsync(() -> this.transactions.execute(status -> {
				Optional<SupportCase> taken = this.cases.takeNext(first, false);
				firstTook.countDown();
				waitFor(secondDone);
				return taken;
			}));
		assertThat(firstTook.await(30, TimeUnit.SECONDS)).isTrue();
		// the first agent's transaction still holds its case's row lock
		Optional<SupportCase> secondTake = this.transactions.execute(status -> this.cases.takeNext(second, false));
		secondDone.countDown();
		Optional<SupportCase> firstTaken = firstTake.get(30, TimeUnit.SECONDS);

		assertThat(firstTaken).map(SupportCase::id).contains(a.id());
		assertThat(secondTake).map(SupportCase::id).contains(b.id());
		assertThat(this.cases.get(admin, a.id()).ownerId()).isEqualTo(first.id());
		assertThat(this.cases.get(admin, b.id()).ownerId()).isEqualTo(second.id());
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			if (!latch.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The other agent never finished");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static CaseDetails inQueue(String subject, CaseQueue queue, CasePriority priority) {
		return new CaseDetails(subject, null, null, null, null, priority, CaseChannel.EMAIL, null, queue.id(), null,
				null);
	}

	@Test
	void attachesFilesUpToTwentyMegabytes() {
		Viewer agent = agent();
		SupportCase c = open(agent, "With files");

		CaseAttachment log = this.attachments.attach(agent, c.id(), "C:\\logs\\app.log", "text/plain",
				"boom".getBytes());
		assertThat(log.fileName()).isEqualTo("app.log");
		assertThat(log.size()).isEqualTo(4);
		assertThat(this.attachments.download(agent, c.id(), log.id()).content()).isEqualTo("boom".getBytes());
		assertThat(this.attachments.of(agent, c.id())).extracting(CaseAttachment::id).containsExactly(log.id());

		byte[] justTooLarge = new byte[(int) CaseAttachment.MAX_SIZE + 1];
		assertThatThrownBy(
				() -> this.attachments.attach(agent, c.id(), "huge.iso", "application/octet-stream", justTooLarge))
			.isInstanceOfSatisfying(AttachmentTooLargeException.class, ex -> assertThat(ex.fieldErrors().get("file"))
				.isEqualTo(
						"The file huge.iso is 20.0 MB; attachments can be at most 20 MB. Share larger files by a link."));
		assertThatThrownBy(() -> this.attachments.attach(agent, c.id(), "empty.txt", "text/plain", new byte[0]))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.attachments.attach(agent, c.id(), "max.bin", null, new byte[(int) CaseAttachment.MAX_SIZE])
			.contentType()).isEqualTo("application/octet-stream");
		Viewer rep = TestUsers.viewer(this.users.create(Role.REP));
		assertThatThrownBy(() -> this.attachments.download(rep, c.id(), log.id()))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void everyChangeIsInTheFieldHistory() {
		Viewer agent = agent();
		SupportCase c = open(agent, "Historic");
		this.cases.changePriority(agent, c.id(), 0, CasePriority.URGENT);
		this.cases.changeStatus(agent, c.id(), 1, CaseStatus.OPEN);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.history.of(Cases.RECORD_TYPE, c.id(), PageRequest.of(0, 50))
				.stream()
				.anyMatch(entry -> "status".equals(entry.field())));
		assertThat(this.history.of(Cases.RECORD_TYPE, c.id(), PageRequest.of(0, 50)))
			.extracting(FieldHistoryEntry::field)
			.contains("subject", "priority", "status");
	}

	@Test
	void findsCasesByNumberOrSubject() {
		Viewer agent = agent();
		String tag = TestCustomers.tag();
		SupportCase c = open(agent, "Blue screen " + tag);

		assertThat(this.cases.search(agent, "#" + c.number(), 5)).extracting(SupportCase::id).containsExactly(c.id());
		assertThat(this.cases.search(agent, String.valueOf(c.number()), 5)).extracting(SupportCase::id)
			.containsExactly(c.id());
		assertThat(this.cases.search(agent, "screen " + tag.toUpperCase(), 5)).extracting(SupportCase::id)
			.containsExactly(c.id());
		assertThatThrownBy(() -> this.cases.list(agent, new CaseFilter(null, "SNOOZED", null, null, null, null, null),
				PageRequest.of(0, 5)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors().get("status")).contains("'SNOOZED' is no case status"));
	}

}
