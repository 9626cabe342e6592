package dev.bellwether.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.activities.Activities;
import dev.bellwether.activities.ActivityDetails;
import dev.bellwether.activities.ActivityKind;
import dev.bellwether.activities.TaskPriority;
import dev.bellwether.activities.TaskStatus;
import dev.bellwether.customers.Account;
import dev.bellwether.customers.AccountDetails;
import dev.bellwether.customers.Accounts;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.identity.Viewer;
import dev.bellwether.platform.FiscalCalendar;
import dev.bellwether.sales.Opportunities;
import dev.bellwether.sales.Opportunity;
import dev.bellwether.sales.OpportunityDetails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep's "my day" on a phone, 375 px wide: nothing scrolls sideways, the one-click
 * update of a deal stacks so that its stage, close date, next step and Save are all on
 * the screen and usable, and saving updates the counters at the top.
 */
@BrowserTest
class HomeOnAPhoneBrowserIT {

	private static final UUID PROPOSAL = UUID.fromString("01900000-0000-7000-8000-000000000004");

	private static final int PHONE_WIDTH = 375;

	@Autowired
	TestUsers users;

	@Autowired
	Accounts accounts;

	@Autowired
	Opportunities opportunities;

	@Autowired
	Activities activities;

	@Autowired
	FiscalCalendar calendar;

	@Test
	void aRepsDayFitsAPhoneAndItsCountersFollowAOneClickUpdate(Browser browser) {
		User rep = this.users.create(Role.REP);
		Viewer viewer = TestUsers.viewer(rep);
		LocalDate today = this.calendar.today();
		Opportunity overdue = deal(viewer, "Annual renewal of the enterprise licences for the northern region",
				today.minusDays(3));
		this.activities.create(viewer, new ActivityDetails(ActivityKind.TASK,
				"Send the revised proposal with the volume discount to the procurement team", null, overdue.accountId(),
				null, overdue.id(), rep.id(), today, TaskStatus.OPEN, TaskPriority.HIGH, null, null, List.of()));

		browser.signIn(rep.username(), TestUsers.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
		browser.open("/");
		WebElement row = browser.visible(By.id("deal-" + overdue.id()));
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		screenshot(browser, "home-my-day-375px.png");
		assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);

		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
			.as("the page is no wider than the phone")
			.isLessThanOrEqualTo(PHONE_WIDTH);
		for (String field : new String[] { "stage-", "close-", "next-" }) {
			WebElement input = row.findElement(By.id(field + overdue.id()));
			assertThat(right(js, input)).as("%s fits on the screen", field).isLessThanOrEqualTo(PHONE_WIDTH);
			assertThat(input.getSize().getWidth()).as("%s is wide enough to read", field).isGreaterThan(120);
		}
		WebElement save = row.findElement(By.cssSelector("button[type=submit]"));
		assertThat(right(js, save)).isLessThanOrEqualTo(PHONE_WIDTH);
		WebElement task = browser.visible(By.cssSelector("#day-tasks .bw-subject"));
		assertThat(task.getSize().getWidth()).as("a task's title has room for more than a word a line")
			.isGreaterThan(150);
		assertThat(browser.visible(By.id("count-overdue")).getText()).isEqualTo("1");

		WebElement close = row.findElement(By.id("close-" + overdue.id()));
		js.executeScript("arguments[0].value = arguments[1]", close, today.plusDays(14).toString());
		browser.click(By.cssSelector("#deal-" + overdue.id() + " button[type=submit]"));

		browser.waitUntil(ExpectedConditions.textToBe(By.id("count-overdue"), "0"));
		browser.visible(By.cssSelector("#deal-" + overdue.id() + " [role=status]"));
		assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
			.isLessThanOrEqualTo(PHONE_WIDTH);
	}

	/**
	 * Keeps what the phone showed in {@code target/browser/}, to look at.
	 */
	private static void screenshot(Browser browser, String name) {
		try {
			Path file = Path.of("target", "browser", name);
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int right(JavascriptExecutor js, WebElement element) {
		return ((Number) js.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().right)", element))
			.intValue();
	}

	private Opportunity deal(Viewer viewer, String name, LocalDate closeDate) {
		Account account = this.accounts.create(viewer, new AccountDetails("Phone Co " + UUID.randomUUID(), null, null,
				null, null, null, null, null, null, null, null, null, viewer.id(), null));
		return this.opportunities.create(viewer, new OpportunityDetails(name, account.id(), null, viewer.id(), PROPOSAL,
				new BigDecimal("12000"), false, closeDate, null, null, null, null, null, null));
	}

}
