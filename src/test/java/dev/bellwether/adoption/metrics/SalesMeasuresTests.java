package dev.bellwether.adoption.metrics;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.adoption.AdoptionMetrics;
import dev.bellwether.adoption.AdoptionScope;
import dev.bellwether.adoption.LateEntry;
import dev.bellwether.adoption.TimeToFirstValue;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import dev.bellwether.sales.PipelineHygiene;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.bellwether.platform.SqlValues.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sales-derived adoption figures on deals made through the sales module, with their
 * timestamps set where a test needs the past.
 */
@IntegrationTest
class SalesMeasuresTests {

	static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	static final UUID NEGOTIATION = UUID.fromString("01900000-0000-7000-8000-000000000005");

	static final UUID WON = UUID.fromString("01900000-0000-7000-8000-000000000006");

	static final UUID LOST = UUID.fromString("01900000-0000-7000-8000-000000000007");

	@Autowired
	AdoptionMetrics metrics;

	@Autowired
	Clock clock;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	TestUsers testUsers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory directory;

	@Test
	void deactivatedOwnersOpenDealsStayInFreshnessAsDealsNobodyActiveLooksAfter() {
		User admin = this.testUsers.create(Role.ADMIN);
		User manager = this.testUsers.create(Role.MANAGER);
		User leaver = this.testUsers.create(Role.REP, manager.id());
		LocalDate today = this.metrics.today();
		Opportunity kept = deal(TestUsers.viewer(manager), PROPOSAL, "200", today.plusDays(30));
		Opportunity recent = deal(TestUsers.viewer(leaver), PROPOSAL, "300", today.plusDays(30));
		Opportunity untouched = deal(TestUsers.viewer(leaver), PROPOSAL, "500", today.plusDays(30));
		this.jdbc.sql("update opportunities set last_touched_at = :at where id = :id")
			.param("at", OffsetDateTime.now(this.clock).minusDays(40))
			.param("id", untouched.id())
			.update();
		this.directory.deactivate(leaver.id(), admin.id());

		PipelineHygiene.Freshness team = this.metrics.freshness(AdoptionScope.of(List.of(manager.id(), leaver.id())),
				30);
		PipelineHygiene.Freshness everyone = this.metrics.freshness(AdoptionScope.everyone(), 30);
		long allOpen = this.jdbc
			.sql("select count(*) from opportunities where deleted_at is null and closed_at is null")
			.query(Long.class)
			.single();

		// the leaver's two deals are in the denominator; only the one touched lately is
		// fresh
		assertThat(kept.id()).isNotEqualTo(recent.id());
		assertThat(team.openDeals()).isEqualTo(3);
		assertThat(team.openAmount()).isEqualByComparingTo("1000");
		assertThat(team.freshDeals()).isEqualTo(2);
		assertThat(team.freshAmount()).isEqualByComparingTo("500");
		assertThat(this.metrics.freshness(AdoptionScope.user(leaver.id()), 30).openDeals()).isEqualTo(2);
		// everyone's: no open deal of a person drops out for being deactivated
		long ofIntegrationOrNotCounted = this.jdbc.sql("""
				select count(*) from opportunities o join users u on u.id = o.owner_id
				where o.deleted_at is null and o.closed_at is null
				  and (u.integration_account or (u.active and u.not_counted_reason is not null))
				""").query(Long.class).single();
		assertThat(everyone.openDeals()).isEqualTo(allOpen - ofIntegrationOrNotCounted);
	}

