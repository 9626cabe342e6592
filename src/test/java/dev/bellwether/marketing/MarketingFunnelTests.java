package dev.bellwether.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.bellwether.IntegrationTest;
import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.Contact;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.MarketingFunnel.Funnel;
import dev.bellwether.marketing.MarketingFunnel.Group;
import dev.bellwether.marketing.MarketingFunnel.Grouping;
import dev.bellwether.marketing.MarketingFunnel.Leak;
import dev.bellwether.marketing.MarketingFunnel.LeakCount;
import dev.bellwether.marketing.MarketingFunnel.Slice;
import dev.bellwether.marketing.MarketingFunnel.Stage;
import dev.bellwether.marketing.MarketingFunnel.Step;
import dev.bellwether.platform.InvalidInputException;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funnel over a small world of leads created in March 2015 (far from other tests'
 * data) with times set by hand: counts, conversions and median times checked against the
 * test's own computation from the same facts, the breakdowns, the leaks and their lists,
 * and visibility (a rep's funnel holds only their leads).
 */
@IntegrationTest
class MarketingFunnelTests {

	static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	static final LocalDate FROM = LocalDate.of(2015, 3, 1);

	static final LocalDate TO = LocalDate.of(2015, 3, 31);

	@Autowired
	MarketingFunnel funnel;

	@Autowired
	Leads leads;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignMembers members;

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
	java.time.Clock clock;

	private String tag;

	private User rep;

	private User otherRep;

	private Viewer marketing;

	private Account account;

	/** What the test knows of each of its leads: the facts the expectations come from. */
	record Known(String name, String source, Instant created, Instant accepted, Instant qualified, Instant converted,
			Instant dealCreated, Instant won, boolean dealAdvanced, LeadStatus status, boolean activity) {

		boolean reached(Stage stage) {
			return switch (stage) {
				case LEAD -> true;
				case MQL -> this.accepted != null;
				case SQL -> this.qualified != null;
				case OPPORTUNITY -> this.dealCreated != null;
				case CUSTOMER -> this.won != null;
			};
		}

		Duration step(Stage stage) {
			return switch (stage) {
				case LEAD -> null;
				case MQL -> Duration.between(this.created, this.accepted);
				case SQL -> Duration.between(this.accepted, this.qualified);
				case OPPORTUNITY -> Duration.between(this.qualified, this.converted);
				case CUSTOMER -> Duration.between(this.dealCreated, this.won);
			};
		}

	}

	private final List<Known> known = new ArrayList<>();

	private final Map<String, UUID> ids = new LinkedHashMap<>();

	private Campaign expo;

	private Campaign mailing;

	@BeforeEach
	void aWorld() {
		this.tag = TestCustomers.tag();
		this.rep = this.users.create(Role.REP);
		this.otherRep = this.users.create(Role.REP);
		this.marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
		this.account = this.customers.account(this.rep, "Funnel Ltd " + this.tag, null);
		Instant t = Instant.parse("2015-03-02T09:00:00Z");
		// won: accepted in 2 h, qualified a day later, converted 3 days after, won 10
		// days on
		lead("Won", "Web", t, h(2), h(26), h(98), h(338), false, LeadStatus.QUALIFIED, true, this.rep);
		// converted into a deal that never left its first stage
		lead("Stuck", "Web", t.plus(Duration.ofDays(1)), h(4), h(52), h(76), null, false, LeadStatus.QUALIFIED, true,
				this.rep);
		// accepted, never converted
		lead("Working", "Referral", t.plus(Duration.ofDays(2)), h(6), null, null, null, false, LeadStatus.WORKING,
				false, this.rep);
		// never touched
		lead("Untouched", "Referral", t.plus(Duration.ofDays(3)), null, null, null, null, false, LeadStatus.NEW, false,
				this.rep);
		// new, but an activity was logged on it
		lead("Called", null, t.plus(Duration.ofDays(4)), null, null, null, null, false, LeadStatus.NEW, true, this.rep);
		// converted into a deal that moved on and is open
		lead("Moving", "Web", t.plus(Duration.ofDays(5)), h(1), h(6), h(8), null, true, LeadStatus.QUALIFIED, true,
				this.rep);
		// outside the period
		lead("April", "Web", Instant.parse("2015-04-10T09:00:00Z"), null, null, null, null, false, LeadStatus.NEW,
				false, this.rep);
		// another rep's
		lead("Others", "Web", t.plus(Duration.ofDays(6)), null, null, null, null, false, LeadStatus.NEW, false,
				this.otherRep);
		this.expo = campaign("Expo");
		this.mailing = campaign("Mailing");
		this.members.add(this.marketing, this.expo.id(), CampaignMemberType.LEAD,
				List.of(this.ids.get("Won"), this.ids.get("Working")), null);
		this.members.add(this.marketing, this.mailing.id(), CampaignMemberType.LEAD, List.of(this.ids.get("Won")),
				null);
	}

	@Test
	void countsConversionsAndMediansMatchTheTestsOwnComputation() {
		Funnel funnel = this.funnel.funnel(TestUsers.viewer(this.rep), FROM, TO, Grouping.SOURCE, 14);
		List<Known> mine = mine(k -> true);
		assertThat(mine).hasSize(6);
		assertSteps(funnel.total(), mine);
		// by hand: 6 leads, 4 accepted, 3 qualified, 3 converted with a deal, 1 won
		assertThat(funnel.total().steps()).extracting(Step::count).containsExactly(6L, 4L, 3L, 3L, 1L);
		// accepted after 1, 2, 4 and 6 hours: the median is 3 hours
		assertThat(funnel.total().steps().get(1).medianTime()).isEqualTo(Duration.ofHours(3));
		assertThat(funnel.total().steps().get(1).conversion()).isEqualByComparingTo("0.6667");

		Map<String, Group> bySource = funnel.groups().stream().collect(Collectors.toMap(Group::label, g -> g));
		assertThat(bySource).containsOnlyKeys("Web", "Referral", "No source");
		assertSteps(bySource.get("Web"), mine(k -> "Web".equals(k.source())));
		assertSteps(bySource.get("Referral"), mine(k -> "Referral".equals(k.source())));
		assertSteps(bySource.get("No source"), mine(k -> k.source() == null));
		assertThat(bySource.get("No source").key()).isEmpty();
	}

	@Test
	void byCampaignALeadCountsInEachOfItsCampaigns() {
		Funnel funnel = this.funnel.funnel(TestUsers.viewer(this.rep), FROM, TO, Grouping.CAMPAIGN, 14);
		Map<String, Group> byCampaign = funnel.groups().stream().collect(Collectors.toMap(Group::label, g -> g));
		assertThat(byCampaign).containsOnlyKeys(this.expo.name(), this.mailing.name(), "No campaign");
		assertSteps(byCampaign.get(this.expo.name()), mine(k -> java.util.Set.of("Won", "Working").contains(k.name())));
		assertSteps(byCampaign.get(this.mailing.name()), mine(k -> k.name().equals("Won")));
		assertSteps(byCampaign.get("No campaign"), mine(k -> !java.util.Set.of("Won", "Working").contains(k.name())));
		assertThat(byCampaign.get(this.expo.name()).key()).isEqualTo(this.expo.id().toString());

		List<String> expoCustomers = names(this.funnel.leads(TestUsers.viewer(this.rep),
				new Slice(FROM, TO, Grouping.CAMPAIGN, this.expo.id().toString(), Stage.CUSTOMER, null, 14),
				PageRequest.of(0, 50)));
		assertThat(expoCustomers).containsExactly("Won");
	}

	@Test
	void leaksAreCountedAndListed() {
		Viewer viewer = TestUsers.viewer(this.rep);
		Funnel funnel = this.funnel.funnel(viewer, FROM, TO, Grouping.SOURCE, 14);
		Map<Leak, Long> leaks = funnel.leaks().stream().collect(Collectors.toMap(LeakCount::leak, LeakCount::count));
		assertThat(leaks).containsEntry(Leak.UNTOUCHED, 1L)
			.containsEntry(Leak.NOT_CONVERTED, 1L)
			.containsEntry(Leak.NOT_ADVANCED, 1L);
		assertThat(leakNames(viewer, Leak.UNTOUCHED)).containsExactly("Untouched");
		assertThat(leakNames(viewer, Leak.NOT_CONVERTED)).containsExactly("Working");
		assertThat(leakNames(viewer, Leak.NOT_ADVANCED)).containsExactly("Stuck");
		// drill-down lists hold the leads behind each stage, newest first
		assertThat(names(this.funnel.leads(viewer,
				new Slice(FROM, TO, Grouping.SOURCE, null, Stage.OPPORTUNITY, null, 14), PageRequest.of(0, 50))))
			.containsExactly("Moving", "Stuck", "Won");
		// waiting longer than the leads have existed: nothing leaks yet
		long days = Duration.between(Instant.parse("2015-03-01T00:00:00Z"), this.clock.instant()).toDays() + 30;
		assertThat(this.funnel.funnel(viewer, FROM, TO, Grouping.SOURCE, (int) days).leaks())
			.allSatisfy(leak -> assertThat(leak.count()).isZero());
	}

	@Test
	void aRepSeesTheFunnelOfTheirOwnLeadsOnly() {
		Funnel reps = this.funnel.funnel(TestUsers.viewer(this.rep), FROM, TO, Grouping.SOURCE, 14);
		Funnel others = this.funnel.funnel(TestUsers.viewer(this.otherRep), FROM, TO, Grouping.SOURCE, 14);
		Funnel all = this.funnel.funnel(this.marketing, FROM, TO, Grouping.SOURCE, 14);
		assertThat(reps.total().leads()).isEqualTo(6);
		assertThat(others.total().leads()).isEqualTo(1);
		assertThat(all.total().leads()).isGreaterThanOrEqualTo(7);
		assertThat(names(this.funnel.leads(TestUsers.viewer(this.rep),
				new Slice(FROM, TO, Grouping.SOURCE, null, Stage.LEAD, null, 14), PageRequest.of(0, 50))))
			.doesNotContain("Others")
			.contains("Won", "Called");
		assertThat(names(this.funnel.leads(this.marketing,
				new Slice(FROM, TO, Grouping.SOURCE, null, Stage.LEAD, null, 14), PageRequest.of(0, 500))))
			.contains("Others", "Won");
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStartsAndUnknownBreakdowns() {
		assertThatThrownBy(() -> this.funnel.funnel(this.marketing, TO, FROM, Grouping.SOURCE, 14))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Grouping.parse("country", "by")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.funnel.funnel(this.marketing, FROM, TO, Grouping.SOURCE, 0))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theApiThePageAndTheDrillDownShowTheRepsFunnel() throws Exception {
		this.mvc
			.perform(get("/api/v1/marketing/funnel?from=2015-03-01&to=2015-03-31&by=campaign")
				.with(TestUsers.basic(this.rep)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.by").value("CAMPAIGN"))
			.andExpect(jsonPath("$.total.steps[0].count").value(6))
			.andExpect(jsonPath("$.total.steps[1].stage").value("MQL"))
			.andExpect(jsonPath("$.total.steps[1].medianSeconds").value(3 * 3600))
			.andExpect(jsonPath("$.total.steps[4].count").value(1))
			.andExpect(jsonPath("$.leaks[0].leak").value("UNTOUCHED"))
			.andExpect(jsonPath("$.leaks[0].count").value(1));
		this.mvc.perform(get("/api/v1/marketing/funnel?by=country").with(TestUsers.basic(this.rep)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("by"));

		RequestPostProcessor session = TestUsers.signIn(this.mvc, this.rep);
		this.mvc.perform(get("/marketing/funnel?from=2015-03-01&to=2015-03-31&by=source").with(session))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("id=\"funnel-chart\""), containsString("id=\"funnel-count-CUSTOMER\""),
						containsString("id=\"leak-UNTOUCHED\""), containsString("accepted by sales"))));
		this.mvc
			.perform(get("/marketing/funnel/leads?from=2015-03-01&to=2015-03-31&leak=UNTOUCHED&days=14").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Untouched"), not(containsString(">Working ")))));
		this.mvc.perform(get("/marketing/funnel?from=1990-01-01&to=1990-01-31").with(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"funnel-empty\"")));
	}

	/** The stage counts, conversions and medians the test works out itself. */
	private static void assertSteps(Group group, List<Known> leads) {
		assertThat(group).as("a group for %s", leads.stream().map(Known::name).toList()).isNotNull();
		Long previous = null;
		for (Stage stage : Stage.values()) {
			Step step = group.steps().get(stage.ordinal());
			List<Known> reached = leads.stream().filter(k -> k.reached(stage)).toList();
			assertThat(step.stage()).isEqualTo(stage);
			assertThat(step.count()).as("%s of %s", stage, group.label()).isEqualTo(reached.size());
			if (previous == null || previous == 0) {
				assertThat(step.conversion()).isNull();
			}
			else {
				assertThat(step.conversion()).as("conversion to %s of %s", stage, group.label())
					.isEqualByComparingTo(BigDecimal.valueOf(reached.size())
						.divide(BigDecimal.valueOf(previous), 4, RoundingMode.HALF_EVEN));
			}
			if (stage == Stage.LEAD || reached.isEmpty()) {
				assertThat(step.medianTime()).isNull();
			}
			else {
				List<Long> seconds = reached.stream().map(k -> k.step(stage).toSeconds()).sorted().toList();
				int n = seconds.size();
				long median = (n % 2 == 1) ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
				assertThat(step.medianTime()).as("median time to %s of %s", stage, group.label())
					.isEqualTo(Duration.ofSeconds(median));
			}
			previous = (long) reached.size();
		}
	}

	private List<Known> mine(Predicate<Known> which) {
		return this.known.stream()
			.filter(k -> !k.name().equals("April") && !k.name().equals("Others"))
			.filter(which)
			.toList();
	}

	private List<String> leakNames(Viewer viewer, Leak leak) {
		return names(this.funnel.leads(viewer, new Slice(FROM, TO, Grouping.SOURCE, null, null, leak, 14),
				PageRequest.of(0, 50)));
	}

	private List<String> names(org.springframework.data.domain.Page<Lead> page) {
		Map<UUID, String> byId = this.ids.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
		return page.getContent().stream().map(lead -> byId.getOrDefault(lead.id(), lead.fullName())).toList();
	}

	private static Duration h(int hours) {
		return Duration.ofHours(hours);
	}

	/**
	 * A lead moved through its statuses by the service, then its times set by hand:
	 * accepted, qualified and converted are offsets from its creation; the deal is
	 * created when the lead is converted and won {@code wonAfter} after its creation.
	 */
	private void lead(String name, String source, Instant created, Duration acceptedAfter, Duration qualifiedAfter,
			Duration convertedAfter, Duration wonAfter, boolean advanced, LeadStatus status, boolean activity,
			User owner) {
		Viewer viewer = TestUsers.viewer(owner);
		Lead lead = this.leads.create(viewer, new LeadDetails(name, "Funnel " + this.tag, "Funnel Ltd", null, null,
				null, null, source, null, null, owner.id(), null));
		if (acceptedAfter != null) {
			lead = this.leads.changeStatus(viewer, lead.id(), lead.version(), LeadStatus.WORKING, null);
		}
		if (qualifiedAfter != null) {
			lead = this.leads.changeStatus(viewer, lead.id(), lead.version(), LeadStatus.QUALIFIED, null);
		}
		Instant accepted = acceptedAfter == null ? null : created.plus(acceptedAfter);
		Instant qualified = qualifiedAfter == null ? null : created.plus(qualifiedAfter);
		Instant converted = convertedAfter == null ? null : created.plus(convertedAfter);
		Instant won = null;
		UUID deal = null;
		if (converted != null) {
			Contact contact = this.customers.contact(owner, name, "Funnel " + this.tag, null, this.account.id());
			deal = this.opportunities
				.create(viewer,
						new OpportunityDetails(name + " " + this.tag, this.account.id(), contact.id(), owner.id(),
								FIRST_STAGE, new BigDecimal("1000.00"), false, LocalDate.now(this.clock).plusDays(30),
								null, null, null, null, null, null))
				.id();
			this.jdbc.sql("update opportunities set created_at = :at where id = :id")
				.param("at", Timestamp.from(converted))
				.param("id", deal)
				.update();
			if (wonAfter != null) {
				won = created.plus(wonAfter);
				this.jdbc.sql("""
						update opportunities set closed_at = :closed, close_date = :day,
						  stage_id = (select id from pipeline_stages where outcome = 'WON' order by position limit 1)
						where id = :id
						""")
					.param("closed", Timestamp.from(won))
					.param("day", LocalDate.ofInstant(won, java.time.ZoneOffset.UTC))
					.param("id", deal)
					.update();
			}
			if (advanced) {
				this.jdbc
					.sql("""
							insert into opportunity_history (id, opportunity_id, changed_at, from_stage_id, to_stage_id,
							  to_close_date, to_probability, to_forecast_category)
							select gen_random_uuid(), :id, :at, :first,
							  (select id from pipeline_stages where outcome = 'OPEN' and id <> :first order by position limit 1),
							  current_date, 20, 'PIPELINE'
							""")
					.param("id", deal)
					.param("at", Timestamp.from(converted.plus(Duration.ofHours(1))))
					.param("first", FIRST_STAGE)
					.update();
			}
			this.jdbc.sql("update leads set converted_at = :at, converted_opportunity_id = :deal where id = :id")
				.param("at", Timestamp.from(converted))
				.param("deal", deal)
				.param("id", lead.id())
				.update();
		}
		this.jdbc
			.sql("update leads set created_at = :created, accepted_at = :accepted, first_activity_at = :activity"
					+ " where id = :id")
			.param("created", Timestamp.from(created))
			.param("accepted", accepted == null ? null : Timestamp.from(accepted))
			.param("activity", activity ? Timestamp.from(created.plus(Duration.ofMinutes(30))) : null)
			.param("id", lead.id())
			.update();
		this.jdbc.sql("""
				update lead_status_changes set changed_at = case to_status when 'NEW' then :created
				  when 'WORKING' then :accepted when 'QUALIFIED' then :qualified else changed_at end
				where lead_id = :id
				""")
			.param("created", Timestamp.from(created))
			.param("accepted", Timestamp.from(accepted == null ? created : accepted))
			.param("qualified", Timestamp.from(qualified == null ? created : qualified))
			.param("id", lead.id())
			.update();
		this.ids.put(name, lead.id());
		this.known.add(new Known(name, source, created, accepted, qualified, converted, converted, won, advanced,
				status, activity));
	}

	private Campaign campaign(String name) {
		return this.campaigns.create(this.marketing, new CampaignDetails(name + " " + this.tag, null,
				CampaignStatus.ACTIVE, null, null, null, null, null, null));
	}

}
