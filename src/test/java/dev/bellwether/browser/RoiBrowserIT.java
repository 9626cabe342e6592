package dev.bellwether.browser;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.Contact;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignCostDetails;
import dev.bellwether.marketing.CampaignCosts;
import dev.bellwether.marketing.CampaignDetails;
import dev.bellwether.marketing.CampaignMemberType;
import dev.bellwether.marketing.CampaignMembers;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign ROI page in a real browser: an executive reaches it from the campaign
 * list, sees a campaign's cost against the revenue of the deal it touched, the chart is
 * drawn, the page passes axe-core and fits a phone.
 */
@BrowserTest
class RoiBrowserIT {

	static final UUID FIRST_STAGE = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	TestUsers users;

	@Autowired
	java.time.Clock clock;

	@Autowired
	TestCustomers customers;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignCosts costs;

	@Autowired
	CampaignMembers members;

	@Autowired
	Opportunities opportunities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExecutiveComparesCostWithWonRevenue(Browser browser) {
		String tag = TestCustomers.tag();
		Viewer marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
		User rep = this.users.create(Role.REP);
		Campaign webinar = this.campaigns.create(marketing, new CampaignDetails("Roi webinar " + tag, null,
				CampaignStatus.ACTIVE, null, null, null, null, null, null));
		this.costs.add(marketing, webinar.id(),
				new CampaignCostDetails(LocalDate.of(2018, 2, 1), "Host", new BigDecimal("1000.00"), null));
		Account account = this.customers.account(rep, "Roi Ltd " + tag, null);
		Contact contact = this.customers.contact(rep, "Rita", "Roi " + tag, null, account.id());
		this.members.add(marketing, webinar.id(), CampaignMemberType.CONTACT, List.of(contact.id()), null);
		this.jdbc.sql("update campaign_members set status = 'RESPONDED', responded_at = :at where member_id = :id")
			.param("at", Timestamp.from(Instant.parse("2018-02-10T10:00:00Z")))
			.param("id", contact.id())
			.update();
		UUID deal = this.opportunities
			.create(TestUsers.viewer(rep),
					new OpportunityDetails("Roi deal " + tag, account.id(), contact.id(), rep.id(), FIRST_STAGE,
							new BigDecimal("4000.00"), false, LocalDate.now(this.clock).plusDays(30), null, null, null,
							null, null, null))
			.id();
		this.jdbc.sql("""
				update opportunities set created_at = :created, close_date = :day, closed_at = :closed,
				  stage_id = (select id from pipeline_stages where outcome = 'WON' order by position limit 1)
				where id = :id
				""")
			.param("created", Timestamp.from(Instant.parse("2018-03-01T10:00:00Z")))
			.param("day", LocalDate.of(2018, 5, 1))
			.param("closed", Timestamp.from(Instant.parse("2018-05-01T10:00:00Z")))
			.param("id", deal)
			.update();

		User executive = this.users.create(Role.EXECUTIVE);
		browser.signIn(executive.username(), TestUsers.PASSWORD);
		browser.open("/campaigns");
		browser.click(By.id("campaign-roi"));
		assertThat(browser.path()).startsWith("/campaigns/roi");
		browser.open("/campaigns/roi?from=2018-01-01&to=2018-12-31&model=LINEAR");
		String row = browser
			.visible(By.xpath("//table[@id='roi-campaigns']//tr[th/a[text()='Roi webinar " + tag + "']]"))
			.getText();
		// won 4,000 for a cost of 1,000: ROI 300 %
		assertThat(row).contains("1,000.00", "4,000.00", "300%");
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("roi-chart"), "data-drawn", "true"));
		assertThat(browser.seriousAccessibilityViolations()).as("the ROI page").isEmpty();
		assertThat(browser.widthOnAPhone("campaign-roi-375px.png")).as("the ROI page on a phone")
			.isLessThanOrEqualTo(375);

		browser.open("/campaigns/roi?from=1990-01-01&to=1990-12-31");
		assertThat(browser.visible(By.id("roi-empty")).getText()).contains("No campaign");
		assertThat(browser.seriousAccessibilityViolations()).as("the empty ROI page").isEmpty();
	}

	@Test
	void theExecutiveHomeShowsMarketingRoiByQuarterAndARepSeesTheCampaignsBehindTheirDeal(Browser browser) {
		String tag = TestCustomers.tag();
		Viewer marketing = TestUsers.viewer(this.users.create(Role.MARKETING));
		User rep = this.users.create(Role.REP);
		Campaign fair = this.campaigns.create(marketing, new CampaignDetails("Influence fair " + tag, null,
				CampaignStatus.ACTIVE, null, null, null, null, null, null));
		Account account = this.customers.account(rep, "Influence Ltd " + tag, null);
		Contact contact = this.customers.contact(rep, "Ivy", "Influence " + tag, null, account.id());
		this.members.add(marketing, fair.id(), CampaignMemberType.CONTACT, List.of(contact.id()), null);
		this.jdbc.sql("update campaign_members set status = 'RESPONDED', responded_at = :at where member_id = :id")
			.param("at", Timestamp.from(this.clock.instant().minusSeconds(86_400)))
			.param("id", contact.id())
			.update();
		UUID deal = this.opportunities
			.create(TestUsers.viewer(rep),
					new OpportunityDetails("Influenced deal " + tag, account.id(), contact.id(), rep.id(), FIRST_STAGE,
							new BigDecimal("2500.00"), false, LocalDate.now(this.clock).plusDays(30), null, null, null,
							null, null, null))
			.id();

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/opportunities/" + deal);
		assertThat(browser.visible(By.id("influence-touches")).getText()).contains("Influence fair " + tag, "2,500.00");
		assertThat(browser.seriousAccessibilityViolations()).as("the deal page with its campaign influence").isEmpty();
		assertThat(browser.widthOnAPhone("deal-influence-375px.png")).as("the deal page on a phone")
			.isLessThanOrEqualTo(375);
		browser.signOut();

		browser.signIn(this.users.create(Role.EXECUTIVE).username(), TestUsers.PASSWORD);
		browser.open("/");
		browser.visible(By.id("marketing-roi-figures"));
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("marketing-roi-chart"), "data-drawn", "true"));
		assertThat(browser.seriousAccessibilityViolations()).as("the executive home with marketing ROI").isEmpty();
		assertThat(browser.widthOnAPhone("home-marketing-roi-375px.png")).as("the executive home on a phone")
			.isLessThanOrEqualTo(375);
	}

}
