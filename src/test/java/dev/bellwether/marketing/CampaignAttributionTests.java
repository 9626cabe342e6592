package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.Contact;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.CampaignAttribution.AttributedTouch;
import dev.bellwether.marketing.CampaignAttribution.CampaignRoi;
import dev.bellwether.marketing.CampaignAttribution.DealAttribution;
import dev.bellwether.marketing.CampaignAttribution.RoiReport;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.platform.ForbiddenException;
import dev.bellwether.platform.RecordNotFoundException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attribution and ROI over a small world built by hand, in 2019 (far from other tests'
 * data): which touches make a deal's journey, how each model shares the deal out, and
 * what each campaign and hierarchy is credited with, against figures worked out by hand.
 * <p>
 * The world: campaigns Umbrella (cost 1,000) over Webinar (2,000) and Fair (no cost), and
 * Ads (500) on its own. Deal One (10,000.00) at Acme, created 1 March, won 1 June; its
 * people touched Webinar on 5 January (the lead converted into it, created 20 January),
 * Fair on 1 February (the primary contact) and Webinar again on 15 March (a colleague,
 * who attended without responding) — and Ads on 1 July, after it closed. Deal Zero (no
 * amount) at Zed, created 1 April, open, touched by Fair on 20 March. Deal Odd (999.99)
 * at Odd Ltd, created 1 May, open, touched by Ads on 1 April and Webinar on 15 April.
 */
@IntegrationTest
class CampaignAttributionTests {

	static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final LocalDate FROM = LocalDate.of(2019, 1, 1);

	static final LocalDate TO = LocalDate.of(2019, 12, 31);

	@Autowired
	CampaignAttribution attribution;

	@Autowired
	java.time.Clock clock;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignCosts costs;

	@Autowired
	CampaignMembers members;

	@Autowired
	Leads leads;

	@Autowired
	Opportunities opportunities;

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignRoiTrend trend;

	@Autowired
	FiscalCalendar calendar;

	private Viewer marketing;

	private User rep;

	private String tag;

	private Campaign umbrella;

	private Campaign webinar;

	private Campaign fair;

	private Campaign ads;

	private UUID one;

	private UUID zero;

	private UUID odd;

	@BeforeEach
	void aWorld() {
		this.marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
		this.rep = this.users.create(Role.REP);
		this.tag = TestCustomers.tag();
		this.umbrella = campaign("Umbrella", null, "1000.00");
		this.webinar = campaign("Webinar", this.umbrella.id(), "2000.00");
		this.fair = campaign("Fair", this.umbrella.id(), null);
		this.ads = campaign("Ads", null, "500.00");

		Account acme = this.customers.account(this.rep, "Acme " + this.tag, null);
		Contact ann = contact("Ann", acme, "2019-01-20T00:00:00Z");
		Contact bob = contact("Bob", acme, "2019-01-25T00:00:00Z");
		this.one = deal("One", acme, ann, "10000.00", "2019-03-01T09:00:00Z", LocalDate.of(2019, 6, 1));
		Lead lead = lead("Lee");
		this.jdbc
			.sql("update leads set created_at = :at, converted_at = :at, converted_opportunity_id = :deal"
					+ " where id = :id")
			.param("at", java.sql.Timestamp.from(Instant.parse("2019-01-20T00:00:00Z")))
			.param("deal", this.one)
			.param("id", lead.id())
			.update();
		touch(this.webinar, CampaignMemberType.LEAD, lead.id(), "responded_at", "2019-01-05T10:00:00Z");
		lead("Unconverted", this.webinar);
		touch(this.fair, CampaignMemberType.CONTACT, ann.id(), "responded_at", "2019-02-01T10:00:00Z");
		touch(this.webinar, CampaignMemberType.CONTACT, bob.id(), "attended_at", "2019-03-15T10:00:00Z");
		touch(this.ads, CampaignMemberType.CONTACT, bob.id(), "responded_at", "2019-07-01T10:00:00Z");
		// only sent to: no touch
		Contact cid = contact("Cid", acme, "2019-01-01T00:00:00Z");
		this.members.add(this.marketing, this.ads.id(), CampaignMemberType.CONTACT, List.of(cid.id()), null);

		Account zed = this.customers.account(this.rep, "Zed " + this.tag, null);
		Contact zoe = contact("Zoe", zed, "2019-01-01T00:00:00Z");
		this.zero = deal("Zero", zed, zoe, "0", "2019-04-01T09:00:00Z", null);
		touch(this.fair, CampaignMemberType.CONTACT, zoe.id(), "responded_at", "2019-03-20T10:00:00Z");

		Account oddLtd = this.customers.account(this.rep, "Odd " + this.tag, null);
		Contact otto = contact("Otto", oddLtd, "2019-01-01T00:00:00Z");
		this.odd = deal("Odd", oddLtd, otto, "999.99", "2019-05-01T09:00:00Z", null);
		touch(this.ads, CampaignMemberType.CONTACT, otto.id(), "responded_at", "2019-04-01T10:00:00Z");
		touch(this.webinar, CampaignMemberType.CONTACT, otto.id(), "responded_at", "2019-04-15T10:00:00Z");
	}

