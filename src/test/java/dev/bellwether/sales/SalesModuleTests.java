package dev.bellwether.sales;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.UserProfile;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ChangeKind;
import dev.bellwether.platform.FieldChange;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordChanged;
import dev.bellwether.platform.RecordTouched;
import dev.bellwether.platform.StaleRecordException;
import dev.bellwether.platform.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sales module with the modules it depends on: deals follow their stage's rules, keep
 * a stage history, publish their changes, follow their account to the recycle bin and
 * back, and know when they are stale.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@ActiveProfiles("test")
class SalesModuleTests {

	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	Opportunities opportunities;

	@Autowired
	Clock clock;

	@Autowired
	Products products;

	@Autowired
	Accounts accounts;

	@Autowired
	Contacts contacts;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StageHistoryTimeline timeline;

	private Viewer user(Role role) {
		String username = "sales-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		User user = this.users.create(new UserProfile(username, "Sales " + role.label(), username + "@test.example",
				null, role, null, null, null, null), "secret password", null);
		return new Viewer(user.id(), user.username(), user.fullName(), user.role());
	}

	private Account account(Viewer owner) {
		return this.accounts.create(owner, new AccountDetails("Deal Co " + UUID.randomUUID(), null, null, null, null,
				null, null, null, null, null, null, null, owner.id(), null));
	}

	private OpportunityDetails deal(UUID account, UUID owner, UUID stage, String amount) {
		return new OpportunityDetails("Fleet renewal", account, null, owner, stage,
				amount == null ? null : new BigDecimal(amount), false, LocalDate.now(this.clock).plusDays(40), null,
				null, null, "Web", null, null);
	}

	@Test
	void creatingADealRecordsItsFirstStageAndPublishesIt(AssertablePublishedEvents events) {
		Viewer rep = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROPOSAL, "40000"));

		assertThat(deal.probability()).isEqualTo(60);
		assertThat(deal.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
		assertThat(deal.firstStageId()).isEqualTo(PROPOSAL);
		assertThat(deal.currency()).isEqualTo("USD");
		assertThat(deal.lastTouchedBy()).isEqualTo(rep.id());
		assertThat(this.opportunities.history(rep, deal.id())).singleElement()
			.satisfies(row -> assertThat(row.isCreation()).isTrue());
		assertThat(events).contains(RecordChanged.class)
			.matching(e -> e.recordId().equals(deal.id()) && e.kind() == ChangeKind.CREATED
					&& e.changes().contains(new FieldChange("stage", null, "Proposal")));
		assertThat(events).contains(OpportunityStageChanged.class)
			.matching(e -> e.opportunityId().equals(deal.id()) && e.fromStageId() == null);
	}

	@Test
	void movingThroughStagesWritesHistoryAndClosesAndReopens(AssertablePublishedEvents events) {
		Viewer rep = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROSPECTING, "1000"));

		Opportunity won = this.opportunities.changeStage(rep, deal.id(), WON, deal.version(), null);
		assertThat(won.closedAt()).isNotNull();
		assertThat(won.probability()).isEqualTo(100);
		assertThat(won.forecastCategory()).isEqualTo(ForecastCategory.CLOSED);

		Opportunity reopened = this.opportunities.changeStage(rep, deal.id(), NEGOTIATION, won.version(), null);
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.probability()).isEqualTo(80);
		assertThat(reopened.firstStageId()).isEqualTo(PROSPECTING);
		assertThat(reopened.firstForecastCategory()).isEqualTo(ForecastCategory.PIPELINE);

		List<StageChange> history = this.opportunities.history(rep, deal.id());
		assertThat(history).hasSize(3);
		assertThat(history.get(0).fromStageName()).isEqualTo("Closed Won");
		assertThat(history.get(0).toStageName()).isEqualTo("Negotiation");
		assertThat(events).contains(OpportunityStageChanged.class)
			.matching(e -> e.opportunityId().equals(deal.id()) && e.outcome() == StageOutcome.WON);
	}

	@Test
	void losingADealWithoutAReasonIsRefusedAndNothingIsSaved() {
		Viewer rep = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROPOSAL, "500"));

		assertThatThrownBy(() -> this.opportunities.changeStage(rep, deal.id(), LOST, deal.version(), " "))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsOnlyKeys("lossReason"));

		Opportunity unchanged = this.opportunities.get(rep, deal.id());
		assertThat(unchanged.version()).isEqualTo(deal.version());
		assertThat(unchanged.stageId()).isEqualTo(PROPOSAL);
		assertThat(this.opportunities.history(rep, deal.id())).hasSize(1);

		Opportunity lost = this.opportunities.changeStage(rep, deal.id(), LOST, deal.version(), " no budget THIS year");
		assertThat(lost.lossReason()).as("as the pick list spells it").isEqualTo("No budget this year");
		assertThat(lost.forecastCategory()).isEqualTo(ForecastCategory.OMITTED);
	}

	@Test
	void aStaleVersionNeverOverwrites() {
		Viewer rep = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROPOSAL, "500"));
		this.opportunities.changeStage(rep, deal.id(), NEGOTIATION, deal.version(), null);

		assertThatThrownBy(() -> this.opportunities.changeStage(rep, deal.id(), PROSPECTING, deal.version(), null))
			.isInstanceOf(StaleRecordException.class);
		assertThat(this.opportunities.get(rep, deal.id()).stageId()).isEqualTo(NEGOTIATION);
	}

	@Test
	void anOverriddenProbabilityStaysUntilTheStageChanges() {
		Viewer rep = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROPOSAL, "500"));
		OpportunityDetails details = deal.details();
		Opportunity overridden = this.opportunities.update(rep, deal.id(), deal.version(),
				new OpportunityDetails(details.name(), details.accountId(), null, rep.id(), PROPOSAL, details.amount(),
						false, details.closeDate(), 70, ForecastCategory.COMMIT, null, null, null, null));
		assertThat(overridden.probability()).isEqualTo(70);
		assertThat(overridden.forecastCategory()).isEqualTo(ForecastCategory.COMMIT);

		Opportunity moved = this.opportunities.update(rep, deal.id(), overridden.version(),
				overridden.details().withStage(NEGOTIATION, 70, ForecastCategory.COMMIT, null));
		assertThat(moved.probability()).isEqualTo(80);
	}

	@Test
	void theAccountContactAndOwnerMustExistAndFit() {
		Viewer rep = user(Role.REP);
		Account mine = account(rep);
		Contact elsewhere = this.contacts.create(rep,
				new ContactDetails("Eve", "Elsewhere", null, null, null, null, account(rep).id(), rep.id()));
		OpportunityDetails bad = new OpportunityDetails("Bad", UUID.randomUUID(), null, UUID.randomUUID(),
				UUID.randomUUID(), new BigDecimal("-5"), false, null, null, null, null, null, null, null);

		assertThatThrownBy(() -> this.opportunities.create(rep, bad)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).fieldErrors()).containsKeys("accountId", "ownerId",
					"stageId", "amount", "closeDate"));

		OpportunityDetails wrongContact = new OpportunityDetails("Wrong contact", mine.id(), elsewhere.id(), rep.id(),
				PROPOSAL, null, false, LocalDate.now(this.clock), null, null, null, null, null, null);
		assertThatThrownBy(() -> this.opportunities.create(rep, wrongContact)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("doesn't work at");
	}

	@Test
	void dealsGoToTheRecycleBinWithTheirAccountAndComeBackWithIt() {
		Viewer rep = user(Role.REP);
		Account account = account(rep);
		Opportunity deal = this.opportunities.create(rep, deal(account.id(), rep.id(), PROPOSAL, "500"));

		this.accounts.delete(rep, account.id());

		assertThat(this.opportunities.deleted(rep, Pageable.ofSize(50)).getContent()).extracting(Opportunity::id)
			.contains(deal.id());
		assertThatThrownBy(() -> this.opportunities.restore(rep, deal.id())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Restore the account");

		this.accounts.restore(rep, account.id());
		assertThat(this.opportunities.get(rep, deal.id()).deletedWith()).isNull();
	}

	@Test
	void purgingAnAccountPurgesItsDeals() {
		Viewer admin = user(Role.ADMIN);
		Account account = account(admin);
		Opportunity deal = this.opportunities.create(admin, deal(account.id(), admin.id(), PROPOSAL, "500"));
		this.accounts.delete(admin, account.id());

		this.accounts.purge(admin, account.id());

		assertThat(this.opportunities.load(deal.id())).isEmpty();
	}

	@Test
	void anAmountFromLineItemsIsTheirDiscountedSum() {
		Viewer rep = user(Role.REP);
		Viewer salesAdmin = user(Role.SALES_ADMIN);
		Product seat = this.products.create(salesAdmin,
				new ProductDetails("SEAT-" + UUID.randomUUID().toString().substring(0, 8), "Seat licence", null,
						new BigDecimal("120.00"), true));
		OpportunityDetails details = new OpportunityDetails("Seats", account(rep).id(), null, rep.id(), PROPOSAL, null,
				true, LocalDate.now(this.clock).plusDays(10), null, null, null, null, null, null);
		Opportunity deal = this.opportunities.create(rep, details);
		assertThat(deal.amount()).isEqualByComparingTo("0");

		this.opportunities.addLineItem(rep, deal.id(),
				new LineItemDetails(seat.id(), new BigDecimal("10"), null, new BigDecimal("25"), null));
		LineItem second = this.opportunities.addLineItem(rep, deal.id(),
				new LineItemDetails(seat.id(), new BigDecimal("1"), new BigDecimal("99.99"), null, "Setup"));

		Opportunity priced = this.opportunities.get(rep, deal.id());
		assertThat(priced.amount()).isEqualByComparingTo("999.99");
		assertThat(priced.version()).isEqualTo(2);
		assertThat(this.opportunities.history(rep, deal.id()).get(0).toAmount()).isEqualByComparingTo("999.99");

		this.opportunities.removeLineItem(rep, deal.id(), second.id());
		assertThat(this.opportunities.get(rep, deal.id()).amount()).isEqualByComparingTo("900.00");
	}

	@Test
	void anUntouchedOpenDealIsStaleAndAPastCloseDateOverdue() {
		Viewer rep = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROPOSAL, "500"));
		this.jdbc.sql("update opportunities set last_touched_at = :then, close_date = :yesterday where id = :id")
			.param("then", OffsetDateTime.now(this.clock).minusDays(31))
			.param("yesterday", LocalDate.now(this.clock).minusDays(1))
			.param("id", deal.id())
			.update();

		Opportunity stale = this.opportunities.get(rep, deal.id());
		assertThat(stale.stale()).isTrue();
		assertThat(stale.overdue()).isTrue();
		OpportunityFilter staleOnly = new OpportunityFilter(null, null, rep.id(), null, null, null, null, null, null,
				true, false);
		assertThat(this.opportunities.list(rep, staleOnly, Pageable.ofSize(10)).getContent())
			.extracting(Opportunity::id)
			.containsExactly(deal.id());
	}

	@Test
	void workLoggedOnADealTouchesIt(Scenario scenario) {
		Viewer rep = user(Role.REP);
		Viewer colleague = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROPOSAL, "500"));
		Instant later = deal.lastTouchedAt().plus(1, ChronoUnit.HOURS);

		scenario.publish(new RecordTouched(OpportunityAccess.RECORD_TYPE, deal.id(), colleague.id(), later))
			.andWaitForStateChange(() -> this.opportunities.get(rep, deal.id()).lastTouchedBy(), colleague.id()::equals)
			.andVerify(
					touchedBy -> assertThat(this.opportunities.get(rep, deal.id()).lastTouchedAt()).isEqualTo(later));
	}

	@Test
	void theStageHistoryAppearsOnTheDealsTimelineNewestFirst() {
		Viewer rep = user(Role.REP);
		Opportunity deal = this.opportunities.create(rep, deal(account(rep).id(), rep.id(), PROPOSAL, "40000"));
		this.opportunities.changeStage(rep, deal.id(), NEGOTIATION, deal.version(), null);

		List<TimelineEntry> entries = this.timeline.entries("opportunity", deal.id(), null, 10);
		assertThat(entries).hasSize(2);
		assertThat(entries.get(0).summary()).startsWith("Stage Proposal → Negotiation");
		assertThat(entries.get(0).source()).isEqualTo("stage-history");
		assertThat(this.timeline.entries("opportunity", deal.id(), entries.get(0).cursor(), 10)).singleElement()
			.satisfies(e -> assertThat(e.type()).isEqualTo("CREATED"));
		assertThat(this.timeline.entries("account", deal.id(), null, 10)).isEmpty();
	}

}
