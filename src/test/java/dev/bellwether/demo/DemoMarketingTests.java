package dev.bellwether.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.UserDirectory;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.AttributionModel;
import dev.bellwether.marketing.CampaignAttribution;
import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;
import dev.bellwether.marketing.CampaignAttribution.RoiReport;
import dev.bellwether.marketing.Leads;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.picklist.PickListValue;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company's marketing on first start: two years of campaigns with their costs,
 * about 5,000 leads whose status history explains them, a few hundred converted into the
 * demo's deals, and an attribution and ROI report that tells a story — trade shows cost
 * much and return little, webinars cost little and return much. Every expected figure is
 * computed here from the rows, not taken from the report.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "marketing")
@ActiveProfiles("test")
class DemoMarketingTests {

	/** The demo's leads: the marketing manager created (imported) them all. */
	static final String DEMO_LEADS = "l.created_by = (select id from users where username = 'marketing')";

	/** The demo's campaigns: the marketing manager owns them all. */
	static final String DEMO_CAMPAIGNS = "c.owner_id = (select id from users where username = 'marketing')";

	static final String DEMO_DEALS = "o.owner_id in (select id from users where email like '%@bellwether-demo.com')";

	@Autowired
	DemoCompany demo;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	CampaignAttribution attribution;

	@Autowired
	PickLists pickLists;

	void seeded() {
		User admin = this.users.findByUsername("admin").orElseThrow();
		if (this.users.findByUsername("ceo").isEmpty()) {
			this.transactions.executeWithoutResult(status -> this.demo.seed(admin.id()));
		}
	}

	Viewer marketing() {
		User user = this.users.findByUsername("marketing").orElseThrow();
		return new Viewer(user.id(), user.username(), user.fullName(), Role.MARKETING);
	}

