package dev.bellwether.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.bellwether.TestUsers;
import dev.bellwether.customers.Contact;
import dev.bellwether.customers.ContactDetails;
import dev.bellwether.customers.Contacts;
import dev.bellwether.dataquality.QualityMeasurement;
import dev.bellwether.identity.Role;
import dev.bellwether.identity.User;
import dev.bellwether.platform.FiscalCalendar;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data-quality desk in a real browser: a sales administrator reads a team's trend
 * (drawn by Chart.js), fills a person's missing field in place, asks the owner from the
 * queue, and reads the desk and the queue on a phone.
 */
@BrowserTest
class DataQualityBrowserIT {

	private static final int PHONE_WIDTH = 375;

	@Autowired
	TestUsers users;

	@Autowired
	Contacts contacts;

	@Autowired
	QualityMeasurement measurement;

	@Autowired
	FiscalCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStewardReadsTheTrendFillsAFieldInPlaceAndAsksTheOwnerAlsoOnAPhone(Browser browser) {
		User manager = this.users.create(Role.MANAGER);
		User rep = this.users.create(Role.REP, manager.id());
		User steward = this.users.create(Role.SALES_ADMIN);
		String name = "Wanderer " + UUID.randomUUID().toString().substring(0, 8);
		Contact contact = this.contacts.create(TestUsers.viewer(rep),
				new ContactDetails(null, name, null, null, null, null, null, rep.id()));
		this.measurement.measure();
		// a week earlier, as the nightly job would have left it: the trend has two days
		this.jdbc.sql("""
				insert into quality_snapshots (day, record_type, owner_id, records, score_sum, complete, measured_at)
				values (:day, 'contact', :rep, 1, 0, 0, now())
				""").param("day", this.calendar.today().minusDays(7)).param("rep", rep.id()).update();

		browser.signIn(steward.username(), TestUsers.PASSWORD);
		browser.open("/data-quality?team=" + manager.id());
		browser.waitUntil(ExpectedConditions.attributeToBe(By.id("trend-chart"), "data-drawn", "true"));
		browser.click(By.cssSelector("#owner-" + rep.id() + " a"));
		browser.click(By.id("tab-contact"));

		String email = "wanderer." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		browser.click(By.id("fill-" + contact.id() + "-email"));
		WebElement input = browser.visible(By.cssSelector("#fill-" + contact.id() + "-email input"));
		input.sendKeys(email, Keys.ENTER);
		browser.waitUntil(ExpectedConditions.textToBe(By.id("fill-" + contact.id() + "-email"), email));
		assertThat(this.contacts.get(TestUsers.viewer(steward), contact.id()).email()).isEqualTo(email);

		browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, 900));
		browser.open("/data-quality/queue?owner=" + rep.id());
		fitsThePhone(browser, "data-quality-queue-375px.png");
		browser.click(By.cssSelector("#queue-table tbody tr button[aria-label^='Ask']"));
		assertThat(browser.visible(By.cssSelector(".alert-success")).getText()).contains("is asked to fix");
		browser.open("/data-quality?team=" + manager.id());
		browser.visible(By.id("team-scores"));
		fitsThePhone(browser, "data-quality-desk-375px.png");
	}

	private static void fitsThePhone(Browser browser, String screenshot) {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		try {
			Path file = Path.of("target", "browser", screenshot);
			Files.createDirectories(file.getParent());
			Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(((Number) js.executeScript("return window.innerWidth")).intValue()).isEqualTo(PHONE_WIDTH);
		assertThat(((Number) js
			.executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"))
			.intValue()).as("%s is no wider than the phone", browser.path()).isLessThanOrEqualTo(PHONE_WIDTH);
	}

}
