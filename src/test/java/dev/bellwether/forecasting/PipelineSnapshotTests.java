package dev.bellwether.forecasting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Accounts;
import dev.bellwether.forecasting.PipelineChangeReport.Bucket;
import dev.bellwether.forecasting.PipelineSnapshots.Kind;
import dev.bellwether.forecasting.PipelineSnapshots.Snapshot;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.FiscalPeriod;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.platform.export.XlsxSheets;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.bellwether.forecasting.ForecastingFixtures.LOST;
import static dev.bellwether.forecasting.ForecastingFixtures.NEGOTIATION;
import static dev.bellwether.forecasting.ForecastingFixtures.PROPOSAL;
import static dev.bellwether.forecasting.ForecastingFixtures.PROSPECTING;
import static dev.bellwether.forecasting.ForecastingFixtures.QUALIFICATION;
import static dev.bellwether.forecasting.ForecastingFixtures.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Snapshots and what changed, on each test's own team. Snapshots are taken at explicit
 * moments (each test its own minutes, the start well before the test's changes and the
 * end after them), so that no two tests' snapshots share a minute however fast they run.
 */
@IntegrationTest
class PipelineSnapshotTests {

	static final AtomicInteger MINUTES = new AtomicInteger();

	@Autowired
	PipelineSnapshots snapshots;

	@Autowired
	PipelineChanges changes;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Accounts accounts;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	MockMvc mvc;

	ForecastingFixtures fixtures;

	User manager;

	User rep;

	User otherRep;

	FiscalPeriod period;

	LocalDate in;

	LocalDate later;

	@BeforeEach
	void team() {
		this.fixtures = new ForecastingFixtures(this.users, this.accounts, this.opportunities, "Snapshot");
		this.manager = this.fixtures.person(Role.MANAGER, null);
		this.rep = this.fixtures.person(Role.REP, this.manager);
		this.otherRep = this.fixtures.person(Role.REP, null);
		this.period = this.calendar.current(FiscalPeriod.Kind.QUARTER);
		this.in = ForecastingFixtures.closingIn(this.period, this.calendar.today());
		this.later = ForecastingFixtures.closingAfter(this.period);
	}