	@Test
	void freshnessOverdueNeglectedAndPushes() {
		User owner = this.testUsers.create(Role.REP);
		Viewer rep = TestUsers.viewer(owner);
		LocalDate today = this.metrics.today();
		Opportunity fresh = deal(rep, PROPOSAL, "100", today.plusDays(90));
		Opportunity stale = deal(rep, PROPOSAL, "300", today.plusDays(30));
		Opportunity overdue = deal(rep, PROPOSAL, "600", today.plusDays(5));
		Opportunity closed = deal(rep, PROPOSAL, "5000", today.plusDays(5));
		this.opportunities.changeStage(rep, closed.id(), WON, closed.version(), null);
		this.jdbc.sql("update opportunities set last_touched_at = :at where id = :id")
			.param("at", OffsetDateTime.now(this.clock).minusDays(40))
			.param("id", stale.id())
			.update();
		this.jdbc.sql("update opportunities set close_date = :day where id = :id")
			.param("day", today.minusDays(3))
			.param("id", overdue.id())
			.update();
		// pushed once later, and once earlier (not a push)
		Opportunity pushed = this.opportunities.update(rep, fresh.id(), fresh.version(),
				withCloseDate(fresh, today.plusDays(120)));
		this.opportunities.update(rep, fresh.id(), pushed.version(), withCloseDate(pushed, today.plusDays(100)));

		PipelineHygiene.Freshness figures = this.metrics.freshness(AdoptionScope.user(owner.id()), 30);

		assertThat(figures.openDeals()).isEqualTo(3);
		assertThat(figures.openAmount()).isEqualByComparingTo("1000");
		assertThat(figures.freshDeals()).isEqualTo(2);
		assertThat(figures.freshShareByCount()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(figures.freshShareByValue()).isCloseTo(0.7, within(1e-9));
		assertThat(figures.overdueDeals()).isEqualTo(1);
		assertThat(figures.neglectedDeals()).isEqualTo(1);
		assertThat(figures.closeDatePushes()).isEqualTo(1);
		assertThat(figures.dealsPushed()).isEqualTo(1);
		assertThat(this.metrics.freshness(AdoptionScope.user(owner.id()), 50).freshDeals()).isEqualTo(3);
		assertThat(this.metrics.freshness(AdoptionScope.of(List.of()), 30).openDeals()).isZero();
	}

	@Test
	void lateEntryByCountAndAmountPerOwnerAndManager() {
		User boss = this.testUsers.create(Role.MANAGER);
		User owner = this.testUsers.create(Role.REP, boss.id());
		Viewer rep = TestUsers.viewer(owner);
		LocalDate today = this.metrics.today();
		Opportunity committed = deal(rep, NEGOTIATION, "100", today.plusDays(10));
		Opportunity sameDay = deal(rep, PROSPECTING, "200", today.plusDays(10));
		Opportunity worked = deal(rep, PROSPECTING, "700", today.plusDays(10));
		deal(rep, PROSPECTING, "999", today.plusDays(10));
		this.jdbc.sql("update opportunities set created_at = :at where id in (:ids)")
			.param("at", OffsetDateTime.now(this.clock).minusDays(10))
			.param("ids", List.of(committed.id(), worked.id()))
			.update();
		this.opportunities.changeStage(rep, committed.id(), WON, committed.version(), null);
		this.opportunities.changeStage(rep, sameDay.id(), WON, sameDay.version(), null);
		this.opportunities.changeStage(rep, worked.id(), LOST, worked.version(), "No budget this year");

		LateEntry late = this.metrics.lateEntry(AdoptionScope.of(List.of(boss.id(), owner.id())), today, today);

		assertThat(late.overall().closedDeals()).isEqualTo(3);
		assertThat(late.overall().lateDeals()).isEqualTo(2);
		assertThat(late.overall().shareByCount()).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(late.overall().shareByAmount()).isCloseTo(0.3, within(1e-9));
		assertThat(late.owners()).singleElement().satisfies(row -> {
			assertThat(row.userId()).isEqualTo(owner.id());
			assertThat(row.lateAmount()).isEqualByComparingTo(new BigDecimal("300"));
		});
		assertThat(late.managers()).singleElement().satisfies(row -> {
			assertThat(row.userId()).isEqualTo(boss.id());
			assertThat(row.closedDeals()).isEqualTo(3);
			assertThat(row.lateDeals()).isEqualTo(2);
		});
		assertThat(this.metrics.lateEntry(AdoptionScope.user(owner.id()), today.minusDays(9), today.minusDays(1))
			.overall()
			.shareByCount()).isNull();
	}

	@Test
	void timeToFirstValueIsTheMedianOfTheCohort() {
		User first = this.testUsers.create(Role.REP);
		User second = this.testUsers.create(Role.REP);
		User never = this.testUsers.create(Role.REP);
		UsageFixture fixture = new UsageFixture(this.testUsers, this.jdbc);
		fixture.provisioned(first, at(2025, 1, 10));
		fixture.provisioned(second, at(2025, 1, 5));
		fixture.provisioned(never, at(2025, 1, 20));
		advance(first, at(2025, 1, 20));
		advance(second, at(2025, 1, 25));
		// a deal of their own moved to a lost stage is no value
		Viewer loser = TestUsers.viewer(never);
		Opportunity lost = deal(loser, PROSPECTING, "10", this.metrics.today().plusDays(5));
		this.opportunities.changeStage(loser, lost.id(), LOST, lost.version(), "No budget this year");

		TimeToFirstValue ttv = this.metrics
			.timeToFirstValue(AdoptionScope.of(List.of(first.id(), second.id(), never.id())), this.metrics.today());

		assertThat(ttv.cohorts()).singleElement().satisfies(cohort -> {
			assertThat(cohort.month()).isEqualTo(YearMonth.of(2025, 1));
			assertThat(cohort.users()).isEqualTo(3);
			assertThat(cohort.reached()).isEqualTo(2);
			assertThat(cohort.medianDays()).isCloseTo(15.0, within(1e-9));
		});
		assertThat(ttv.users()).filteredOn(u -> u.userId().equals(never.id()))
			.singleElement()
			.satisfies(u -> assertThat(u.days()).isNull());
		// as of a day before the second moved their deal
		TimeToFirstValue earlier = this.metrics.timeToFirstValue(AdoptionScope.of(List.of(first.id(), second.id())),
				LocalDate.of(2025, 1, 22));
		assertThat(earlier.cohorts()).singleElement().satisfies(cohort -> {
			assertThat(cohort.reached()).isEqualTo(1);
			assertThat(cohort.medianDays()).isCloseTo(10.0, within(1e-9));
		});
	}

	/**
	 * The user creates a deal and moves it forward; the move is dated {@code at}.
	 */
	private void advance(User user, Instant at) {
		Viewer viewer = TestUsers.viewer(user);
		Opportunity deal = deal(viewer, PROSPECTING, "10", this.metrics.today().plusDays(20));
		this.opportunities.changeStage(viewer, deal.id(), PROPOSAL, deal.version(), null);
		this.jdbc.sql(
				"update opportunity_history set changed_at = :at where opportunity_id = :id and from_stage_id is not null")
			.param("at", utc(at))
			.param("id", deal.id())
			.update();
	}

	private Opportunity deal(Viewer rep, UUID stage, String amount, LocalDate closeDate) {
		UUID account = this.accounts
			.create(rep,
					new AccountDetails("Adoption Co " + UUID.randomUUID(), null, null, null, null, null, null, null,
							null, null, null, null, rep.id(), null))
			.id();
		return this.opportunities.create(rep, new OpportunityDetails("Deal", account, null, rep.id(), stage,
				new BigDecimal(amount), false, closeDate, null, null, null, null, null, null));
	}

	private static OpportunityDetails withCloseDate(Opportunity deal, LocalDate closeDate) {
		OpportunityDetails d = deal.details();
		return new OpportunityDetails(d.name(), d.accountId(), d.primaryContactId(), d.ownerId(), d.stageId(),
				d.amount(), d.amountFromLineItems(), closeDate, null, null, d.nextStep(), d.leadSource(),
				d.lossReason(), d.description());
	}

	private static Instant at(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

}
