package dev.bellwether.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.platform.businesstime.BusinessCalendars;
import dev.bellwether.platform.picklist.PickLists;
import dev.bellwether.sales.LineItemDetails;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.OpportunityStageChanged;
import dev.bellwether.sales.Product;
import dev.bellwether.sales.ProductDetails;
import dev.bellwether.sales.Products;
import dev.bellwether.sales.StageOutcome;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deals made from cases, cross-sell revenue checked against a computation here from the
 * test's own deals (the new-product-line rule included), visibility of the figures and of
 * the links, and the onboarding cases opened when deals are won.
 */
@IntegrationTest
class CrossSellTests {

	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	CrossSell crossSell;

	@Autowired
	CaseOpportunities caseDeals;

	@Autowired
	Onboarding onboarding;

	@Autowired
	OnboardingRules rules;

	@Autowired
	CaseQueues queues;

	@Autowired
	Cases cases;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Products products;

	@Autowired
	PickLists pickLists;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	BusinessCalendars calendars;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	/** A deal of the test's own, as the test itself keeps it. */
	record Own(UUID id, UUID accountId, boolean serviceSourced, List<Line> lines, BigDecimal amount) {
	}

	record Line(UUID productId, BigDecimal total) {
	}

	@Test
	void crossSellRevenueMatchesWhatTheTestComputesFromItsOwnDeals() {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User agent = this.users.create(Role.SERVICE, manager.id());
		Viewer repViewer = TestUsers.viewer(rep);
		Account acme = this.customers.account(rep, "Acme " + TestCustomers.tag(), null);
		Account globex = this.customers.account(rep, "Globex " + TestCustomers.tag(), null);
		Product p1 = product();
		Product p2 = product();
		Product p3 = product();
		List<Own> won = new ArrayList<>();

		// acme's first win: a customer from now on (its product line is not new: no
		// earlier win)
		won.add(win(repViewer, deal(repViewer, acme.id(), "Web", "500", List.of(line(p1, "1", "500", "0"))), false));
		// made from a case by the agent, with a product acme never bought:
		// service-sourced (not counted twice)
		SupportCase supportCase = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Wants the premium plan",
				null, acme.id(), null, null, CasePriority.NORMAL, CaseChannel.PHONE, agent.id(), null, null, null));
		Opportunity fromCase = this.caseDeals.createFromCase(TestUsers.viewer(agent), supportCase.id(),
				new CrossSellRequest(null, new BigDecimal("1000.00"), LocalDate.now(this.clock).plusDays(10), null,
						p2.id(), null));
		assertThat(fromCase.leadSource()).isEqualTo("Service");
		assertThat(fromCase.ownerId()).as("the account's sales owner by default").isEqualTo(rep.id());
		assertThat(fromCase.name()).isEqualTo("Wants the premium plan");
		assertThat(fromCase.createdBy()).isEqualTo(agent.id());
		won.add(win(repViewer, this.opportunities.get(repViewer, fromCase.id()), true));
		// lead source Service only, no case
		won.add(win(repViewer, deal(repViewer, acme.id(), "Service", "300", List.of()), true));
		// an existing customer buys p1 again (not new) and p3 for the first time (new)
		won.add(win(repViewer,
				deal(repViewer, acme.id(), "Web", "0", List.of(line(p1, "1", "100", "0"), line(p3, "2", "150", "10"))),
				false));
		// a new customer's first win with p3: not an existing customer
		won.add(win(repViewer, deal(repViewer, globex.id(), "Web", "900", List.of(line(p3, "3", "300", "0"))), false));
		// made from a case but still open, and one lost: not won, not counted
		this.caseDeals.createFromCase(TestUsers.viewer(agent), supportCase.id(), new CrossSellRequest("Add-on",
				new BigDecimal("50"), LocalDate.now(this.clock).plusDays(5), PROSPECTING, null, null));
		Opportunity lost = deal(repViewer, acme.id(), "Service", "70", List.of());
		this.opportunities.changeStage(repViewer, lost.id(), LOST,
				this.opportunities.get(repViewer, lost.id()).version(), "No budget this year");

		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		CrossSell.CrossSellSummary summary = this.crossSell.summary(TestUsers.viewer(manager), today.minusDays(1),
				today);

		BigDecimal expectedService = won.stream()
			.filter(Own::serviceSourced)
			.map(Own::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal expectedNew = expectedNewProductLines(won);
		assertThat(summary.serviceSourcedWon()).isEqualByComparingTo(expectedService).isEqualByComparingTo("1300");
		assertThat(summary.serviceSourcedDeals()).isEqualTo(2);
		assertThat(summary.newProductLinesWon()).isEqualByComparingTo(expectedNew).isEqualByComparingTo("270");
		assertThat(summary.total()).isEqualByComparingTo(expectedService.add(expectedNew));
		assertThat(summary.currency()).isEqualTo("USD");

		CrossSell.Report report = this.crossSell.report(TestUsers.viewer(manager), today.minusDays(1), today,
				CrossSell.Grouping.AGENT);
		assertThat(report.groups()).extracting(CrossSell.Group::name)
			.containsExactlyInAnyOrder(agent.fullName(), "No agent (lead source only)");
		assertThat(report.groups()).filteredOn(g -> agent.id().equals(g.agentId()))
			.singleElement()
			.satisfies(g -> assertThat(g.amount()).isEqualByComparingTo("1000"));
		assertThat(report.rows()).filteredOn(r -> r.source() == CrossSell.Source.NEW_PRODUCT_LINE)
			.singleElement()
			.satisfies(r -> assertThat(r.product()).isEqualTo(p3.name()));
		assertThat(report.rows()).filteredOn(r -> fromCase.id().equals(r.opportunityId()))
			.singleElement()
			.satisfies(r -> assertThat(r.caseId()).isEqualTo(supportCase.id()));
		assertThat(this.crossSell.report(TestUsers.viewer(manager), today.minusDays(1), today, CrossSell.Grouping.TEAM)
			.groups()).extracting(CrossSell.Group::name).contains("Team");

		// someone who may read none of these cases nor deals counts none of them
		CrossSell.CrossSellSummary stranger = this.crossSell.summary(TestUsers.viewer(this.users.create(Role.MANAGER)),
				today.minusDays(1), today);
		assertThat(stranger.total()).isEqualByComparingTo("0");
		// an earlier period has none of them
		assertThat(this.crossSell.summary(TestUsers.viewer(manager), today.minusDays(30), today.minusDays(1)).total())
			.isEqualByComparingTo("0");
	}

	/**
	 * The rule as docs/service.md states it, computed over the test's own deals in the
	 * order they were won: a line counts when its account had won a deal before and no
	 * earlier win of the account had the product; service-sourced deals are left out.
	 */
	private static BigDecimal expectedNewProductLines(List<Own> wonInOrder) {
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < wonInOrder.size(); i++) {
			Own deal = wonInOrder.get(i);
			List<Own> earlier = wonInOrder.subList(0, i)
				.stream()
				.filter(d -> d.accountId().equals(deal.accountId()))
				.toList();
			if (deal.serviceSourced() || earlier.isEmpty()) {
				continue;
			}
			Set<UUID> bought = new java.util.HashSet<>();
			earlier.forEach(d -> d.lines().forEach(l -> bought.add(l.productId())));
			for (Line line : deal.lines()) {
				if (!bought.contains(line.productId())) {
					total = total.add(line.total());
				}
			}
		}
		return total;
	}

	@Test
	void anAgentMakesADealTheyMayNotReadAndTheLinkShowsBothWaysWithinVisibility() {
		User rep = this.users.create(Role.REP);
		User agent = this.users.create(Role.SERVICE);
		Account account = this.customers.account(rep, "Initech " + TestCustomers.tag(), null);
		SupportCase supportCase = this.cases.open(TestUsers.viewer(agent), new CaseDetails("Needs more seats", null,
				account.id(), null, null, null, null, null, null, null, null));

		Opportunity deal = this.caseDeals.createFromCase(TestUsers.viewer(agent), supportCase.id(),
				new CrossSellRequest("More seats", new BigDecimal("2500"), LocalDate.now(this.clock).plusDays(20), null,
						null, null));

		assertThat(this.caseDeals.dealsOf(TestUsers.viewer(agent), supportCase.id())).singleElement().satisfies(d -> {
			assertThat(d.readable()).as("sales rules: a service user does not read deals").isFalse();
			assertThat(d.name()).isNull();
			assertThat(d.amount()).isNull();
			assertThat(d.ownerName()).isEqualTo(rep.fullName());
		});
		assertThat(this.caseDeals.dealsOf(TestUsers.viewer(rep), supportCase.id())).singleElement().satisfies(d -> {
			assertThat(d.readable()).isTrue();
			assertThat(d.name()).isEqualTo("More seats");
			assertThat(d.amount()).isEqualByComparingTo("2500");
			assertThat(d.kind()).isEqualTo(CaseDealKind.CROSS_SELL);
		});
		assertThat(this.caseDeals.casesOf(TestUsers.viewer(rep), deal.id())).extracting(CaseDeal::caseId)
			.containsExactly(supportCase.id());
		assertThat(this.cases.comments(supportCase.id())).anySatisfy(c -> {
			assertThat(c.internal()).isTrue();
			assertThat(c.body()).contains("More seats");
		});

		User otherRep = this.users.create(Role.REP);
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.caseDeals.dealsOf(TestUsers.viewer(otherRep), supportCase.id()));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.caseDeals.casesOf(TestUsers.viewer(otherRep), deal.id()));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.caseDeals.createFromCase(TestUsers.viewer(otherRep), supportCase.id(), request()));
		assertThatExceptionOfType(ForbiddenException.class).as("the account owner reads the case, never changes it")
			.isThrownBy(() -> this.caseDeals.createFromCase(TestUsers.viewer(rep), supportCase.id(), request()));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.crossSell
			.summary(TestUsers.viewer(rep), LocalDate.now(this.clock), LocalDate.now(this.clock)));
		assertThat(this.pickLists.find("lead-source", "Service")).isPresent();
	}

	@Test
	void badInputIsNamedFieldByField() {
		User rep = this.users.create(Role.REP);
		User agent = this.users.create(Role.SERVICE);
		Viewer desk = TestUsers.viewer(agent);
		Account account = this.customers.account(rep, "Umbrella " + TestCustomers.tag(), null);
		SupportCase onAccount = this.cases.open(desk,
				new CaseDetails("Question", null, account.id(), null, null, null, null, null, null, null, null));
		SupportCase noAccount = this.cases.open(desk, CaseDetails.of("No account"));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.caseDeals.createFromCase(desk, onAccount.id(),
					new CrossSellRequest("X", null, null, UUID.randomUUID(), UUID.randomUUID(), desk.id())))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("amount", "closeDate", "stageId",
					"productId", "ownerId"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.caseDeals.createFromCase(desk, onAccount.id(),
					new CrossSellRequest("X", BigDecimal.TEN, LocalDate.now(this.clock), WON, null, null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("stageId"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.caseDeals.createFromCase(desk, noAccount.id(), request()))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsKey("accountId"));
		assertThatExceptionOfType(RecordNotFoundException.class)
			.isThrownBy(() -> this.caseDeals.createFromCase(desk, UUID.randomUUID(), request()));
		assertThat(this.caseDeals.dealsOf(desk, onAccount.id())).isEmpty();
	}

	@Test
	void aWonDealOpensExactlyOneOnboardingCaseByItsRule() throws Exception {
		User admin = this.users.create(Role.ADMIN);
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		Viewer repViewer = TestUsers.viewer(rep);
		Product onboarded = product();
		Product disabledProduct = product();
		Product minimumProduct = product();
		CaseQueue queue = this.queues.create(TestUsers.viewer(admin), "Onboarding " + TestCustomers.tag(), null, null);
		this.rules.create(TestUsers.viewer(admin), new OnboardingRuleDetails("Onboard " + TestCustomers.tag(), true,
				null, onboarded.id(), queue.id(), CasePriority.HIGH, "Onboarding: {deal} for {account}"));
		this.rules.create(TestUsers.viewer(admin), new OnboardingRuleDetails("Off " + TestCustomers.tag(), false, null,
				disabledProduct.id(), queue.id(), CasePriority.URGENT, null));
		this.rules.create(TestUsers.viewer(admin), new OnboardingRuleDetails("Big " + TestCustomers.tag(), true,
				new BigDecimal("5000"), minimumProduct.id(), queue.id(), CasePriority.LOW, null));
		Account account = this.customers.account(rep, "Hooli " + TestCustomers.tag(), null);

		Opportunity deal = deal(repViewer, account.id(), "Web", "0", List.of(line(onboarded, "1", "800", "0")));
		Opportunity won = this.opportunities.changeStage(repViewer, deal.id(), WON,
				this.opportunities.get(repViewer, deal.id()).version(), null);
		await().until(() -> this.onboarding.onboardingCaseOf(deal.id()).isPresent());
		SupportCase opened = this.cases.find(this.onboarding.onboardingCaseOf(deal.id()).orElseThrow()).orElseThrow();
		assertThat(opened.queueId()).isEqualTo(queue.id());
		assertThat(opened.priority()).isEqualTo(CasePriority.HIGH);
		assertThat(opened.accountId()).isEqualTo(account.id());
		assertThat(opened.subject()).isEqualTo("Onboarding: " + deal.name() + " for " + account.name());

		// the event again, and the deal reopened and won again: still one case
		assertThat(this.onboarding.dealWon(new OpportunityStageChanged(deal.id(), rep.id(), PROSPECTING, WON,
				StageOutcome.WON, rep.id(), this.clock.instant())))
			.isEmpty();
		Opportunity reopened = this.opportunities.changeStage(repViewer, deal.id(), PROSPECTING, won.version(), null);
		this.opportunities.changeStage(repViewer, deal.id(), WON, reopened.version(), null);
		Opportunity disabled = deal(repViewer, account.id(), "Web", "0",
				List.of(line(disabledProduct, "1", "9000", "0")));
		this.opportunities.changeStage(repViewer, disabled.id(), WON,
				this.opportunities.get(repViewer, disabled.id()).version(), null);
		Opportunity small = deal(repViewer, account.id(), "Web", "4999",
				List.of(line(minimumProduct, "1", "4999", "0")));
		this.opportunities.changeStage(repViewer, small.id(), WON,
				this.opportunities.get(repViewer, small.id()).version(), null);
		Opportunity big = deal(repViewer, account.id(), "Web", "5000", List.of(line(minimumProduct, "1", "5000", "0")));
		this.opportunities.changeStage(repViewer, big.id(), WON, this.opportunities.get(repViewer, big.id()).version(),
				null);
		await().until(() -> this.onboarding.onboardingCaseOf(big.id()).isPresent());
		assertThat(this.cases.find(this.onboarding.onboardingCaseOf(big.id()).orElseThrow()).orElseThrow().priority())
			.isEqualTo(CasePriority.LOW);
		assertThat(this.onboarding.onboardingCaseOf(disabled.id())).as("the rule is disabled").isEmpty();
		assertThat(this.onboarding.onboardingCaseOf(small.id())).as("below the minimum").isEmpty();
		assertThat(this.jdbc.sql("select count(*) from case_opportunities where opportunity_id = :id")
			.param("id", deal.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from cases where account_id = :id")
			.param("id", account.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		// hand-off: won 5 hours before the first public reply (the win moved back here)
		this.jdbc.sql("update case_opportunities set created_at = created_at - interval '5 hours' where case_id = :id")
			.param("id", opened.id())
			.update();
		Instant wonAt = this.jdbc.sql("select created_at from case_opportunities where case_id = :id")
			.param("id", opened.id())
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
		User agent = this.users.create(Role.SERVICE, manager.id());
		this.cases.addComment(agent.id(), opened.id(), "Welcome aboard!", false);
		Instant firstResponse = this.cases.find(opened.id()).orElseThrow().firstResponseAt();
		double expectedHours = Math.round(Duration.between(wonAt, firstResponse).toSeconds() / 360.0) / 10.0;
		LocalDate today = LocalDate.now(this.clock.withZone(this.calendars.companyZone()));
		CrossSell.HandOff handOff = this.crossSell.handOff(TestUsers.viewer(manager), today.minusDays(1), today);
		assertThat(handOff.count()).isEqualTo(1);
		assertThat(handOff.waiting()).isEqualTo(1);
		assertThat(handOff.medianHours()).isEqualTo(expectedHours).isBetween(5.0, 5.1);
		assertThat(handOff.p90Hours()).isEqualTo(expectedHours);
		this.mvc.perform(get("/cases/" + opened.id() + "/opportunities").with(TestUsers.signIn(this.mvc, manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hand-off: first reply")))
			.andExpect(content().string(containsString(String.format(java.util.Locale.ROOT, "%.1f", expectedHours))));
		assertThat(this.crossSell.handOff(TestUsers.viewer(this.users.create(Role.MANAGER)), today.minusDays(1), today)
			.medianHours()).as("none readable").isNull();
	}

	@Test
	void medianAndNinetiethPercentileFollowTheirDefinitions() {
		List<CrossSell.HandOffCase> cases = new ArrayList<>();
		for (double hours : new double[] { 9, 1, 4, 2, 30, 3, 8, 5, 6, 7 }) {
			cases.add(new CrossSell.HandOffCase(UUID.randomUUID(), "#1", "s", UUID.randomUUID(), Instant.EPOCH,
					Instant.EPOCH, hours));
		}
		cases
			.add(new CrossSell.HandOffCase(UUID.randomUUID(), "#2", "s", UUID.randomUUID(), Instant.EPOCH, null, null));
		CrossSell.HandOff handOff = CrossSell.handOff(cases);
		assertThat(handOff.count()).isEqualTo(10);
		assertThat(handOff.waiting()).isEqualTo(1);
		assertThat(handOff.medianHours()).isEqualTo(5.5);
		assertThat(handOff.p90Hours()).isEqualTo(9.0);
		assertThat(handOff.averageHours()).isEqualTo(7.5);
		assertThat(CrossSell.handOff(List.of())).isEqualTo(new CrossSell.HandOff(0, 0, null, null, null));
	}

	@Test
	void onboardingRulesAreForAdministratorsAndCheckTheirInput() {
		User admin = this.users.create(Role.ADMIN);
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.rules.list(TestUsers.viewer(this.users.create(Role.SERVICE))));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.rules.create(TestUsers.viewer(admin),
					new OnboardingRuleDetails(" ", true, new BigDecimal("-1"), UUID.randomUUID(), UUID.randomUUID(),
							null, null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("name", "minimumAmount", "productId",
					"queueId"));
		OnboardingRule rule = this.rules.create(TestUsers.viewer(admin), new OnboardingRuleDetails(
				"Rule " + TestCustomers.tag(), false, null, product().id(), Cases.DEFAULT_QUEUE_ID, null, null));
		assertThat(rule.subjectTemplate()).isEqualTo(OnboardingRules.DEFAULT_SUBJECT);
		assertThat(rule.priority()).isEqualTo(CasePriority.NORMAL);
		assertThatExceptionOfType(dev.bellwether.platform.StaleRecordException.class)
			.isThrownBy(() -> this.rules.update(TestUsers.viewer(admin), rule.id(), rule.version() + 1,
					new OnboardingRuleDetails(rule.name(), true, null, null, Cases.DEFAULT_QUEUE_ID, null, null)));
		this.rules.delete(TestUsers.viewer(admin), rule.id());
	}

	private static CrossSellRequest request() {
		return new CrossSellRequest("X", BigDecimal.TEN, LocalDate.of(2027, 1, 1), null, null, null);
	}

	private Product product() {
		String tag = TestCustomers.tag();
		return this.products.create(TestUsers.viewer(this.users.create(Role.SALES_ADMIN)),
				new ProductDetails("P-" + tag, "Product " + tag, null, new BigDecimal("100"), true));
	}

	private static LineItemDetails line(Product product, String quantity, String price, String discount) {
		return new LineItemDetails(product.id(), new BigDecimal(quantity), new BigDecimal(price),
				new BigDecimal(discount), null);
	}

	private Opportunity deal(Viewer rep, UUID accountId, String source, String amount, List<LineItemDetails> lines) {
		Opportunity deal = this.opportunities.create(rep,
				new OpportunityDetails("Deal " + TestCustomers.tag(), accountId, null, rep.id(), PROSPECTING,
						new BigDecimal(amount), false, LocalDate.now(this.clock).plusDays(30), null, null, null, source,
						null, null));
		for (LineItemDetails line : lines) {
			this.opportunities.addLineItem(rep, deal.id(), line);
		}
		return this.opportunities.get(rep, deal.id());
	}

	/** Wins the deal; the amount counted is the deal's, the lines are its line items. */
	private Own win(Viewer rep, Opportunity deal, boolean serviceSourced) {
		Opportunity won = this.opportunities.changeStage(rep, deal.id(), WON, deal.version(), null);
		List<Line> lines = this.opportunities.lineItems(rep, deal.id())
			.stream()
			.map(item -> new Line(item.productId(),
					item.quantity()
						.multiply(item.unitPrice())
						.multiply(BigDecimal.valueOf(100).subtract(item.discountPercent()))
						.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)))
			.toList();
		return new Own(won.id(), won.accountId(), serviceSourced, lines, won.amount());
	}

}