	@Test
	void theJourneyHoldsTouchesBeforeTheDealClosedInTimeOrder() {
		DealAttribution attributed = this.attribution.ofDeal(this.marketing, this.one, AttributionModel.W_SHAPED);

		assertThat(attributed.touches()).extracting(AttributedTouch::campaignName)
			.containsExactly("Webinar " + this.tag, "Fair " + this.tag, "Webinar " + this.tag);
		assertThat(attributed.touches()).extracting(AttributedTouch::memberType)
			.containsExactly(CampaignMemberType.LEAD, CampaignMemberType.CONTACT, CampaignMemberType.CONTACT);
		// the lead was created after the first touch, the deal after the second
		assertThat(attributed.touches()).extracting(AttributedTouch::leadCreation).containsExactly(true, false, false);
		assertThat(attributed.touches()).extracting(AttributedTouch::opportunityCreation)
			.containsExactly(false, true, false);
		// W-shaped: 30 + 30 to the first touch, 30 to the deal's creation, 10 to the rest
		assertThat(attributed.touches()).extracting(t -> t.share().toPlainString())
			.containsExactly("6000.00", "3000.00", "1000.00");
		assertThat(attributed.sourceCampaignId()).isEqualTo(this.webinar.id());
	}

	@ParameterizedTest
	@EnumSource(AttributionModel.class)
	void everyModelSharesEachDealToTheCent(AttributionModel model) {
		for (UUID deal : List.of(this.one, this.zero, this.odd)) {
			DealAttribution attributed = this.attribution.ofDeal(this.marketing, deal, model);
			BigDecimal sum = attributed.touches()
				.stream()
				.map(AttributedTouch::share)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal amount = this.jdbc.sql("select coalesce(amount, 0) from opportunities where id = :id")
				.param("id", deal)
				.query(BigDecimal.class)
				.single();
			assertThat(sum).as("%s under %s", deal, model).isEqualByComparingTo(amount);
		}
		// the report credits every cent of the won deal to its campaigns, and no more
		RoiReport report = this.attribution.report(this.marketing, FROM, TO, model);
		BigDecimal won = mine(report.campaigns()).values()
			.stream()
			.map(CampaignRoi::wonRevenue)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(won).isEqualByComparingTo("10000.00");
	}

