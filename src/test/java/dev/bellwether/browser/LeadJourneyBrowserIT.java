package dev.bellwether.browser;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignCostDetails;
import dev.bellwether.marketing.CampaignCosts;
import dev.bellwether.marketing.CampaignDetails;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import dev.bellwether.marketing.Lead;
import dev.bellwether.marketing.LeadAssignmentAction;
import dev.bellwether.marketing.LeadAssignmentRuleDetails;
import dev.bellwether.marketing.LeadAssignmentRules;
import dev.bellwether.marketing.LeadFilter;
import dev.bellwether.marketing.LeadStatus;
import dev.bellwether.marketing.Leads;
import dev.bellwether.marketing.WebLeadForm;
import dev.bellwether.marketing.WebLeadFormDetails;
import dev.bellwether.marketing.WebLeadForms;
import dev.bellwether.platform.picklist.PickLists;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's whole hand-off in a real browser: a visitor fills in the snippet marketing
 * copied from a web form's page, the lead is given to a rep by an assignment rule and
 * joins the form's campaign, the rep works it and converts it into a deal, the deal is
 * won, and the campaign's ROI shows its cost against that revenue.
 */
@BrowserTest
class LeadJourneyBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignCosts costs;

	@Autowired
	WebLeadForms forms;

	@Autowired
	LeadAssignmentRules rules;

	@Autowired
	Leads leads;

	@Autowired
	PickLists pickLists;

	@Autowired
	java.time.Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeadFromThePublicFormIsAssignedWorkedConvertedAndShowsInTheCampaignsRoi(Browser browser) {
		String tag = TestCustomers.tag();
		User marketingUser = this.users.create(Role.MARKETING);
		Viewer marketing = TestUsers.viewer(marketingUser);
		User rep = this.users.create(Role.REP);
		User fallback = this.users.create(Role.REP);
		String source = this.pickLists.add(marketingUser.id(), "lead-source", "Web form " + tag).label();
		Campaign campaign = this.campaigns.create(marketing, new CampaignDetails("Journey webinar " + tag, null,
				CampaignStatus.ACTIVE, null, null, null, null, null, null));
		LocalDate today = LocalDate.now(this.clock);
		this.costs.add(marketing, campaign.id(),
				new CampaignCostDetails(today.withDayOfMonth(1), "Host", new BigDecimal("500.00"), null));
		this.rules.create(marketing, new LeadAssignmentRuleDetails("Journey " + tag, true, List.of(source), null, null,
				LeadAssignmentAction.USER, rep.id(), null));
		String origin = browser.url("/").replaceAll("/$", "");
		WebLeadForm form = this.forms.create(marketing, new WebLeadFormDetails("Journey form " + tag, List.of(origin),
				true, source, campaign.id(), "I agree that Bellwether may contact me.", true, null, fallback.id()));

		// marketing copies the snippet from the form's page
		browser.signIn(marketingUser.username(), TestUsers.PASSWORD);
		browser.open("/leads/forms/" + form.id());
		String snippet = browser.visible(By.id("snippet")).getAttribute("value");
		assertThat(snippet).contains("/w2l/" + form.publicKey());
		assertThat(browser.seriousAccessibilityViolations()).as("the web form's page").isEmpty();
		assertThat(browser.widthOnAPhone("web-lead-form-375px.png")).as("the web form's page on a phone")
			.isLessThanOrEqualTo(375);
		browser.signOut();

		// a visitor on a page of the allowed origin fills it in
		browser.open("/login");
		((JavascriptExecutor) browser.driver()).executeScript("document.body.innerHTML = arguments[0];", snippet);
		browser.visible(By.name("first_name")).sendKeys("Jo");
		browser.driver().findElement(By.name("last_name")).sendKeys("Journey" + tag);
		browser.driver().findElement(By.name("company")).sendKeys("Journey Works " + tag);
		browser.driver().findElement(By.name("email")).sendKeys("jo@journey-" + tag + ".example");
		browser.driver().findElement(By.name("consent")).click();
		browser.driver().findElement(By.cssSelector("form [type=submit]")).click();
		browser.waitUntil(ExpectedConditions.urlContains("/w2l/thanks"));

		Lead lead = this.leads
			.list(TestUsers.viewer(this.users.create(Role.ADMIN)),
					new LeadFilter("Journey" + tag, null, null, null, null), PageRequest.of(0, 5))
			.getContent()
			.get(0);
		assertThat(lead.ownerId()).as("the rule's rep, not the form's owner").isEqualTo(rep.id());
		assertThat(lead.source()).isEqualTo(source);

		// the rep works it and converts it into a deal
		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/leads/" + lead.id());
		assertThat(browser.visible(By.id("lead-web-submissions")).getText()).contains("Journey form " + tag);
		browser.click(By.id("status-working"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("lead-status"), LeadStatus.WORKING.label()));
		assertThat(browser.seriousAccessibilityViolations()).as("the lead's page").isEmpty();
		browser.click(By.id("convert-lead"));
		browser.visible(By.id("amount")).sendKeys("9,000");
		browser.click(By.id("convert-submit"));
		browser.waitUntil(ExpectedConditions.urlContains("/opportunities/"));
		UUID deal = UUID.fromString(browser.path().replaceAll("^/opportunities/([0-9a-f-]{36}).*$", "$1"));
		browser.signOut();

		// the deal is won today
		this.jdbc.sql("""
				update opportunities set close_date = :day, closed_at = :closed,
				  stage_id = (select id from pipeline_stages where outcome = 'WON' order by position limit 1)
				where id = :id
				""")
			.param("day", today)
			.param("closed", Timestamp.from(this.clock.instant()))
			.param("id", deal)
			.update();

		// the campaign's ROI shows the cost against the revenue it brought
		browser.signIn(this.users.create(Role.EXECUTIVE).username(), TestUsers.PASSWORD);
		browser.open("/campaigns/roi?from=" + today.withDayOfMonth(1) + "&to=" + today + "&model=FIRST_TOUCH");
		String row = browser
			.visible(By.xpath("//table[@id='roi-campaigns']//tr[th/a[text()='Journey webinar " + tag + "']]"))
			.getText();
		// one lead, converted; won 9,000 for 500: ROI 1,700 %
		assertThat(row).contains("500.00", "9,000.00", "1,700%");
	}

}
