package dev.bellwether.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.bellwether.TestCustomers;
import dev.bellwether.TestUsers;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.marketing.Campaign;
import dev.bellwether.marketing.CampaignDetails;
import dev.bellwether.marketing.CampaignStatus;
import dev.bellwether.marketing.Campaigns;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaigns in a real browser: a marketing user creates a campaign under a parent, adds a
 * cost line and adds members from a file of e-mail addresses; the pages pass axe-core and
 * fit a phone.
 */
@BrowserTest
class CampaignsBrowserIT {

	@Autowired
	TestUsers users;

	@Autowired
	TestCustomers customers;

	@Autowired
	Campaigns campaigns;

	@Test
	void createsACampaignUnderAParentAddsACostAndMembersFromAFile(Browser browser) throws IOException {
		User marketing = this.users.create(Role.MARKETING);
		String tag = TestCustomers.tag();
		Campaign parent = this.campaigns.create(TestUsers.viewer(marketing), new CampaignDetails("Year plan " + tag,
				"event", CampaignStatus.ACTIVE, null, null, new BigDecimal("10000"), null, null, null));
		String email = "member." + tag + "@example.com";
		this.customers.contact(this.users.create(Role.REP), "Mia", "Member" + tag, email, null);

		browser.signIn(marketing.username(), TestUsers.PASSWORD);
		browser.open("/campaigns");
		browser.click(By.id("new-campaign"));
		browser.click(By.id("save-campaign"));
		assertThat(browser.visible(By.cssSelector("#campaign-form [name=name] ~ .invalid-feedback")).getText())
			.isEqualTo("Enter the campaign's name.");
		assertThat(browser.seriousAccessibilityViolations()).as("the campaign form").isEmpty();

		String name = "Spring fair " + tag;
		browser.driver().findElement(By.cssSelector("#campaign-form [name=name]")).sendKeys(name);
		browser.driver().findElement(By.cssSelector("#campaign-form [name=budget]")).sendKeys("2500");
		setValue(browser, By.cssSelector("#campaign-form [name=startDate]"), "2026-04-01");
		setValue(browser, By.cssSelector("#campaign-form [name=endDate]"), "2026-04-03");
		browser.driver().findElement(By.id("parentName")).sendKeys("Year plan " + tag);
		browser.click(By.xpath("//div[contains(@class,'bw-picker-results')]/button[starts-with(normalize-space(), '"
				+ parent.name() + "')]"));
		browser.click(By.id("save-campaign"));
		browser.waitUntil(ExpectedConditions.textToBe(By.id("record-title"), name));
		assertThat(browser.driver().findElement(By.linkText(parent.name())).isDisplayed()).as("under its parent")
			.isTrue();

		setValue(browser, By.cssSelector("#cost-form [name=date]"), "2026-04-02");
		browser.driver().findElement(By.cssSelector("#cost-form [name=amount]")).sendKeys("1234.56");
		browser.driver().findElement(By.cssSelector("#cost-form [name=supplier]")).sendKeys("Fair hall");
		browser.click(By.id("add-cost"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("costs-table"), "1,234.56"));
		assertThat(browser.visible(By.id("own-cost")).getText()).isEqualTo("1,234.56");
		assertThat(browser.visible(By.id("remaining")).getText()).isEqualTo("1,265.44");

		Path file = Path.of("target", "browser", "members-" + tag + ".csv").toAbsolutePath();
		Files.createDirectories(file.getParent());
		Files.writeString(file, "name,email\nMia," + email + "\nNo one,nobody." + tag + "@example.com\n");
		browser.driver().findElement(By.id("member-file")).sendKeys(file.toString());
		browser.click(By.id("add-members"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"),
				"1 added, 0 already members, 1 not found."));
		assertThat(browser.visible(By.id("members-table")).getText()).contains("Mia Member" + tag);
		assertThat(browser.visible(By.id("not-found")).getText()).contains("nobody." + tag + "@example.com");
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("cost-chart"), "data-drawn", "true"));

		assertThat(browser.seriousAccessibilityViolations()).as("the campaign page").isEmpty();
		assertThat(browser.widthOnAPhone("campaign-375px.png")).as("the campaign page on a phone")
			.isLessThanOrEqualTo(375);

		browser.open("/campaigns?q=" + tag + "&sort=name,asc");
		assertThat(browser.visible(By.id("campaigns-table")).getText()).contains(name, parent.name());
		assertThat(browser.seriousAccessibilityViolations()).as("the campaign list").isEmpty();
		assertThat(browser.widthOnAPhone("campaigns-375px.png")).as("the campaign list on a phone")
			.isLessThanOrEqualTo(375);
	}

	private static void setValue(Browser browser, By field, String value) {
		WebElement input = browser.visible(field);
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, value);
	}

}