	@Test
	void theSnapshotHoldsEveryOpenDealAsItIsLive() {
		Opportunity open = this.fixtures.deal(this.rep, PROPOSAL, "1234.56", this.in);
		Opportunity won = this.fixtures.deal(this.rep, NEGOTIATION, "500", this.in);
		this.opportunities.changeStage(viewer(this.rep), won.id(), WON, won.version(), null);
		Opportunity deleted = this.fixtures.deal(this.rep, PROPOSAL, "700", this.in);
		this.opportunities.delete(viewer(this.rep), deleted.id());

		Snapshot snapshot = this.snapshots.take(Kind.ON_DEMAND, this.manager.id(), uniqueMinute()).snapshot();

		// an independent reading of the live deals, straight from the sales tables
		Set<String> live = this.jdbc.sql("""
				select o.id, o.owner_id, o.stage_id, s.position, o.forecast_category, o.amount, o.close_date
				from opportunities o join pipeline_stages s on s.id = o.stage_id
				where o.closed_at is null and o.deleted_at is null
				""")
			.query((rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.set();
		Set<String> snapshotted = this.jdbc.sql("""
				select deal_id, owner_id, stage_id, stage_position, forecast_category, amount, close_date
				from pipeline_snapshot_deals where snapshot_id = :id
				""")
			.param("id", snapshot.id())
			.query((rs, row) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.set();
		assertThat(snapshotted).isEqualTo(live);
		assertThat(snapshot.dealCount()).isEqualTo(live.size());
		assertThat(snapshotted).anyMatch(row -> row.startsWith(open.id() + "|" + this.rep.id() + "|" + PROPOSAL)
				&& row.endsWith("|1234.56|" + this.in));
		assertThat(snapshotted).noneMatch(row -> row.startsWith(won.id().toString()))
			.noneMatch(row -> row.startsWith(deleted.id().toString()));
		BigDecimal amount = this.jdbc
			.sql("select coalesce(sum(amount), 0) from pipeline_snapshot_deals where snapshot_id = :id")
			.param("id", snapshot.id())
			.query(BigDecimal.class)
			.single();
		assertThat(snapshot.amount()).isEqualByComparingTo(amount);
	}

	@Test
	void aSecondSnapshotInTheSameMinuteIsANoOpReturningTheFirst() {
		Instant minute = uniqueMinute();
		PipelineSnapshots.Taken first = this.snapshots.take(Kind.ON_DEMAND, this.manager.id(), minute.plusSeconds(5));
		PipelineSnapshots.Taken second = this.snapshots.take(Kind.ON_DEMAND, this.rep.id(), minute.plusSeconds(50));
		PipelineSnapshots.Taken nextMinute = this.snapshots.take(Kind.ON_DEMAND, this.rep.id(), minute.plusSeconds(65));

		assertThat(first.taken()).isTrue();
		assertThat(second.taken()).isFalse();
		assertThat(second.snapshot().id()).isEqualTo(first.snapshot().id());
		assertThat(second.snapshot().takenBy()).isEqualTo(this.manager.id());
		assertThat(nextMinute.taken()).isTrue();
		assertThat(nextMinute.snapshot().id()).isNotEqualTo(first.snapshot().id());
		assertThat(this.jdbc.sql("select count(*) from pipeline_snapshot_deals where snapshot_id = :id")
			.param("id", first.snapshot().id())
			.query(Long.class)
			.single()).isEqualTo(first.snapshot().dealCount());
	}

	@Test
	void theWeeklyJobStartedOnTwoNodesAtOnceWritesOneSnapshot() throws Exception {
		Instant minute = uniqueMinute();
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<PipelineSnapshots.Taken> one = nodes
				.submit(() -> this.snapshots.take(Kind.WEEKLY, null, minute.plusSeconds(1)));
			Future<PipelineSnapshots.Taken> two = nodes
				.submit(() -> this.snapshots.take(Kind.WEEKLY, null, minute.plusSeconds(2)));
			List<PipelineSnapshots.Taken> both = List.of(one.get(1, TimeUnit.MINUTES), two.get(1, TimeUnit.MINUTES));

			assertThat(both).filteredOn(PipelineSnapshots.Taken::taken).hasSize(1);
			assertThat(both).extracting(taken -> taken.snapshot().id()).containsOnly(both.get(0).snapshot().id());
		}
		finally {
			nodes.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from pipeline_snapshots where kind = 'WEEKLY' and taken_minute = :m")
			.param("m", java.time.OffsetDateTime.ofInstant(minute, java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theWeeklyJobRunsOnOneNodeOnTheConfiguredDay() throws Exception {
		java.lang.reflect.Method weekly = PipelineSnapshotJob.class.getDeclaredMethod("weekly");
		assertThat(weekly.getAnnotation(org.springframework.scheduling.annotation.Scheduled.class).cron())
			.isEqualTo("${bellwether.forecasting.snapshot.cron:0 0 6 * * MON}");
		assertThat(weekly.getAnnotation(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class).name())
			.isEqualTo("forecasting.weekly-pipeline-snapshot");
	}

	@Test
	void aRepMayNotTakeASnapshotAndTheApiSaysSo() throws Exception {
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> this.snapshots.takeOnDemand(viewer(this.rep)));
		this.mvc.perform(post("/api/v1/pipeline/snapshots").with(TestUsers.basic(this.rep)))
			.andExpect(status().isForbidden());
	}

	@Test
	void whatChangedCountsEachDealInItsBuckets() {
		// in the period's pipeline at the start
		Opportunity unchanged = this.fixtures.deal(this.rep, PROPOSAL, "10000", this.in);
		Opportunity won = this.fixtures.deal(this.rep, NEGOTIATION, "20000", this.in);
		Opportunity lost = this.fixtures.deal(this.rep, PROPOSAL, "30000", this.in);
		Opportunity pushed = this.fixtures.deal(this.rep, PROPOSAL, "40000", this.in);
		Opportunity up = this.fixtures.deal(this.rep, PROPOSAL, "60000", this.in);
		Opportunity down = this.fixtures.deal(this.rep, PROPOSAL, "70000", this.in);
		Opportunity forwardAndUp = this.fixtures.deal(this.rep, QUALIFICATION, "80000", this.in);
		Opportunity back = this.fixtures.deal(this.rep, NEGOTIATION, "11000", this.in);
		Opportunity removed = this.fixtures.deal(this.rep, PROPOSAL, "13000", this.in);
		// outside it
		Opportunity pulled = this.fixtures.deal(this.rep, PROPOSAL, "50000", this.later);
		Opportunity elsewhere = this.fixtures.deal(this.rep, PROPOSAL, "99000", this.later);
		// not the manager's team
		Opportunity someoneElses = this.fixtures.deal(this.otherRep, PROPOSAL, "77000", this.in);
		Snapshot start = this.snapshots.take(Kind.ON_DEMAND, this.manager.id(), startMinute()).snapshot();

		Viewer rep = viewer(this.rep);
		this.opportunities.changeStage(rep, won.id(), WON, won.version(), null);
		this.opportunities.changeStage(rep, lost.id(), LOST, lost.version(), "No budget this year");
		this.fixtures.update(pushed, null, null, this.later);
		this.fixtures.update(pulled, null, null, this.in);
		this.fixtures.update(up, null, "65000", null);
		this.fixtures.update(down, null, "62000", null);
		this.fixtures.update(forwardAndUp, NEGOTIATION, "90000", null);
		this.opportunities.changeStage(rep, back.id(), PROSPECTING, back.version(), null);
		this.opportunities.delete(rep, removed.id());
		Opportunity created = this.fixtures.deal(this.rep, PROPOSAL, "12000", this.in);
		this.fixtures.update(elsewhere, null, "1000", this.later.plusDays(5));
		this.fixtures.update(someoneElses, null, "1", null);

		// expected by hand, from the fixture above
		Map<ChangeBucket, Set<UUID>> deals = Map.of(ChangeBucket.NEW, Set.of(created.id()), ChangeBucket.PULLED_IN,
				Set.of(pulled.id()), ChangeBucket.AMOUNT_UP, Set.of(up.id(), forwardAndUp.id()),
				ChangeBucket.AMOUNT_DOWN, Set.of(down.id()), ChangeBucket.PUSHED_OUT, Set.of(pushed.id()),
				ChangeBucket.WON, Set.of(won.id()), ChangeBucket.LOST, Set.of(lost.id()), ChangeBucket.REMOVED,
				Set.of(removed.id()), ChangeBucket.STAGE_FORWARD, Set.of(forwardAndUp.id()), ChangeBucket.STAGE_BACK,
				Set.of(back.id()));
		Map<ChangeBucket, String> amounts = Map.of(ChangeBucket.NEW, "12000", ChangeBucket.PULLED_IN, "50000",
				ChangeBucket.AMOUNT_UP, "15000", ChangeBucket.AMOUNT_DOWN, "8000", ChangeBucket.PUSHED_OUT, "40000",
				ChangeBucket.WON, "20000", ChangeBucket.LOST, "30000", ChangeBucket.REMOVED, "13000",
				ChangeBucket.STAGE_FORWARD, "90000", ChangeBucket.STAGE_BACK, "11000");

		PipelineChangeReport live = this.changes.between(viewer(this.manager), start.id(), null, this.period,
				PipelineChanges.Scope.all());
		Snapshot end = this.snapshots.take(Kind.WEEKLY, null, endMinute()).snapshot();
		PipelineChangeReport between = this.changes.between(viewer(this.manager), start.id(), end.id(), this.period,
				PipelineChanges.Scope.all());

		for (PipelineChangeReport report : List.of(live, between)) {
			for (Bucket bucket : report.buckets()) {
				assertThat(ids(bucket)).as(bucket.bucket().name()).isEqualTo(deals.get(bucket.bucket()));
				assertThat(bucket.count()).as(bucket.bucket().name()).isEqualTo(deals.get(bucket.bucket()).size());
				assertThat(bucket.amount()).as(bucket.bucket().name())
					.isEqualByComparingTo(amounts.get(bucket.bucket()));
			}
			assertThat(report.start().count()).isEqualTo(9);
			assertThat(report.start().amount()).isEqualByComparingTo("334000");
			assertThat(report.end().count()).isEqualTo(7);
			assertThat(report.end().amount()).isEqualByComparingTo("300000");
			// the amount buckets reconcile the two totals
			BigDecimal reconciled = report.start().amount();
			for (Bucket bucket : report.buckets()) {
				reconciled = reconciled.add(bucket.amount().multiply(BigDecimal.valueOf(bucket.bucket().sign())));
			}
			assertThat(reconciled).isEqualByComparingTo(report.end().amount());
			assertThat(allIds(report)).doesNotContain(unchanged.id(), elsewhere.id(), someoneElses.id());
		}
		// a limit lists the largest deals of each bucket; the count and amount still
		// cover
		// all
		for (int limit : new int[] { 0, 1 }) {
			Bucket limited = this.changes
				.between(viewer(this.manager), start.id(), end.id(), this.period,
						new PipelineChanges.Scope(null, null, limit))
				.bucket(ChangeBucket.AMOUNT_UP);
			assertThat(limited.count()).isEqualTo(2);
			assertThat(limited.amount()).isEqualByComparingTo("15000");
			assertThat(ids(limited)).isEqualTo(limit == 0 ? Set.of() : Set.of(forwardAndUp.id()));
		}
		PipelineChangeReport.ChangedDeal grown = live.bucket(ChangeBucket.AMOUNT_UP)
			.deals()
			.stream()
			.filter(deal -> deal.id().equals(forwardAndUp.id()))
			.findFirst()
			.orElseThrow();
		assertThat(grown.fromStage()).isEqualTo("Qualification");
		assertThat(grown.toStage()).isEqualTo("Negotiation");
		assertThat(grown.amount()).isEqualByComparingTo("10000");
		assertThat(grown.flags().amountChanged()).isTrue();
		PipelineChangeReport.ChangedDeal pushedOut = live.bucket(ChangeBucket.PUSHED_OUT).deals().get(0);
		assertThat(pushedOut.flags().closeDatePushes()).isEqualTo(1);
		assertThat(pushedOut.flags().labels()).contains("Close date pushed once", "No next step");
	}

	@Test
	void aRepSeesOnlyTheirOwnDealsInWhatChanged() throws Exception {
		Opportunity mine = this.fixtures.deal(this.rep, PROPOSAL, "1000", this.in);
		Opportunity theirs = this.fixtures.deal(this.otherRep, PROPOSAL, "2000", this.in);
		Snapshot start = this.snapshots.take(Kind.ON_DEMAND, this.manager.id(), startMinute()).snapshot();
		this.fixtures.update(mine, null, "1500", null);
		this.fixtures.update(theirs, null, "2500", null);

		PipelineChangeReport asRep = this.changes.between(viewer(this.rep), start.id(), null, this.period,
				PipelineChanges.Scope.all());
		assertThat(ids(asRep.bucket(ChangeBucket.AMOUNT_UP))).contains(mine.id()).doesNotContain(theirs.id());
		// narrowing to someone whose deals they don't see is refused, not answered empty
		assertThatThrownBy(() -> this.changes.between(viewer(this.rep), start.id(), null, this.period,
				new PipelineChanges.Scope(this.otherRep.id(), null, 50)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.changes.between(viewer(this.rep), start.id(), null, this.period,
				new PipelineChanges.Scope(null, this.manager.id(), 50)))
			.isInstanceOf(ForbiddenException.class);
		assertThatThrownBy(() -> this.changes.between(viewer(this.manager), start.id(), null, this.period,
				new PipelineChanges.Scope(UUID.randomUUID(), null, 50)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("There is no user");
		PipelineChangeReport ownOnly = this.changes.between(viewer(this.manager), start.id(), null, this.period,
				new PipelineChanges.Scope(this.rep.id(), null, 50));
		assertThat(ids(ownOnly.bucket(ChangeBucket.AMOUNT_UP))).contains(mine.id()).doesNotContain(theirs.id());
		PipelineChangeReport asManager = this.changes.between(viewer(this.manager), start.id(), null, this.period,
				PipelineChanges.Scope.all());
		assertThat(ids(asManager.bucket(ChangeBucket.AMOUNT_UP))).contains(mine.id()).doesNotContain(theirs.id());

		this.mvc
			.perform(get("/api/v1/pipeline/changes").param("from", start.id().toString())
				.param("period", this.period.code())
				.with(TestUsers.basic(this.otherRep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.buckets[?(@.bucket == 'AMOUNT_UP')].deals[*].id", hasItem(theirs.id().toString())))
			.andExpect(content().string(not(containsString(mine.id().toString()))));
		this.mvc
			.perform(get("/pipeline/changes").param("from", start.id().toString())
				.with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(mine.name())))
			.andExpect(content().string(not(containsString(theirs.name()))));
		this.mvc
			.perform(get("/pipeline/changes/export.csv").param("from", start.id().toString())
				.with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(containsString("Amount up," + mine.id() + "," + mine.name())))
			.andExpect(content().string(not(containsString(theirs.id().toString()))));

		// the API's workbook: a summary sheet, then the deals, scoped the same way
		byte[] file = this.mvc
			.perform(get("/api/v1/pipeline/changes/export").param("from", start.id().toString())
				.param("period", this.period.code())
				.param("format", "xlsx")
				.with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					containsString("pipeline-changes-" + this.period.code() + ".xlsx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		XlsxSheets workbook = XlsxSheets.read(file);
		List<List<Object>> summary = workbook.sheet(1);
		assertThat(summary.get(0)).containsExactly("Figure", "Deals", "Amount", "Deals listed");
		List<Object> amountUp = summary.stream()
			.filter(row -> "Amount up".equals(row.get(0)))
			.findFirst()
			.orElseThrow();
		assertThat((BigDecimal) amountUp.get(1)).isEqualByComparingTo("1");
		assertThat((BigDecimal) amountUp.get(2)).isEqualByComparingTo("500");
		List<List<Object>> listed = workbook.sheet(2);
		assertThat(listed).anySatisfy(
				row -> assertThat(row.subList(0, 3)).containsExactly("Amount up", mine.id().toString(), mine.name()));
		assertThat(listed).noneSatisfy(row -> assertThat(row.get(1)).isEqualTo(theirs.id().toString()));
		this.mvc
			.perform(get("/api/v1/pipeline/changes/export").param("from", start.id().toString())
				.param("format", "pdf")
				.with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void unknownSnapshotsAre404AndAStartAfterTheEndIs400() throws Exception {
		Snapshot earlier = this.snapshots.take(Kind.ON_DEMAND, this.manager.id(), startMinute()).snapshot();
		Snapshot later = this.snapshots.take(Kind.WEEKLY, null, endMinute()).snapshot();

		this.mvc
			.perform(get("/api/v1/pipeline/changes").param("from", UUID.randomUUID().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		this.mvc
			.perform(get("/api/v1/pipeline/changes").param("from", later.id().toString())
				.param("to", earlier.id().toString())
				.with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("swap them")));
		this.mvc.perform(get("/api/v1/pipeline/changes").param("period", "2026-Q5").with(TestUsers.basic(this.manager)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/pipeline/snapshots").with(TestUsers.basic(this.manager)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(later.id().toString())));
	}

	@Test
	void aManagerTakesASnapshotFromThePage() throws Exception {
		this.mvc.perform(post("/pipeline/snapshots").with(TestUsers.signIn(this.mvc, this.manager)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/pipeline").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(content().string(containsString("/pipeline/changes")));
		this.mvc
			.perform(get("/pipeline/changes").param("period", "2026-Q9").with(TestUsers.signIn(this.mvc, this.manager)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-Q4 (a fiscal quarter)")));
	}

	/** A minute of its own, well before now: the start of a comparison. */
	private Instant startMinute() {
		return this.clock.instant()
			.minus(Duration.ofDays(1))
			.minus(Duration.ofMinutes(MINUTES.incrementAndGet()))
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
	}

	/** A minute of its own, after every change a test makes: the end of a comparison. */
	private Instant endMinute() {
		return this.clock.instant()
			.plus(Duration.ofHours(1))
			.plus(Duration.ofMinutes(MINUTES.incrementAndGet()))
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
	}

	private Instant uniqueMinute() {
		return Instant.parse("2030-01-01T00:00:00Z").plus(Duration.ofMinutes(10L * MINUTES.incrementAndGet()));
	}

	private static Set<UUID> ids(Bucket bucket) {
		return bucket.deals().stream().map(PipelineChangeReport.ChangedDeal::id).collect(Collectors.toSet());
	}

	private static Set<UUID> allIds(PipelineChangeReport report) {
		Set<UUID> ids = new HashSet<>();
		report.buckets().forEach(bucket -> ids.addAll(ids(bucket)));
		return ids;
	}

	private static Viewer viewer(User user) {
		return TestUsers.viewer(user);
	}

}