	@Test
	void seedsAboutFiveThousandLeadsFromEveryLeadSourceOwnedByReps() {
		seeded();
		long leads = this.jdbc.queryForObject("select count(*) from leads l where " + DEMO_LEADS, Long.class);
		assertThat(leads).isBetween(4_500L, 5_600L);
		Set<String> sources = Set
			.copyOf(this.jdbc.queryForList("select distinct l.source from leads l where " + DEMO_LEADS, String.class));
		Set<String> listed = this.pickLists.get(Leads.SOURCES)
			.values()
			.stream()
			.filter(v -> !v.retired())
			.map(PickListValue::label)
			.collect(Collectors.toSet());
		assertThat(listed).contains(MarketingDataGenerator.PAID_SEARCH_SOURCE);
		// every value the list ships with (V27), and the one the demo adds; other tests
		// of
		// the run may have added values of their own to the shared list
		assertThat(sources).isEqualTo(Set.of("Web", "Referral", "Partner", "Trade Show", "Outbound", "Inbound Call",
				"Webinar", "Existing Customer", "Other", MarketingDataGenerator.PAID_SEARCH_SOURCE));
		assertThat(listed).containsAll(sources);
		// every rep has leads, and every lead is a rep's, but those converted into a deal
		// a manager owns (theirs)
		assertThat(this.jdbc.queryForObject("select count(distinct l.owner_id) from leads l where " + DEMO_LEADS
				+ " and l.owner_id in (select id from users where role = 'REP')", Long.class))
			.isEqualTo(20L);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from leads l where " + DEMO_LEADS
						+ " and l.converted_at is null and l.owner_id not in (select id from users where role = 'REP')",
				Long.class))
			.isZero();
		// two years of them, none in the future
		LocalDate today = this.calendar.today();
		assertThat(this.jdbc.queryForObject("select min(l.created_at)::date from leads l where " + DEMO_LEADS,
				LocalDate.class))
			.isBefore(today.minusMonths(22));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from leads l where " + DEMO_LEADS + " and l.created_at >= ?::date", Long.class, today))
			.isZero();
	}

	@Test
	void givesLeadsRealisticStatusesManyRecentOnesStillNew() {
		seeded();
		Map<String, Long> statuses = this.jdbc
			.query("select l.status, count(*) from leads l where " + DEMO_LEADS + " group by l.status",
					(rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(statuses).containsOnlyKeys("NEW", "WORKING", "QUALIFIED", "DISQUALIFIED");
		assertThat(statuses.values()).allSatisfy(count -> assertThat(count).isGreaterThan(100L));
		LocalDate today = this.calendar.today();
		long recent = this.jdbc.queryForObject(
				"select count(*) from leads l where " + DEMO_LEADS + " and l.created_at >= ?::date - 7", Long.class,
				today);
		long recentNew = this.jdbc.queryForObject("select count(*) from leads l where " + DEMO_LEADS
				+ " and l.created_at >= ?::date - 7 and l.status = 'NEW'", Long.class, today);
		assertThat(recentNew).isGreaterThan(recent * 3 / 10);
		// disqualified leads give a reason from the list
		Set<String> reasons = this.pickLists.get(Leads.DISQUALIFY_REASONS)
			.values()
			.stream()
			.map(PickListValue::label)
			.collect(Collectors.toSet());
		assertThat(this.jdbc.queryForList("select distinct l.disqualify_reason from leads l where " + DEMO_LEADS
				+ " and l.status = 'DISQUALIFIED'", String.class))
			.hasSizeGreaterThan(5)
			.allSatisfy(reason -> assertThat(reasons).contains(reason));
	}

	@Test
	void keepsEachLeadsStatusHistoryAndAcceptanceConsistentWithItsStatus() {
		seeded();
		// the first change is the creation: from nothing to NEW, when the lead was
		// created
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from leads l where %s and 1 <> (select count(*) from lead_status_changes c
						  where c.lead_id = l.id and c.from_status is null and c.to_status = 'NEW' and c.changed_at = l.created_at)
						"""
					.formatted(DEMO_LEADS),
				Long.class))
			.isZero();
		// each change starts where the one before ended, and the last ends at the lead's
		// status
		assertThat(this.jdbc.queryForObject("""
				select count(*) from (
				  select c.lead_id, c.from_status, c.to_status,
				         lag(c.to_status) over (partition by c.lead_id order by c.changed_at, c.id) as before,
				         lead(c.to_status) over (partition by c.lead_id order by c.changed_at, c.id) as after
				  from lead_status_changes c join leads l on l.id = c.lead_id where %s) h
				join leads l on l.id = h.lead_id
				where h.from_status is distinct from h.before or (h.after is null and h.to_status <> l.status)
				""".formatted(DEMO_LEADS), Long.class)).isZero();
		// accepted: the first time it entered WORKING or QUALIFIED, and never otherwise
		assertThat(this.jdbc.queryForObject("""
				select count(*) from leads l where %s and l.accepted_at is distinct from (
				  select min(c.changed_at) from lead_status_changes c
				  where c.lead_id = l.id and c.to_status in ('WORKING', 'QUALIFIED'))
				""".formatted(DEMO_LEADS), Long.class)).isZero();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from leads l where %s and (l.updated_at < (select max(c.changed_at)
				  from lead_status_changes c where c.lead_id = l.id) or l.first_activity_at < l.created_at
				  or (l.accepted_at is null) <> (l.accepted_by is null))
				""".formatted(DEMO_LEADS), Long.class)).isZero();
		// some were never accepted: disqualified at once, or never touched
		assertThat(this.jdbc.queryForObject("select count(*) from leads l where " + DEMO_LEADS
				+ " and l.status = 'DISQUALIFIED' and l.accepted_at is null", Long.class))
			.isPositive();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from leads l where " + DEMO_LEADS + " and l.first_activity_at is not null",
				Long.class))
			.isPositive();
	}

	@Test
	void convertsAFewHundredLeadsIntoTheDemosDealsWhenTheyWereCreated() {
		seeded();
		long converted = this.jdbc.queryForObject(
				"select count(*) from leads l where " + DEMO_LEADS + " and l.converted_at is not null", Long.class);
		assertThat(converted).isBetween(200L, 450L);
		// each into an existing deal, its account and a contact there, the lead's own
		// person; created before the deal and converted as it was created
		assertThat(this.jdbc.queryForObject("""
				select count(*) from leads l join opportunities o on o.id = l.converted_opportunity_id
				  join contacts c on c.id = l.converted_contact_id
				where %s and %s and o.account_id = l.converted_account_id and c.account_id = l.converted_account_id
				  and lower(c.email) = lower(l.email) and l.created_at < o.created_at and l.converted_at = o.created_at
				  and l.status = 'QUALIFIED' and l.owner_id = o.owner_id and o.lead_source = l.source
				""".formatted(DEMO_LEADS, DEMO_DEALS), Long.class)).isEqualTo(converted);
		// the conversion is the lead's last status change
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from leads l where %s and l.converted_at is not null and l.converted_at <> (
						  select max(c.changed_at) from lead_status_changes c where c.lead_id = l.id and c.to_status = 'QUALIFIED')
						"""
					.formatted(DEMO_LEADS),
				Long.class))
			.isZero();
	}

	@Test
	void runsTwoYearsOfCampaignsInHierarchiesWithTheirCosts() {
		seeded();
		LocalDate today = this.calendar.today();
		assertThat(this.jdbc.queryForObject("select min(c.start_date) from campaigns c where " + DEMO_CAMPAIGNS,
				LocalDate.class))
			.isBeforeOrEqualTo(today.minusMonths(23));
		// completed in the past, active now, planned ahead
		assertThat(this.jdbc.queryForObject("""
				select count(*) from campaigns c where %s and c.status <> case when c.end_date < ? then 'COMPLETED'
				  when c.start_date > ? then 'PLANNED' else 'ACTIVE' end
				""".formatted(DEMO_CAMPAIGNS), Long.class, today, today)).isZero();
		assertThat(this.jdbc.queryForList("select distinct c.status from campaigns c where " + DEMO_CAMPAIGNS,
				String.class))
			.containsExactlyInAnyOrder("COMPLETED", "ACTIVE", "PLANNED");
		assertThat(this.jdbc.queryForList("select distinct c.campaign_type from campaigns c where " + DEMO_CAMPAIGNS,
				String.class))
			.contains("trade-show", "webinar", "paid-search", "content", "partner", "e-mail");
		// parents with children, a child within its parent's dates
		assertThat(this.jdbc.queryForList("select p.name from campaigns p where p.id in (select c.parent_id from "
				+ "campaigns c where " + DEMO_CAMPAIGNS + ")", String.class))
			.contains(today.getYear() + " Events", today.getYear() + " Webinars");
		assertThat(
				this.jdbc.queryForObject(
						"select count(*) from campaigns c join campaigns p on p.id = c.parent_id " + "where "
								+ DEMO_CAMPAIGNS + " and (c.start_date < p.start_date or c.end_date > p.end_date)",
						Long.class))
			.isZero();
		// costs only on days that have come, from suppliers
		assertThat(this.jdbc.queryForObject("select count(*) from campaign_costs k join campaigns c on c.id = "
				+ "k.campaign_id where " + DEMO_CAMPAIGNS + " and (k.cost_date >= ? or k.supplier is null)", Long.class,
				today))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from campaign_costs k join campaigns c on c.id = "
				+ "k.campaign_id where " + DEMO_CAMPAIGNS, Long.class))
			.isGreaterThan(200L);
	}

	@Test
	void tellsTheRoiStoryTradeShowsLoseMoneyWebinarsMakeIt() {
		seeded();
		LocalDate today = this.calendar.today();
		Map<UUID, String> types = campaignTypes();
		for (LocalDate from : List.of(this.attribution.defaultPeriod().start(), today.minusYears(2))) {
			for (AttributionModel model : AttributionModel.values()) {
				RoiReport report = this.attribution.report(marketing(), from, today, model);
				// by channel (campaign type): cost and won revenue of its campaigns
				Map<String, BigDecimal[]> channels = new java.util.TreeMap<>();
				for (CampaignRoi row : report.campaigns()) {
					if (types.containsKey(row.campaignId())) {
						BigDecimal[] sums = channels.computeIfAbsent(types.get(row.campaignId()),
								type -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
						sums[0] = sums[0].add(row.cost());
						sums[1] = sums[1].add(row.wonRevenue());
					}
				}
				Map<String, BigDecimal> roi = new java.util.TreeMap<>();
				channels.forEach((type, sums) -> {
					if (sums[0].signum() > 0) {
						roi.put(type, sums[1].subtract(sums[0]).divide(sums[0], 4, java.math.RoundingMode.HALF_EVEN));
					}
				});
				String at = model + " from " + from + ": " + roi;
				// trade shows: clearly negative (below -50 %), each year's too
				assertThat(roi.get("trade-show")).as(at).isLessThan(new BigDecimal("-0.5"));
				assertThat(report.hierarchies()
					.stream()
					.filter(row -> row.name().endsWith(" Events") && row.cost().signum() > 0)).as(at)
					.isNotEmpty()
					.allSatisfy(row -> assertThat(row.roi()).isLessThan(new BigDecimal("-0.5")));
				// and a channel that earns its cost back
				assertThat(roi.values()).as(at).anySatisfy(value -> assertThat(value).isPositive());
				if (model == AttributionModel.LINEAR) {
					assertThat(roi.get("webinar")).as(at).isGreaterThan(BigDecimal.ONE);
					assertThat(roi.get("partner")).as(at).isPositive();
				}
			}
		}
	}

	@Test
	void attributesExactlyTheDemoDealsAmountsThatCampaignsTouched() {
		seeded();
		LocalDate today = this.calendar.today();
		LocalDate from = today.minusYears(2);
		Set<UUID> demoCampaigns = campaignTypes().keySet();
		for (AttributionModel model : AttributionModel.values()) {
			RoiReport report = this.attribution.report(marketing(), from, today, model);
			List<CampaignRoi> rows = report.campaigns()
				.stream()
				.filter(row -> demoCampaigns.contains(row.campaignId()))
				.toList();
			// the deals touched by a campaign before they closed, by their people: the
			// primary contact, the contacts at the account, the leads converted into it
			String touched = """
					select coalesce(sum(o.amount), 0) from opportunities o join pipeline_stages s on s.id = o.stage_id
					where %s and o.deleted_at is null and %s and exists (
					  select 1 from campaign_members m
					  where coalesce(m.responded_at, m.attended_at) is not null
					    and (o.closed_at is null or coalesce(m.responded_at, m.attended_at) < o.closed_at)
					    and ((m.member_type = 'CONTACT' and (m.member_id = o.primary_contact_id
					          or m.member_id in (select c.id from contacts c where c.account_id = o.account_id)))
					      or (m.member_type = 'LEAD' and m.member_id in
					          (select l.id from leads l where l.converted_opportunity_id = o.id))))
					""";
			BigDecimal pipeline = this.jdbc.queryForObject(
					touched.formatted(DEMO_DEALS, "o.created_at >= ?::date and o.created_at < ?::date + 1"),
					BigDecimal.class, from, today);
			BigDecimal won = this.jdbc.queryForObject(
					touched.formatted(DEMO_DEALS,
							"s.outcome = 'WON' and o.closed_at is not null and o.close_date between ? and ?"),
					BigDecimal.class, from, today);
			assertThat(rows.stream().map(CampaignRoi::pipeline).reduce(BigDecimal.ZERO, BigDecimal::add))
				.as(model.name())
				.isEqualByComparingTo(pipeline)
				.isPositive();
			assertThat(rows.stream().map(CampaignRoi::wonRevenue).reduce(BigDecimal.ZERO, BigDecimal::add))
				.as(model.name())
				.isEqualByComparingTo(won)
				.isPositive();
		}
		// and each converted deal's shares add up to its amount, to the cent
		List<UUID> deals = this.jdbc.queryForList("select l.converted_opportunity_id from leads l where " + DEMO_LEADS
				+ " and l.converted_opportunity_id is not null order by l.converted_at limit 25", UUID.class);
		for (UUID deal : deals) {
			var attributed = this.attribution.ofDeal(marketing(), deal, AttributionModel.W_SHAPED);
			if (!attributed.touches().isEmpty()) {
				assertThat(attributed.touches()
					.stream()
					.map(CampaignAttribution.AttributedTouch::share)
					.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(attributed.deal().amount());
			}
		}
	}

	@Test
	void makesContactsCampaignMembersBeforeTheirDealsWereCreated() {
		seeded();
		// members with every status, and contacts among them
		assertThat(this.jdbc.queryForList("select distinct m.status from campaign_members m join campaigns c on "
				+ "c.id = m.campaign_id where " + DEMO_CAMPAIGNS, String.class))
			.containsExactlyInAnyOrder("SENT", "OPENED", "RESPONDED", "ATTENDED");
		long dealsTouchedBeforeCreation = this.jdbc.queryForObject("""
				select count(*) from opportunities o where %s and exists (
				  select 1 from campaign_members m join contacts c on c.id = m.member_id
				  where m.member_type = 'CONTACT' and c.account_id = o.account_id
				    and coalesce(m.responded_at, m.attended_at) < o.created_at)
				""".formatted(DEMO_DEALS), Long.class);
		assertThat(dealsTouchedBeforeCreation).isGreaterThan(300L);
	}

	private Map<UUID, String> campaignTypes() {
		return this.jdbc
			.query("select c.id, c.campaign_type from campaigns c where " + DEMO_CAMPAIGNS,
					(rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
