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

	@Test
	void createsEditsAndDisqualifiesALead(Browser browser) {
		User marketing = this.users.create(Role.MARKETING);
		String lastName = "Leadbrowser" + UUID.randomUUID().toString().substring(0, 8);

		browser.signIn(marketing.username(), TestUsers.PASSWORD);
		assertThat(browser.path()).as("marketing starts at the leads").startsWith("/leads");
		browser.visible(By.id("nav-leads"));
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

}
