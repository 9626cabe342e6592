package dev.bellwether.browser;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.activities.Activities;
import dev.bellwether.activities.Activity;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.customfield.CustomField;
import dev.bellwether.platform.customfield.CustomFieldDefinition;
import dev.bellwether.platform.customfield.CustomFieldType;
import dev.bellwether.platform.customfield.CustomFields;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task list's bulk bar on a phone (375 px), driven by the keyboard (j, x), and a
 * multi-select custom field edited in place with its checkboxes (Space ticks, Enter
 * saves, Escape cancels).
 */
@BrowserTest
class TasksBulkAndInlineChoicesBrowserIT {

	private static final UUID PROSPECTING = UUID.fromString("01900000-0000-7000-8000-000000000001");

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Activities activities;

	@Autowired
	Opportunities opportunities;

	@Autowired
	CustomFields customFields;

	private UUID account(User owner, String name) {
		return this.accounts
			.create(TestUsers.viewer(owner),
					new AccountDetails(name, null, null, null, null, null, null, null, null, null, null, null,
							owner.id(), null))
			.id();
	}

	@Test
	void selectsTasksWithTheKeyboardAndChangesThemFromTheBulkBarOnAPhone(Browser browser) {
		User rep = this.users.create(Role.REP);
		UUID account = account(rep, "Tasks bulk " + UUID.randomUUID());
		LocalDate today = this.activities.today();
		List<Activity> tasks = List.of(
				this.activities.create(TestUsers.viewer(rep),
						ActivityDetails
							.task("Call back about the renewal terms", today.minusDays(2), TaskPriority.NORMAL,
									rep.id())
							.linkedTo(account, null, null)),
				this.activities.create(TestUsers.viewer(rep),
						ActivityDetails
							.task("Send the signed order form", today.minusDays(1), TaskPriority.NORMAL, rep.id())
							.linkedTo(account, null, null)));

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(375, 900));
		browser.open("/tasks?due=overdue");
		browser.visible(By.id("tasks-table"));
		WebElement body = browser.driver().findElement(By.tagName("body"));
		body.sendKeys("j");
		new Actions(browser.driver()).sendKeys("x").perform();
		browser.visible(By.id("bulk-form"));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selected"), "1 selected"));
		new Actions(browser.driver()).sendKeys("j").sendKeys("x").perform();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("bulk-selected"), "2 selected"));

		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("the task list and its bulk bar fit the phone")
			.isLessThanOrEqualTo(375);

		browser.waitUntil(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("#bulk-field option[value='dueDate']")));
		new Select(browser.visible(By.id("bulk-field"))).selectByValue("dueDate");
		WebElement due = browser.visible(By.id("bulk-new-value"));
		js.executeScript("arguments[0].value = arguments[1];", due, today.plusDays(7).toString());
		browser.click(By.id("bulk-apply"));
		browser.waitUntil(ExpectedConditions.urlContains("/bulk/"));
		assertThat(browser.visible(By.id("bulk-status")).getText()).contains("2 changed");
		for (Activity task : tasks) {
			assertThat(this.activities.get(TestUsers.viewer(rep), task.id()).dueDate()).isEqualTo(today.plusDays(7));
		}
	}

	@Test
	void editsAMultiSelectInPlaceWithItsCheckboxes(Browser browser) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		CustomField regions = this.customFields.define("opportunity",
				new CustomFieldDefinition("Regions " + suffix, CustomFieldType.MULTI_SELECT,
						List.of("North", "South", "East"), CustomField.Requirement.NEVER, null, null, false));
		try {
			User rep = this.users.create(Role.REP);
			UUID account = account(rep, "Choices " + suffix);
			Opportunity deal = this.opportunities.create(TestUsers.viewer(rep),
					new OpportunityDetails("Choices deal " + suffix, account, null, rep.id(), PROSPECTING,
							new BigDecimal("1000"), false, this.activities.today().plusMonths(1), null, null, null,
							null, null, null));
			browser.signIn(rep.username(), TestUsers.PASSWORD);
			browser.open("/opportunities/" + deal.id());
			By cell = By.cssSelector("[data-inline-field='" + regions.filterName() + "']");

			// Escape leaves it as it was
			browser.click(cell);
			WebElement first = browser.visible(By.cssSelector("[data-inline-field='" + regions.filterName()
					+ "'] .bw-inline-choices input[type=checkbox][value='North']"));
			first.sendKeys(Keys.SPACE);
			first.sendKeys(Keys.ESCAPE);
			browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".bw-inline-choices")));
			assertThat(this.opportunities.get(TestUsers.viewer(rep), deal.id()).customFields().get(regions.key()))
				.isNull();

			// Space ticks North, Tab Tab moves to East, Space ticks it, Enter saves
			browser.click(cell);
			first = browser.visible(By.cssSelector("[data-inline-field='" + regions.filterName()
					+ "'] .bw-inline-choices input[type=checkbox][value='North']"));
			assertThat(browser.driver().switchTo().activeElement()).isEqualTo(first);
			new Actions(browser.driver()).sendKeys(Keys.SPACE)
				.sendKeys(Keys.TAB)
				.sendKeys(Keys.TAB)
				.sendKeys(Keys.SPACE)
				.sendKeys(Keys.ENTER)
				.perform();
			browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".bw-inline-choices")));
			browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(cell, "East"));
			assertThat(browser.visible(cell).getText()).contains("North");
			assertThat(this.opportunities.get(TestUsers.viewer(rep), deal.id()).customFields().get(regions.key()))
				.isEqualTo(List.of("North", "East"));
		}
		finally {
			this.customFields.retire(regions.id());
		}
	}

}
