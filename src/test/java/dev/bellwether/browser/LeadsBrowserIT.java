package dev.bellwether.browser;

import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketing user's leads in a real browser: they land on the lead list, create a lead
 * (fixing a validation error on the way), edit it, try to disqualify it without a reason
 * and then with one, and find it in the list filtered by status; each page without
 * serious accessibility problems and no wider than a phone.
 */
@BrowserTest
class LeadsBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	dev.bellwether.marketing.Leads leads;

	@Test
	void createsEditsAndDisqualifiesALead(Browser browser) {
		User marketing = this.users.create(Role.MARKETING);
		String lastName = "Leadbrowser" + UUID.randomUUID().toString().substring(0, 8);

		browser.signIn(marketing.username(), TestUsers.PASSWORD);
		// marketing starts at their own home page, the leads one click away
		browser.click(By.id("nav-leads"));
		assertThat(browser.path()).startsWith("/leads");
		assertThat(browser.seriousAccessibilityViolations()).as("the list").isEmpty();
		assertThat(browser.widthOnAPhone("leads-375px.png")).as("the list fits a phone").isLessThanOrEqualTo(375);

		browser.click(By.id("new-lead"));
		browser.click(By.id("save-lead"));
		WebElement error = browser.visible(By.cssSelector("#lead-form [name=lastName] ~ .invalid-feedback"));
		assertThat(error.getText()).isEqualTo("Enter the lead's last name.");
		assertThat(browser.seriousAccessibilityViolations()).as("the form with its errors").isEmpty();
		assertThat(browser.widthOnAPhone("lead-form-375px.png")).as("the form fits a phone").isLessThanOrEqualTo(375);

		browser.driver().findElement(By.cssSelector("#lead-form [name=firstName]")).sendKeys("Ada");
		browser.driver().findElement(By.cssSelector("#lead-form [name=lastName]")).sendKeys(lastName);
		browser.driver().findElement(By.cssSelector("#lead-form [name=company]")).sendKeys("Analytical Engines");
		new Select(browser.driver().findElement(By.cssSelector("#lead-form [name=source]")))
			.selectByVisibleText("Webinar");
		browser.click(By.id("save-lead"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), "Ada " + lastName));
		assertThat(browser.visible(By.id("lead-status")).getText()).isEqualTo("New");
		assertThat(browser.seriousAccessibilityViolations()).as("the record page").isEmpty();
		assertThat(browser.widthOnAPhone("lead-375px.png")).as("the record page fits a phone").isLessThanOrEqualTo(375);

		browser.click(By.id("edit-lead"));
		WebElement title = browser.visible(By.cssSelector("#lead-form [name=title]"));
		title.sendKeys("Head of Engineering");
		browser.click(By.id("save-lead"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), "Ada " + lastName));
		assertThat(browser.visible(By.tagName("main")).getText()).contains("Head of Engineering");

		browser.click(By.id("status-disqualified"));
		WebElement reasonError = browser.visible(By.id("disqualifyReason-error"));
		assertThat(reasonError.getText()).isEqualTo("Choose why the lead is disqualified.");
		assertThat(browser.seriousAccessibilityViolations()).as("the page asking for a reason").isEmpty();
		new Select(browser.driver().findElement(By.id("disqualifyReason"))).selectByVisibleText("No budget");
		browser.click(By.id("status-disqualified"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("lead-status"), "Disqualified"));
		assertThat(browser.visible(By.id("lead-disqualify-reason")).getText()).contains("No budget");

		browser.open("/leads?status=DISQUALIFIED&q=" + lastName);
		browser.waitUntil(driver -> {
			List<WebElement> rows = driver.findElements(By.cssSelector("#leads-table tbody tr"));
			return rows.size() == 1 && rows.get(0).getText().contains(lastName);
		});
	}

	@Test
	void aRepConvertsALeadIntoAnAccountContactAndDeal(Browser browser) {
		User rep = this.users.create(Role.REP);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		dev.bellwether.marketing.Lead lead = this.leads.create(TestUsers.viewer(rep),
				new dev.bellwether.marketing.LeadDetails("Grace", "Convert" + tag, "Convert Co " + tag, "CTO",
						"grace@convert-" + tag + ".example", null, null, null, null, null, rep.id(), null));

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.open("/leads/" + lead.id());
		browser.click(By.id("convert-lead"));
		assertThat(browser.visible(By.id("convert-account")).getText()).contains("A new account, Convert Co " + tag);
		assertThat(browser.visible(By.id("convert-contact")).getText()).contains("A new contact");
		assertThat(new Select(browser.visible(By.id("ownerId"))).getFirstSelectedOption().getText())
			.isEqualTo(rep.fullName());
		assertThat(browser.seriousAccessibilityViolations()).as("the conversion page").isEmpty();
		assertThat(browser.widthOnAPhone("lead-convert-375px.png")).as("the conversion page fits a phone")
			.isLessThanOrEqualTo(375);
		WebElement amount = browser.visible(By.id("amount"));
		amount.sendKeys("12,500");
		browser.click(By.id("convert-submit"));

		browser.waitUntil(ExpectedConditions.urlContains("/opportunities/"));
		assertThat(browser.visible(By.tagName("main")).getText())
			.contains("Convert Co " + tag + " – Grace Convert" + tag)
			.contains("is converted");
		browser.open("/leads/" + lead.id());
		assertThat(browser.visible(By.id("lead-converted")).getText()).contains("Converted on");
		assertThat(browser.driver().findElements(By.id("convert-lead"))).as("converted once").isEmpty();
	}

}