	@Test
	void roiPerCampaignAndHierarchyMatchesTheFiguresWorkedOutByHand() {
		RoiReport report = this.attribution.report(this.marketing, FROM, TO, AttributionModel.LINEAR);
		Map<String, CampaignRoi> rows = mine(report.campaigns());

		// One: 3,333.34 (first, earlier on the tie) + 3,333.33 + 3,333.33; Odd: 500.00 +
		// 499.99
		CampaignRoi webinar = rows.get("Webinar");
		assertThat(webinar.cost()).isEqualByComparingTo("2000.00");
		assertThat(webinar.leads()).isEqualTo(2);
		assertThat(webinar.convertedLeads()).isEqualTo(1);
		assertThat(webinar.opportunities()).isEqualTo(2);
		assertThat(webinar.pipeline()).isEqualByComparingTo("7166.66");
		assertThat(webinar.sourcedPipeline()).isEqualByComparingTo("10000.00");
		assertThat(webinar.wonDeals()).isEqualTo(1);
		assertThat(webinar.wonRevenue()).isEqualByComparingTo("6666.67");
		assertThat(webinar.sourcedRevenue()).isEqualByComparingTo("10000.00");
		assertThat(webinar.costPerLead()).isEqualByComparingTo("1000.00");
		assertThat(webinar.costPerOpportunity()).isEqualByComparingTo("1000.00");
		// (6,666.67 − 2,000) ÷ 2,000
		assertThat(webinar.roi()).isEqualByComparingTo("2.3333");

		CampaignRoi fair = rows.get("Fair");
		assertThat(fair.opportunities()).isEqualTo(2);
		assertThat(fair.pipeline()).isEqualByComparingTo("3333.33");
		assertThat(fair.wonRevenue()).isEqualByComparingTo("3333.33");
		assertThat(fair.sourcedPipeline()).isEqualByComparingTo("0.00");
		assertThat(fair.roi()).as("nothing spent: undefined").isNull();
		assertThat(fair.costPerLead()).isNull();

		// the touch after One closed credits Ads nothing from One
		CampaignRoi ads = rows.get("Ads");
		assertThat(ads.pipeline()).isEqualByComparingTo("500.00");
		assertThat(ads.sourcedPipeline()).isEqualByComparingTo("999.99");
		assertThat(ads.wonRevenue()).isEqualByComparingTo("0.00");
		assertThat(ads.roi()).isEqualByComparingTo("-1");

		CampaignRoi umbrella = mine(report.hierarchies()).get("Umbrella");
		assertThat(umbrella.subCampaigns()).isEqualTo(2);
		assertThat(umbrella.cost()).isEqualByComparingTo("3000.00");
		assertThat(umbrella.opportunities()).as("One, Zero and Odd, each once").isEqualTo(3);
		assertThat(umbrella.pipeline()).isEqualByComparingTo("10499.99");
		assertThat(umbrella.wonRevenue()).isEqualByComparingTo("10000.00");
		assertThat(umbrella.roi()).isEqualByComparingTo("2.3333");
		assertThat(mine(report.hierarchies())).containsOnlyKeys("Umbrella");

		// another year: nothing of this world
		assertThat(mine(this.attribution
			.report(this.marketing, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), AttributionModel.LINEAR)
			.campaigns())).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(AttributionModel.class)
	void touchesReadByOnePassOverTheMembersGiveTheSameReport(AttributionModel model) {
		RoiReport byIds = this.attribution.report(this.marketing, FROM, TO, model);
		int usual = CampaignAttribution.touchesByIdsUpTo;
		CampaignAttribution.touchesByIdsUpTo = 0;
		try {
			RoiReport byScan = this.attribution.report(this.marketing, FROM, TO, model);
			assertThat(mine(byScan.campaigns())).isEqualTo(mine(byIds.campaigns()));
			assertThat(mine(byScan.hierarchies())).isEqualTo(mine(byIds.hierarchies()));
		}
		finally {
			CampaignAttribution.touchesByIdsUpTo = usual;
		}
	}

	@Test
	void repsSeeTheCampaignsTheirOwnDealsWereInfluencedByButNotTheReport() {
		Viewer rep = TestUsers.viewer(this.rep);
		assertThatThrownBy(() -> this.attribution.report(rep, FROM, TO, AttributionModel.LINEAR))
			.isInstanceOf(ForbiddenException.class);
		assertThat(this.attribution.ofDeal(rep, this.one, AttributionModel.W_SHAPED).touches())
			.extracting(t -> t.share().toPlainString())
			.containsExactly("6000.00", "3000.00", "1000.00");

		Viewer stranger = TestUsers.viewer(this.users.create(Role.REP));
		assertThatThrownBy(() -> this.attribution.ofDeal(stranger, this.one, AttributionModel.LINEAR))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void theDealPageLoadsItsCampaignInfluenceForItsOwnerWithTheModelSwitchable() throws Exception {
		RequestPostProcessor owner = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/opportunities/" + this.one).with(owner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/campaigns/influence/" + this.one)));
		this.mvc.perform(get("/campaigns/influence/" + this.one + "?model=W_SHAPED").with(owner))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"influence-touches\""),
					containsString("Webinar " + this.tag), containsString("Fair " + this.tag),
					containsString("6,000.00"), containsString("value=\"W_SHAPED\" selected"))));
		this.mvc.perform(get("/campaigns/influence/" + this.odd).with(owner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("999.99")));
		this.mvc.perform(get("/campaigns/influence/" + this.zero).with(owner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"influence-touches\"")));

		RequestPostProcessor stranger = TestUsers.signIn(this.mvc, this.users.create(Role.REP));
		this.mvc.perform(get("/campaigns/influence/" + this.one).with(stranger)).andExpect(status().isNotFound());
	}

	@Test
	void thePageShowsThePeriodAndModelFromTheUrlSortedWithAnEmptyStateAndRepsGet403() throws Exception {
		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.users.create(Role.EXECUTIVE));
		this.mvc
			.perform(get("/campaigns/roi?from=2019-01-01&to=2019-12-31&model=w-shaped&sort=roi&dir=asc").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Webinar " + this.tag),
					containsString("Umbrella " + this.tag), containsString("id=\"roi-chart\""),
					containsString("id=\"roi-chart-table\""), containsString("id=\"roi-hierarchies\""),
					containsString("value=\"W_SHAPED\" selected"), containsString("aria-sort=\"ascending\""))));
		this.mvc.perform(get("/campaigns/roi?from=1990-01-01&to=1990-12-31").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"roi-empty\"")));
		this.mvc.perform(get("/campaigns").with(session))
			.andExpect(content().string(containsString("id=\"campaign-roi\"")));

		RequestPostProcessor rep = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/campaigns/roi").with(rep)).andExpect(status().isForbidden());
		this.mvc.perform(get("/campaigns").with(rep))
			.andExpect(content().string(not(containsString("id=\"campaign-roi\""))));
	}

	@Test
	void theApiGivesTheReportAndADealsTouchesWithShares() throws Exception {
		User marketing = this.users.create(Role.MARKETING);
		this.mvc
			.perform(get("/api/v1/campaigns/attribution/" + this.one + "?model=W_SHAPED")
				.with(TestUsers.basic(marketing)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.amount").value(10000.0))
			.andExpect(jsonPath("$.sourceCampaignId").value(this.webinar.id().toString()))
			.andExpect(jsonPath("$.touches.length()").value(3))
			.andExpect(jsonPath("$.touches[0].share").value(6000.0))
			.andExpect(jsonPath("$.touches[0].leadCreation").value(true))
			.andExpect(jsonPath("$.touches[1].opportunityCreation").value(true));
		this.mvc
			.perform(get("/api/v1/campaigns/roi?from=2019-01-01&to=2019-12-31&model=linear")
				.with(TestUsers.basic(marketing)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.model").value("LINEAR"))
			.andExpect(
					jsonPath("$.campaigns[?(@.campaignId == '" + this.webinar.id() + "')].wonRevenue").value(6666.67))
			.andExpect(jsonPath("$.campaigns[?(@.campaignId == '" + this.fair.id() + "')].roi")
				.value(org.hamcrest.Matchers.contains((Object) null)));
		this.mvc.perform(get("/api/v1/campaigns/roi?model=best-guess").with(TestUsers.basic(marketing)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/campaigns/roi").with(TestUsers.basic(this.rep)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/v1/campaigns/attribution/" + this.one).with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.touches.length()").value(3));
		this.mvc
			.perform(
					get("/api/v1/campaigns/attribution/" + this.one).with(TestUsers.basic(this.users.create(Role.REP))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theRoiTrendMovesByExactlyWhatThisTestAddsToTheCurrentQuarter() throws Exception {
		Viewer executive = TestUsers.viewer(this.users.create(Role.EXECUTIVE));
		CampaignRoiTrend.Trend before = this.trend.of(executive, AttributionModel.LINEAR);
		FiscalCalendar.Period quarter = this.calendar.quarterOf(this.calendar.today());

		Campaign trending = this.campaigns.create(this.marketing, new CampaignDetails("Trending " + this.tag, null,
				CampaignStatus.ACTIVE, null, null, null, null, null, null));
		this.costs.add(this.marketing, trending.id(),
				new CampaignCostDetails(quarter.start(), "Supplier", new BigDecimal("1234.50"), null));
		Account account = this.customers.account(this.rep, "Trend " + this.tag, null);
		Contact tina = contact("Tina", account, quarter.start() + "T00:00:00Z");
		touch(trending, CampaignMemberType.CONTACT, tina.id(), "responded_at",
				quarter.start().plusDays(1) + "T09:00:00Z");
		deal("Trend", account, tina, "8000.00", quarter.start().plusDays(2) + "T09:00:00Z",
				quarter.start().plusDays(3));
		CampaignRoiTrend.Trend after = this.trend.of(executive, AttributionModel.LINEAR);

		assertThat(after.quarters()).hasSize(CampaignRoiTrend.QUARTERS);
		assertThat(after.quarters().get(CampaignRoiTrend.QUARTERS - 1).label())
			.isEqualTo(this.calendar.current(dev.bellwether.platform.FiscalPeriod.Kind.QUARTER).label());
		CampaignRoiTrend.Totals now = after.quarters().get(CampaignRoiTrend.QUARTERS - 1);
		CampaignRoiTrend.Totals then = before.quarters().get(CampaignRoiTrend.QUARTERS - 1);
		assertThat(now.cost().subtract(then.cost())).isEqualByComparingTo("1234.50");
		assertThat(now.wonRevenue().subtract(then.wonRevenue())).isEqualByComparingTo("8000.00");
		assertThat(now.sourcedRevenue().subtract(then.sourcedRevenue())).isEqualByComparingTo("8000.00");
		assertThat(now.pipeline().subtract(then.pipeline())).isEqualByComparingTo("8000.00");
		assertThat(after.yearToDate().cost().subtract(before.yearToDate().cost())).isEqualByComparingTo("1234.50");
		assertThat(after.yearToDate().wonRevenue().subtract(before.yearToDate().wonRevenue()))
			.isEqualByComparingTo("8000.00");
		assertThat(after.quarters().subList(0, CampaignRoiTrend.QUARTERS - 1)).as("earlier quarters are untouched")
			.isEqualTo(before.quarters().subList(0, CampaignRoiTrend.QUARTERS - 1));

		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.users.create(Role.EXECUTIVE));
		this.mvc.perform(get("/").with(session)).andExpect(content().string(containsString("/campaigns/roi/summary")));
		this.mvc.perform(get("/campaigns/roi/summary").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"marketing-roi-chart\""),
					containsString("id=\"marketing-roi-quarters\""), containsString(now.label()))));
		this.mvc.perform(get("/campaigns/roi/summary").with(TestUsers.signIn(this.mvc, this.rep)))
			.andExpect(status().isForbidden());
	}

	/** This test's rows, by campaign name without the tag. */
	private Map<String, CampaignRoi> mine(List<CampaignRoi> rows) {
		return rows.stream()
			.filter(r -> r.name().endsWith(" " + this.tag))
			.collect(Collectors.toMap(r -> r.name().substring(0, r.name().length() - this.tag.length() - 1),
					Function.identity()));
	}

	private Campaign campaign(String name, UUID parent, String cost) {
		Campaign campaign = this.campaigns.create(this.marketing, new CampaignDetails(name + " " + this.tag, null,
				CampaignStatus.ACTIVE, null, null, null, parent, null, null));
		if (cost != null) {
			this.costs.add(this.marketing, campaign.id(),
					new CampaignCostDetails(LocalDate.of(2019, 2, 1), "Supplier", new BigDecimal(cost), null));
			// a cost outside the period counts for nothing
			this.costs.add(this.marketing, campaign.id(),
					new CampaignCostDetails(LocalDate.of(2020, 2, 1), "Supplier", new BigDecimal("77.00"), null));
		}
		return campaign;
	}

	private Contact contact(String name, Account account, String createdAt) {
		Contact contact = this.customers.contact(this.rep, name, "Person " + this.tag, null, account.id());
		this.jdbc.sql("update contacts set created_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(Instant.parse(createdAt)))
			.param("id", contact.id())
			.update();
		return contact;
	}

	private Lead lead(String name) {
		return this.leads.create(TestUsers.viewer(this.rep), new LeadDetails(name, "Lead " + this.tag, "Acme", null,
				null, null, null, null, null, null, this.rep.id(), null));
	}

	private void lead(String name, Campaign campaign) {
		Lead lead = lead(name);
		this.members.add(this.marketing, campaign.id(), CampaignMemberType.LEAD, List.of(lead.id()), null);
		this.jdbc.sql("update campaign_members set created_at = :at where member_id = :id")
			.param("at", java.sql.Timestamp.from(Instant.parse("2019-01-02T00:00:00Z")))
			.param("id", lead.id())
			.update();
	}

	private void touch(Campaign campaign, CampaignMemberType type, UUID member, String column, String at) {
		this.members.add(this.marketing, campaign.id(), type, List.of(member), null);
		this.jdbc
			.sql("update campaign_members set status = :status, " + column + " = :at, created_at = :added"
					+ " where campaign_id = :campaign and member_id = :member")
			.param("status", column.equals("attended_at") ? "ATTENDED" : "RESPONDED")
			.param("at", java.sql.Timestamp.from(Instant.parse(at)))
			.param("added", java.sql.Timestamp.from(Instant.parse("2019-01-02T00:00:00Z")))
			.param("campaign", campaign.id())
			.param("member", member)
			.update();
	}

	private UUID deal(String name, Account account, Contact contact, String amount, String createdAt, LocalDate wonOn) {
		UUID id = this.opportunities
			.create(TestUsers.viewer(this.rep),
					new OpportunityDetails(name + " " + this.tag, account.id(), contact.id(), this.rep.id(),
							FIRST_STAGE, new BigDecimal(amount), false, LocalDate.now(this.clock).plusDays(30), null,
							null, null, null, null, null))
			.id();
		this.jdbc.sql("update opportunities set created_at = :at where id = :id")
			.param("at", java.sql.Timestamp.from(Instant.parse(createdAt)))
			.param("id", id)
			.update();
		if (wonOn != null) {
			this.jdbc.sql("""
					update opportunities set close_date = :day, closed_at = :closed,
					  stage_id = (select id from pipeline_stages where outcome = 'WON' order by position limit 1)
					where id = :id
					""")
				.param("day", wonOn)
				.param("closed", java.sql.Timestamp.from(Instant.parse(wonOn + "T12:00:00Z")))
				.param("id", id)
				.update();
		}
		return id;
	}

}
